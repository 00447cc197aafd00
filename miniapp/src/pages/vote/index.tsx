import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useState, type ReactNode } from 'react'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import type { IconName } from '@/components/icon-paths'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { useMe } from '@/features/me/api/get-me'
import { PhotoGrid } from '@/components/photos/photo-grid'
import { NoticeLink } from '@/components/notice-link'
import { castBallot } from '@/features/votes/api/cast-ballot'
import { useProposal, type ProposalDetailData } from '@/features/votes/api/get-proposal'
import { proposalsKeyPrefix } from '@/features/votes/api/get-proposals'
import { ConfirmSheet } from '@/features/votes/components/confirm-sheet'
import { MyBallot } from '@/features/votes/components/my-ballot'
import { ResultCard } from '@/features/votes/components/result-card'
import { VoteBallot, type BallotChoice } from '@/features/votes/components/vote-ballot'
import { scopeNames, VoteFacts } from '@/features/votes/components/vote-facts'
import { AdvisoryTag, VotePhaseTag } from '@/features/votes/components/vote-tags'
import { percent, voteMoment } from '@/features/votes/format'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { openClaimForm, openSession, openStaffVote, voteUrl } from '@/lib/routes'
import '@/features/votes/components/votes.scss'
import './index.scss'
import { askToSubscribe } from '@/lib/subscribe'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * One vote for a resident: what is proposed, the rule in plain words, who may vote and until when;
 * big choices and a confirmation; afterwards 您已投票 with the choice; the result explained line by
 * line once it is out. Every other state (not yet open, closed, not on the roll, cancelled) says why.
 */
export default function VotePage() {
  const router = useRouter()
  const id = router.params.id || undefined
  const proposal = useProposal(id)
  const p = proposal.data
  const me = useMe()
  const [pending, setPending] = useState<BallotChoice>()

  const cast = useMutation(
    (b: BallotChoice) => castBallot(id!, b.householdId ? { choices: b.choices, householdId: b.householdId } : { choices: b.choices }),
    {
      onSuccess: () => {
        setPending(undefined)
        void Taro.showToast({ title: t.votes.castDone, icon: 'success' })
        void proposal.refetch()
        invalidateQueries(proposalsKeyPrefix)
      },
    },
  )

  useDidShow(() => {
    void proposal.refetch()
  })

  usePullDownRefresh(async () => {
    await Promise.all([proposal.refetch(), me.refetch()])
    Taro.stopPullDownRefresh()
  })

  useEffect(() => {
    if (isWeapp && p) void Taro.showShareMenu({ withShareTicket: false }).catch(() => undefined)
  }, [p])

  useShareAppMessage(() =>
    p ? { title: `${t.titles.vote}：${p.title}`.slice(0, 60), path: voteUrl(p.id) } : { title: t.app.name, path: '/pages/councils/index' },
  )

  if (!id) {
    return (
      <Screen testId='page-vote'>
        <EmptyState icon='alert' text={t.votes.notFound} />
      </Screen>
    )
  }
  if (proposal.loading) {
    return (
      <Screen testId='page-vote' className='vote-page'>
        <View className='card' data-testid='skeleton'>
          <SkeletonBox width={160} height={44} />
          <SkeletonBox width='85%' height={52} className='skeleton--line' />
          <SkeletonBox className='skeleton--line' />
          <SkeletonBox width='70%' className='skeleton--line' />
        </View>
        <SkeletonList count={2} lines={2} avatar />
      </Screen>
    )
  }
  if (!p) {
    const error = proposal.error
    return (
      <Screen testId='page-vote'>
        {error && (error.status === 404 || error.status === 403) ? (
          <EmptyState icon='vote' text={t.votes.notFound} />
        ) : error ? (
          <ErrorState error={error} onRetry={() => void proposal.refetch()} />
        ) : null}
      </Screen>
    )
  }

  const household = p.unit === 'household'
  const staff = p.viewer.actions.length > 0 || !!me.data?.staffOf.includes(p.communityId)
  const verified = !!me.data?.households.some((h) => h.communityId === p.communityId)
  const action = <VoteAction proposal={p} verified={verified} staff={staff} onSubmit={setPending} />
  const ballotHere = p.viewer.canVote || !!p.viewer.myBallot
  const result = p.result ? (
    <ResultCard
      result={p.result}
      household={household}
      advisoryNote={p.advisoryNote}
      publicUntil={p.publicUntil}
      publishDays={p.publishDays}
    />
  ) : null

  return (
    <Screen testId='page-vote' className='vote-page'>
      <View className='card vote-head' data-testid='vote-detail' data-phase={p.phase} data-status={p.status}>
        <View className='vote-head__tags'>
          <VotePhaseTag phase={p.phase} label={p.phaseLabel} />
          {p.advisory ? <AdvisoryTag /> : null}
        </View>
        <Text className='vote-head__title' data-testid='vote-title'>
          {p.title}
        </Text>
        {p.session ? (
          <View
            className='vote-head__session'
            hoverClass='cell--hover'
            onClick={() => void openSession(p.session!.id)}
            data-testid='vote-session'
            {...a11y({ role: 'button' })}
          >
            <Icon name='council' size={32} color={colors.info} />
            <Text>
              {p.session.title}
              {p.topic ? ` · ${p.topic.title}` : ''}
            </Text>
            <Icon name='chevronRight' size={24} color={colors.info} />
          </View>
        ) : null}
        <Text className='vote-head__text' userSelect data-testid='vote-text'>
          {p.text}
        </Text>
        <PhotoGrid photos={p.photos} />
        {p.onApproval ? (
          <Text className='vote-fact__desc' data-testid='vote-on-approval'>
            {t.votes.onApproval(p.onApproval.responsibleName ?? p.onApproval.responsiblePartyLabel, voteMoment(p.onApproval.deadline))}
          </Text>
        ) : null}
      </View>

      {p.phase === 'cancelled' ? (
        <StateNotice
          tone='danger'
          icon='xCircle'
          title={t.votes.cancelled}
          desc={p.cancelReason ? t.votes.cancelReason(p.cancelReason) : undefined}
          testId='vote-cancelled'
        />
      ) : null}

      {/* Why this person cannot vote is said at once; the ballot comes after the rule and the window. */}
      {ballotHere ? null : action}

      {/* Once counted, the result is the news: it goes first. */}
      {p.result?.final ? result : null}

      {p.advisory && p.advisoryNote && !p.result ? (
        <View className='vote-advisory' data-testid='advisory-note'>
          <Icon name='info' size={40} color={colors.warning} />
          <Text>{p.advisoryNote}</Text>
        </View>
      ) : null}

      <VoteFacts proposal={p} />

      {household && p.viewer.inElectorate && (p.phase === 'voting' || p.phase === 'scheduled') ? (
        <View className='notice notice--info' data-testid='household-status' data-voted={p.viewer.householdVoted ? 'true' : 'false'}>
          <Icon name='home' size={44} color={colors.info} />
          <View className='notice__body'>
            <View className='notice__title'>{p.viewer.householdVoted ? t.votes.householdVoted : t.votes.householdNotVoted}</View>
            {p.viewer.households.length ? <View className='notice__desc'>{p.viewer.households.map((h) => h.label).join('、')}</View> : null}
          </View>
        </View>
      ) : null}

      {ballotHere ? action : null}

      {p.turnout && !p.result && p.phase !== 'cancelled' ? (
        <TurnoutLive participants={p.turnout.participants} electorate={p.turnout.electorate} household={household} />
      ) : null}

      {p.result && !p.result.final ? (
        result
      ) : !p.result && p.phase === 'voting' && !p.turnout ? (
        <View className='divider-text' data-testid='counts-hidden'>
          {t.votes.countsHidden}
        </View>
      ) : null}

      {staff ? (
        <NoticeLink
          icon='briefcase'
          title={t.votes.manage}
          onClick={() => void openStaffVote(p.id)}
          testId='open-staff-vote'
          className='vote-manage'
        />
      ) : null}

      {pending ? (
        <ConfirmSheet
          title={p.title}
          ballot={pending}
          busy={cast.loading}
          onConfirm={() => {
            askToSubscribe('vote')
            void cast.mutate(pending)
          }}
          onClose={() => !cast.loading && setPending(undefined)}
        />
      ) : null}
    </Screen>
  )
}

/** What the viewer can do now, or why not. */
function VoteAction({
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

const toneClass = {
  info: 'notice--info',
  brand: 'notice--brand',
  danger: 'notice--danger',
  success: 'notice--success',
  warning: '',
  neutral: 'notice--neutral',
} as const
const toneColor = {
  info: colors.info,
  brand: colors.brand,
  danger: colors.danger,
  success: colors.success,
  warning: colors.warning,
  neutral: colors.text2,
} as const

function StateNotice(props: {
  tone: keyof typeof toneClass
  icon: IconName
  title: string
  desc?: string
  testId: string
  action?: ReactNode
}) {
  return (
    <View className={`notice vote-state ${toneClass[props.tone]}`} data-testid={props.testId}>
      <Icon name={props.icon} size={48} color={toneColor[props.tone]} />
      <View className='notice__body'>
        <View className='notice__title'>{props.title}</View>
        {props.desc ? <View className='notice__desc'>{props.desc}</View> : null}
        {props.action ? <View className='vote-state__action'>{props.action}</View> : null}
      </View>
    </View>
  )
}

function TurnoutLive({ participants, electorate, household }: { participants: number; electorate: number; household: boolean }) {
  const pct = percent(participants, electorate)
  return (
    <View className='card' data-testid='vote-turnout-live'>
      <View className='vote-section__head'>
        <Text className='vote-section__title'>{t.votes.turnoutLive}</Text>
      </View>
      <View className='vote-turnout'>
        <View className='vote-bar__track'>
          <View className='vote-bar__fill vote-bar__fill--adopted' style={{ width: `${pct}%` }} />
        </View>
        <Text className='vote-turnout__text'>{t.votes.turnout(participants, electorate, pct, household)}</Text>
      </View>
    </View>
  )
}
