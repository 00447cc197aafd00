import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { currentPeriod, type PeriodKind, periodKinds } from '@domain/kpis/period.js'
import { Cell } from '@/components/cell'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { PagedList, useLoadMoreAtBottom } from '@/components/paged-list'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { SkeletonList } from '@/components/skeleton'
import { useOverdue } from '@/features/grids/api/get-overdue'
import { OverdueRow } from '@/features/grids/components/overdue-row'
import { type RankingLevel, useRanking } from '@/features/kpis/api/get-ranking'
import { RankingCard } from '@/features/kpis/components/ranking-card'
import { StreetSettingsCell } from '@/features/kpis/components/street-settings-cell'
import { chooseAndDownloadLedger } from '@/features/ledgers/components/choose-ledger'
import { useMe } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'
import { openKpis, openStaffConcern } from '@/lib/routes'
import '../../shell.scss'

const levels: RankingLevel[] = ['community', 'grid', 'worker']

/** 街道工作台: the street's communities (or grids, or workers) ranked on 综合 with their samples, and what is overdue across them. */
export default function StreetPage() {
  const router = useRouter()
  const me = useMe()
  const streets = me.data?.streets ?? []
  const street = streets.find((s) => s.streetId === router.params.streetId) ?? streets[0]
  const [kind, setKind] = useState<PeriodKind>('month')
  const [level, setLevel] = useState<RankingLevel>('community')
  const period = currentPeriod(kind, new Date())
  const ranking = useRanking(street ? { street: street.streetId, level, from: period.from, to: period.to } : null)
  const overdue = useOverdue(street ? { streetId: street.streetId } : null)
  useLoadMoreAtBottom(overdue)

  usePullDownRefresh(async () => {
    await Promise.all([me.refetch(), ranking.refetch(), overdue.refresh()])
    Taro.stopPullDownRefresh()
  })

  if (!street) {
    return (
      <Screen testId='page-street'>
        {me.loading ? <SkeletonList count={3} lines={2} /> : <EmptyState icon='briefcase' text={t.workbench.notStaff} />}
      </Screen>
    )
  }
  return (
    <Screen testId='page-street' className='staff'>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='layers' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{street.streetName}</Text>
          <Text className='staff-head__desc'>{ranking.data?.period.label ?? period.label}</Text>
        </View>
      </View>
      <Segmented
        className='kpi-switch'
        items={periodKinds.map((key) => ({ key, label: t.kpis.periods[key] }))}
        value={kind}
        onChange={setKind}
        testIdPrefix='period'
      />
      <Segmented
        className='kpi-switch'
        items={levels.map((key) => ({ key, label: t.street.levels[key] }))}
        value={level}
        onChange={setLevel}
        testIdPrefix='level'
      />
      {ranking.loading ? (
        <SkeletonList count={3} lines={2} />
      ) : ranking.data ? (
        <RankingCard
          ranking={ranking.data}
          onOpen={(unit) => void openKpis({ scope: level, id: unit.id, from: period.from, to: period.to })}
        />
      ) : ranking.error ? (
        <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : null}

      <View className='card card--flush'>
        <Cell
          icon='layers'
          iconTone='info'
          title={t.street.ownKpis}
          desc={t.street.ownKpisDesc}
          arrow
          onClick={() => void openKpis({ scope: 'street', id: street.streetId })}
          testId='open-street-kpis'
        />
        <StreetSettingsCell streetId={street.streetId} />
        <Cell
          icon='fileText'
          iconTone='info'
          title={t.ledgers.streetEntry}
          desc={t.ledgers.streetEntryDesc}
          arrow
          onClick={() => void chooseAndDownloadLedger({ scope: 'street', id: street.streetId, name: street.streetName })}
          testId='open-street-ledgers'
        />
      </View>

      <View className='section-title'>{t.street.overdue}</View>
      <View className='card card--flush'>
        <PagedList
          list={overdue}
          testId='overdue-list'
          compact
          skeleton={<SkeletonList count={2} lines={2} />}
          empty={<EmptyState compact icon='checkCircle' text={t.street.overdueEmpty} />}
        >
          {(items) =>
            items.map((item) => (
              <OverdueRow key={`${item.concernId}-${item.milestone}`} item={item} onClick={() => void openStaffConcern(item.concernId)} />
            ))
          }
        </PagedList>
      </View>
    </Screen>
  )
}
