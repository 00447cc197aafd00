import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { openStatuses } from '@domain/concerns/lifecycle.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { NoticeLink } from '@/components/notice-link'
import { cosignConcern } from '@/features/concerns/api/cosign-concern'
import { followConcern } from '@/features/concerns/api/follow-concern'
import { boardKeyPrefix } from '@/features/concerns/api/get-concern-board'
import { patchConcern, useConcern } from '@/features/concerns/api/get-concern'
import { unfollowConcern } from '@/features/concerns/api/unfollow-concern'
import { withdrawCosign } from '@/features/concerns/api/withdraw-cosign'
import { ConcernDetailView } from '@/features/concerns/components/concern-detail-view'
import { RatingCard } from '@/features/concerns/components/rating-card'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { cx } from '@/lib/format'
import { concernUrl, openStaffConcern } from '@/lib/routes'
import './index.scss'
import { askToSubscribe } from '@/lib/subscribe'

const staffActions = ['accept', 'decline', 'merge', 'assign', 'start', 'send_to_council', 'note', 'resolve']
const isWeapp = process.env.TARO_ENV === 'weapp'

/** One concern as a resident follows it: status, facts, 附议 / 关注, timeline, and the rating at the end. */
export default function ConcernDetailPage() {
  const router = useRouter()
  const id = router.params.id || undefined
  const created = router.params.created === '1'
  const concern = useConcern(id)
  const c = concern.data
  const [showCreated, setShowCreated] = useState(created)

  const cosign = useMutation((on: boolean) => (on ? cosignConcern(id!) : withdrawCosign(id!)), {
    onSuccess: (state, on) => {
      patchConcern(id!, (d) => ({ ...d, cosignCount: state.cosignCount, viewer: { ...d.viewer, cosigned: state.cosigned } }))
      invalidateQueries(boardKeyPrefix)
      void Taro.showToast({ title: on ? t.detail.cosignDone : t.detail.cosignWithdrawn, icon: on ? 'success' : 'none' })
    },
  })
  const follow = useMutation((on: boolean) => (on ? followConcern(id!) : unfollowConcern(id!)), {
    onSuccess: (state, on) => {
      patchConcern(id!, (d) => ({ ...d, followCount: state.followCount, viewer: { ...d.viewer, following: state.following } }))
      invalidateQueries(`${boardKeyPrefix}`)
      void Taro.showToast({ title: on ? t.detail.followDone : t.detail.unfollowDone, icon: 'none' })
    },
  })

  // A cached copy shows at once; the fresh one follows (someone may have moved it on meanwhile).
  useDidShow(() => {
    void concern.refetch()
  })

  usePullDownRefresh(async () => {
    await concern.refetch()
    Taro.stopPullDownRefresh()
  })

  // Only public concerns may travel as a share card.
  const shareable = c?.visibility === 'public'
  useEffect(() => {
    if (!isWeapp || !c) return
    if (shareable) void Taro.showShareMenu({ withShareTicket: false }).catch(() => undefined)
    else void Taro.hideShareMenu({}).catch(() => undefined)
  }, [c, shareable])

  useShareAppMessage(() => {
    if (!c || !shareable) return { title: t.app.name, path: '/pages/concerns/index' }
    return { title: `${c.categoryLabel}：${c.excerpt}`.slice(0, 60), path: concernUrl(c.id) }
  })

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
      {showCreated ? (
        <View className='notice notice--brand detail-created' data-testid='concern-created' onClick={() => setShowCreated(false)}>
          <Icon name='checkCircle' size={48} color={colors.success} />
          <View className='notice__body'>
            <View className='notice__title'>{t.raise.created}</View>
            <View className='notice__desc'>{t.raise.createdDesc(c.publicNo)}</View>
          </View>
        </View>
      ) : null}

      <ConcernDetailView concern={c} detailUrl={(cid) => concernUrl(cid)}>
        <View className='card detail-actions' data-testid='concern-actions'>
          <View
            className={cx('detail-action', c.viewer.cosigned && 'detail-action--on', !canCosign && 'detail-action--static')}
            hoverClass={canCosign ? 'detail-action--hover' : 'none'}
            onClick={canCosign && !cosign.loading ? () => void cosign.mutate(!c.viewer.cosigned) : undefined}
            data-testid='cosign-button'
            data-active={c.viewer.cosigned ? 'true' : 'false'}
            {...a11y({ role: canCosign ? 'button' : undefined, selected: c.viewer.cosigned })}
          >
            <Icon name='thumbsUp' size={44} color={c.viewer.cosigned ? colors.white : colors.brand} />
            <Text className='detail-action__text'>
              {canCosign ? (c.viewer.cosigned ? t.detail.cosigned : t.detail.cosign) : t.detail.cosign}
            </Text>
            <Text className='detail-action__count' data-testid='cosign-count'>
              {c.cosignCount}
            </Text>
          </View>
          <View
            className={cx('detail-action', 'detail-action--follow', c.viewer.following && 'detail-action--following')}
            hoverClass='detail-action--hover'
            onClick={
              follow.loading
                ? undefined
                : () => {
                    if (!c.viewer.following) askToSubscribe('concern')
                    void follow.mutate(!c.viewer.following)
                  }
            }
            data-testid='follow-button'
            data-active={c.viewer.following ? 'true' : 'false'}
            {...a11y({ role: 'button', selected: c.viewer.following })}
          >
            <Icon name={c.viewer.following ? 'check' : 'eye'} size={44} color={c.viewer.following ? colors.success : colors.text2} />
            <Text className='detail-action__text'>{c.viewer.following ? t.detail.following : t.detail.follow}</Text>
          </View>
          {isWeapp && shareable ? (
            <Button className='detail-share' openType='share' hoverClass='detail-action--hover' {...a11y({ label: t.detail.share })}>
              <Icon name='share' size={44} color={colors.text2} />
            </Button>
          ) : null}
        </View>

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
