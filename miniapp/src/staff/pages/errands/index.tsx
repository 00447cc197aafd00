import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { SkeletonList } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { patchStation, refreshErrands, useErrands, useStations } from '@/features/errands/api/errands'
import { AskerErrands } from '@/features/errands/components/asker-errands'
import { ErrandFormCard } from '@/features/errands/components/errand-form'
import { useMe } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'
import { useMutation } from '@/lib/api/use-mutation'
import { StationForm } from './station-form'
import '@/features/errands/components/errands.scss'

type Tab = 'errands' | 'stations' | 'ask'

/** 代办站 (社区工作台): the community's errands with their contacts, its stations (开设, 暂停/恢复), and 代为提出 for a resident without a phone. */
export default function StaffErrandsPage() {
  const me = useMe()
  const communityId = useRouter().params.communityId || me.data?.staffOf[0]
  const [tab, setTab] = useState<Tab>('errands')
  const errands = useErrands(communityId, 'staff')
  const buildings = useBuildings(communityId)
  useDidShow(() => void errands.refetch())
  usePullDownRefresh(async () => {
    refreshErrands()
    Taro.stopPullDownRefresh()
  })
  const tabs = (Object.keys(t.errands.staffTabs) as Tab[]).map((k) => ({ key: k, label: t.errands.staffTabs[k] }))
  return (
    <Screen testId='page-staff-errands'>
      <Segmented items={tabs} value={tab} onChange={setTab} testIdPrefix='errands-tab' className='errand-tabs' />
      {!communityId ? null : tab === 'stations' ? (
        <StationsTab communityId={communityId} />
      ) : tab === 'ask' ? (
        me.data ? (
          <ErrandFormCard
            communityId={communityId}
            userId={me.data.user.id}
            buildings={buildings.data?.items ?? []}
            onBehalf
            onSent={() => setTab('errands')}
          />
        ) : null
      ) : (
        <AskerErrands query={errands} empty={t.errands.staffEmpty} />
      )}
    </Screen>
  )
}

function StationsTab({ communityId }: { communityId: string }) {
  const stations = useStations(communityId)
  const toggle = useMutation(patchStation, { onSuccess: () => refreshErrands() })
  return (
    <>
      {!stations.data ? (
        stations.error ? (
          <ErrorState error={stations.error} onRetry={() => void stations.refetch()} />
        ) : (
          <SkeletonList count={2} lines={2} />
        )
      ) : stations.data.items.length === 0 ? (
        <EmptyState compact icon='home' text={t.errands.stationsEmpty} />
      ) : (
        <View className='card card--flush'>
          {stations.data.items.map((s) => (
            <View key={s.id} className='errand-station' data-testid='staff-station'>
              <View className='errand-card__head'>
                <Text className='card__title'>
                  {s.name} · {s.labelName}
                </Text>
                <Tag tone={s.active ? 'success' : 'neutral'}>{s.active ? t.errands.stationActive : t.errands.stationPaused}</Tag>
              </View>
              {s.helper ? <Text className='errand-card__line'>{s.helper.nickname}</Text> : null}
              <Text className='errand-card__line'>{t.errands.stationBuildings(s.buildings.map((b) => b.name))}</Text>
              <Text className='errand-card__line'>{s.kindLabels.join('、')}</Text>
              <View className='errand-card__actions'>
                <Button
                  className='btn btn--plain btn--small'
                  hoverClass='btn--hover'
                  disabled={toggle.loading}
                  data-testid='station-toggle'
                  onClick={() => void toggle.mutateAsync({ id: s.id, active: !s.active })}
                >
                  {s.active ? t.errands.pause : t.errands.resume}
                </Button>
              </View>
            </View>
          ))}
        </View>
      )}
      <StationForm communityId={communityId} />
    </>
  )
}
