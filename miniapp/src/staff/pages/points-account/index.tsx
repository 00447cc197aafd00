import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { FormField } from '@/components/form-field'
import { Screen } from '@/components/screen'
import { Sheet } from '@/components/sheet'
import { SkeletonList } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { type AccountData, refreshPoints, reverseEntry, useAccount } from '@/features/points/api/points'
import { EntryRow } from '@/features/points/components/rows'
import { t } from '@/i18n/zh-cn'
import { nativeA11y } from '@/lib/a11y'
import type { ApiError } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import '../../shell.scss'
import '@/features/points/components/points.scss'

type Entry = AccountData['entries'][number]

/**
 * 居民积分 → one resident: the balance and every entry with its reason; an earning not corrected yet
 * has 更正, which writes a reversing entry with a reason (the original stays, decision 031).
 */
export default function PointsAccountPage() {
  const { communityId = '', userId = '' } = useRouter().params
  const account = useAccount(communityId || undefined, userId || undefined)
  const [correcting, setCorrecting] = useState<Entry>()
  usePullDownRefresh(async () => {
    await account.refetch()
    Taro.stopPullDownRefresh()
  })
  const a = account.data
  const corrected = new Set(a?.entries.filter((r) => r.kind === 'reversal').map((r) => r.sourceId))
  return (
    <Screen testId='page-points-account' className='staff'>
      {a ? (
        <>
          <View className='card points-account__head' data-testid='account-head'>
            <Text className='points-row__title'>{a.name}</Text>
            <Text className='points-account__balance' data-testid='account-balance'>
              {t.points.accountBalance(a.balance)}
            </Text>
          </View>
          <View className='card card--flush'>
            {a.entries.length ? null : <EmptyState icon='star' text={t.points.noAccountEntries} />}
            {a.entries.map((e) => (
              <View key={e.id} className='points-account__entry' data-testid='account-entry' data-kind={e.kind}>
                <EntryRow entry={e} />
                {e.reversible ? (
                  <View className='points-actions'>
                    <Button
                      className='btn btn--plain btn--small'
                      hoverClass='btn--hover'
                      onClick={() => setCorrecting(e)}
                      data-testid='entry-correct'
                    >
                      {t.points.correct}
                    </Button>
                  </View>
                ) : corrected.has(e.id) ? (
                  <View className='points-actions'>
                    <Tag>{t.points.corrected}</Tag>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        </>
      ) : account.error ? (
        <ErrorState error={account.error} onRetry={() => void account.refetch()} />
      ) : (
        <SkeletonList count={4} lines={1} />
      )}
      {correcting ? (
        <CorrectSheet
          communityId={communityId}
          entry={correcting}
          onClose={() => setCorrecting(undefined)}
          onDone={() => {
            setCorrecting(undefined)
            refreshPoints()
            void Taro.showToast({ title: t.points.correctDone, icon: 'success' })
          }}
        />
      ) : null}
    </Screen>
  )
}

function CorrectSheet(props: { communityId: string; entry: Entry; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const save = useMutation(reverseEntry, { onSuccess: props.onDone })
  async function confirm() {
    setError(undefined)
    try {
      await save.mutateAsync({ communityId: props.communityId, entryId: props.entry.id, reason: reason.trim() })
    } catch (err) {
      setError((err as ApiError).message)
    }
  }
  return (
    <Sheet
      title={t.points.correctTitle}
      desc={t.points.correctDesc(props.entry.reason, props.entry.amount)}
      onClose={props.onClose}
      testId='correct-sheet'
      footer={
        <Button
          className='btn btn--danger btn--block'
          hoverClass='btn--hover'
          loading={save.loading}
          disabled={save.loading}
          onClick={() => void confirm()}
          data-testid='correct-confirm'
        >
          {t.points.correctConfirm}
        </Button>
      }
    >
      <FormField name='reason' label={t.points.correctReason} error={error}>
        <Textarea
          className='textarea textarea--short'
          value={reason}
          maxlength={200}
          fixed
          placeholder={t.points.correctReasonPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => setReason(e.detail.value)}
          data-testid='correct-reason'
          {...nativeA11y({ label: t.points.correctReason })}
        />
      </FormField>
    </Sheet>
  )
}
