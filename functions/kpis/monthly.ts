import { eq } from 'drizzle-orm'
import { emptyCounters } from '../../domain/kpis/formulas.js'
import { currentMonth, monthPeriod } from '../../domain/kpis/period.js'
import { kpiFigures } from '../../domain/kpis/report.js'
import type { Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { MonthlyKpiQuery, PublicKpiCard } from '../../domain/schemas/kpis.js'
import { kpiDaily } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { sumCounters } from './figures.js'
import { settingsOf } from './settings.js'

/**
 * 本月社区三率, the residents' public card: a community's 响应率 · 解决率 · 满意率 and 综合 for one month,
 * from the same aggregate rows as the staff's figures, for anyone signed in who may see the
 * community (its page is public). Only counts and rates: no unit below the community, no names.
 */
export async function getMonthlyCard(
  deps: Deps,
  actor: Actor,
  communityId: string,
  q: z.output<typeof MonthlyKpiQuery>,
): Promise<z.output<typeof PublicKpiCard>> {
  const community = await communityAllowing(deps.database.db, actor, communityId, 'community.view')
  return publicKpiCard(deps, { id: communityId, name: community.name, streetId: community.streetId }, q.month)
}

/** The card's figures for a community already found (the 公示栏 and the open data read them too). */
export async function publicKpiCard(
  deps: Deps,
  community: { id: string; name: string; streetId: string },
  month: string | undefined,
): Promise<z.output<typeof PublicKpiCard>> {
  const { db } = deps.database
  const period = month ? monthPeriod(Number(month.slice(0, 4)), Number(month.slice(5, 7))) : currentMonth(deps.now())
  const [sums, settings] = await Promise.all([
    sumCounters(db, eq(kpiDaily.communityId, community.id), period),
    settingsOf(db, community.streetId),
  ])
  const counters = sums.get('') ?? emptyCounters()
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
