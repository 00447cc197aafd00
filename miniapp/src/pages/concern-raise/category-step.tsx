import { Button, Text, View } from '@tarojs/components'
import { type Category, categories, categoryKeys } from '@domain/concerns/categories.js'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { categoryIcon } from '@/features/concerns/components/category-badge'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx, formatMoment } from '@/lib/format'
import type { RaiseDraftData } from './raise-draft'

export interface DraftOffer {
  draft: (RaiseDraftData & { savedAt: string }) | null
  onResume: () => void
  onDiscard: () => void
}

/**
 * Step 1: one decision, the category, as a grid of tiles — below the concern left unsent last
 * time, when there is one, with 继续填写 and 不要了.
 */
export function CategoryStep({
  value,
  onPick,
  offer,
}: {
  value: Category | undefined
  onPick: (key: Category) => void
  offer: DraftOffer
}) {
  return (
    // Keyed per step: the tap that picks a category must not bubble into the next step's nodes
    // (Taro re-renders during the event, and would reuse this step's nodes for the form).
    <Screen key='category' testId='page-raise' className='raise'>
      <View className='step-head' data-testid='raise-step-category'>
        <Text className='step-head__count'>{t.raise.stepOf(1, 2)}</Text>
        <Text className='step-head__title'>{t.raise.categoryTitle}</Text>
        <Text className='step-head__hint'>{t.raise.categoryHint}</Text>
      </View>
      {offer.draft ? <DraftCard offer={offer} /> : null}
      <View className='category-grid' data-testid='choices-category'>
        {categoryKeys.map((key) => (
          <View
            key={key}
            className={cx('category-tile', value === key && 'category-tile--selected')}
            hoverClass='category-tile--hover'
            data-testid={`category-${key}`}
            onClick={(e) => {
              e.stopPropagation()
              onPick(key)
            }}
            {...a11y({ role: 'button', pressed: value === key })}
          >
            <View className='category-tile__icon'>
              <Icon name={categoryIcon(key)} size={56} color={colors.brand} />
            </View>
            <Text className='category-tile__label'>{categories[key].label}</Text>
            <Text className='category-tile__hint'>{categories[key].hint}</Text>
          </View>
        ))}
      </View>
    </Screen>
  )
}

/** Step 2's head: where we are, 上一步, and the chosen category with 换一个. */
export function FormHead({ category, onBack }: { category: Category; onBack: () => void }) {
  return (
    <>
      <View className='step-head' data-testid='raise-step-form'>
        <View className='step-head__top'>
          <Text className='step-head__count'>{t.raise.stepOf(2, 2)}</Text>
          <View className='step-head__back' hoverClass='cell--hover' onClick={onBack} {...a11y({ role: 'button', label: t.common.back })}>
            <Icon name='chevronLeft' size={28} color={colors.text2} />
            <Text>{t.common.back}</Text>
          </View>
        </View>
        <Text className='step-head__title'>{t.raise.formTitle}</Text>
      </View>

      <View className='raise-category' hoverClass='cell--hover' onClick={onBack} data-testid='raise-category' {...a11y({ role: 'button' })}>
        <View className='category-tile__icon raise-category__icon'>
          <Icon name={categoryIcon(category)} size={44} color={colors.brand} />
        </View>
        <View className='raise-category__text'>
          <Text className='raise-category__label'>{categories[category].label}</Text>
          <Text className='raise-category__hint'>{categories[category].hint}</Text>
        </View>
        <Text className='raise-category__change'>{t.raise.change}</Text>
      </View>
    </>
  )
}

/** The concern written last time and not sent (closed, or no network), offered back. */
function DraftCard({ offer }: { offer: DraftOffer }) {
  const d = offer.draft!
  const excerpt = d.description.trim()
  return (
    <View className='card raise-draft' data-testid='raise-draft'>
      <View className='raise-draft__head'>
        <Icon name='edit' size={36} color={colors.brand} />
        <Text className='card__title'>{t.raise.draftTitle}</Text>
      </View>
      <Text className='raise-draft__text'>
        {categories[d.category].label}
        {excerpt ? `：${excerpt.length > 40 ? `${excerpt.slice(0, 40)}…` : excerpt}` : ''}
      </Text>
      <Text className='card__meta'>{t.raise.draftSaved(formatMoment(d.savedAt), d.photos.length)}</Text>
      <View className='btn-row'>
        <Button className='btn btn--outline' hoverClass='btn--hover' data-testid='raise-draft-discard' onClick={offer.onDiscard}>
          {t.raise.draftDiscard}
        </Button>
        <Button className='btn btn--primary' hoverClass='btn--hover' data-testid='raise-draft-resume' onClick={offer.onResume}>
          {t.raise.draftResume}
        </Button>
      </View>
    </View>
  )
}
