import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { claimStatusLabels } from '@domain/labels.js'
import { REJECT_REASON_MAX, REJECT_REASON_MIN } from '@domain/limits.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { Sheet } from '@/components/sheet'
import { SkeletonList } from '@/components/skeleton'
import { PagedList } from '@/components/paged-list'
import { useMe } from '@/features/me/api/get-me'
import { useApproveClaim } from '@/features/residency/api/approve-claim'
import { useCommunityClaims, type ReviewStatus, type StaffClaimItem } from '@/features/residency/api/get-community-claims'
import { useRejectClaim } from '@/features/residency/api/reject-claim'
import { StaffClaimCard } from '@/features/residency/components/staff-claim-card'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { cx } from '@/lib/format'
import '../../shell.scss'
import './index.scss'

const tabs: ReviewStatus[] = ['pending', 'verified', 'rejected']

export default function StaffClaimsPage() {
  const router = useRouter()
  const me = useMe()
  const staffCommunities = (me.data?.memberships ?? []).filter(
    (m, i, all) => me.data!.staffOf.includes(m.communityId) && all.findIndex((x) => x.communityId === m.communityId) === i,
  )
  const [chosen, setChosen] = useState<string | undefined>(router.params.communityId || undefined)
  const communityId = staffCommunities.some((c) => c.communityId === chosen) ? chosen : staffCommunities[0]?.communityId
  const [status, setStatus] = useState<ReviewStatus>('pending')
  const claims = useCommunityClaims(communityId, status)
  const [busyId, setBusyId] = useState<string>()
  const [rejecting, setRejecting] = useState<StaffClaimItem>()

  const approve = useApproveClaim({
    onSuccess: (claim) => {
      claims.remove((c) => c.id === claim.id)
      void Taro.showToast({ title: t.staff.approved, icon: 'success' })
    },
  })

  usePullDownRefresh(async () => {
    await Promise.all([me.refetch(), claims.refetch()])
    Taro.stopPullDownRefresh()
  })

  useReachBottom(() => {
    void claims.loadMore()
  })

  async function onApprove(claim: StaffClaimItem) {
    setBusyId(claim.id)
    const done = await approve.mutate(claim.id)
    setBusyId(undefined)
    // The claim may have been handled by a colleague meanwhile (409): show the fresh list.
    if (!done) void claims.refetch()
  }

  if (me.loading) {
    return (
      <Screen testId='page-staff-claims'>
        <SkeletonList count={3} lines={3} avatar />
      </Screen>
    )
  }
  if (me.error && !me.data) {
    return (
      <Screen testId='page-staff-claims'>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Screen>
    )
  }
  if (!communityId) {
    return (
      <Screen testId='page-staff-claims'>
        <EmptyState icon='briefcase' text={t.staff.notStaff} />
      </Screen>
    )
  }

  const community = staffCommunities.find((c) => c.communityId === communityId)

  return (
    <Screen testId='page-staff-claims' className='staff'>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='clipboard' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.staff.title}</Text>
          <Text className='staff-head__desc'>{community?.communityName}</Text>
        </View>
      </View>

      {staffCommunities.length > 1 ? (
        <View className='staff-communities'>
          {staffCommunities.map((c) => (
            <View
              key={c.communityId}
              className={cx('staff-chip', c.communityId === communityId && 'staff-chip--active')}
              onClick={() => setChosen(c.communityId)}
              {...a11y({ role: 'tab', selected: c.communityId === communityId })}
            >
              {c.communityName}
            </View>
          ))}
        </View>
      ) : null}

      <View className='staff-tabs' {...a11y({ role: 'list' })}>
        {tabs.map((s) => (
          <View
            key={s}
            className={cx('staff-tab', s === status && 'staff-tab--active')}
            data-testid={`tab-${s}`}
            onClick={() => setStatus(s)}
            {...a11y({ role: 'tab', selected: s === status })}
          >
            <Text>{claimStatusLabels[s]}</Text>
          </View>
        ))}
      </View>
      <Text className='staff-hint'>{t.staff.desc}</Text>

      <PagedList
        list={claims}
        testId='staff-claims'
        skeleton={<SkeletonList count={3} lines={3} avatar />}
        empty={
          <EmptyState icon={status === 'pending' ? 'checkCircle' : 'inbox'} text={t.staff.empty[status as keyof typeof t.staff.empty]} />
        }
      >
        {(items) =>
          items.map((claim) => (
            <StaffClaimCard
              key={claim.id}
              claim={claim}
              busy={busyId === claim.id}
              onApprove={() => void onApprove(claim)}
              onReject={() => setRejecting(claim)}
            />
          ))
        }
      </PagedList>

      {rejecting ? (
        <RejectDialog
          claim={rejecting}
          onClose={() => setRejecting(undefined)}
          onDone={(id) => {
            setRejecting(undefined)
            claims.remove((c) => c.id === id)
          }}
          onConflict={() => {
            setRejecting(undefined)
            void claims.refetch()
          }}
        />
      ) : null}
    </Screen>
  )
}

function RejectDialog(props: { claim: StaffClaimItem; onClose: () => void; onDone: (id: string) => void; onConflict: () => void }) {
  const [reason, setReason] = useState('')
  const [hint, setHint] = useState<string>()
  const reject = useRejectClaim({
    onSuccess: (claim) => {
      void Taro.showToast({ title: t.staff.rejected, icon: 'none' })
      props.onDone(claim.id)
    },
  })

  async function submit() {
    if (reason.trim().length < REJECT_REASON_MIN) {
      setHint(t.staff.rejectDialog.tooShort(REJECT_REASON_MIN))
      return
    }
    try {
      await reject.mutateAsync({ claimId: props.claim.id, reason: reason.trim() })
    } catch (err) {
      // Someone else reviewed it meanwhile: close and show the fresh list.
      if (err instanceof ApiError && err.status === 409) props.onConflict()
    }
  }

  return (
    <Sheet
      testId='reject-dialog'
      title={t.staff.rejectDialog.title}
      desc={`${props.claim.claimant.nickname} · ${props.claim.address}`}
      onClose={props.onClose}
      footer={
        <View className='btn-row'>
          <Button className='btn' hoverClass='btn--hover' onClick={props.onClose}>
            {t.common.cancel}
          </Button>
          <Button
            className='btn btn--primary reject-confirm'
            hoverClass='btn--hover'
            disabled={reject.loading}
            onClick={() => void submit()}
          >
            {t.staff.rejectDialog.submit}
          </Button>
        </View>
      }
    >
      <Text className='reject-desc'>{t.staff.rejectDialog.desc}</Text>
      <Textarea
        className='textarea textarea--short reject-reason'
        value={reason}
        maxlength={REJECT_REASON_MAX}
        fixed
        focus
        placeholder={t.staff.rejectDialog.placeholder}
        placeholderClass='textarea__placeholder'
        onInput={(e) => {
          setReason(e.detail.value)
          if (hint) setHint(undefined)
        }}
      />
      <View className='textarea__meta reject-meta'>
        <Text className='reject-meta__hint'>{hint ?? ''}</Text>
        <Text>{t.common.chars(reason.length, 200)}</Text>
      </View>
    </Sheet>
  )
}
