import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ErrorState } from '@/components/error-state'
import { SkeletonBox } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { type MonthlyCard, useMonthlyCard } from '../api/get-monthly-card'
import './monthly-card.scss'

const figures = ['response', 'resolution', 'satisfaction', 'composite'] as const
type Figure = (typeof figures)[number]

/**
 * 本月社区三率: the community's 响应率 · 解决率 · 满意率 and 综合 this month, each with its sample, for
 * residents — "—" where nothing was counted. The formulas open under the figures.
 */
export function MonthlyKpiCard({
  communityId,
  data,
  onMore,
  title = t.kpiCard.title,
}: {
  communityId: string
  /** 本月社区三率 on 首页; the 公示栏 of any month says 社区三率. */
  title?: string
  /** The figures when the page already has them (the 公示栏): no request of its own. */
  data?: MonthlyCard
  /** A link under the figures (首页: 查看公示栏). */
  onMore?: () => void
}) {
  const fetched = useMonthlyCard(data ? undefined : communityId)
  const card = data ? { data, loading: false, error: undefined, refetch: fetched.refetch } : fetched
  const [showFormula, setShowFormula] = useState(false)
  return (
    <>
      <View className='section-title'>
        <Text>{title}</Text>
        {card.data ? <Text className='kpi-card__month'>{card.data.period.label}</Text> : null}
      </View>
      <View className='card kpi-card' data-testid='kpi-card'>
        {card.loading && !card.data ? (
          <SkeletonBox width='100%' height={160} />
        ) : card.error && !card.data ? (
          <ErrorState compact error={card.error} onRetry={() => void card.refetch()} />
        ) : card.data ? (
          <>
            <View className='kpi-card__grid'>
              {figures.map((f) => (
                <Figure key={f} figure={f} data={card.data!} />
              ))}
            </View>
            <View
              className='kpi-card__foot'
              onClick={() => setShowFormula(!showFormula)}
              data-testid='kpi-card-formula-toggle'
              {...a11y({ role: 'button' })}
            >
              <Text className='kpi-card__note'>{t.kpiCard.note}</Text>
              <Text className='kpi-card__toggle'>{t.kpiCard.formulaToggle}</Text>
            </View>
            {showFormula ? (
              <View className='kpi-card__formula' data-testid='kpi-card-formula'>
                {card.data.formula.slice(0, 4).map((line) => (
                  <Text key={line} className='kpi-card__formula-line'>
                    {line}
                  </Text>
                ))}
              </View>
            ) : null}
            {onMore ? (
              <View
                className='kpi-card__more'
                hoverClass='cell--hover'
                onClick={onMore}
                data-testid='kpi-card-board'
                {...a11y({ role: 'link' })}
              >
                <Text className='kpi-card__more-title'>{t.board.more}</Text>
                <Text className='kpi-card__more-desc'>{t.board.moreDesc}</Text>
              </View>
            ) : null}
          </>
        ) : null}
      </View>
    </>
  )
}

function Figure({ figure, data }: { figure: Figure; data: MonthlyCard }) {
  const rate = data.rates[figure]
  const empty = rate.value === null
  const sample =
    figure === 'composite'
      ? t.kpiCard.samples.composite
      : t.kpiCard.samples[figure](
          figure === 'response' ? data.samples.received : figure === 'resolution' ? data.samples.due : data.samples.rated,
        )
  return (
    <View className={cx('kpi-card__item', figure === 'composite' && 'kpi-card__item--main')} data-testid={`kpi-${figure}`}>
      <Text className='kpi-card__label'>{rate.label}</Text>
      <Text className={cx('kpi-card__value', empty && 'kpi-card__value--empty')} data-testid='kpi-value'>
        {empty ? t.kpiCard.empty : rate.percent}
      </Text>
      <Text className='kpi-card__sample'>{empty && figure !== 'composite' ? `${t.kpiCard.noSample} · ${sample}` : sample}</Text>
    </View>
  )
}
