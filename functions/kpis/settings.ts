import { eq, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { defaultKpiSettings, formulaLines, type KpiSettings } from '../../domain/kpis/formulas.js'
import { type Actor, canInStreet } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import { communities, streetKpiSettings, streets } from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { readSignedIn, streetAllowing } from '../communities/index.js'
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

const settingsShape = jsonShape({
  weightResponse: streetKpiSettings.weightResponse,
  weightResolution: streetKpiSettings.weightResolution,
  weightSatisfaction: streetKpiSettings.weightSatisfaction,
  basicSatisfiedPercent: streetKpiSettings.basicSatisfiedPercent,
  minSample: streetKpiSettings.minSample,
})

/** The street's settings as a part of a read's one statement (null without a row); `streetId` may be an outer column. */
export function settingsPart(db: Db, streetId: string | PgColumn | SQL): SQL<unknown> {
  return firstOf(db.select({ r: settingsShape.object }).from(streetKpiSettings).where(eq(streetKpiSettings.streetId, streetId)))
}

/** `settingsPart`'s value as `settingsOf` gives it: the defaults when the street has set none. */
export function settingsFromPart(value: unknown): KpiSettings {
  if (!value) return defaultKpiSettings
  const row = settingsShape.decode(value)
  return {
    weights: { response: row.weightResponse, resolution: row.weightResolution, satisfaction: row.weightSatisfaction },
    basicSatisfiedPercent: row.basicSatisfiedPercent,
    minSample: row.minSample,
  }
}

const view = (s: KpiSettings) => ({ ...s, formula: formulaLines(s) })

/**
 * Street officials, and the staff of the street's communities (their page shows the formulas): the
 * street, its communities and its settings in one statement with the actor (decision 039); 404 for
 * no such street, then 403 unless the actor is either, before anything is returned.
 */
export async function getStreetSettings(deps: Deps, userId: string, streetId: string) {
  const { db } = deps.database
  const { actor, street, communityIds, settings } = await readSignedIn(db, userId, {
    street: firstOf(db.select({ r: streets.id }).from(streets).where(eq(streets.id, streetId))),
    communityIds: allOf(db.select({ r: communities.id }).from(communities).where(eq(communities.streetId, streetId))),
    settings: settingsPart(db, streetId),
  })
  if (!street) throw new AppError('NOT_FOUND', '街道不存在')
  if (!canInStreet(actor, 'street.viewKpis', { streetId })) {
    const ids = new Set(communityIds as string[])
    if (!actor.memberships.some((m) => ids.has(m.communityId) && (m.role === 'worker' || m.role === 'admin')))
      throw new AppError('FORBIDDEN')
  }
  return view(settingsFromPart(settings))
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
