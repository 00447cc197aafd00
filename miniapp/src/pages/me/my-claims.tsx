import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { SkeletonBox } from '@/components/skeleton'
import type { MyClaims } from '@/features/residency/api/get-my-claims'
import { useWithdrawClaim } from '@/features/residency/api/withdraw-claim'
import { MyClaimCard } from '@/features/residency/components/my-claim-card'
import { t } from '@/i18n/zh-cn'
import type { QueryResult } from '@/lib/api/use-query'

/** 我的认证申请: each claim with its status; a pending one can be withdrawn after a confirm. */
export function MyClaimsSection({ claims }: { claims: QueryResult<MyClaims> }) {
  const withdraw = useWithdrawClaim()
  const [withdrawingId, setWithdrawingId] = useState<string>()

  async function confirmWithdraw(claimId: string) {
    const { confirm } = await Taro.showModal({
      title: t.me.withdrawConfirmTitle,
      content: t.me.withdrawConfirm,
      confirmText: t.me.withdraw,
      confirmColor: colors.danger,
      cancelText: t.common.cancel,
    })
    if (!confirm) return
    setWithdrawingId(claimId)
    const done = await withdraw.mutate(claimId)
    setWithdrawingId(undefined)
    if (done) void Taro.showToast({ title: t.me.withdrawn, icon: 'success' })
  }

  return (
    <>
      <View className='section-title'>{t.me.claims}</View>
      <View className='card card--flush' data-testid='my-claims'>
        {claims.loading ? (
          <View className='me-claims-skeleton'>
            <SkeletonBox width='60%' height={36} />
            <SkeletonBox width='40%' className='skeleton--line' />
          </View>
        ) : claims.error && !claims.data ? (
          <ErrorState compact error={claims.error} onRetry={() => void claims.refetch()} />
        ) : !claims.data?.items.length ? (
          <EmptyState compact icon='clipboard' text={t.me.noClaims} />
        ) : (
          claims.data.items.map((claim) => (
            <MyClaimCard
              key={claim.id}
              claim={claim}
              withdrawing={withdrawingId === claim.id}
              onWithdraw={() => void confirmWithdraw(claim.id)}
            />
          ))
        )}
      </View>
    </>
  )
}
