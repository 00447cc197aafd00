import { View, Text, Button, Switch } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { relationLabels, roleLabels } from '@domain/labels.js'
import { Badge } from '@/components/badge'
import { Cell } from '@/components/cell'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { signOut } from '@/features/auth/sign-out'
import { useMe } from '@/features/me/api/get-me'
import { workbenchCommunities } from '@/features/me/workbench'
import { useUnreadCount } from '@/features/notifications/api/get-notifications'
import { useMyClaims } from '@/features/residency/api/get-my-claims'
import { useWithdrawClaim } from '@/features/residency/api/withdraw-claim'
import { MyClaimCard } from '@/features/residency/components/my-claim-card'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { useElderMode } from '@/lib/elder-mode'
import { initialOf } from '@/lib/format'
import { openClaimForm, openNotifications, openStreet, openWorkbench } from '@/lib/routes'
import './index.scss'

export default function MePage() {
  const me = useMe()
  const claims = useMyClaims()
  const unread = useUnreadCount()
  const withdraw = useWithdrawClaim()
  const [withdrawingId, setWithdrawingId] = useState<string>()
  const [elder, setElder] = useElderMode()

  useDidShow(() => {
    void me.refetch()
    void claims.refetch()
    void unread.refetch()
  })

  usePullDownRefresh(async () => {
    await Promise.all([me.refetch(), claims.refetch(), unread.refetch()])
    Taro.stopPullDownRefresh()
  })

  async function confirmWithdraw(claimId: string) {
    const { confirm } = await Taro.showModal({
      title: t.me.withdrawConfirmTitle,
      content: t.me.withdrawConfirm,
      confirmText: t.me.withdraw,
      confirmColor: colors.danger,
      cancelText: t.common.cancel,
    })
    if (!confirm) return
    setWithdrawingId(claimId)
    const done = await withdraw.mutate(claimId)
    setWithdrawingId(undefined)
    if (done) void Taro.showToast({ title: t.me.withdrawn, icon: 'success' })
  }

  async function confirmSignOut() {
    const { confirm } = await Taro.showModal({
      title: t.me.logout,
      content: t.me.logoutConfirm,
      confirmText: t.me.logout,
      cancelText: t.common.cancel,
    })
    if (confirm) void signOut()
  }

  function toggleElder(next: boolean) {
    setElder(next)
    void Taro.showToast({ title: next ? t.elder.on : t.elder.off, icon: 'none' })
  }

  if (me.loading) return <MeSkeleton />
  if (!me.data) {
    return <Screen testId='page-me'>{me.error ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : null}</Screen>
  }

  const { user, memberships, households } = me.data
  const workbench = workbenchCommunities(me.data)
  const partnerOnly = workbench.length > 0 && workbench.every((c) => c.kind === 'partner')
  // A newcomer has no community yet (residency waits for a worker): their claim's community is home.
  const firstCommunityId = memberships[0]?.communityId ?? claims.data?.items[0]?.communityId

  return (
    <Screen testId='page-me'>
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

      <View className='card card--flush me-messages'>
        <Cell
          icon='bell'
          title={t.me.notifications}
          desc={t.me.notificationsDesc}
          value={unread.data ? <Badge count={unread.data} testId='unread-badge' /> : undefined}
          arrow
          onClick={() => void openNotifications()}
          testId='open-notifications'
        />
      </View>

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
          onClick={() => void openClaimForm(firstCommunityId)}
          testId='open-claim-form'
          className='me-claim-entry'
        />
      </View>

      <View className='section-title'>{t.me.claims}</View>
      <View className='card card--flush' data-testid='my-claims'>
        {claims.loading ? (
          <View className='me-claims-skeleton'>
            <SkeletonBox width='60%' height={36} />
            <SkeletonBox width='40%' className='skeleton--line' />
          </View>
        ) : claims.error && !claims.data ? (
          <ErrorState compact error={claims.error} onRetry={() => void claims.refetch()} />
        ) : !claims.data?.items.length ? (
          <EmptyState compact icon='clipboard' text={t.me.noClaims} />
        ) : (
          claims.data.items.map((claim) => (
            <MyClaimCard
              key={claim.id}
              claim={claim}
              withdrawing={withdrawingId === claim.id}
              onWithdraw={() => void confirmWithdraw(claim.id)}
            />
          ))
        )}
      </View>

      {workbench.length > 0 ? (
        <>
          <View className='section-title'>{t.me.staff}</View>
          <View className='card card--flush'>
            <Cell
              icon='briefcase'
              iconTone='info'
              title={t.me.staffEntry}
              desc={partnerOnly ? t.me.partnerEntryDesc : t.me.staffEntryDesc}
              arrow
              onClick={() => void openWorkbench(workbench[0].communityId)}
              testId='open-staff'
            />
          </View>
        </>
      ) : null}

      {me.data?.streets?.length ? (
        <>
          <View className='section-title'>{t.street.section}</View>
          <View className='card card--flush' data-testid='street-entry'>
            <Cell
              icon='layers'
              iconTone='info'
              title={t.street.entry}
              desc={t.street.entryDesc(me.data.streets[0].streetName)}
              arrow
              onClick={() => void openStreet(me.data?.streets[0].streetId)}
              testId='open-street'
            />
          </View>
        </>
      ) : null}

      <View className='section-title'>{t.me.settings}</View>
      <View className='card card--flush'>
        <Cell
          icon='textSize'
          iconTone='neutral'
          title={t.me.elderMode}
          desc={t.me.elderModeDesc}
          testId='elder-mode'
          value={
            <Switch
              className='me-switch'
              checked={elder}
              color={colors.brand}
              onChange={(e) => toggleElder(e.detail.value)}
              {...a11y({ label: t.me.elderMode })}
            />
          }
        />
      </View>

      <View className='me-logout'>
        <Button className='btn btn--plain btn--block me-logout__btn' hoverClass='btn--hover' onClick={() => void confirmSignOut()}>
          <Icon name='logOut' size={36} color={colors.danger} />
          <Text className='me-logout__text'>{t.me.logout}</Text>
        </Button>
      </View>
    </Screen>
  )
}

function MeSkeleton() {
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
