import { eq } from 'drizzle-orm'
import { defaultKpiSettings, formulaLines, type KpiSettings } from '../../domain/kpis/formulas.js'
import type { Actor } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import { communities, streetKpiSettings } from '../../db/schema/index.js'
import { streetAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'

/** The street's assessment settings, or the defaults when it has set none. */
export async function settingsOf(db: Db, streetId: string): Promise<KpiSettings> {
  const [row] = await db.select().from(streetKpiSettings).where(eq(streetKpiSettings.streetId, streetId))
  if (!row) return defaultKpiSettings
  return {
    weights: { response: row.weightResponse, resolution: row.weightResolution, satisfaction: row.weightSatisfaction },
    basicSatisfiedPercent: row.basicSatisfiedPercent,
    minSample: row.minSample,
  }
}

const view = (s: KpiSettings) => ({ ...s, formula: formulaLines(s) })

/** Street officials, and the staff of the street's communities (their page shows the formulas). */
export async function getStreetSettings(deps: Deps, actor: Actor, streetId: string) {
  const { db } = deps.database
  try {
    await streetAllowing(db, actor, streetId, 'street.viewKpis')
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'FORBIDDEN') throw err
    const staffHere = await db.select({ id: communities.id }).from(communities).where(eq(communities.streetId, streetId))
    const ids = new Set(staffHere.map((c) => c.id))
    if (!actor.memberships.some((m) => ids.has(m.communityId) && (m.role === 'worker' || m.role === 'admin'))) throw err
  }
  return view(await settingsOf(db, streetId))
}

/** Street officials set the 综合 weights, the 基本满意 factor and the minimum sample; figures follow at once. */
export async function putStreetSettings(deps: Deps, actor: Actor, streetId: string, input: KpiSettings) {
  const { db } = deps.database
  await streetAllowing(db, actor, streetId, 'street.configure')
  const values = {
    weightResponse: input.weights.response,
    weightResolution: input.weights.resolution,
    weightSatisfaction: input.weights.satisfaction,
    basicSatisfiedPercent: input.basicSatisfiedPercent,
    minSample: input.minSample,
    updatedBy: actor.userId,
    updatedAt: deps.now(),
  }
  await db
    .insert(streetKpiSettings)
    .values({ streetId, ...values })
    .onConflictDoUpdate({ target: streetKpiSettings.streetId, set: values })
  return view(input)
}
