import { Picker, Text, View } from '@tarojs/components'
import { categories, categoryKeys } from '@domain/concerns/categories.js'
import { periodKinds } from '@domain/kpis/period.js'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { PickerValue } from '@/components/picker-value'
import { Segmented } from '@/components/segmented'
import { t } from '@/i18n/zh-cn'
import type { Kind, PeriodField } from './use-kpis-page'

const kinds: Kind[] = [...periodKinds, 'custom']
const ALL = 'all'
const categoryItems = [{ key: ALL, label: t.kpis.allCategories }, ...categoryKeys.map((key) => ({ key, label: categories[key].label }))]

export interface PeriodFilterProps {
  kind: Kind
  onKind: (kind: Kind) => void
  range: { from: string; to: string }
  onRange: (range: { from: string; to: string }) => void
  /** The API's refusal of the period, on the field it names. */
  refused: Partial<Record<PeriodField, string>>
  category: string | undefined
  onCategory: (category: string | undefined) => void
}

/** 本月 / 本季度 / 本年 / 自定义 (from–to, China days), and one category or all: what every figure below is about. */
export function PeriodFilter(props: PeriodFilterProps) {
  const { range, refused } = props
  const thisYear = Number(range.to.slice(0, 4)) || new Date().getFullYear()
  // Wide enough to ask for more than the API allows: the refusal is the API's, shown on the field.
  const start = `${thisYear - 10}-01-01`
  const end = `${thisYear + 1}-12-31`
  return (
    <View data-testid='kpi-filter'>
      <Segmented
        className='kpi-switch kpi-period-switch'
        items={kinds.map((key) => ({ key, label: t.kpis.periods[key] }))}
        value={props.kind}
        onChange={props.onKind}
        testIdPrefix='period'
      />
      {props.kind === 'custom' ? (
        <View className='kpi-range' data-testid='kpi-range'>
          <FormField label={t.kpis.from} error={refused.from} name='from'>
            <Picker
              mode='date'
              value={range.from}
              start={start}
              end={end}
              onChange={(e) => props.onRange({ ...range, from: String(e.detail.value) })}
            >
              <PickerValue icon='calendar' text={range.from} testId='kpi-from' />
            </Picker>
          </FormField>
          <FormField label={t.kpis.to} error={refused.to} name='to'>
            <Picker
              mode='date'
              value={range.to}
              start={start}
              end={end}
              onChange={(e) => props.onRange({ ...range, to: String(e.detail.value) })}
            >
              <PickerValue icon='calendar' text={range.to} testId='kpi-to' />
            </Picker>
            <Text className='kpi-range__note'>{t.kpis.rangeHint}</Text>
          </FormField>
        </View>
      ) : null}
      <Chips
        className='kpi-categories'
        scroll
        items={categoryItems}
        value={props.category ?? ALL}
        onChange={(key) => props.onCategory(key === ALL ? undefined : key)}
        testIdPrefix='kpi-category'
      />
    </View>
  )
}
