import { View, Text } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import type { KpiConcernItemData } from '../api/get-kpi-concerns'
import './kpis.scss'

/** One concern behind a figure: its number, what, its status, and whether it counts in the numerator. */
export function KpiConcernRow({ item, onClick }: { item: KpiConcernItemData; onClick: () => void }) {
  return (
    <View
      className='concern-row'
      hoverClass='cell--hover'
      onClick={onClick}
      data-testid='kpi-concern'
      data-concern-id={item.id}
      data-hit={String(item.hit)}
      {...a11y({ role: 'button' })}
    >
      <View className='concern-row__body'>
        <View className='concern-row__head'>
          <Text className='concern-row__no kpi-concern__no'>{item.publicNo}</Text>
          <Tag tone={item.hit ? 'success' : 'neutral'}>{item.hit ? t.kpis.hit : t.kpis.miss}</Tag>
        </View>
        <Text className='concern-row__excerpt'>{item.excerpt}</Text>
        <Text className='concern-row__meta'>{[item.categoryLabel, item.statusLabel, item.day].join(' · ')}</Text>
      </View>
      <Icon name='chevronRight' size={32} color={colors.text3} />
    </View>
  )
}
