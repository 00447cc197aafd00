import { and, desc, eq, not, or, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import type { GoodDeed, GoodDeedInput, GoodDeedReviewInput, GoodDeedsQuery } from '../../domain/schemas/points.js'
import type { Db } from '../../db/client.js'
import { goodDeeds, photos, pointsEntries } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { isStaffSql, communityAllowing, readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { ownPhotos } from '../photos/index.js'
import { awardPoints } from './ledger.js'

/** 好人好事: a resident reports with a photo; staff approve (the community's good-deed points) or decline with a reason. */
export async function reportGoodDeed(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof GoodDeedInput>) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'points.hold')
  await ownPhotos(db, actor.userId, [input.photoId])
  const [row] = await db
    .insert(goodDeeds)
    .values({ communityId, userId: actor.userId, text: input.text, photoId: input.photoId, createdAt: deps.now() })
    .returning({ id: goodDeeds.id })
  return (await readGoodDeeds(db, and(eq(goodDeeds.id, row.id)), true))[0]
}

const deedShape = jsonShape({ deed: goodDeeds, url: photos.url, moderation: photos.moderation, points: pointsEntries.amount })

/** The reports `where` selects, newest first (100 at most), with their photo and the points paid, each as JSON. */
function deedsQuery(db: Db, where: SQL | undefined) {
  return db
    .select({ r: deedShape.object })
    .from(goodDeeds)
    .innerJoin(photos, eq(photos.id, goodDeeds.photoId))
    .leftJoin(pointsEntries, and(eq(pointsEntries.sourceId, goodDeeds.id), eq(pointsEntries.kind, 'good_deed')))
    .where(where)
    .orderBy(desc(goodDeeds.createdAt))
    .limit(100)
}

/**
 * Residents see their own reports; staff the community's (by status, the pending queue by default).
 * One statement with the actor: whose reports are read is decided in SQL (staff or not), since
 * each list is capped at 100.
 */
export async function listGoodDeeds(deps: Deps, userId: string, communityId: string, query: z.output<typeof GoodDeedsQuery>) {
  const { db } = deps.database
  const staff = () => isStaffSql(userId, communityId)
  const where = and(
    eq(goodDeeds.communityId, communityId),
    or(
      and(staff(), eq(goodDeeds.status, query.status ?? 'pending')),
      and(not(staff()), eq(goodDeeds.userId, userId), query.status ? eq(goodDeeds.status, query.status) : undefined),
    ),
  )
  const list = deedsQuery(db, where)
  const { rows } = await readInCommunity(db, userId, communityId, 'points.view', { rows: allOf(list) })
  return { items: rows.map((r) => deedView(deedShape.decode(r), true)) }
}

async function readGoodDeeds(db: Db, where: SQL | undefined, privileged: boolean): Promise<z.output<typeof GoodDeed>[]> {
  const rows = await deedsQuery(db, where)
  return rows.map((row) => deedView(deedShape.decode(row.r), privileged))
}

function deedView({ deed, url, moderation, points }: ReturnType<typeof deedShape.decode>, privileged: boolean): z.output<typeof GoodDeed> {
  return {
    id: deed.id,
    text: deed.text,
    photoUrl: moderation === 'pass' || privileged ? url : null,
    status: deed.status,
    reviewReason: deed.reviewReason,
    createdAt: deed.createdAt.toISOString(),
    reviewedAt: deed.reviewedAt?.toISOString() ?? null,
    points: points ?? null,
  }
}

/**
 * Staff approve (points paid in the same transaction, once) or decline; a second review is 409.
 * The resident is told either way, in the app (消息), with the points or the reason.
 */
export async function reviewGoodDeed(deps: Deps, actor: Actor, goodDeedId: string, input: z.output<typeof GoodDeedReviewInput>) {
  const { db } = deps.database
  const [deed] = await db.select().from(goodDeeds).where(eq(goodDeeds.id, goodDeedId))
  if (!deed) throw new AppError('NOT_FOUND', '这条好人好事不存在')
  try {
    await communityAllowing(db, actor, deed.communityId, 'points.view')
  } catch {
    throw new AppError('NOT_FOUND', '这条好人好事不存在')
  }
  await communityAllowing(db, actor, deed.communityId, 'points.manage')
  const now = deps.now()
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(goodDeeds)
      .set({
        status: input.verdict === 'approve' ? 'approved' : 'rejected',
        reviewReason: input.verdict === 'reject' ? input.reason : null,
        reviewedBy: actor.userId,
        reviewedAt: now,
      })
      .where(and(eq(goodDeeds.id, goodDeedId), eq(goodDeeds.status, 'pending')))
      .returning()
    if (!row) throw new AppError('GOOD_DEED_ALREADY_REVIEWED')
    if (input.verdict === 'approve') {
      await awardPoints(tx, {
        communityId: row.communityId,
        userId: row.userId,
        kind: 'good_deed',
        sourceType: 'good_deed',
        sourceId: row.id,
        reason: `好人好事：${row.text.slice(0, 30)}`,
        createdBy: actor.userId,
        at: now,
      })
    }
    const excerpt = row.text.length > 20 ? `${row.text.slice(0, 20)}…` : row.text
    const approved = input.verdict === 'approve'
    await notify(tx, {
      userIds: [row.userId],
      title: approved ? '好人好事已通过' : '好人好事未通过',
      body: approved ? `「${excerpt}」已通过审核，积分已记入道德银行` : `「${excerpt}」未通过审核：${row.reviewReason ?? ''}`,
    })
  })
  return (await readGoodDeeds(db, eq(goodDeeds.id, goodDeedId), true))[0]
}
