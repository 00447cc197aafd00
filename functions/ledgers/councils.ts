import { and, asc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm'
import { responsiblePartyLabels, sessionKindInfo } from '../../domain/councils/kinds.js'
import { sessionStatusLabels, topicStatusLabels } from '../../domain/councils/labels.js'
import { satisfactionLabels, satisfactionLevel } from '../../domain/kpis/formulas.js'
import type { Period } from '../../domain/kpis/period.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import { trackedStatusLabels } from '../../domain/tracking/items.js'
import { outcomeLabels, type VoteOutcome } from '../../domain/votes/tally.js'
import type { Db } from '../../db/client.js'
import { concerns, councilSessions, councilTopics, proposals, trackedItems, users } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { type Cell, type Column, type CommunityKey, chinaCell, fromList, outer, type SheetSpec } from './sheet.js'

/**
 * 议事协商台账: the sessions that started in the period, their topics, and the resolutions taken
 * on them — three sheets. A community holds a few sessions a month, so each sheet is one query.
 * Host and recorder are not recorded by Linli yet: their columns are left for the worker.
 */
const sessionColumns: readonly Column[] = [
  { header: '会议类型', width: 12 },
  { header: '会议主题', width: 28 },
  { header: '开始时间', width: 17, time: true },
  { header: '结束时间', width: 17, time: true },
  { header: '地点', width: 18 },
  { header: '主持人', width: 10 },
  { header: '记录员', width: 10 },
  { header: '报名人数', width: 10 },
  { header: '签到人数', width: 10 },
  { header: '缺席人数', width: 10 },
  { header: '议题数', width: 8 },
  { header: '状态', width: 11 },
  { header: '纪要发布时间', width: 17, time: true },
]

const topicColumns: readonly Column[] = [
  { header: '会议', width: 28 },
  { header: '会议日期', width: 12, day: true },
  { header: '议题', width: 28 },
  { header: '来源', width: 12 },
  { header: '关联诉求', width: 17 },
  { header: '提出人', width: 12 },
  { header: '申报时间', width: 17, time: true },
  { header: '处理结果', width: 12 },
  { header: '说明', width: 30 },
]

const resolutionColumns: readonly Column[] = [
  { header: '会议', width: 28 },
  { header: '议题', width: 28 },
  { header: '决议事项', width: 40 },
  { header: '表决方式', width: 12 },
  { header: '表决结果', width: 16 },
  { header: '责任方', width: 18 },
  { header: '时限', width: 12, day: true },
  { header: '进度', width: 16 },
  { header: '完成比例（%）', width: 12 },
  { header: '最近进展', width: 12, day: true },
  { header: '决议时间', width: 17, time: true },
  { header: '公示日期', width: 12, day: true },
  { header: '回访结果', width: 12 },
]

const inPeriod = (community: CommunityKey, period: Period) =>
  and(eq(councilSessions.communityId, community), gte(councilSessions.startsAt, period.start), lt(councilSessions.startsAt, period.end))

const sessionShape = jsonShape({
  kind: councilSessions.kind,
  title: councilSessions.title,
  startsAt: councilSessions.startsAt,
  endsAt: councilSessions.endsAt,
  venue: councilSessions.venue,
  status: councilSessions.status,
  checkedIn: councilSessions.checkedInCount,
  topics: councilSessions.acceptedTopicCount,
  minutesPublishedAt: councilSessions.minutesPublishedAt,
  registered: sql<number>`(select count(*)::int from council_registrations r
    where r.session_id = ${outer('council_sessions', 'id')} and r.status in ('registered', 'checked_in'))`,
  absent: sql<number>`(select count(*)::int from council_registrations r
    where r.session_id = ${outer('council_sessions', 'id')} and r.status = 'registered')`,
})

function sessionPart(db: Db, community: CommunityKey, period: Period) {
  return allOf(
    db
      .select({ r: sessionShape.object })
      .from(councilSessions)
      .where(inPeriod(community, period))
      .orderBy(asc(councilSessions.startsAt), asc(councilSessions.id)),
  )
}

function sessionRows(values: unknown[]): Cell[][] {
  const rows = values.map(sessionShape.decode)
  return rows.map((s) => {
    const held = s.status === 'concluded' || s.status === 'minutes_published'
    return [
      sessionKindInfo[s.kind].label,
      s.title,
      chinaCell(s.startsAt),
      chinaCell(s.endsAt),
      s.venue ?? '线上',
      '',
      '',
      s.registered,
      s.checkedIn,
      held ? s.absent : null,
      s.topics,
      sessionStatusLabels[s.status],
      chinaCell(s.minutesPublishedAt),
    ]
  })
}

const topicShape = jsonShape({
  session: councilSessions.title,
  startsAt: councilSessions.startsAt,
  title: councilTopics.title,
  concernNo: concerns.publicNo,
  proposer: users.nickname,
  proposerIsStaff: sql<boolean>`exists (select 1 from memberships m where m.user_id = ${outer('council_topics', 'proposer_id')}
    and m.community_id = ${outer('council_topics', 'community_id')} and m.role in ('worker', 'admin'))`,
  createdAt: councilTopics.createdAt,
  status: councilTopics.status,
  reason: councilTopics.decisionReason,
})

function topicPart(db: Db, community: CommunityKey, period: Period) {
  return allOf(
    db
      .select({ r: topicShape.object })
      .from(councilTopics)
      .innerJoin(councilSessions, eq(councilSessions.id, councilTopics.sessionId))
      .innerJoin(users, eq(users.id, councilTopics.proposerId))
      .leftJoin(concerns, eq(concerns.id, councilTopics.concernId))
      .where(inPeriod(community, period))
      .orderBy(asc(councilSessions.startsAt), asc(councilTopics.createdAt), asc(councilTopics.id)),
  )
}

function topicRows(values: unknown[]): Cell[][] {
  const rows = values.map(topicShape.decode)
  return rows.map((t) => [
    t.session,
    chinaCell(t.startsAt),
    t.title,
    t.concernNo ? '诉求转入' : t.proposerIsStaff ? '工作人员' : '居民申报',
    t.concernNo ?? '',
    t.proposer,
    chinaCell(t.createdAt),
    topicStatusLabels[t.status],
    t.reason ? scrubText(t.reason) : '',
  ])
}

// The vote on the topic, if one closed: how it was decided and when the result went up (公示).
const vote = (field: string) =>
  sql`(select ${sql.raw(field)} from proposals p where p.topic_id = ${outer('council_topics', 'id')}
    and p.status in ('closed', 'published') order by p.closed_at desc limit 1)`

const resolutionShape = jsonShape({
  session: councilSessions.title,
  title: councilTopics.title,
  text: councilTopics.resolutionText,
  party: councilTopics.resolutionParty,
  partyName: councilTopics.resolutionName,
  deadline: councilTopics.resolutionDeadline,
  resolvedAt: councilTopics.resolvedAt,
  minutesPublishedAt: councilSessions.minutesPublishedAt,
  trackedStatus: trackedItems.status,
  trackedProgress: trackedItems.progress,
  shelvedReason: trackedItems.shelvedReason,
  lastUpdateAt: trackedItems.lastUpdateAt,
  concernRating: concerns.rating,
  voteOutcome: sql<VoteOutcome | null>`${vote("p.result->>'outcome'")}`,
  votePublishedAt: vote('p.published_at').mapWith(proposals.publishedAt),
})

function resolutionPart(db: Db, community: CommunityKey, period: Period) {
  return allOf(
    db
      .select({ r: resolutionShape.object })
      .from(councilTopics)
      .innerJoin(councilSessions, eq(councilSessions.id, councilTopics.sessionId))
      .leftJoin(concerns, eq(concerns.id, councilTopics.concernId))
      .leftJoin(trackedItems, eq(trackedItems.topicId, councilTopics.id))
      .where(and(inPeriod(community, period), isNotNull(councilTopics.resolvedAt)))
      .orderBy(asc(councilSessions.startsAt), asc(councilTopics.agendaOrder), asc(councilTopics.id)),
  )
}

function resolutionRows(values: unknown[]): Cell[][] {
  const rows = values.map(resolutionShape.decode)
  return rows.map((r) => {
    const published = r.votePublishedAt ?? r.minutesPublishedAt
    return [
      r.session,
      r.title,
      scrubText(r.text ?? ''),
      r.voteOutcome ? '投票表决' : '会议议定',
      r.voteOutcome ? outcomeLabels[r.voteOutcome] : '通过',
      [r.party ? responsiblePartyLabels[r.party] : '', r.partyName].filter(Boolean).join(' · '),
      chinaCell(r.deadline),
      !r.trackedStatus
        ? ''
        : r.trackedStatus === 'shelved'
          ? `已搁置：${scrubText(r.shelvedReason ?? '')}`
          : trackedStatusLabels[r.trackedStatus],
      r.trackedProgress ?? '',
      chinaCell(r.lastUpdateAt),
      chinaCell(r.resolvedAt),
      chinaCell(published),
      r.concernRating ? satisfactionLabels[satisfactionLevel(r.concernRating)] : '',
    ]
  })
}

/** The three sheets' rows, as parts of the read that checks the right to the ledger. */
export function councilParts(db: Db, community: CommunityKey, period: Period) {
  return {
    sessions: sessionPart(db, community, period),
    topics: topicPart(db, community, period),
    resolutions: resolutionPart(db, community, period),
  }
}

/** The three sheets of one community, from `councilParts`; `prefix` names them in a street's workbook. */
export function councilSheets(values: { sessions: unknown[]; topics: unknown[]; resolutions: unknown[] }, prefix = ''): SheetSpec[] {
  return [
    { name: `${prefix}议事会议`, columns: sessionColumns, rows: fromList(() => sessionRows(values.sessions)) },
    { name: `${prefix}议题`, columns: topicColumns, rows: fromList(() => topicRows(values.topics)) },
    { name: `${prefix}决议`, columns: resolutionColumns, rows: fromList(() => resolutionRows(values.resolutions)) },
  ]
}
