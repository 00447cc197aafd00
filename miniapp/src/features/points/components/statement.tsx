import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { monthOf, shiftMonth } from '@domain/points/ledger.js'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Segmented } from '@/components/segmented'
import { SkeletonList } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import { useStatement } from '../api/points'
import { EntryRow } from './rows'
import './points.scss'

/** 月度对账单: a month's opening and closing balance and its entries, 本人 or 本户, month by month. */
export function StatementCard({ communityId, household }: { communityId: string; household: boolean }) {
  const [month, setMonth] = useState(() => monthOf(new Date()))
  const [scope, setScope] = useState<'me' | 'household'>('me')
  const statement = useStatement(communityId, month, scope)
  const st = statement.data
  return (
    <>
      <View className='section-title'>{t.points.statement}</View>
      <View className='points-months'>
        <Button
          className='btn btn--plain btn--small'
          hoverClass='btn--hover'
          onClick={() => setMonth(shiftMonth(month, -1))}
          data-testid='month-prev'
        >
          {t.points.prevMonth}
        </Button>
        <Text data-testid='statement-month'>{month}</Text>
        {month < monthOf(new Date()) ? (
          <Button
            className='btn btn--plain btn--small'
            hoverClass='btn--hover'
            onClick={() => setMonth(shiftMonth(month, 1))}
            data-testid='month-next'
          >
            {t.points.nextMonth}
          </Button>
        ) : (
          <View />
        )}
      </View>
      {household ? (
        <View className='points-scope'>
          <Segmented
            items={[
              { key: 'me', label: t.points.scopeMe },
              { key: 'household', label: t.points.scopeHousehold },
            ]}
            value={scope}
            onChange={setScope}
            testIdPrefix='statement-scope'
          />
        </View>
      ) : null}
      <View className='card card--flush' data-testid='statement'>
        {st ? (
          <>
            <View className='points-totals'>
              <Text>{`${t.points.opening} ${st.opening}`}</Text>
              <Text>{`${t.points.credits} +${st.credits}`}</Text>
              <Text>{`${t.points.debits} ${st.debits}`}</Text>
              <Text data-testid='statement-closing'>{`${t.points.closing} ${st.closing}`}</Text>
            </View>
            {st.entries.length === 0 ? (
              <EmptyState icon='list' text={t.points.noEntries} />
            ) : (
              st.entries.map((e) => <EntryRow key={e.id} entry={e} />)
            )}
          </>
        ) : statement.error ? (
          <ErrorState error={statement.error} onRetry={() => void statement.refetch()} />
        ) : (
          <SkeletonList count={2} lines={1} />
        )}
      </View>
    </>
  )
}
