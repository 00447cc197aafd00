import { and, asc, desc, eq, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { householdAddress } from '../../domain/labels.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { ClaimStatus, HouseholdRelation } from '../../domain/roles.js'
import { maskPhone } from '../../domain/schemas/me.js'
import type { Db } from '../../db/client.js'
import { buildings, communities, households, residencyClaims, units, users } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { readSignedIn, readSignedInChecked } from '../communities/index.js'
import { afterCursor, toPage } from '../http/cursor.js'
import { notify } from '../notifications/index.js'
import { AppError } from '../http/errors.js'

const reviewer = alias(users, 'reviewer')
const claimant = alias(users, 'claimant')

const claimFields = {
  id: residencyClaims.id,
  communityId: residencyClaims.communityId,
  communityName: communities.name,
  householdId: residencyClaims.householdId,
  building: buildings.name,
  unit: units.name,
  room: households.room,
  relation: residencyClaims.relation,
  status: residencyClaims.status,
  reason: residencyClaims.reason,
  createdAt: residencyClaims.createdAt,
  reviewedAt: residencyClaims.reviewedAt,
  reviewerName: reviewer.nickname,
  claimantId: claimant.id,
  claimantNickname: claimant.nickname,
  claimantPhone: claimant.phone,
}
const claimShape = jsonShape(claimFields)

/**
 * One query shapes a claim the way both the resident and the staff see it: each row as one JSON
 * column, so a read can take it into its one statement (decision 039); `claimShape.decode` reads it.
 */
function claimRows(db: Db) {
  return db
    .select({ r: claimShape.object })
    .from(residencyClaims)
    .innerJoin(communities, eq(communities.id, residencyClaims.communityId))
    .innerJoin(households, eq(households.id, residencyClaims.householdId))
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .innerJoin(claimant, eq(claimant.id, residencyClaims.userId))
    .leftJoin(reviewer, eq(reviewer.id, residencyClaims.reviewedBy))
}

/** The reviewer is left-joined: none until the claim is decided. */
type ClaimRow = Omit<ReturnType<typeof claimShape.decode>, 'reviewerName'> & { reviewerName: string | null }

function toClaim(r: ClaimRow) {
  return {
    id: r.id,
    communityId: r.communityId,
    communityName: r.communityName,
    householdId: r.householdId,
    address: householdAddress(r),
    relation: r.relation,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewerName: r.reviewerName,
  }
}

function toStaffClaim(r: ClaimRow) {
  return {
    ...toClaim(r),
    claimant: { id: r.claimantId, nickname: r.claimantNickname, phoneMasked: maskPhone(r.claimantPhone) },
  }
}

async function claimById(db: Db, claimId: string) {
  const [row] = await claimRows(db).where(eq(residencyClaims.id, claimId))
  if (!row) throw new AppError('NOT_FOUND', '认证申请不存在')
  return claimShape.decode(row.r)
}

/** Someone claims a household; the claim alone grants nothing there until staff verify it (docs/decisions/016). */
export async function submitClaim(db: Db, actor: Actor, input: { householdId: string; relation: HouseholdRelation }) {
  const id = await db.transaction(async (tx) => {
    const [household] = await tx
      .select({ communityId: households.communityId })
      .from(households)
      .where(eq(households.id, input.householdId))
    if (!household) throw new AppError('NOT_FOUND', '所选房屋不存在')
    // The partial unique index (user, household) over open claims decides races: no read-then-insert.
    const [created] = await tx
      .insert(residencyClaims)
      .values({ userId: actor.userId, householdId: input.householdId, communityId: household.communityId, relation: input.relation })
      .onConflictDoNothing()
      .returning({ id: residencyClaims.id })
    if (!created) {
      const [open] = await tx
        .select({ status: residencyClaims.status })
        .from(residencyClaims)
        .where(
          and(
            eq(residencyClaims.userId, actor.userId),
            eq(residencyClaims.householdId, input.householdId),
            eq(residencyClaims.status, 'verified'),
          ),
        )
      throw new AppError(open ? 'CLAIM_ALREADY_VERIFIED' : 'CLAIM_ALREADY_PENDING')
    }
    return created.id
  })
  return toClaim(await claimById(db, id))
}

/** My claims, newest first, in one statement with the actor (decision 039). */
export async function listMyClaims(db: Db, userId: string) {
  const mine = claimRows(db).where(eq(residencyClaims.userId, userId)).orderBy(desc(residencyClaims.createdAt))
  const { rows } = await readSignedIn(db, userId, { rows: allOf(mine) })
  return rows.map((r) => toClaim(claimShape.decode(r)))
}

export async function withdrawClaim(db: Db, actor: Actor, claimId: string) {
  const row = await claimById(db, claimId)
  if (row.claimantId !== actor.userId) throw new AppError('NOT_FOUND', '认证申请不存在')
  const [updated] = await db
    .update(residencyClaims)
    .set({ status: 'withdrawn' })
    .where(and(eq(residencyClaims.id, claimId), eq(residencyClaims.status, 'pending')))
    .returning({ id: residencyClaims.id })
  if (!updated) throw new AppError('CLAIM_NOT_PENDING', '该申请已处理，不能撤回')
  return toClaim(await claimById(db, claimId))
}

/**
 * Staff queue: pending claims oldest first (fair); reviewed ones newest first. One statement with
 * the actor (decision 039); the right is checked before the query, as before.
 */
export async function listClaimsForStaff(db: Db, userId: string, communityId: string, queryOf: () => ClaimsPageQuery) {
  const { rows } = await readSignedInChecked(
    db,
    userId,
    (actor) => {
      if (!can(actor, 'residency.review', { communityId })) throw new AppError('FORBIDDEN')
    },
    () => ({ rows: allOf(staffQueue(db, communityId, queryOf())) }),
  )
  return toPage(rows.map(claimShape.decode), queryOf().limit, toStaffClaim)
}

type ClaimsPageQuery = { status: ClaimStatus; cursor?: string; limit: number }

function staffQueue(db: Db, communityId: string, query: ClaimsPageQuery) {
  const oldestFirst = query.status === 'pending'
  const conditions: SQL[] = [eq(residencyClaims.communityId, communityId), eq(residencyClaims.status, query.status)]
  const after = afterCursor(query.cursor, { at: residencyClaims.createdAt, id: residencyClaims.id }, oldestFirst ? 'asc' : 'desc')
  if (after) conditions.push(after)
  const order = oldestFirst ? asc : desc
  return claimRows(db)
    .where(and(...conditions))
    .orderBy(order(residencyClaims.createdAt), order(residencyClaims.id))
    .limit(query.limit + 1)
}

/** Approve or reject: staff of the claim's community only; a claim is decided once. */
export async function reviewClaim(
  db: Db,
  actor: Actor,
  claimId: string,
  decision: { verdict: 'verified' } | { verdict: 'rejected'; reason: string },
  now: Date,
) {
  const row = await claimById(db, claimId)
  if (!can(actor, 'residency.review', { communityId: row.communityId })) {
    // A claim is seen by its claimant and the community's staff only: 404 for everyone else.
    if (row.claimantId !== actor.userId) throw new AppError('NOT_FOUND', '认证申请不存在')
    throw new AppError('FORBIDDEN', '只有本社区的工作人员可以审核')
  }
  const address = toClaim(row).address
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(residencyClaims)
      .set({
        status: decision.verdict,
        reason: decision.verdict === 'rejected' ? decision.reason : null,
        reviewedBy: actor.userId,
        reviewedAt: now,
      })
      .where(and(eq(residencyClaims.id, claimId), eq(residencyClaims.status, 'pending')))
      .returning({ id: residencyClaims.id })
    if (!updated) throw new AppError('CLAIM_NOT_PENDING')
    // The claimant learns the outcome without having to look (in the app; no subscribe template).
    await notify(
      tx,
      decision.verdict === 'verified'
        ? { userIds: [row.claimantId], title: '房屋认证已通过', body: `${address}已认证，现在可以反映诉求、参加议事和投票了` }
        : { userIds: [row.claimantId], title: '房屋认证未通过', body: `${address}的认证未通过：${decision.reason}` },
    )
  })
  return toClaim(await claimById(db, claimId))
}
