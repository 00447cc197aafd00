import { View, Text } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import type { OverdueItemData } from '../api/get-overdue'
import './overdue-row.scss'

/** One overdue milestone of a concern: where (community · grid), what, which milestone and how late. */
export function OverdueRow({ item, onClick }: { item: OverdueItemData; onClick: () => void }) {
  return (
    <View
      className='concern-row'
      hoverClass='cell--hover'
      onClick={onClick}
      data-testid='overdue-row'
      data-concern-id={item.concernId}
      data-milestone={item.milestone}
      {...a11y({ role: 'button' })}
    >
      <View className='concern-row__body'>
        <View className='concern-row__head'>
          <Tag tone='danger'>{t.milestones.overdue(item.milestoneLabel)}</Tag>
          <Text className='concern-row__no'>{item.publicNo}</Text>
        </View>
        <Text className='concern-row__excerpt'>{item.excerpt}</Text>
        <Text className='concern-row__meta'>
          {[t.street.overdueLine(item.communityName, item.grid?.name ?? null), item.categoryLabel, item.assignee]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text className='overdue-row__late'>{item.text}</Text>
      </View>
      <Icon name='chevronRight' size={32} color={colors.text3} />
    </View>
  )
}
