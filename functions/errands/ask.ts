import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { errandKindLabels, stationServes } from '../../domain/errands/errands.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { ErrandInput, OnBehalfInput } from '../../domain/schemas/errands.js'
import type { Tx } from '../../db/client.js'
import { buildings, errands, errandStations } from '../../db/schema/index.js'
import { communityAllowing, communityContext } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { assertTextPasses } from '../wechat/text-check.js'
import { errandViews } from './views.js'

type Input = z.output<typeof ErrandInput> & { residentName?: string }

/** Tells the helpers whose active stations serve the errand: building and what only, the contact waits for accepting. */
async function tellHelpers(tx: Tx, row: typeof errands.$inferSelect, buildingName: string) {
  const stations = await tx
    .select()
    .from(errandStations)
    .where(and(eq(errandStations.communityId, row.communityId), eq(errandStations.active, true)))
  const helperIds = stations.filter((s) => stationServes(s, row) && s.helperId !== row.askedBy).map((s) => s.helperId)
  if (!helperIds.length) return
  await notify(tx, {
    userIds: helperIds,
    title: `新的代办：${errandKindLabels[row.kind as keyof typeof errandKindLabels]}（${buildingName}）`,
    body: `${row.what.slice(0, 40)}；时间：${row.whenText}。接单后可看到地址和电话。`,
  })
}

async function insertErrand(deps: Deps, actor: Actor, communityId: string, input: Input, staff: boolean) {
  const { db } = deps.database
  const [building] = await db
    .select({ name: buildings.name })
    .from(buildings)
    .where(and(eq(buildings.id, input.buildingId), eq(buildings.communityId, communityId)))
  if (!building) throw fieldError('buildingId', '只能选择本社区的楼栋')
  if (!staff) await assertTextPasses(deps, actor.userId, `${input.what}\n${input.when}\n${input.address}`)
  const now = deps.now()
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(errands)
      .values({
        communityId,
        kind: input.kind,
        what: input.what,
        whenText: input.when,
        buildingId: input.buildingId,
        address: input.address,
        contactPhone: input.contactPhone,
        residentName: input.residentName ?? null,
        onBehalf: input.residentName !== undefined,
        askedBy: actor.userId,
        createdAt: now,
      })
      .returning()
    await tellHelpers(tx, created, building.name)
    return created
  })
  return (await errandViews(db, actor, [row], null, staff))[0]
}

/** A verified resident asks for an errand (找人帮忙). */
export async function askErrand(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof ErrandInput>) {
  const ctx = await communityContext(deps.database.db, communityId)
  if (!ctx) throw new AppError('NOT_FOUND', '社区不存在')
  if (!can(actor, 'errands.ask', ctx)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能找人帮忙')
  return insertErrand(deps, actor, communityId, input, can(actor, 'errands.manage', ctx))
}

/** A worker asks for a resident without a phone: the worker is the asker (and confirms); the resident is named. */
export async function askOnBehalf(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof OnBehalfInput>) {
  await communityAllowing(deps.database.db, actor, communityId, 'errands.manage')
  return insertErrand(deps, actor, communityId, input, true)
}
