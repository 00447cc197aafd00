import { View, Text } from '@tarojs/components'
import { can } from '@domain/permissions.js'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { IconName } from '@/components/icon-paths'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { useCommunity } from '@/features/communities/api/get-community'
import type { MeData } from '@/features/me/api/get-me'
import type { WorkbenchCommunity } from '@/features/me/workbench'
import type { MyClaims } from '@/features/residency/api/get-my-claims'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { openClaimForm, openRaiseForm, openVolunteering, openWorkbench, switchToTab } from '@/lib/routes'

type Membership = MeData['memberships'][number]

/** 我的社区: its name, street and a few numbers. */
export function CommunityCard({ primary }: { primary: Membership }) {
  const community = useCommunity(primary.communityId)
  return (
    <View className='card home-community' data-testid='community-card'>
      <View className='home-community__head'>
        <View className='home-community__icon'>
          <Icon name='building' size={48} color={colors.brand} />
        </View>
        <View className='home-community__names'>
          <Text className='home-community__label'>{t.home.myCommunity}</Text>
          <Text className='home-community__name'>{primary.communityName}</Text>
          <View className='home-community__street'>
            <Icon name='mapPin' size={28} color={colors.text2} />
            <Text>{community.data ? `${community.data.districtName} · ${community.data.streetName}` : primary.streetName}</Text>
          </View>
        </View>
      </View>
      <View className='home-stats'>
        <Stat label={t.home.stats.buildings} value={community.data?.buildingCount} />
        <Stat label={t.home.stats.households} value={community.data?.householdCount} />
        <Stat label={t.home.stats.verified} value={community.data?.verifiedResidentCount} />
      </View>
    </View>
  )
}

/**
 * What stands between the person and taking part: a claim waiting for a worker, or no verified home
 * here. With `claimInTodo` the 待办 card already shows the pending claim, so the banner stays away.
 */
export function ClaimBanner({
  me,
  claims,
  communityId,
  claimInTodo,
}: {
  me: MeData
  claims: MyClaims | undefined
  communityId: string | undefined
  claimInTodo: boolean
}) {
  const pendingClaim = claims?.items.find((c) => c.status === 'pending' && (!communityId || c.communityId === communityId))
  const verifiedHere = communityId ? can(toActor(me), 'resident.act', { communityId }) : false
  if (pendingClaim && claimInTodo) return null
  return (
    <>
      {pendingClaim ? (
        <View
          className='notice notice--info home-banner'
          hoverClass='home-banner--hover'
          onClick={() => void switchToTab('me')}
          {...a11y({ role: 'button' })}
        >
          <Icon name='clock' size={48} color={colors.info} />
          <View className='notice__body'>
            <View className='notice__title'>{t.home.verifyBanner.pendingTitle}</View>
            <View className='notice__desc'>{t.home.verifyBanner.pendingDesc}</View>
          </View>
          <Text className='home-banner__action home-banner__action--info'>{t.home.verifyBanner.pendingAction}</Text>
        </View>
      ) : communityId && !verifiedHere ? (
        <View
          className='notice notice--brand home-banner'
          data-testid='verify-banner'
          hoverClass='home-banner--hover'
          onClick={() => void openClaimForm(communityId)}
          {...a11y({ role: 'button' })}
        >
          <Icon name='shieldCheck' size={48} color={colors.brand} />
          <View className='notice__body'>
            <View className='notice__title'>{t.home.verifyBanner.title}</View>
            <View className='notice__desc'>{t.home.verifyBanner.desc}</View>
          </View>
          <Text className='home-banner__action'>{t.home.verifyBanner.action}</Text>
        </View>
      ) : null}
    </>
  )
}

/** 社区工作台 for staff and partners, prominent on 首页 (not only at the bottom of 我的). */
export function WorkbenchCard({ community }: { community: WorkbenchCommunity }) {
  return (
    <View
      className='notice notice--info home-banner'
      data-testid='home-workbench'
      hoverClass='home-banner--hover'
      onClick={() => void openWorkbench(community.communityId)}
      {...a11y({ role: 'button' })}
    >
      <Icon name='briefcase' size={48} color={colors.info} />
      <View className='notice__body'>
        <View className='notice__title'>{t.home.todo.workbench}</View>
        <View className='notice__desc'>{community.kind === 'staff' ? t.home.todo.workbenchDesc : t.me.partnerEntryDesc}</View>
      </View>
      <Icon name='chevronRight' size={40} color={colors.info} />
    </View>
  )
}

/** 快捷入口: raise a concern, the councils, my home. */
export function QuickEntries({ communityId, hasHome }: { communityId: string; hasHome: boolean }) {
  return (
    <>
      <View className='section-title'>{t.home.quick.title}</View>
      <View className='card home-quick'>
        <QuickEntry
          icon='megaphone'
          title={t.home.quick.concern}
          desc={t.home.quick.concernDesc}
          onClick={() => void openRaiseForm(communityId)}
          testId='home-raise'
        />
        <QuickEntry
          icon='calendar'
          title={t.home.quick.agenda}
          desc={t.home.quick.agendaDesc}
          onClick={() => void switchToTab('councils')}
          testId='home-councils'
        />
        <QuickEntry
          icon='users'
          title={t.volunteering.entry}
          desc={t.home.quick.volunteerDesc}
          onClick={() => void openVolunteering('volunteering', communityId)}
          testId='home-volunteering'
        />
        <QuickEntry
          icon='home'
          title={t.home.quick.house}
          desc={t.home.quick.houseDesc}
          onClick={() => void (hasHome ? switchToTab('me') : openClaimForm(communityId))}
        />
      </View>
    </>
  )
}

function toActor(me: MeData) {
  return {
    userId: me.user.id,
    memberships: me.memberships,
    verifiedIn: me.households.map((h) => h.communityId),
  }
}

function Stat({ label, value }: { label: string; value: number | undefined }) {
  return (
    <View className='home-stats__item'>
      {value === undefined ? <SkeletonBox width={72} height={44} /> : <Text className='home-stats__value'>{value}</Text>}
      <Text className='home-stats__label'>{label}</Text>
    </View>
  )
}

function QuickEntry({
  icon,
  title,
  desc,
  onClick,
  testId,
}: {
  icon: IconName
  title: string
  desc: string
  onClick: () => void
  testId?: string
}) {
  return (
    <View
      className='home-quick__item'
      hoverClass='home-quick__item--hover'
      onClick={onClick}
      data-testid={testId}
      {...a11y({ role: 'button' })}
    >
      <View className='home-quick__icon'>
        <Icon name={icon} size={52} color={colors.brand} />
      </View>
      <Text className='home-quick__title'>{title}</Text>
      <Text className='home-quick__desc'>{desc}</Text>
    </View>
  )
}

export function HomeSkeleton() {
  return (
    <Screen testId='page-home'>
      <View className='home-hero'>
        <SkeletonBox width='50%' height={48} className='home-hero__skeleton' />
        <SkeletonBox width='70%' height={28} className='home-hero__skeleton home-hero__skeleton--line' />
      </View>
      <View data-testid='skeleton' className='home-skeleton'>
        <SkeletonList count={1} lines={3} avatar />
        <SkeletonList count={1} lines={2} />
      </View>
    </Screen>
  )
}
