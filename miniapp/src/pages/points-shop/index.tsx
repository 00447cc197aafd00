import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useMe } from '@/features/me/api/get-me'
import {
  cancelRedemption,
  type RedemptionData,
  redeemItem,
  refreshPoints,
  useItems,
  usePointsSummary,
  useRedemptions,
} from '@/features/points/api/points'
import { RedemptionCode, RedemptionRow } from '@/features/points/components/rows'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import '@/features/points/components/points.scss'

/** 爱心超市: the items with their points price and stock; 兑换 debits the points and shows a one-time code (QR + digits). */
export default function PointsShopPage() {
  const me = useMe()
  const communityId = useRouter().params.communityId || me.data?.households[0]?.communityId
  const summary = usePointsSummary(communityId)
  const items = useItems(communityId)
  const redemptions = useRedemptions(communityId)
  const [fresh, setFresh] = useState<RedemptionData>()
  const redeem = useMutation(redeemItem, { onSuccess: () => refreshPoints() })
  const cancel = useMutation(cancelRedemption, { onSuccess: () => refreshPoints() })

  useDidShow(() => void redemptions.refetch())
  usePullDownRefresh(async () => {
    await Promise.all([summary.refetch(), items.refetch(), redemptions.refetch()])
    Taro.stopPullDownRefresh()
  })

  async function onRedeem(item: { id: string; name: string; price: number }) {
    const { confirm } = await Taro.showModal({ title: t.points.redeem, content: t.points.redeemConfirm(item.name, item.price) })
    if (!confirm) return
    try {
      setFresh(await redeem.mutateAsync(item.id))
      void Taro.showToast({ title: t.points.redeemed, icon: 'success' })
    } catch (err) {
      const e = err as ApiError
      const details = e instanceof ApiError ? (e.details as { balance?: number } | undefined) : undefined
      const text =
        e.code === 'POINTS_NOT_ENOUGH' && details?.balance !== undefined ? t.points.notEnough(details.balance, item.price) : e.message
      void Taro.showModal({ title: t.points.redeem, content: text, showCancel: false })
    }
  }

  async function onCancel(id: string) {
    const { confirm } = await Taro.showModal({ title: t.points.cancel, content: t.points.cancelConfirm })
    if (confirm && (await cancel.mutate(id))) setFresh(undefined)
  }

  if (!items.data) {
    return (
      <Screen testId='page-points-shop'>
        {items.error?.status === 403 ? (
          <EmptyState icon='home' text={t.points.notResident} />
        ) : items.error ? (
          <ErrorState error={items.error} onRetry={() => void items.refetch()} />
        ) : (
          <SkeletonList count={3} lines={2} />
        )}
      </Screen>
    )
  }
  const balance = summary.data?.balance
  return (
    <Screen testId='page-points-shop'>
      {balance !== undefined ? (
        <View className='points-hero' data-testid='points-balance' data-balance={balance}>
          <Text className='points-hero__label'>{t.points.balance}</Text>
          <Text className='points-hero__value'>{`${balance} ${t.points.unit}`}</Text>
        </View>
      ) : null}
      {fresh?.code ? (
        <View className='card card--flush' data-testid='fresh-redemption'>
          <View className='points-row'>
            <Text className='points-row__title'>{`${t.points.redeemed}：${fresh.itemName}`}</Text>
          </View>
          <RedemptionCode redemption={fresh} />
        </View>
      ) : null}
      <View className='section-title'>{t.points.titles.shop}</View>
      <View className='card card--flush'>
        {items.data.items.length === 0 ? <EmptyState icon='list' text={t.points.empty} /> : null}
        {items.data.items.map((item) => (
          <View key={item.id} className='points-row' data-testid='shop-item' data-name={item.name}>
            <View className='points-row__body'>
              <Text className='points-row__title'>{item.name}</Text>
              <Text className='points-row__desc'>{`${t.points.price(item.price)} · ${t.points.stock(item.stock)}`}</Text>
            </View>
            <Button
              className='btn btn--primary btn--small'
              hoverClass='btn--hover'
              disabled={item.stock < 1 || redeem.loading}
              onClick={() => void onRedeem(item)}
              data-testid='shop-redeem'
            >
              {t.points.redeem}
            </Button>
          </View>
        ))}
      </View>
      {redemptions.data?.items.length ? (
        <>
          <View className='section-title'>{t.points.myRedemptions}</View>
          <View className='card card--flush'>
            {redemptions.data.items
              .filter((r) => r.id !== fresh?.id)
              .map((r) => (
                <RedemptionRow key={r.id} redemption={r} onCancel={() => void onCancel(r.id)} />
              ))}
          </View>
        </>
      ) : null}
    </Screen>
  )
}
