import { Button } from '@tarojs/components'
import type { ProposalDetailData } from '@/features/votes/api/get-proposal'
import { MyBallot } from '@/features/votes/components/my-ballot'
import { type BallotChoice, VoteBallot } from '@/features/votes/components/vote-ballot'
import { scopeNames } from '@/features/votes/components/vote-facts'
import { voteMoment } from '@/features/votes/format'
import { t } from '@/i18n/zh-cn'
import { openClaimForm } from '@/lib/routes'
import { StateNotice } from './state-notice'

/** What the viewer can do now, or why not. */
export function VoteAction({
  proposal: p,
  verified,
  staff,
  onSubmit,
}: {
  proposal: ProposalDetailData
  verified: boolean
  staff: boolean
  onSubmit: (b: BallotChoice) => void
}) {
  const v = p.viewer
  if (p.phase === 'cancelled' || p.phase === 'draft') return null
  if (v.myBallot)
    return <MyBallot ballot={v.myBallot} householdLabel={p.viewer.households.find((h) => h.id === v.myBallot!.householdId)?.label} />
  if (p.unit === 'household' && v.householdVoted && !v.households.some((h) => !h.voted)) {
    return (
      <StateNotice
        tone='success'
        icon='checkCircle'
        title={t.votes.householdDone}
        desc={t.votes.householdDoneDesc}
        testId='household-voted'
      />
    )
  }
  if (v.canVote) return <VoteBallot proposal={p} onSubmit={onSubmit} />
  if (p.phase === 'scheduled')
    return (
      <StateNotice
        tone='info'
        icon='clock'
        title={t.votes.notOpen}
        desc={t.votes.notOpenDesc(voteMoment(p.opensAt))}
        testId='vote-not-open'
      />
    )
  if (p.phase === 'counting')
    return <StateNotice tone='warning' icon='timer' title={t.votes.counting} desc={t.votes.countingDesc} testId='vote-counting' />
  if (p.phase === 'closed' || p.phase === 'published') {
    return p.result ? null : <StateNotice tone='neutral' icon='lock' title={t.votes.closed} testId='vote-closed' />
  }
  if (!verified && !staff) {
    return (
      <StateNotice
        tone='brand'
        icon='shieldCheck'
        title={t.votes.needVerify}
        desc={t.votes.needVerifyDesc}
        testId='vote-verify'
        action={
          <Button
            className='btn btn--primary btn--small'
            hoverClass='btn--hover'
            data-testid='vote-verify-action'
            onClick={() => void openClaimForm(p.communityId)}
          >
            {t.votes.verifyAction}
          </Button>
        }
      />
    )
  }
  if (!v.inElectorate) {
    const why =
      p.electorate.kind === 'households'
        ? t.votes.onlyFor(scopeNames(p))
        : p.electorate.kind === 'attendees'
          ? t.votes.attendeesNote
          : t.votes.residentsNote
    return <StateNotice tone='neutral' icon='lock' title={t.votes.notInElectorate} desc={why} testId='vote-not-in-electorate' />
  }
  return <StateNotice tone='neutral' icon='lock' title={v.voteBlockedReason ?? t.votes.notInElectorate} testId='vote-blocked' />
}
