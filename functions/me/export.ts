import { asc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { householdAddress } from '../../domain/labels.js'
import type { MyDataExport } from '../../domain/schemas/privacy.js'
import type { Db } from '../../db/client.js'
import {
  buildings,
  communities,
  concerns,
  cosigns,
  councilRegistrations,
  councilSessions,
  councilTopics,
  follows,
  households,
  memberships,
  notifications,
  photos,
  proposals,
  residencyClaims,
  units,
  users,
  voteBallots,
} from '../../db/schema/index.js'
import { AppError } from '../http/errors.js'
import { exportMyPoints } from './export-points.js'

const iso = (d: Date) => d.toISOString()
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null)

/**
 * Everything kept about one person (个人信息保护法 art. 45), read in one snapshot of their own
 * rows. Ballots are the ones they cast themselves, with their own choices; a household ballot
 * another member cast is that member's, not theirs.
 */
export async function exportMyData(db: Db, userId: string, now: Date): Promise<z.output<typeof MyDataExport>> {
  const [user] = await db.select().from(users).where(eq(users.id, userId))
  if (!user) throw new AppError('UNAUTHENTICATED', '账号不存在或已注销，请重新登录')
  const [ms, claims, raised, cosigned, following, uploaded, topics, registrations, ballots, inbox] = await Promise.all([
    db
      .select({
        communityId: memberships.communityId,
        communityName: communities.name,
        role: memberships.role,
        since: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(communities, eq(communities.id, memberships.communityId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(memberships.createdAt)),
    db
      .select({
        id: residencyClaims.id,
        communityId: residencyClaims.communityId,
        building: buildings.name,
        unit: units.name,
        room: households.room,
        relation: residencyClaims.relation,
        status: residencyClaims.status,
        reason: residencyClaims.reason,
        createdAt: residencyClaims.createdAt,
        reviewedAt: residencyClaims.reviewedAt,
      })
      .from(residencyClaims)
      .innerJoin(households, eq(households.id, residencyClaims.householdId))
      .innerJoin(units, eq(units.id, households.unitId))
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .where(eq(residencyClaims.userId, userId))
      .orderBy(asc(residencyClaims.createdAt)),
    db.select().from(concerns).where(eq(concerns.authorId, userId)).orderBy(asc(concerns.createdAt)),
    db.select().from(cosigns).where(eq(cosigns.userId, userId)).orderBy(asc(cosigns.createdAt)),
    db.select().from(follows).where(eq(follows.userId, userId)).orderBy(asc(follows.createdAt)),
    db.select().from(photos).where(eq(photos.uploadedBy, userId)).orderBy(asc(photos.createdAt)),
    db.select().from(councilTopics).where(eq(councilTopics.proposerId, userId)).orderBy(asc(councilTopics.createdAt)),
    db
      .select({
        sessionId: councilRegistrations.sessionId,
        title: councilSessions.title,
        status: councilRegistrations.status,
        at: councilRegistrations.createdAt,
      })
      .from(councilRegistrations)
      .innerJoin(councilSessions, eq(councilSessions.id, councilRegistrations.sessionId))
      .where(eq(councilRegistrations.userId, userId))
      .orderBy(asc(councilRegistrations.createdAt)),
    db
      .select({ proposalId: voteBallots.proposalId, title: proposals.title, choices: voteBallots.choices, at: voteBallots.createdAt })
      .from(voteBallots)
      .innerJoin(proposals, eq(proposals.id, voteBallots.proposalId))
      .where(eq(voteBallots.castBy, userId))
      .orderBy(asc(voteBallots.createdAt)),
    db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.createdAt)),
  ])
  return {
    exportedAt: iso(now),
    profile: {
      id: user.id,
      nickname: user.nickname,
      avatarUrl: user.avatarUrl,
      phone: user.phone,
      wechatLinked: user.openid !== null,
      createdAt: iso(user.createdAt),
      lastSeenAt: isoOrNull(user.lastSeenAt),
    },
    memberships: ms.map((m) => ({ ...m, since: iso(m.since) })),
    claims: claims.map((c) => ({
      id: c.id,
      communityId: c.communityId,
      address: householdAddress(c),
      relation: c.relation,
      status: c.status,
      reason: c.reason,
      createdAt: iso(c.createdAt),
      reviewedAt: isoOrNull(c.reviewedAt),
    })),
    concerns: raised.map((c) => ({
      id: c.id,
      publicNo: c.publicNo,
      communityId: c.communityId,
      category: c.category,
      description: c.description,
      placeText: c.placeText,
      visibility: c.visibility,
      anonymous: c.anonymous,
      status: c.status,
      rating: c.rating,
      ratingComment: c.ratingComment,
      createdAt: iso(c.createdAt),
    })),
    cosigned: cosigned.map((c) => ({ concernId: c.concernId, at: iso(c.createdAt) })),
    following: following.map((f) => ({ concernId: f.concernId, at: iso(f.createdAt) })),
    photos: uploaded.map((p) => ({ id: p.id, url: p.url, uploadedAt: iso(p.createdAt) })),
    topics: topics.map((t) => ({
      id: t.id,
      sessionId: t.sessionId,
      title: t.title,
      reason: t.reason,
      status: t.status,
      decisionReason: t.decisionReason,
      createdAt: iso(t.createdAt),
    })),
    registrations: registrations.map((r) => ({ sessionId: r.sessionId, sessionTitle: r.title, status: r.status, at: iso(r.at) })),
    ballots: ballots.map((b) => ({ proposalId: b.proposalId, proposalTitle: b.title, choices: b.choices, at: iso(b.at) })),
    notifications: inbox.map((n) => ({ title: n.title, body: n.body, createdAt: iso(n.createdAt), readAt: isoOrNull(n.readAt) })),
    ...(await exportMyPoints(db, userId)),
  }
}
