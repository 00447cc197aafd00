import type { z } from 'zod'
import { earningKinds, entryKindLabels } from '../../domain/points/kinds.js'
import type { Actor } from '../../domain/permissions.js'
import type { PointsRules, PointsRulesInput } from '../../domain/schemas/points.js'
import type { Db } from '../../db/client.js'
import { pointsRules } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { ruleAmount } from './ledger.js'

/** The points a community pays per kind of event; residents read them, staff set them. */

async function view(db: Db, communityId: string): Promise<z.output<typeof PointsRules>> {
  const rules = []
  for (const kind of earningKinds) rules.push({ kind, label: entryKindLabels[kind], amount: await ruleAmount(db, communityId, kind) })
  return { communityId, rules }
}

export async function getRules(deps: Deps, actor: Actor, communityId: string) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'points.view')
  return view(db, communityId)
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
