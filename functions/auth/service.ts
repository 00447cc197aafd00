import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { roles } from '../../domain/roles.js'
import { maskPhone } from '../../domain/schemas/me.js'
import type { Db } from '../../db/client.js'
import { communities, memberships, residencyClaims, streetMemberships, streets, users } from '../../db/schema/index.js'
import { allOf, jsonShape, together } from '../../db/together.js'
import { AppError } from '../http/errors.js'

export function publicUser(u: { id: string; nickname: string; avatarUrl: string | null; phone: string | null }) {
  return { id: u.id, nickname: u.nickname, avatarUrl: u.avatarUrl, phoneMasked: maskPhone(u.phone) }
}

/** Signs a WeChat user in: one upsert by openid, so two concurrent first logins make one user. */
export async function signInWithOpenid(db: Db, openid: string, unionid: string | undefined, now: Date) {
  const [user] = await db
    .insert(users)
    .values({ openid, unionid: unionid ?? null, nickname: `邻居${openid.slice(-4)}`, lastSeenAt: now })
    .onConflictDoUpdate({ target: users.openid, set: { lastSeenAt: now, unionid: sql`coalesce(excluded.unionid, ${users.unionid})` } })
    .returning()
  return user
}

const person = { id: users.id, nickname: users.nickname, note: users.demoNote, communityName: communities.name, code: communities.code }
const grantedShape = jsonShape({ ...person, role: memberships.role, orgName: memberships.orgName })
const claimedShape = jsonShape(person)
const officialShape = jsonShape({
  id: users.id,
  nickname: users.nickname,
  note: users.demoNote,
  communityName: streets.name,
  role: streetMemberships.role,
})

/**
 * The seeded demo people offered by the dev login, with the community and role they show: the roles
 * granted them, or — for residents, who hold no membership (docs/decisions/016) — the community of
 * their verified or pending claim. One statement (decision 039).
 */
export async function listDemoUsers(db: Db) {
  const read = await together(db, {
    granted: allOf(
      db
        .select({ r: grantedShape.object })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .innerJoin(communities, eq(communities.id, memberships.communityId))
        .where(isNotNull(users.demoNote)),
    ),
    // Once per person and community, however many claims: what `select distinct` gave (json has no equality).
    claimed: allOf(
      db
        .select({ r: claimedShape.object })
        .from(users)
        .innerJoin(residencyClaims, eq(residencyClaims.userId, users.id))
        .innerJoin(communities, eq(communities.id, residencyClaims.communityId))
        .where(and(isNotNull(users.demoNote), inArray(residencyClaims.status, ['verified', 'pending'])))
        .groupBy(users.id, communities.id),
    ),
    // Street officials (街道干部) hold no community role: they show with their street.
    officials: allOf(
      db
        .select({ r: officialShape.object })
        .from(users)
        .innerJoin(streetMemberships, eq(streetMemberships.userId, users.id))
        .innerJoin(streets, eq(streets.id, streetMemberships.streetId))
        .where(isNotNull(users.demoNote))
        .orderBy(streets.name, users.nickname),
    ),
  })
  const granted = read.granted.map(grantedShape.decode)
  const claimed = read.claimed.map(claimedShape.decode)
  const officials = read.officials.map(officialShape.decode)
  const withRole = new Set(granted.map((g) => g.id))
  const rows = [...granted, ...claimed.filter((c) => !withRole.has(c.id)).map((c) => ({ ...c, role: 'resident' as const, orgName: null }))]
  rows.sort((a, b) => a.code.localeCompare(b.code) || roles.indexOf(a.role) - roles.indexOf(b.role) || a.nickname.localeCompare(b.nickname))
  const people = rows.map(({ code: _code, ...r }) => ({ ...r, note: r.note ?? '' }))
  return [...people, ...officials.map((r) => ({ ...r, orgName: null, note: r.note ?? '' }))]
}

export async function signInDemoUser(db: Db, userId: string, now: Date) {
  const [user] = await db
    .update(users)
    .set({ lastSeenAt: now })
    .where(sql`${users.id} = ${userId} and ${users.demoNote} is not null`)
    .returning()
  if (!user) throw new AppError('NOT_FOUND', '没有这个演示账号')
  return user
}
