import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Badge } from '@/components/badge'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import type { IconName } from '@/components/icon-paths'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { getInbox, inboxKeyPrefix } from '@/features/concerns/api/get-inbox'
import { getSessions } from '@/features/councils/api/get-sessions'
import { useMe } from '@/features/me/api/get-me'
import { chooseAndDownloadLedger } from '@/features/ledgers/components/choose-ledger'
import { workbenchCommunities } from '@/features/me/workbench'
import { getCommunityClaims } from '@/features/residency/api/get-community-claims'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { useQuery } from '@/lib/api/use-query'
import { cx } from '@/lib/format'
import {
  openGrids,
  openKpis,
  openLimits,
  openStaffClaims,
  openStaffInbox,
  openErrands,
  openPoints,
  openVolunteering,
  openStaffNeeds,
  openStaffProjects,
  openStaffSessions,
  openStaffTrackedItems,
  openStaffVotes,
} from '@/lib/routes'
import '../../shell.scss'
import './index.scss'

const COUNT_LIMIT = 100

/** How many, up to 100 (one page): enough for a badge without a count endpoint. */
async function countOf(page: Promise<{ items: unknown[]; nextCursor: string | null }>): Promise<number> {
  const res = await page
  return res.nextCursor ? COUNT_LIMIT : res.items.length
}

/** 社区工作台: the worker's entries (诉求工单, 居民认证审核) with what waits in each; partners get the 工单. */
export default function WorkbenchPage() {
  const router = useRouter()
  const me = useMe()
  const communities = workbenchCommunities(me.data)
  const [chosen, setChosen] = useState<string | undefined>(router.params.communityId || undefined)
  const current = communities.find((c) => c.communityId === chosen) ?? communities[0]
  const communityId = current?.communityId
  const isStaff = current?.kind === 'staff'

  // Counts are a courtesy: quiet on failure (no toast), the entries work regardless.
  const counts = useQuery(communityId ? `${inboxKeyPrefix}${communityId}/counts/${current?.kind}` : null, async () => {
    const quiet = { toast: false } as const
    const [submitted, overdue, claims, sessions] = await Promise.all([
      isStaff ? countOf(getInbox(communityId!, { status: 'submitted', limit: COUNT_LIMIT }, quiet)) : Promise.resolve(0),
      countOf(getInbox(communityId!, { overdue: '1', limit: COUNT_LIMIT }, quiet)),
      isStaff ? countOf(getCommunityClaims(communityId!, { status: 'pending', limit: COUNT_LIMIT }, quiet)) : Promise.resolve(0),
      isStaff ? countOf(getSessions(communityId!, { when: 'upcoming', limit: 50 }, quiet)).catch(() => 0) : Promise.resolve(0),
    ])
    return { submitted, overdue, claims, sessions }
  })

  usePullDownRefresh(async () => {
    await Promise.all([me.refetch(), counts.refetch()])
    Taro.stopPullDownRefresh()
  })

  if (me.loading) {
    return (
      <Screen testId='page-workbench'>
        <SkeletonList count={2} lines={1} avatar />
      </Screen>
    )
  }
  if (me.error && !me.data) {
    return (
      <Screen testId='page-workbench'>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Screen>
    )
  }
  if (!current || !communityId) {
    return (
      <Screen testId='page-workbench'>
        <EmptyState icon='briefcase' text={t.workbench.notStaff} />
      </Screen>
    )
  }

  const c = counts.data
  return (
    <Screen testId='page-workbench' className='staff'>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='briefcase' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.workbench.title}</Text>
          <Text className='staff-head__desc'>
            {current.orgName ? `${current.communityName} · ${current.orgName}` : current.communityName}
          </Text>
        </View>
      </View>

      {communities.length > 1 ? (
        <View className='staff-communities' {...a11y({ role: 'tablist' })}>
          {communities.map((m) => (
            <View
              key={m.communityId}
              className={cx('staff-chip', m.communityId === communityId && 'staff-chip--active')}
              onClick={() => setChosen(m.communityId)}
              {...a11y({ role: 'tab', selected: m.communityId === communityId })}
            >
              {m.communityName}
            </View>
          ))}
        </View>
      ) : null}

      <WorkbenchEntries
        communityId={communityId}
        communityName={current.communityName}
        isStaff={isStaff}
        counts={c}
        countsLoading={counts.loading}
      />
    </Screen>
  )
}

type Counts = { submitted: number; overdue: number; claims: number; sessions: number }

/** The entries of the 工作台, each with what waits in it. */
// long: one flat list of the workbench's entries, each a few lines; splitting it hides the order
function WorkbenchEntries(props: {
  communityId: string
  communityName: string
  isStaff: boolean
  counts: Counts | undefined
  countsLoading: boolean
}) {
  const { communityId, isStaff, counts: c } = props
  return (
    <View className='card card--flush workbench-entries'>
      <Entry
        icon='inbox'
        title={t.workbench.inbox}
        desc={isStaff ? t.workbench.inboxDesc : t.workbench.partnerInboxDesc}
        testId='open-inbox'
        onClick={() => void openStaffInbox(communityId)}
        counts={
          props.countsLoading ? (
            <SkeletonBox width={120} height={32} />
          ) : c ? (
            <>
              {isStaff && c.submitted > 0 ? <Text className='workbench-count'>{t.workbench.pending(c.submitted)}</Text> : null}
              {c.overdue > 0 ? <Text className='workbench-count workbench-count--late'>{t.workbench.overdue(c.overdue)}</Text> : null}
            </>
          ) : null
        }
        badge={c ? (isStaff ? c.submitted : 0) + c.overdue : 0}
      />
      {isStaff ? (
        <Entry
          icon='layers'
          title={t.kpis.entry}
          desc={t.kpis.entryDesc}
          testId='open-kpis'
          onClick={() => void openKpis({ scope: 'community', id: communityId })}
        />
      ) : null}
      {isStaff ? (
        <Entry
          icon='mapPin'
          title={t.grids.entry}
          desc={t.grids.entryDesc}
          testId='open-grids'
          onClick={() => void openGrids(communityId)}
        />
      ) : null}
      {isStaff ? (
        <Entry
          icon='list'
          title={t.needs.staffTitle}
          desc={t.needs.staffDesc}
          testId='open-staff-needs'
          onClick={() => void openStaffNeeds(communityId)}
          counts={null}
          badge={0}
        />
      ) : null}
      {isStaff ? (
        <Entry
          icon='layers'
          title={t.projects.title}
          desc={t.projects.entryDesc}
          testId='open-staff-projects'
          onClick={() => void openStaffProjects(communityId)}
        />
      ) : null}
      {isStaff ? (
        <Entry
          icon='clock'
          title={t.limits.entry}
          desc={t.limits.entryDesc}
          testId='open-limits'
          onClick={() => void openLimits(communityId)}
        />
      ) : null}
      {isStaff ? (
        <Entry
          icon='council'
          title={t.workbench.councils}
          desc={t.workbench.councilsDesc}
          testId='open-councils'
          onClick={() => void openStaffSessions(communityId)}
          counts={
            c && c.sessions > 0 ? (
              <Text className='workbench-count workbench-count--info'>{t.workbench.councilsUpcoming(c.sessions)}</Text>
            ) : null
          }
          badge={0}
        />
      ) : null}
      {/* Partners see the items that name them, and post their progress. */}
      <Entry
        icon='checkCircle'
        title={t.tracking.entry}
        desc={t.tracking.entryDesc}
        testId='open-tracking'
        onClick={() => void openStaffTrackedItems(communityId)}
      />
      {isStaff ? (
        <Entry
          icon='vote'
          title={t.staffVotes.title}
          desc={t.staffVotes.desc}
          testId='open-votes'
          onClick={() => void openStaffVotes(communityId)}
        />
      ) : null}
      {isStaff ? (
        <Entry
          icon='fileText'
          title={t.ledgers.entry}
          desc={t.ledgers.entryDesc}
          testId='open-ledgers'
          onClick={() => void chooseAndDownloadLedger({ scope: 'community', id: communityId, name: props.communityName })}
        />
      ) : null}
      {isStaff ? <PointsEntries communityId={communityId} /> : null}
      {isStaff ? (
        <Entry
          icon='shieldCheck'
          title={t.workbench.claims}
          desc={t.workbench.claimsDesc}
          testId='open-claims'
          onClick={() => void openStaffClaims(communityId)}
          counts={c && c.claims > 0 ? <Text className='workbench-count'>{t.workbench.pendingClaims(c.claims)}</Text> : null}
          badge={c?.claims ?? 0}
        />
      ) : null}
    </View>
  )
}

function Entry(props: {
  icon: IconName
  title: string
  desc: string
  testId: string
  onClick: () => void
  counts?: React.ReactNode
  badge?: number
}) {
  return (
    <View
      className='workbench-entry'
      hoverClass='cell--hover'
      onClick={props.onClick}
      data-testid={props.testId}
      {...a11y({ role: 'button' })}
    >
      <View className='workbench-entry__icon'>
        <Icon name={props.icon} size={56} color={colors.info} />
      </View>
      <View className='workbench-entry__body'>
        <View className='workbench-entry__title'>
          <Text>{props.title}</Text>
          <Badge count={props.badge ?? 0} className='workbench-entry__badge' />
        </View>
        <Text className='workbench-entry__desc'>{props.desc}</Text>
        <View className='workbench-entry__counts'>{props.counts}</View>
      </View>
      <Icon name='chevronRight' size={32} color={colors.text3} />
    </View>
  )
}

/** 道德银行's entries: 积分管理 (rules, items, good deeds), 兑换核销, and 志愿活动管理 (whose sign-off pays points). */
function PointsEntries({ communityId }: { communityId: string }) {
  return (
    <>
      <Entry
        icon='star'
        title={t.points.staffEntry}
        desc={t.points.staffEntryDesc}
        testId='open-staff-points'
        onClick={() => void openPoints('staffPoints', communityId)}
        counts={null}
        badge={0}
      />
      <Entry
        icon='scan'
        title={t.points.redeemEntry}
        desc={t.points.redeemEntryDesc}
        testId='open-staff-redeem'
        onClick={() => void openPoints('staffRedeem', communityId)}
        counts={null}
        badge={0}
      />
      <Entry
        icon='people'
        title={t.errands.staffEntry}
        desc={t.errands.staffEntryDesc}
        testId='open-staff-errands'
        onClick={() => void openErrands('staff', communityId)}
        counts={null}
        badge={0}
      />
      <Entry
        icon='users'
        title={t.volunteering.staffEntry}
        desc={t.volunteering.staffEntryDesc}
        testId='open-staff-volunteering'
        onClick={() => void openVolunteering('staffVolunteering', communityId)}
        counts={null}
        badge={0}
      />
    </>
  )
}
