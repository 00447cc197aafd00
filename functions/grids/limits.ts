import { eq, type Placeholder, type SQL, sql } from 'drizzle-orm'
import { categories, type Category, categoryKeys } from '../../domain/concerns/categories.js'
import { LimitOverrides, limitsFor, limitsText, type MilestoneLimits } from '../../domain/concerns/milestones.js'
import type { Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { CommunityLimits, LimitsInput } from '../../domain/schemas/grids.js'
import type { Db, Tx } from '../../db/client.js'
import { communities, communityLimits } from '../../db/schema/index.js'
import { communityAllowing, readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'

/** The community's overrides as stored; a row that no longer parses counts as none (the defaults). */
function overridesOf(stored: unknown): LimitOverrides {
  const parsed = LimitOverrides.safeParse(stored ?? {})
  return parsed.success ? parsed.data : {}
}

/** The stored overrides as a value of the caller's own statement (decision 037); `limitsFrom` reads it. */
export function limitOverridesValue(communityId: string | Placeholder | SQL): SQL<unknown> {
  return sql`(select overrides from community_limits where community_id = ${communityId})`
}

/** The limits in force for a category, from the community's stored overrides: what a concern's deadlines are computed from. */
export function limitsFrom(category: Category, stored: unknown): MilestoneLimits {
  return limitsFor(category, overridesOf(stored))
}

/** Days a resident's topic may wait for its written answer (议题答复时限; 14 unless the admin set it). */
async function topicAnswerDaysOf(db: Db | Tx, communityId: string): Promise<number> {
  const [row] = await db.select({ days: communities.topicAnswerDays }).from(communities).where(eq(communities.id, communityId))
  return row?.days ?? 14
}

function view(communityId: string, overrides: LimitOverrides, topicAnswerDays: number): z.output<typeof CommunityLimits> {
  return {
    communityId,
    overrides,
    topicAnswerDays,
    categories: categoryKeys.map((category) => {
      const limits = limitsFor(category, overrides)
      return {
        category,
        label: categories[category].label,
        acknowledge: limits.acknowledge,
        arrive: limits.arrive,
        resolve: limits.resolve,
        isDefault: !overrides[category] || Object.keys(overrides[category]).length === 0,
        text: limitsText(limits),
      }
    }),
  }
}

/**
 * Anyone signed in may read the limits: residents see the same deadlines on their concern. The
 * overrides and the answer days in one statement with the actor and the community (decision 039).
 */
export async function getCommunityLimits(deps: Deps, userId: string, communityId: string) {
  const { overrides, topicAnswerDays } = await readInCommunity(deps.database.db, userId, communityId, 'community.view', {
    overrides: limitOverridesValue(communityId),
    topicAnswerDays: sql<number | null>`(select topic_answer_days from communities where id = ${communityId})`,
  })
  return view(communityId, overridesOf(overrides), topicAnswerDays ?? 14)
}

/**
 * Admins replace the overrides; concerns already raised keep the deadlines stored with them
 * (a changed limit applies from the next 签收 or the next concern).
 */
export async function putCommunityLimits(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof LimitsInput>) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'limits.configure')
  const now = deps.now()
  await db
    .insert(communityLimits)
    .values({ communityId, overrides: input.overrides, updatedBy: actor.userId, updatedAt: now })
    .onConflictDoUpdate({
      target: communityLimits.communityId,
      set: { overrides: input.overrides, updatedBy: actor.userId, updatedAt: now },
    })
  if (input.topicAnswerDays !== undefined)
    await db.update(communities).set({ topicAnswerDays: input.topicAnswerDays }).where(eq(communities.id, communityId))
  return view(communityId, input.overrides, await topicAnswerDaysOf(db, communityId))
}
