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
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { readSignedIn } from '../communities/index.js'
import { AppError } from '../http/errors.js'
import { exportMyPointsFrom, exportPointsParts } from './export-points.js'

const iso = (d: Date) => d.toISOString()
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null)

const shapes = {
  user: jsonShape({
    id: users.id,
    nickname: users.nickname,
    avatarUrl: users.avatarUrl,
    phone: users.phone,
    openid: users.openid,
    createdAt: users.createdAt,
    lastSeenAt: users.lastSeenAt,
  }),
  membership: jsonShape({
    communityId: memberships.communityId,
    communityName: communities.name,
    role: memberships.role,
    since: memberships.createdAt,
  }),
  claim: jsonShape({
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
  }),
  concern: jsonShape({
    id: concerns.id,
    publicNo: concerns.publicNo,
    communityId: concerns.communityId,
    category: concerns.category,
    description: concerns.description,
    placeText: concerns.placeText,
    visibility: concerns.visibility,
    anonymous: concerns.anonymous,
    status: concerns.status,
    rating: concerns.rating,
    ratingComment: concerns.ratingComment,
    createdAt: concerns.createdAt,
  }),
  cosign: jsonShape({ concernId: cosigns.concernId, createdAt: cosigns.createdAt }),
  follow: jsonShape({ concernId: follows.concernId, createdAt: follows.createdAt }),
  photo: jsonShape({ id: photos.id, url: photos.url, createdAt: photos.createdAt }),
  topic: jsonShape({
    id: councilTopics.id,
    sessionId: councilTopics.sessionId,
    title: councilTopics.title,
    reason: councilTopics.reason,
    status: councilTopics.status,
    decisionReason: councilTopics.decisionReason,
    createdAt: councilTopics.createdAt,
  }),
  registration: jsonShape({
    sessionId: councilRegistrations.sessionId,
    title: councilSessions.title,
    status: councilRegistrations.status,
    at: councilRegistrations.createdAt,
  }),
  ballot: jsonShape({
    proposalId: voteBallots.proposalId,
    title: proposals.title,
    choices: voteBallots.choices,
    at: voteBallots.createdAt,
  }),
  notification: jsonShape({
    title: notifications.title,
    body: notifications.body,
    createdAt: notifications.createdAt,
    readAt: notifications.readAt,
  }),
}

/** Each kind of row the export holds, oldest first, as parts of one statement with the actor. */
function exportParts(db: Db, userId: string) {
  const { user, membership, claim, concern, cosign, follow, photo, topic, registration, ballot, notification } = shapes
  return {
    user: firstOf(db.select({ r: user.object }).from(users).where(eq(users.id, userId))),
    memberships: allOf(
      db
        .select({ r: membership.object })
        .from(memberships)
        .innerJoin(communities, eq(communities.id, memberships.communityId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(memberships.createdAt)),
    ),
    claims: allOf(
      db
        .select({ r: claim.object })
        .from(residencyClaims)
        .innerJoin(households, eq(households.id, residencyClaims.householdId))
        .innerJoin(units, eq(units.id, households.unitId))
        .innerJoin(buildings, eq(buildings.id, units.buildingId))
        .where(eq(residencyClaims.userId, userId))
        .orderBy(asc(residencyClaims.createdAt)),
    ),
    concerns: allOf(db.select({ r: concern.object }).from(concerns).where(eq(concerns.authorId, userId)).orderBy(asc(concerns.createdAt))),
    cosigned: allOf(db.select({ r: cosign.object }).from(cosigns).where(eq(cosigns.userId, userId)).orderBy(asc(cosigns.createdAt))),
    following: allOf(db.select({ r: follow.object }).from(follows).where(eq(follows.userId, userId)).orderBy(asc(follows.createdAt))),
    photos: allOf(db.select({ r: photo.object }).from(photos).where(eq(photos.uploadedBy, userId)).orderBy(asc(photos.createdAt))),
    topics: allOf(
      db.select({ r: topic.object }).from(councilTopics).where(eq(councilTopics.proposerId, userId)).orderBy(asc(councilTopics.createdAt)),
    ),
    registrations: allOf(
      db
        .select({ r: registration.object })
        .from(councilRegistrations)
        .innerJoin(councilSessions, eq(councilSessions.id, councilRegistrations.sessionId))
        .where(eq(councilRegistrations.userId, userId))
        .orderBy(asc(councilRegistrations.createdAt)),
    ),
    ballots: allOf(
      db
        .select({ r: ballot.object })
        .from(voteBallots)
        .innerJoin(proposals, eq(proposals.id, voteBallots.proposalId))
        .where(eq(voteBallots.castBy, userId))
        .orderBy(asc(voteBallots.createdAt)),
    ),
    notifications: allOf(
      db
        .select({ r: notification.object })
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(asc(notifications.createdAt)),
    ),
  }
}

/**
 * Everything kept about one person (个人信息保护法 art. 45), read in one statement with the actor
 * (decision 039), so one snapshot of their own rows; 401 for a deleted account. Ballots are the
 * ones they cast themselves, with their own choices; a household ballot another member cast is
 * that member's, not theirs.
 */
export async function exportMyData(db: Db, userId: string, now: Date): Promise<z.output<typeof MyDataExport>> {
  const read = await readSignedIn(db, userId, { ...exportParts(db, userId), ...exportPointsParts(db, userId) })
  if (!read.user) throw new AppError('UNAUTHENTICATED', '账号不存在或已注销，请重新登录')
  const user = shapes.user.decode(read.user)
  const ms = read.memberships.map(shapes.membership.decode)
  const claims = read.claims.map(shapes.claim.decode)
  const raised = read.concerns.map(shapes.concern.decode)
  const cosigned = read.cosigned.map(shapes.cosign.decode)
  const following = read.following.map(shapes.follow.decode)
  const uploaded = read.photos.map(shapes.photo.decode)
  const topics = read.topics.map(shapes.topic.decode)
  const registrations = read.registrations.map(shapes.registration.decode)
  const ballots = read.ballots.map(shapes.ballot.decode)
  const inbox = read.notifications.map(shapes.notification.decode)
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
    ...exportMyPointsFrom(read),
  }
}
