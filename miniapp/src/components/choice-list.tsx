import { View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { colors } from './colors'
import { Icon } from './icon'
import type { IconName } from './icon-paths'

export interface Choice {
  id: string
  title: string
  desc?: string
}

export interface ChoiceListProps {
  items: readonly Choice[]
  selectedId?: string
  onSelect: (id: string) => void
  icon?: IconName
  /** Grid of tiles (room numbers) instead of full-width rows. */
  grid?: boolean
  testId?: string
}

/** One decision per screen: big tappable options; picking one moves on. */
export function ChoiceList({ items, selectedId, onSelect, icon, grid, testId }: ChoiceListProps) {
  if (grid) {
    return (
      <View className='choice-grid' data-testid={testId}>
        {items.map((item) => (
          <View
            key={item.id}
            className={cx('choice-tile', 'choice', selectedId === item.id && 'choice--selected')}
            hoverClass='choice--hover'
            onClick={() => onSelect(item.id)}
            data-testid='choice'
            {...a11y({ role: 'button', pressed: selectedId === item.id })}
          >
            <Text className='choice-tile__title'>{item.title}</Text>
            {item.desc ? <Text className='choice-tile__desc'>{item.desc}</Text> : null}
          </View>
        ))}
      </View>
    )
  }
  return (
    <View className='card card--flush choice-list' data-testid={testId}>
      {items.map((item) => (
        <View
          key={item.id}
          className={cx('choice-row', 'choice', selectedId === item.id && 'choice--selected')}
          hoverClass='cell--hover'
          onClick={() => onSelect(item.id)}
          data-testid='choice'
          {...a11y({ role: 'button', pressed: selectedId === item.id })}
        >
          {icon ? (
            <View className='cell__icon'>
              <Icon name={icon} size={40} color={colors.brand} />
            </View>
          ) : null}
          <View className='cell__body'>
            <Text className='choice-row__title'>{item.title}</Text>
            {item.desc ? <Text className='choice-row__desc'>{item.desc}</Text> : null}
          </View>
          {selectedId === item.id ? (
            <Icon name='checkCircle' size={44} color={colors.brand} />
          ) : (
            <Icon name='chevronRight' size={32} color={colors.text3} />
          )}
        </View>
      ))}
    </View>
  )
}
