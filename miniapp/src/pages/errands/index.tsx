import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Cell } from '@/components/cell'
import { EmptyState } from '@/components/empty-state'
import { Screen } from '@/components/screen'
import { useErrands, useStations } from '@/features/errands/api/errands'
import { AskerErrands } from '@/features/errands/components/asker-errands'
import { useMe } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'
import { openErrands } from '@/lib/routes'
import '@/features/errands/components/errands.scss'

/** 找人帮忙: the stations serving my buildings, 找人帮忙 (the form on its own page), my errands with 取消 and 确认完成 + thanks. */
export default function ErrandsPage() {
  const me = useMe()
  const communityId = useRouter().params.communityId || me.data?.households[0]?.communityId
  const errands = useErrands(communityId, 'mine')
  const stations = useStations(communityId)
  const mine = stations.data?.items.find((s) => s.mine)

  useDidShow(() => void errands.refetch())
  usePullDownRefresh(async () => {
    await Promise.all([errands.refetch(), stations.refetch()])
    Taro.stopPullDownRefresh()
  })

  if (!communityId && !me.loading)
    return (
      <Screen testId='page-errands'>
        <EmptyState icon='home' text={t.errands.needsHousehold} />
      </Screen>
    )
  return (
    <Screen testId='page-errands'>
      <View className='errand-actions-bar'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='open-errand-ask'
          onClick={() => void openErrands('ask', communityId!)}
        >
          {t.errands.ask}
        </Button>
        <Text className='field__hint'>{t.errands.askHint}</Text>
      </View>
      {mine ? (
        <View className='card card--flush'>
          <Cell
            icon='people'
            title={t.errands.helperEntry}
            desc={t.errands.helperEntryDesc(mine.name)}
            arrow
            testId='open-errand-helper'
            onClick={() => void openErrands('helper', communityId!)}
          />
        </View>
      ) : null}
      {stations.data?.items.length ? (
        <>
          <View className='section-title'>{t.errands.stations}</View>
          <View className='card card--flush'>
            {stations.data.items.map((s) => (
              <View key={s.id} className='errand-station' data-testid='errand-station'>
                <Text className='card__title'>
                  {s.name} · {s.labelName}
                </Text>
                <Text className='errand-card__line'>{t.errands.stationBuildings(s.buildings.map((b) => b.name))}</Text>
                <Text className='errand-card__line'>{s.kindLabels.join('、')}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
      <View className='section-title'>{t.errands.mineTitle}</View>
      <AskerErrands query={errands} empty={t.errands.empty} />
    </Screen>
  )
}
