import { View, Text, Button, Textarea, Input, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { responsiblePartyKinds, responsiblePartyLabels, type ResponsibleParty } from '@domain/councils/kinds.js'
import { ORG_NAME_MAX, RESOLUTION_TEXT_MAX, RESOLUTION_TEXT_MIN } from '@domain/limits.js'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useActOnSession } from '@/features/councils/api/act-on-session'
import type { TopicData } from '@/features/councils/api/book-topic'
import { useSession, type AgendaItemData } from '@/features/councils/api/get-session'
import { useTopics } from '@/features/councils/api/get-topics'
import { useRecordResolution } from '@/features/councils/api/record-resolution'
import { ErrorLine } from '@/components/form-field'
import { PickerValue } from '@/components/picker-value'
import { TopicDecisionSheet } from '@/features/councils/components/topic-decision-sheet'
import { chinaMoment } from '@/features/councils/format'
import { chinaDate, chinaIso } from '@/lib/china-date'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { cx } from '@/lib/format'
import '../../shell.scss'
import './index.scss'

type Field = 'text' | 'responsibleName' | 'deadline'
const parties = responsiblePartyKinds.map((k) => ({ key: k, label: responsiblePartyLabels[k] }))
const DAY = 86_400_000

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0]
  return head === 'text' || head === 'responsibleName' || head === 'deadline' ? head : null
}

/** 主持议事: the agenda one item at a time; each item's resolution (决议), who carries it out and by when. */
export default function SessionRunPage() {
  const router = useRouter()
  const id = router.params.id || undefined
  const session = useSession(id)
  const s = session.data
  const agenda = s?.agenda ?? []
  const [index, setIndex] = useState<number>()
  const [deferring, setDeferring] = useState<TopicData>()
  const topics = useTopics(id)
  const act = useActOnSession()

  // Start at the first item without a resolution.
  useEffect(() => {
    if (index !== undefined || agenda.length === 0) return
    const open = agenda.findIndex((a) => !a.resolution)
    setIndex(open === -1 ? agenda.length - 1 : open)
  }, [agenda, index])

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
        <EmptyState icon='list' text={t.run.empty} action={<ConcludeButton busy={act.loading} onClick={() => void conclude()} />} />
      </Screen>
    )
  }

  const item = agenda[Math.min(index, agenda.length - 1)]
  const allDone = agenda.every((a) => a.resolution)
  // Not reached today: the item moves on to a later session.
  const deferrable = !item.resolution ? topics.data?.items.find((tp) => tp.id === item.topicId && tp.actions.includes('defer')) : undefined

  async function conclude() {
    const { confirm } = await Taro.showModal({
      title: t.staffSession.actions.conclude,
      content: t.staffSession.confirm.conclude,
      confirmText: t.common.confirm,
      confirmColor: colors.brand,
      cancelText: t.common.cancel,
    })
    if (!confirm) return
    const done = await act.mutate({ sessionId: s!.id, body: { action: 'conclude' } })
    if (!done) return
    void Taro.showToast({ title: t.staffSession.done.conclude, icon: 'success' })
    setTimeout(() => void Taro.navigateBack(), 600)
  }

  return (
    <Screen testId='page-session-run' className='staff session-run'>
      <View className='run-head'>
        <Text className='run-head__title'>{s.title}</Text>
        <Text className='run-head__progress' data-testid='run-progress'>
          {t.run.progress(index + 1, agenda.length)}
        </Text>
        <View className='run-dots'>
          {agenda.map((a, i) => (
            <View
              key={a.topicId}
              className={cx('run-dot', a.resolution && 'run-dot--done', i === index && 'run-dot--current')}
              onClick={() => setIndex(i)}
              {...a11y({ role: 'button', label: `${i + 1}` })}
            >
              {a.resolution ? <Icon name='check' size={28} color={colors.white} strokeWidth={2.6} /> : <Text>{i + 1}</Text>}
            </View>
          ))}
        </View>
      </View>

      <ResolutionForm
        key={item.topicId}
        item={item}
        onRecorded={() => {
          const next = agenda.findIndex((a, i) => i > index && !a.resolution)
          if (next !== -1) setIndex(next)
        }}
        onDefer={deferrable ? () => setDeferring(deferrable) : undefined}
      />

      <View className='run-nav'>
        <Button
          className='btn btn--plain btn--small'
          hoverClass='btn--hover'
          disabled={index === 0}
          onClick={() => setIndex(index - 1)}
          data-testid='run-prev'
        >
          {t.run.prev}
        </Button>
        <Button
          className='btn btn--plain btn--small'
          hoverClass='btn--hover'
          disabled={index >= agenda.length - 1}
          onClick={() => setIndex(index + 1)}
          data-testid='run-next'
        >
          {t.run.next}
        </Button>
      </View>

      <View className={cx('card run-conclude', allDone && 'run-conclude--ready')}>
        <Text className='run-conclude__hint'>{t.run.concludeHint}</Text>
        <ConcludeButton busy={act.loading} primary={allDone} onClick={() => void conclude()} />
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

function ConcludeButton({ busy, primary = true, onClick }: { busy: boolean; primary?: boolean; onClick: () => void }) {
  return (
    <Button
      className={cx('btn btn--block', primary ? 'btn--primary' : 'btn--outline')}
      hoverClass='btn--hover'
      disabled={busy}
      onClick={onClick}
      data-testid='run-conclude'
    >
      <Icon name='stop' size={40} color={primary ? colors.white : colors.brand} />
      <Text className='run-conclude__text'>{busy ? t.common.submitting : t.run.conclude}</Text>
    </Button>
  )
}

function ResolutionForm({ item, onRecorded, onDefer }: { item: AgendaItemData; onRecorded: () => void; onDefer?: () => void }) {
  const r = item.resolution
  const [text, setText] = useState(r?.text ?? '')
  const [party, setParty] = useState<ResponsibleParty>(r?.responsibleParty ?? 'community')
  const [name, setName] = useState(r?.responsibleName ?? '')
  const [deadline, setDeadline] = useState(chinaDate(r?.deadline ?? new Date(Date.now() + 30 * DAY).toISOString()))
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const record = useRecordResolution()

  async function submit() {
    if (text.trim().length < RESOLUTION_TEXT_MIN) return setErrors({ text: t.run.resolutionTooShort(RESOLUTION_TEXT_MIN) })
    try {
      await record.mutateAsync({
        topicId: item.topicId,
        body: {
          text: text.trim(),
          responsibleParty: party,
          responsibleName: name.trim() || undefined,
          deadline: chinaIso(deadline, '18:00'),
        },
      })
      void Taro.showToast({ title: t.run.recorded, icon: 'success' })
      onRecorded()
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  return (
    <View className='card run-item' data-testid='run-item' data-topic-id={item.topicId} data-resolved={r ? 'true' : 'false'}>
      <View className='run-item__top'>
        <Text className='run-item__order'>{item.order}</Text>
        <View className='run-item__titles'>
          <Text className='run-item__title'>{item.title}</Text>
          <Text className='run-item__meta'>
            {t.run.allotted(item.minutes)}
            {item.concern ? ` · ${t.session.linkedConcern} ${item.concern.publicNo}` : ''}
          </Text>
        </View>
      </View>
      <Text className='run-item__label'>{t.run.reason}</Text>
      <Text className='run-item__reason'>{item.reason}</Text>

      {r ? (
        <View className='run-item__recorded' data-testid='run-recorded'>
          <Icon name='checkCircle' size={36} color={colors.success} />
          <Text>
            {t.run.done} · {r.responsibleName ?? r.responsiblePartyLabel} · {chinaMoment(r.deadline)}
          </Text>
        </View>
      ) : null}

      <View className={cx('sheet-field run-field', errors.text && 'sheet-field--error')}>
        <Text className='sheet-field__label'>{t.run.resolution}</Text>
        <Textarea
          className='textarea textarea--short'
          data-testid='resolution-input'
          value={text}
          maxlength={RESOLUTION_TEXT_MAX}
          placeholder={t.run.resolutionPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            setText(e.detail.value)
            setErrors((x) => ({ ...x, text: undefined }))
          }}
        />
        {errors.text ? <ErrorLine text={errors.text} /> : null}
      </View>
      <View className='sheet-field run-field'>
        <Text className='sheet-field__label'>{t.run.party}</Text>
        <Chips items={parties} value={party} onChange={setParty} testIdPrefix='party' />
      </View>
      <View className={cx('sheet-field run-field', errors.responsibleName && 'sheet-field--error')}>
        <Text className='sheet-field__label'>{t.run.partyName}</Text>
        <Input
          className='text-input'
          data-testid='responsible-name-input'
          value={name}
          maxlength={ORG_NAME_MAX}
          placeholder={t.run.partyNamePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => setName(e.detail.value)}
        />
        {errors.responsibleName ? <ErrorLine text={errors.responsibleName} /> : null}
      </View>
      <View className={cx('sheet-field run-field', errors.deadline && 'sheet-field--error')}>
        <Text className='sheet-field__label'>{t.run.deadline}</Text>
        <Picker
          mode='date'
          value={deadline}
          start={chinaDate(new Date().toISOString())}
          onChange={(e) => setDeadline(String(e.detail.value))}
        >
          <PickerValue icon='calendar' text={deadline} testId='resolution-deadline' />
        </Picker>
        {errors.deadline ? <ErrorLine text={errors.deadline} /> : null}
      </View>
      <Button
        className='btn btn--primary btn--block run-item__submit'
        hoverClass='btn--hover'
        data-testid='record-resolution'
        disabled={record.loading}
        onClick={() => void submit()}
      >
        {record.loading ? t.common.submitting : r ? t.run.update : t.run.record}
      </Button>
      {onDefer ? (
        <Button
          className='btn btn--plain btn--block btn--small run-item__defer'
          hoverClass='btn--hover'
          data-testid='run-defer'
          onClick={onDefer}
        >
          {t.run.defer}
        </Button>
      ) : null}
    </View>
  )
}
