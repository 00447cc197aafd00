import { Button } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { SkeletonList } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import type { ApiError } from '@/lib/api/client'
import type { ErrandData } from '../api/errands'
import { useErrandSteps } from '../hooks'
import { ConfirmBox } from './confirm-box'
import { ErrandCard } from './errand-card'

/**
 * A list of errands as the one who asked sees it (a resident's own, or the staff's, who confirm what
 * they asked on behalf): loading, error and empty states, and 确认完成 (with thanks) and 取消 where allowed.
 */
export function AskerErrands(props: {
  query: { data?: { items: ErrandData[] }; error?: ApiError; refetch: () => Promise<unknown> }
  empty: string
}) {
  const steps = useErrandSteps()
  const { data, error } = props.query
  if (!data) return error ? <ErrorState error={error} onRetry={() => void props.query.refetch()} /> : <SkeletonList count={2} lines={3} />
  if (data.items.length === 0) return <EmptyState compact icon='users' text={props.empty} />
  return (
    <>
      {data.items.map((e) => (
        <ErrandCard key={e.id} errand={e}>
          {e.actions.includes('confirm') ? (
            <ConfirmBox
              loading={steps.loading}
              onConfirm={(thanks) => void steps.take({ id: e.id, step: 'confirm', thanks }, undefined, t.errands.confirmed)}
            />
          ) : null}
          {e.actions.includes('cancel') ? (
            <Button
              className='btn btn--plain'
              hoverClass='btn--hover'
              data-testid='errand-cancel'
              disabled={steps.loading}
              onClick={() => void steps.take({ id: e.id, step: 'cancel' }, t.errands.cancelConfirm)}
            >
              {t.errands.cancel}
            </Button>
          ) : null}
        </ErrandCard>
      ))}
    </>
  )
}
