import { Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { TopicDecisionSheet } from '@/features/councils/components/topic-decision-sheet'
import { t } from '@/i18n/zh-cn'
import { cx } from '@/lib/format'
import { ResolutionForm } from './resolution-form'
import { ConcludeButton, RunHead, RunNav } from './run-parts'
import { useSessionRun } from './use-session-run'
import '../../shell.scss'
import './index.scss'

/** 主持议事: the agenda one item at a time; each item's resolution (决议), who carries it out and by when. */
export default function SessionRunPage() {
  const { session, agenda, index, setIndex, deferring, setDeferring, topics, concluding, conclude } = useSessionRun()
  const s = session.data

  if (session.loading) {
    return (
      <Screen testId='page-session-run'>
        <SkeletonList count={2} lines={3} />
      </Screen>
    )
  }
  if (!s) {
    return (
      <Screen testId='page-session-run'>
        {session.error ? (
          <ErrorState error={session.error} onRetry={() => void session.refetch()} />
        ) : (
          <EmptyState icon='calendar' text={t.session.notFound} />
        )}
      </Screen>
    )
  }
  if (s.status !== 'in_session') {
    return (
      <Screen testId='page-session-run'>
        <EmptyState icon='clock' text={t.run.notInSession} />
      </Screen>
    )
  }
  if (agenda.length === 0 || index === undefined) {
    return (
      <Screen testId='page-session-run'>
        <EmptyState icon='list' text={t.run.empty} action={<ConcludeButton busy={concluding} onClick={() => void conclude()} />} />
      </Screen>
    )
  }

  const item = agenda[Math.min(index, agenda.length - 1)]
  const allDone = agenda.every((a) => a.resolution)
  // Not reached today: the item moves on to a later session.
  const deferrable = !item.resolution ? topics.data?.items.find((tp) => tp.id === item.topicId && tp.actions.includes('defer')) : undefined

  return (
    <Screen testId='page-session-run' className='staff session-run'>
      <RunHead title={s.title} agenda={agenda} index={index} onPick={setIndex} />

      <ResolutionForm
        key={item.topicId}
        item={item}
        communityId={s.communityId}
        onRecorded={() => {
          const next = agenda.findIndex((a, i) => i > index && !a.resolution)
          if (next !== -1) setIndex(next)
        }}
        onDefer={deferrable ? () => setDeferring(deferrable) : undefined}
      />

      <RunNav index={index} count={agenda.length} onPick={setIndex} />

      <View className={cx('card run-conclude', allDone && 'run-conclude--ready')}>
        <Text className='run-conclude__hint'>{t.run.concludeHint}</Text>
        <ConcludeButton busy={concluding} primary={allDone} onClick={() => void conclude()} />
      </View>

      {deferring ? (
        <TopicDecisionSheet
          session={s}
          topic={deferring}
          decision='defer'
          onClose={() => setDeferring(undefined)}
          onDone={() => {
            setDeferring(undefined)
            setIndex(0)
          }}
        />
      ) : null}
    </Screen>
  )
}
