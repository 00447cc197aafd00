import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { relationLabels } from '@domain/labels.js'
import type { HouseholdRelation } from '@domain/roles.js'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { t } from '@/i18n/zh-cn'
import { routes, switchToTab } from '@/lib/routes'

/** The claim is sent: what was claimed, and the way on to 我的 or 首页. */
export function ClaimSuccess({ trail, relation }: { trail: string; relation?: HouseholdRelation }) {
  return (
    <Screen testId='page-claim'>
      <View className='claim-success' data-testid='claim-success'>
        <View className='claim-success__icon'>
          <Icon name='check' size={88} color={colors.white} strokeWidth={2.4} />
        </View>
        <Text className='claim-success__title'>{t.claim.success.title}</Text>
        <Text className='claim-success__desc'>{t.claim.success.desc}</Text>
        <View className='card claim-success__summary'>
          <Text className='card__title'>{trail}</Text>
          <Text className='card__meta'>{relation ? relationLabels[relation] : ''}</Text>
        </View>
        <View className='claim-success__actions'>
          <Button className='btn btn--primary btn--block' hoverClass='btn--hover' onClick={() => void switchToTab('me')}>
            {t.claim.success.toMe}
          </Button>
          <Button className='btn btn--plain btn--block' hoverClass='btn--hover' onClick={() => void Taro.switchTab({ url: routes.home })}>
            {t.claim.success.toHome}
          </Button>
        </View>
      </View>
    </Screen>
  )
}
