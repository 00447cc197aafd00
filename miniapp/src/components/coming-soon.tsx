import { View, Text } from '@tarojs/components'
import { t } from '@/i18n/zh-cn'
import { colors } from './colors'
import { Icon } from './icon'
import type { IconName } from './icon-paths'
import './coming-soon.scss'

export interface ComingSoonProps {
  icon: IconName
  title: string
  lead: string
  points: readonly string[]
  pointIcons?: readonly IconName[]
}

/** A feature that is being built: what it will do, in the resident's words. */
export function ComingSoon({ icon, title, lead, points, pointIcons = [] }: ComingSoonProps) {
  return (
    <View className='coming-soon' data-testid='coming-soon'>
      <View className='coming-soon__hero'>
        <View className='coming-soon__badge-icon'>
          <Icon name={icon} size={88} color={colors.brand} />
        </View>
        <Text className='tag tag--brand coming-soon__badge'>{t.comingSoon.badge}</Text>
        <Text className='coming-soon__title'>{title}</Text>
        <Text className='coming-soon__lead'>{lead}</Text>
      </View>
      <View className='card card--flush coming-soon__list'>
        {points.map((point, i) => (
          <View key={point} className='coming-soon__item'>
            <View className='coming-soon__item-icon'>
              <Icon name={pointIcons[i] ?? 'check'} size={36} color={colors.brand} />
            </View>
            <Text className='coming-soon__item-text'>{point}</Text>
          </View>
        ))}
      </View>
      <View className='divider-text'>
        <Icon name='bell' size={28} color={colors.text3} className='coming-soon__bell' />
        <Text>{t.comingSoon.footnote}</Text>
      </View>
    </View>
  )
}
