import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { cosignConcern } from '@/features/concerns/api/cosign-concern'
import { followConcern } from '@/features/concerns/api/follow-concern'
import { boardKeyPrefix } from '@/features/concerns/api/get-concern-board'
import { patchConcern, useConcern } from '@/features/concerns/api/get-concern'
import { unfollowConcern } from '@/features/concerns/api/unfollow-concern'
import { withdrawCosign } from '@/features/concerns/api/withdraw-cosign'
import { t } from '@/i18n/zh-cn'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { concernUrl } from '@/lib/routes'

export const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * The concern page's data and actions: the concern (cached copy first, fresh on every show),
 * 附议 and 关注 with their counts patched in place, the "raised" notice after a raise, and the
 * share card for public concerns only.
 */
export function useConcernPage() {
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

  return { id, concern, showCreated, hideCreated: () => setShowCreated(false), cosign, follow, shareable }
}
