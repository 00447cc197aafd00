import { View } from '@tarojs/components'
import { openStatuses } from '@domain/concerns/lifecycle.js'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { NoticeLink } from '@/components/notice-link'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { ConcernDetailView } from '@/features/concerns/components/concern-detail-view'
import { RatingCard } from '@/features/concerns/components/rating-card'
import { t } from '@/i18n/zh-cn'
import { concernUrl, openStaffConcern } from '@/lib/routes'
import { ConcernActions, CreatedNotice } from './concern-actions'
import { useConcernPage } from './use-concern-page'
import './index.scss'

const staffActions = ['accept', 'decline', 'merge', 'assign', 'start', 'send_to_council', 'note', 'resolve']

/** One concern as a resident follows it: status, facts, 附议 / 关注, timeline, and the rating at the end. */
export default function ConcernDetailPage() {
  const { id, concern, showCreated, hideCreated, cosign, follow, shareable } = useConcernPage()
  const c = concern.data

  if (!id) {
    return (
      <Screen testId='page-concern'>
        <EmptyState icon='alert' text={t.detail.notFound} />
      </Screen>
    )
  }
  if (concern.loading) {
    return (
      <Screen testId='page-concern'>
        <View className='card detail-skeleton' data-testid='skeleton'>
          <SkeletonBox width='45%' height={88} />
          <SkeletonBox width='35%' className='skeleton--line' />
          <SkeletonBox className='skeleton--line' />
          <SkeletonBox width='80%' className='skeleton--line' />
        </View>
        <SkeletonList count={2} lines={2} />
      </Screen>
    )
  }
  if (!c) {
    const error = concern.error
    const missing = error && (error.status === 404 || error.status === 403)
    return (
      <Screen testId='page-concern'>
        {missing ? (
          <EmptyState icon='inbox' text={t.detail.notFound} />
        ) : error ? (
          <ErrorState error={error} onRetry={() => void concern.refetch()} />
        ) : null}
      </Screen>
    )
  }

  const canCosign = !c.mine && openStatuses.includes(c.status)
  const canHandle = c.viewer.actions.some((a) => staffActions.includes(a))
  const canRate = c.viewer.actions.includes('rate')

  return (
    <Screen testId='page-concern' className='detail'>
      {showCreated ? <CreatedNotice publicNo={c.publicNo} onClose={hideCreated} /> : null}

      <ConcernDetailView concern={c} detailUrl={(cid) => concernUrl(cid)}>
        <ConcernActions
          concern={c}
          canCosign={canCosign}
          shareable={shareable}
          cosignBusy={cosign.loading}
          followBusy={follow.loading}
          onCosign={(on) => void cosign.mutate(on)}
          onFollow={(on) => void follow.mutate(on)}
        />

        {canHandle ? (
          <NoticeLink
            icon='briefcase'
            title={t.detail.handle}
            onClick={() => void openStaffConcern(c.id)}
            testId='open-staff-concern'
            className='detail-handle'
          />
        ) : null}

        {canRate ? <RatingCard concernId={c.id} /> : null}
      </ConcernDetailView>
    </Screen>
  )
}
