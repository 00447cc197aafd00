import { Text, View } from '@tarojs/components'
import { claimStatusLabels } from '@domain/labels.js'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { MembershipItem } from '@/features/me/api/get-me'
import type { ReviewStatus } from '@/features/residency/api/get-community-claims'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'

const tabs: ReviewStatus[] = ['pending', 'verified', 'rejected']

interface Props {
  communities: MembershipItem[]
  communityId: string
  onCommunity: (communityId: string) => void
  status: ReviewStatus
  onStatus: (status: ReviewStatus) => void
}

/** The community reviewed (a chip each when the worker has several) and the tabs by status. */
export function ClaimsHead({ communities, communityId, onCommunity, status, onStatus }: Props) {
  return (
    <>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='clipboard' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.staff.title}</Text>
          <Text className='staff-head__desc'>{communities.find((c) => c.communityId === communityId)?.communityName}</Text>
        </View>
      </View>

      {communities.length > 1 ? (
        <View className='staff-communities' {...a11y({ role: 'tablist' })}>
          {communities.map((c) => (
            <View
              key={c.communityId}
              className={cx('staff-chip', c.communityId === communityId && 'staff-chip--active')}
              onClick={() => onCommunity(c.communityId)}
              {...a11y({ role: 'tab', selected: c.communityId === communityId })}
            >
              {c.communityName}
            </View>
          ))}
        </View>
      ) : null}

      <View className='staff-tabs' {...a11y({ role: 'tablist' })}>
        {tabs.map((s) => (
          <View
            key={s}
            className={cx('staff-tab', s === status && 'staff-tab--active')}
            data-testid={`tab-${s}`}
            onClick={() => onStatus(s)}
            {...a11y({ role: 'tab', selected: s === status })}
          >
            <Text>{claimStatusLabels[s]}</Text>
          </View>
        ))}
      </View>
      <Text className='staff-hint'>{t.staff.desc}</Text>
    </>
  )
}
