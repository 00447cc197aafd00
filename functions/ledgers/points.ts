import { earningKinds, entryKindLabels, entryKinds } from '../../domain/points/kinds.js'
import type { Period } from '../../domain/kpis/period.js'
import type { Db } from '../../db/client.js'
import { pointsTotalsFrom, pointsTotalsPart } from '../points/index.js'
import { type Cell, type Column, type CommunityKey, fromList, type SheetSpec } from './sheet.js'

/**
 * 道德银行积分 in the 议事协商台账: the period's entries of the community's points ledger summed by
 * kind — what was earned for each verified event, spent at the 爱心超市, refunded and corrected —
 * and the net change. Totals only: who earned what stays in each household's own statement.
 */
const columns: readonly Column[] = [
  { header: '类别', width: 16 },
  { header: '笔数', width: 10 },
  { header: '积分', width: 12 },
]

function rows(values: unknown[]): Cell[][] {
  const totals = new Map(pointsTotalsFrom(values).map((t) => [t.kind, t]))
  const out: Cell[][] = entryKinds.map((kind) => [entryKindLabels[kind], totals.get(kind)?.count ?? 0, totals.get(kind)?.sum ?? 0])
  const sum = (kinds: readonly string[], f: 'count' | 'sum') => kinds.reduce((n, k) => n + (totals.get(k as never)?.[f] ?? 0), 0)
  out.push(['发放合计', sum(earningKinds, 'count'), sum(earningKinds, 'sum')])
  out.push(['净变动（发放 − 兑换 + 退回 ± 更正）', sum(entryKinds, 'count'), sum(entryKinds, 'sum')])
  return out
}

/** The period's totals, as a part of the read that checks the right to the ledger. */
export function pointsParts(db: Db, community: CommunityKey, period: Period) {
  return { pointsTotals: pointsTotalsPart(db, community, period.start, period.end) }
}

/** The sheet of one community, from `pointsParts`; `prefix` names it in a street's workbook. */
export function pointsSheet(values: { pointsTotals: unknown[] }, prefix = ''): SheetSpec {
  return { name: `${prefix}道德银行积分`, columns, rows: fromList(() => rows(values.pointsTotals)) }
}
