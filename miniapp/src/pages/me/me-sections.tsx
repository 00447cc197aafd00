import { Text, View } from '@tarojs/components'
import { relationLabels, roleLabels } from '@domain/labels.js'
import { Cell } from '@/components/cell'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import type { MeData } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { initialOf } from '@/lib/format'
import { openClaimForm, openStreet, openWorkbench } from '@/lib/routes'

/** The initial, nickname and masked phone at the top of 我的. */
export function ProfileHeader({ user }: { user: MeData['user'] }) {
  return (
    <View className='me-header' data-testid='profile'>
      <View className='me-header__avatar' {...a11y({ hidden: true })}>
        <Text>{initialOf(user.nickname)}</Text>
      </View>
      <View className='me-header__info'>
        <Text className='me-header__name'>{user.nickname}</Text>
        <View className='me-header__phone'>
          <Icon name='phone' size={28} color={colors.text2} />
          <Text>{user.phoneMasked ?? t.me.noPhone}</Text>
        </View>
      </View>
    </View>
  )
}

/** 我的社区: each community with the person's role in it. */
export function MembershipsCard({ memberships }: { memberships: MeData['memberships'] }) {
  return (
    <>
      <View className='section-title'>{t.me.communities}</View>
      <View className='card card--flush'>
        {memberships.length === 0 ? (
          <EmptyState compact icon='building' text={t.me.noCommunity} />
        ) : (
          memberships.map((m) => (
            <Cell
              key={`${m.communityId}-${m.role}`}
              icon='building'
              title={m.communityName}
              desc={m.orgName ? `${m.streetName} · ${m.orgName}` : m.streetName}
              value={<Tag tone={m.role === 'resident' ? 'neutral' : 'brand'}>{roleLabels[m.role]}</Tag>}
              testId='membership'
            />
          ))
        )}
      </View>
    </>
  )
}

/** 我的房屋: the verified households, and the way to claim one (in `communityId` when known). */
export function HouseholdsCard({ households, communityId }: { households: MeData['households']; communityId?: string }) {
  return (
    <>
      <View className='section-title'>{t.me.households}</View>
      <View className='card card--flush'>
        {households.map((h) => (
          <Cell
            key={h.householdId}
            icon='home'
            iconTone='success'
            title={h.address}
            desc={relationLabels[h.relation]}
            value={<Tag tone='success'>{t.staff.tabs.verified}</Tag>}
            testId='verified-household'
          />
        ))}
        <Cell
          icon='shieldCheck'
          title={t.me.claimEntry}
          desc={households.length === 0 ? t.me.claimEntryDesc : undefined}
          arrow
          onClick={() => void openClaimForm(communityId)}
          testId='open-claim-form'
          className='me-claim-entry'
        />
      </View>
    </>
  )
}

/** 社区工作台, for staff and partners: opens the first community they work for. */
export function WorkbenchEntry({ communityId, partnerOnly }: { communityId: string; partnerOnly: boolean }) {
  return (
    <>
      <View className='section-title'>{t.me.staff}</View>
      <View className='card card--flush'>
        <Cell
          icon='briefcase'
          iconTone='info'
          title={t.me.staffEntry}
          desc={partnerOnly ? t.me.partnerEntryDesc : t.me.staffEntryDesc}
          arrow
          onClick={() => void openWorkbench(communityId)}
          testId='open-staff'
        />
      </View>
    </>
  )
}

/** 街道工作台 for a street official (they have no community role, so no 社区工作台). */
export function StreetEntry({ street }: { street: MeData['streets'][number] }) {
  return (
    <>
      <View className='section-title'>{t.street.section}</View>
      <View className='card card--flush' data-testid='street-entry'>
        <Cell
          icon='layers'
          iconTone='info'
          title={t.street.entry}
          desc={t.street.entryDesc(street.streetName)}
          arrow
          onClick={() => void openStreet(street.streetId)}
          testId='open-street'
        />
      </View>
    </>
  )
}

export function MeSkeleton() {
  return (
    <Screen testId='page-me'>
      <View className='me-header'>
        <SkeletonBox width={128} height={128} circle />
        <View className='me-header__info'>
          <SkeletonBox width='50%' height={44} />
          <SkeletonBox width='35%' className='skeleton--line' />
        </View>
      </View>
      <View className='section-title' />
      <SkeletonList count={3} lines={1} />
    </Screen>
  )
}
