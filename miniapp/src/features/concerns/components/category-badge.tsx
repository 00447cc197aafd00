import { View, Text } from '@tarojs/components'
import { categories, type Category } from '@domain/concerns/categories.js'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { iconPaths, type IconName } from '@/components/icon-paths'
import { cx } from '@/lib/format'
import './category-badge.scss'

/** The icon a category names in domain/concerns/categories.ts, or 「more」 if the set lacks it. */
export function categoryIcon(category: Category): IconName {
  const name = categories[category]?.icon
  return name && name in iconPaths ? (name as IconName) : 'more'
}

/** Category icon in a soft square, with its label beside it unless `iconOnly`. */
export function CategoryBadge({
  category,
  label,
  size = 'md',
  iconOnly,
}: {
  category: Category
  label?: string
  size?: 'md' | 'lg'
  iconOnly?: boolean
}) {
  return (
    <View className={cx('category-badge', `category-badge--${size}`)}>
      <View className='category-badge__icon'>
        <Icon name={categoryIcon(category)} size={size === 'lg' ? 56 : 36} color={colors.brand} />
      </View>
      {iconOnly ? null : <Text className='category-badge__label'>{label ?? categories[category]?.label}</Text>}
    </View>
  )
}
