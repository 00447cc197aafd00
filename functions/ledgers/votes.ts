import { and, asc, eq, gte, lt, ne } from 'drizzle-orm'
import type { Period } from '../../domain/kpis/period.js'
import { electorateKindLabels, voteRuleLabels, voteStatusLabels, votingUnitLabels } from '../../domain/votes/labels.js'
import { approvalThreshold, outcomeLabels, participationThreshold, percent } from '../../domain/votes/tally.js'
import type { Db } from '../../db/client.js'
import { councilSessions, proposals } from '../../db/schema/index.js'
import { type Cell, type Column, chinaCell, type SheetSpec } from './sheet.js'

/**
 * 投票表决台账: one row per vote opened in the period — who could vote, how it was counted, how many
 * took part by number and by area, the thresholds and the outcome. Only the stored tally is read:
 * no ballot, no roll entry, nothing that links a person or household to a choice.
 */
const voteColumns: readonly Column[] = [
  { header: '表决事项', width: 28 },
  { header: '所属议事会', width: 22 },
  { header: '投票范围', width: 18 },
  { header: '计票单位', width: 10 },
  { header: '表决规则', width: 22 },
  { header: '开始时间', width: 17, time: true },
  { header: '截止时间', width: 17, time: true },
  { header: '名册（人/户）', width: 13 },
  { header: '名册面积（m²）', width: 14 },
  { header: '参与（人/户）', width: 13 },
  { header: '参与率（人/户）', width: 14 },
  { header: '参与面积（m²）', width: 14 },
  { header: '参与率（面积）', width: 14 },
  { header: '参与门槛', width: 10 },
  { header: '通过门槛', width: 10 },
  { header: '结果', width: 16 },
  { header: '状态', width: 10 },
  { header: '公示截止', width: 12, day: true },
  { header: '计票说明', width: 60 },
]

const squareMetres = (cents: number) => Math.round(cents) / 100

async function voteRows(db: Db, communityId: string, period: Period): Promise<Cell[][]> {
  const rows = await db
    .select({
      title: proposals.title,
      session: councilSessions.title,
      electorateKind: proposals.electorateKind,
      unit: proposals.unit,
      rule: proposals.rule,
      quorumPercent: proposals.quorumPercent,
      opensAt: proposals.opensAt,
      closesAt: proposals.closesAt,
      electorateCount: proposals.electorateCount,
      electorateAreaCents: proposals.electorateAreaCents,
      result: proposals.result,
      status: proposals.status,
      publicUntil: proposals.publicUntil,
    })
    .from(proposals)
    .leftJoin(councilSessions, eq(councilSessions.id, proposals.sessionId))
    .where(
      and(
        eq(proposals.communityId, communityId),
        ne(proposals.status, 'draft'),
        gte(proposals.opensAt, period.start),
        lt(proposals.opensAt, period.end),
      ),
    )
    .orderBy(asc(proposals.opensAt), asc(proposals.id))
  return rows.map((p) => {
    const r = p.result
    const byArea = r ? r.weighsArea : false
    return [
      p.title,
      p.session ?? '独立表决',
      electorateKindLabels[p.electorateKind],
      votingUnitLabels[p.unit],
      voteRuleLabels[p.rule],
      chinaCell(p.opensAt),
      chinaCell(p.closesAt),
      p.electorateCount,
      byArea && p.electorateAreaCents !== null ? squareMetres(p.electorateAreaCents) : null,
      r?.participants.count ?? null,
      r ? percent(BigInt(r.participants.count), BigInt(r.electorate.count)) : '',
      r && byArea ? squareMetres(r.participants.areaCents) : null,
      r && byArea ? percent(BigInt(r.participants.areaCents), BigInt(r.electorate.areaCents)) : '',
      participationThreshold(p.rule, p.quorumPercent)?.label ?? '不设',
      approvalThreshold(p.rule).label,
      r ? outcomeLabels[r.outcome] : '',
      voteStatusLabels[p.status],
      chinaCell(p.publicUntil),
      r ? r.explanation.join('；') : '',
    ]
  })
}

/** The votes sheet of one community. */
export function voteSheet(db: Db, community: { id: string }, period: Period, name: string): SheetSpec {
  return {
    name,
    columns: voteColumns,
    rows: async function* () {
      yield* await voteRows(db, community.id, period)
    },
  }
}
