import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { PagedList } from '@/components/paged-list'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useMe } from '@/features/me/api/get-me'
import { useApproveClaim } from '@/features/residency/api/approve-claim'
import { type ReviewStatus, type StaffClaimItem, useCommunityClaims } from '@/features/residency/api/get-community-claims'
import { StaffClaimCard } from '@/features/residency/components/staff-claim-card'
import { t } from '@/i18n/zh-cn'
import { ClaimsHead } from './claims-head'
import { RejectDialog } from './reject-dialog'
import '../../shell.scss'
import './index.scss'

/** 房屋认证审核: a community worker verifies or rejects household claims, tab by status, community by community. */
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

  return (
    <Screen testId='page-staff-claims' className='staff'>
      <ClaimsHead communities={staffCommunities} communityId={communityId} onCommunity={setChosen} status={status} onStatus={setStatus} />

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
