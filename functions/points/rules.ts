import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import { defaultRuleAmounts, type EarningKind, earningKinds, entryKindLabels } from '../../domain/points/kinds.js'
import type { Actor } from '../../domain/permissions.js'
import type { PointsRules, PointsRulesInput } from '../../domain/schemas/points.js'
import type { Db } from '../../db/client.js'
import { pointsRules } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { communityAllowing, readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'
import { ruleAmount } from './ledger.js'

/** The points a community pays per kind of event; residents read them, staff set them. */

function rulesView(communityId: string, amountOf: Partial<Record<EarningKind, number>>): z.output<typeof PointsRules> {
  return {
    communityId,
    rules: earningKinds.map((kind) => ({ kind, label: entryKindLabels[kind], amount: amountOf[kind] ?? defaultRuleAmounts[kind] })),
  }
}

async function view(db: Db, communityId: string): Promise<z.output<typeof PointsRules>> {
  const amounts: Partial<Record<EarningKind, number>> = {}
  for (const kind of earningKinds) amounts[kind] = await ruleAmount(db, communityId, kind)
  return rulesView(communityId, amounts)
}

const ruleShape = jsonShape({ kind: pointsRules.kind, amount: pointsRules.amount })

/** The rules the community set, the default for the others: one statement with the actor; a read writes nothing. */
export async function getRules(deps: Deps, userId: string, communityId: string) {
  const { db } = deps.database
  const set = db.select({ r: ruleShape.object }).from(pointsRules).where(eq(pointsRules.communityId, communityId))
  const { rules } = await readInCommunity(db, userId, communityId, 'points.view', { rules: allOf(set) })
  const amounts: Partial<Record<EarningKind, number>> = {}
  for (const rule of rules.map(ruleShape.decode)) amounts[rule.kind] = rule.amount
  return rulesView(communityId, amounts)
}

/** Staff set amounts (0–1000 each, checked by the schema); entries already written keep their amount. */
export async function putRules(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof PointsRulesInput>) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'points.manage')
  const now = deps.now()
  await db.transaction(async (tx) => {
    for (const kind of earningKinds) {
      const amount = input[kind]
      if (amount === undefined) continue
      await tx
        .insert(pointsRules)
        .values({ communityId, kind, amount, updatedBy: actor.userId, updatedAt: now })
        .onConflictDoUpdate({
          target: [pointsRules.communityId, pointsRules.kind],
          set: { amount, updatedBy: actor.userId, updatedAt: now },
        })
    }
  })
  return view(db, communityId)
}
