import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { can } from '@domain/permissions.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import type { IconName } from '@/components/icon-paths'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { useCommunities, type CommunityItem } from '@/features/communities/api/get-communities'
import { useCommunity } from '@/features/communities/api/get-community'
import { MonthlyKpiCard } from '@/features/kpis/components/monthly-card'
import { useSessions } from '@/features/councils/api/get-sessions'
import { sessionWhen } from '@/features/councils/format'
import { useMe, type MeData } from '@/features/me/api/get-me'
import { useMyClaims } from '@/features/residency/api/get-my-claims'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import type { ApiError } from '@/lib/api/client'
import { invalidateQueries } from '@/lib/api/use-query'
import { cx, greetingFor } from '@/lib/format'
import { openClaimForm, openRaiseForm, openSession, switchToTab } from '@/lib/routes'
import './index.scss'

export default function HomePage() {
  const me = useMe()
  const claims = useMyClaims()
  const primary = me.data?.memberships[0]
  const community = useCommunity(primary?.communityId)
  const communities = useCommunities(!!me.data && !primary)

  useDidShow(() => {
    void me.refetch()
    void claims.refetch()
    invalidateQueries('kpis/monthly')
  })

  usePullDownRefresh(async () => {
    invalidateQueries('kpis/monthly')
    await Promise.all([me.refetch(), claims.refetch(), community.refetch(), primary ? Promise.resolve() : communities.refetch()])
    Taro.stopPullDownRefresh()
  })

  if (me.loading) return <HomeSkeleton />
  if (!me.data) {
    return (
      <Screen testId='page-home'>
        <View className='home-hero home-hero--short' />
        {me.error ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : null}
      </Screen>
    )
  }

  const user = me.data.user
  const communityId = primary?.communityId
  const pendingClaim = claims.data?.items.find((c) => c.status === 'pending' && (!communityId || c.communityId === communityId))
  const verifiedHere = communityId ? can(toActor(me.data), 'resident.act', { communityId }) : false

  return (
    <Screen testId='page-home' className='home'>
      <View className={cx('home-hero', !primary && 'home-hero--short')}>
        <Text className='home-hero__greeting'>{t.greeting.withName(greetingFor(), user.nickname)}</Text>
        <Text className='home-hero__subtitle'>{t.greeting.subtitle}</Text>
      </View>

      {primary ? (
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
      ) : null}

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
      ) : primary && !verifiedHere ? (
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

      {primary ? (
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
              icon='home'
              title={t.home.quick.house}
              desc={t.home.quick.houseDesc}
              onClick={() => void (me.data!.households.length > 0 ? switchToTab('me') : openClaimForm(communityId))}
            />
          </View>

          <MonthlyKpiCard communityId={primary.communityId} />

          <NextSessions communityId={primary.communityId} />
        </>
      ) : (
        <CommunityChooser
          loading={communities.loading}
          items={communities.data?.items}
          onRetry={() => void communities.refetch()}
          error={communities.error}
        />
      )}
    </Screen>
  )
}

/** 近期议事: the next sessions of the community, a tap from their page. */
function NextSessions({ communityId }: { communityId: string }) {
  const list = useSessions(communityId, 'upcoming')
  const next = list.items.filter((s) => s.status !== 'cancelled').slice(0, 3)
  return (
    <>
      <View className='section-title'>
        <Text>{t.home.nextSessions.title}</Text>
        <Text className='home-more' onClick={() => void switchToTab('councils')} {...a11y({ role: 'button' })}>
          {t.home.nextSessions.all}
        </Text>
      </View>
      <View className='card card--flush' data-testid='home-sessions'>
        {list.loading ? (
          <View className='home-upcoming'>
            <SkeletonBox width='70%' height={32} />
          </View>
        ) : next.length === 0 ? (
          <View className='home-upcoming'>
            <View className='cell__body'>
              <View className='cell__desc'>{t.home.nextSessions.empty}</View>
            </View>
          </View>
        ) : (
          next.map((s) => (
            <View
              key={s.id}
              className='home-upcoming'
              hoverClass='cell--hover'
              onClick={() => void openSession(s.id)}
              data-testid='home-session'
              {...a11y({ role: 'button' })}
            >
              <View className='home-upcoming__dot' />
              <View className='cell__body'>
                <View className='cell__title'>{s.title}</View>
                <View className='cell__desc'>
                  {s.kindLabel} · {sessionWhen(s.startsAt, s.endsAt)}
                </View>
              </View>
              <Text className={cx('tag', s.bookingOpen ? 'tag--success' : 'tag--neutral')}>{s.statusLabel}</Text>
            </View>
          ))
        )}
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

function CommunityChooser(props: {
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

function HomeSkeleton() {
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
