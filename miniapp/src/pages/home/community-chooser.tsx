import { View, Text } from '@tarojs/components'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { SkeletonList } from '@/components/skeleton'
import type { CommunityItem } from '@/features/communities/api/get-communities'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import type { ApiError } from '@/lib/api/client'
import { openClaimForm } from '@/lib/routes'

/** For someone with no community yet: pick one to claim a home in. */
export function CommunityChooser(props: {
  loading: boolean
  items: CommunityItem[] | undefined
  error: ApiError | undefined
  onRetry: () => void
}) {
  return (
    <View data-testid='community-chooser'>
      <View className='section-title section-title--first home-chooser__title'>
        <Text>{t.home.chooser.title}</Text>
      </View>
      <Text className='home-chooser__desc'>{t.home.chooser.desc}</Text>
      {props.loading ? (
        <SkeletonList count={3} lines={1} avatar />
      ) : props.error && !props.items ? (
        <ErrorState error={props.error} onRetry={props.onRetry} />
      ) : !props.items?.length ? (
        <EmptyState icon='building' text={t.home.chooser.empty} />
      ) : (
        <View className='card card--flush'>
          {props.items.map((c) => (
            <View
              key={c.id}
              className='cell community-option'
              hoverClass='cell--hover'
              onClick={() => void openClaimForm(c.id)}
              {...a11y({ role: 'button' })}
            >
              <View className='cell__icon'>
                <Icon name='building' size={40} color={colors.brand} />
              </View>
              <View className='cell__body'>
                <View className='cell__title'>{c.name}</View>
                <View className='cell__desc'>
                  {c.districtName} · {c.streetName} · {t.home.chooser.households(c.householdCount)}
                </View>
              </View>
              <Icon name='chevronRight' size={32} color={colors.text3} className='cell__arrow' />
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
