import { and, asc, eq, gte, lt, ne } from 'drizzle-orm'
import type { Period } from '../../domain/kpis/period.js'
import { electorateKindLabels, voteRuleLabels, voteStatusLabels, votingUnitLabels } from '../../domain/votes/labels.js'
import { approvalThreshold, outcomeLabels, participationThreshold, percent } from '../../domain/votes/tally.js'
import type { Db } from '../../db/client.js'
import { councilSessions, proposals } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { type Cell, type Column, type CommunityKey, chinaCell, fromList, type SheetSpec } from './sheet.js'

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

const voteShape = jsonShape({
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

/** The community's votes opened in the period, as a part of the read that checks the right to the ledger. */
export function voteParts(db: Db, community: CommunityKey, period: Period) {
  return {
    votes: allOf(
      db
        .select({ r: voteShape.object })
        .from(proposals)
        .leftJoin(councilSessions, eq(councilSessions.id, proposals.sessionId))
        .where(
          and(
            eq(proposals.communityId, community),
            ne(proposals.status, 'draft'),
            gte(proposals.opensAt, period.start),
            lt(proposals.opensAt, period.end),
          ),
        )
        .orderBy(asc(proposals.opensAt), asc(proposals.id)),
    ),
  }
}

function voteRows(values: unknown[]): Cell[][] {
  const rows = values.map(voteShape.decode)
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

/** The votes sheet of one community, from `voteParts`. */
export function voteSheet(name: string, values: { votes: unknown[] }): SheetSpec {
  return { name, columns: voteColumns, rows: fromList(() => voteRows(values.votes)) }
}
