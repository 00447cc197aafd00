import { eq, sql } from 'drizzle-orm'
import type { Counters, KpiSettings } from '../../domain/kpis/formulas.js'
import { currentMonth, monthPeriod, type Period } from '../../domain/kpis/period.js'
import { kpiFigures } from '../../domain/kpis/report.js'
import type { z } from 'zod'
import type { MonthlyKpiQuery, PublicKpiCard } from '../../domain/schemas/kpis.js'
import type { Db } from '../../db/client.js'
import { kpiDaily } from '../../db/schema/index.js'
import { readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'
import { settingsFromPart, settingsPart } from './settings.js'
import { bound, countersFrom, periodRows, periodValues, totalPart } from './statement.js'

type Card = z.output<typeof PublicKpiCard>

/** The month asked for (this month, China time, when none). */
function periodOfMonth(deps: Deps, month: string | undefined): Period {
  return month ? monthPeriod(Number(month.slice(0, 4)), Number(month.slice(5, 7))) : currentMonth(deps.now())
}

/** The card from a month's counters and the street's settings: only counts and rates. */
function cardOf(community: { id: string; name: string }, period: Period, counters: Counters, settings: KpiSettings): Card {
  const figures = kpiFigures(counters, settings)
  const { response, resolution, satisfaction, composite } = figures.rates
  return {
    community: { id: community.id, name: community.name },
    month: period.from.slice(0, 7),
    period: { from: period.from, to: period.to, label: period.label },
    rates: { response, resolution, satisfaction, composite },
    samples: { received: counters.received, due: counters.due, rated: counters.rated },
    formula: figures.formula,
  }
}

/**
 * 本月社区三率, the residents' public card: a community's 响应率 · 解决率 · 满意率 and 综合 for one month,
 * from the same aggregate rows as the staff's figures, for anyone signed in who may see the
 * community (its page is public). Only counts and rates: no unit below the community, no names.
 * The actor, the community, the street's settings and the sums in one statement (decision 039).
 */
export async function getMonthlyCard(deps: Deps, userId: string, communityId: string, q: z.output<typeof MonthlyKpiQuery>): Promise<Card> {
  const { db } = deps.database
  const period = periodOfMonth(deps, q.month)
  const read = await readInCommunity(db, userId, communityId, 'community.view', publicKpiCardParts(db, communityId, period))
  return publicKpiCardFrom({ id: communityId, name: read.ctx.name }, period, read)
}

/**
 * The card as parts of another read's one statement (the 公示栏 and the open data, decision 039):
 * the month's sums and the street's settings, read as `getMonthlyCard` reads them;
 * `publicKpiCardFrom` makes the card.
 */
export function publicKpiCardParts(db: Db, communityId: string, period: Period) {
  const { shape, values } = periodValues(period, null)
  return {
    kpiSums: totalPart(periodRows(shape, bound(values), eq(kpiDaily.communityId, communityId), undefined, true)),
    kpiSettings: settingsPart(db, sql`(select street_id from communities where id = ${communityId})`),
  }
}

/** The card from `publicKpiCardParts`' values. */
export function publicKpiCardFrom(
  community: { id: string; name: string },
  period: Period,
  parts: { kpiSums: number[] | null; kpiSettings: unknown },
): Card {
  return cardOf(community, period, countersFrom(parts.kpiSums), settingsFromPart(parts.kpiSettings))
}
