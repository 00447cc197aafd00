import { createHash } from 'node:crypto'
import { sql, type WithSubquery } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { runPrepared } from '../../db/prepared.js'
import { concernCounters, concernEvents, concernPhotos, concerns, follows, idempotencyKeys } from '../../db/schema/index.js'
import { type ActorColumns, actorJson } from '../auth/index.js'
import { type DispatchFacts, dispatchFacts, limitOverridesValue } from '../grids/index.js'
import { concernNoticeParts } from '../notifications/index.js'

/** A placeholder of the raise's prepared statements, as SQL: filled with the value as the driver takes it. */
const p = (name: string) => sql`${sql.placeholder(name)}`

/** An earlier request's use of the Idempotency-Key: what it sent (hashed) and the concern it made. */
export interface KeySeen {
  hash: string
  concernId: string
}

const keySeen = sql<KeySeen | null>`(select json_build_object('hash', k.request_hash, 'concernId', k.concern_id)
  from ${idempotencyKeys} k where k.user_id = ${p('userId')} and k.key = ${p('key')}::text)`

export type PlaceKind = 'household' | 'building' | 'text'

interface ContextRow {
  actor: ActorColumns | null
  code: string | null
  openid: string | null
  limits: unknown
  buildingId: string | null
  dispatch: DispatchFacts
  key: KeySeen | null
}

/** The building of the place: a home the author has verified, or a building of the community; null otherwise. */
function buildingOf(kind: PlaceKind) {
  if (kind === 'household')
    return sql`(select u.building_id from residency_claims rc join households h on h.id = rc.household_id join units u on u.id = h.unit_id
      where rc.user_id = ${p('userId')} and rc.household_id = ${p('placeId')} and rc.community_id = ${p('communityId')}
        and rc.status = 'verified' limit 1)`
  if (kind === 'building') return sql`(select b.id from buildings b where b.id = ${p('placeId')} and b.community_id = ${p('communityId')})`
  return null
}

function contextStatement(db: Db, kind: PlaceKind) {
  const building = buildingOf(kind)
  return db
    .select({
      actor: actorJson(sql.placeholder('userId')),
      code: sql<string | null>`(select code from communities where id = ${p('communityId')})`,
      openid: sql<string | null>`(select openid from users where id = ${p('userId')})`,
      limits: limitOverridesValue(sql.placeholder('communityId')),
      buildingId: building ? sql<string | null>`${building}` : sql<null>`null`,
      dispatch: dispatchFacts(sql.placeholder('communityId'), building),
      key: keySeen,
    })
    .from(sql`(values (1)) as one`)
}

/**
 * Everything a raise reads before it writes, in one prepared statement (one per kind of place;
 * decision 037): the actor, the community's code and milestone limits, the author's openid for
 * WeChat's text check, the building of the place, where the concern goes (the building's grid and
 * its workers, the community's staff) and what an earlier request with the same key made.
 */
export async function raiseContext(
  db: Db,
  v: { userId: string; communityId: string; kind: PlaceKind; placeId: string | null; key: string | null },
): Promise<ContextRow> {
  const values = { userId: v.userId, communityId: v.communityId, placeId: v.placeId, key: v.key }
  const [row] = await runPrepared<ContextRow>(db, `concern_raise_context_${v.kind}`, () => contextStatement(db, v.kind), values)
  return row
}

/** The key's earlier use, read again after this request lost the race for it. */
export async function keySeenAgain(db: Db, userId: string, key: string): Promise<KeySeen | null> {
  const build = () => db.select({ key: keySeen }).from(sql`(values (1)) as one`)
  const [row] = await runPrepared<{ key: KeySeen | null }>(db, 'concern_raise_key', build, { userId, key })
  return row?.key ?? null
}

/** The placeholders of `raiseStatement` but the 三率 counters' (their part fills its own). */
export interface RaiseValues {
  id: string
  communityId: string
  userId: string
  year: number
  /** `WA-2026-`: the public number is this and the counter's next value in six digits. */
  prefix: string
  category: string
  description: string
  householdId: string | null
  buildingId: string | null
  placeText: string | null
  latitude: number | null
  longitude: number | null
  visibility: string
  anonymous: boolean
  gridId: string | null
  /** ISO times. */
  at: string
  acknowledgeDueAt: string
  /** The photos' ids in order, comma-separated ('' for none), and their number. */
  photoIds: string
  photoCount: number
  key: string | null
  hash: string
  /** Who is told (comma-separated ids, '' for nobody), the notice's body and its WeChat message without title and number. */
  notify: string
  body: string
  payload: string
}

/**
 * A raise's every write in one statement, autocommitted (data-modifying `with`s; their foreign keys
 * to the new concern are checked at the statement's end): the community's number counter, the
 * concern with its public number, its photos in order, the author's follow, the submit event, the
 * Idempotency-Key pointed at it (a second use of the key fails the whole statement on the key's
 * primary key: nothing of it is written), the notice to the grid or the staff with its WeChat
 * message, and the 三率 counters (`kpi`, after the main part in their own order). The counter row is
 * locked from the main part to the statement's end, so within a community raises queue on it for
 * less than one statement.
 */
export function raiseStatement(db: Db, kpi: WithSubquery[]) {
  const numbered = db.$with('numbered', {}).as(
    sql`insert into ${concernCounters} (community_id, year, last) values (${p('communityId')}, ${p('year')}, 1)
      on conflict (community_id, year) do update set last = ${concernCounters}.last + 1
      returning ${p('prefix')}::text || lpad(last::text, 6, '0') as public_no`,
  )
  const publicNo = sql`(select public_no from numbered)`
  const parts = [
    numbered,
    db
      .$with('author_follows', {})
      .as(sql`insert into ${follows} (concern_id, user_id, created_at) values (${p('id')}, ${p('userId')}, ${p('at')})`),
    db.$with('submitted', {}).as(
      sql`insert into ${concernEvents} (concern_id, actor_id, actor_role, action, to_status, created_at)
        values (${p('id')}, ${p('userId')}, 'author', 'submit', 'submitted', ${p('at')})`,
    ),
    db.$with('photos', {}).as(
      sql`insert into ${concernPhotos} (concern_id, photo_id, position)
        select ${p('id')}::uuid, ph, i - 1 from unnest(string_to_array(${p('photoIds')}::text, ',')::uuid[]) with ordinality t(ph, i)`,
    ),
    db.$with('key_taken', {}).as(
      sql`insert into ${idempotencyKeys} (user_id, key, request_hash, concern_id)
        select ${p('userId')}::uuid, ${p('key')}::text, ${p('hash')}::text, ${p('id')}::uuid where ${p('key')}::text is not null`,
    ),
    ...concernNoticeParts(db, {
      userIds: p('notify'),
      concernId: p('id'),
      title: sql`'新诉求 ' || ${publicNo}`,
      body: p('body'),
      publicNo,
      payload: p('payload'),
    }),
    ...kpi,
  ]
  return db
    .with(...parts)
    .insert(concerns)
    .values({
      id: p('id'),
      communityId: p('communityId'),
      publicNo,
      authorId: p('userId'),
      category: p('category'),
      description: p('description'),
      householdId: p('householdId'),
      buildingId: p('buildingId'),
      placeText: p('placeText'),
      latitude: p('latitude'),
      longitude: p('longitude'),
      visibility: p('visibility'),
      anonymous: p('anonymous'),
      photoCount: p('photoCount'),
      followCount: 1,
      gridId: p('gridId'),
      acknowledgeDueAt: p('acknowledgeDueAt'),
      createdAt: p('at'),
      updatedAt: p('at'),
    })
    .returning({ id: concerns.id })
}

/** A prepared statement's name for each shape of the counters' part (PostgreSQL cuts names at 63 bytes: a hash of the shape). */
const statementNames = new Map<string, string>()

/** Runs `raiseStatement` prepared, one statement per shape of the 三率 counters' part. */
export async function runRaise(
  db: Db,
  values: RaiseValues,
  kpi: { shape: string; parts: (db: Db) => WithSubquery[]; values: Record<string, unknown> },
) {
  let name = statementNames.get(kpi.shape)
  if (!name) {
    name = `concern_raise_${createHash('sha1').update(kpi.shape).digest('hex').slice(0, 12)}`
    statementNames.set(kpi.shape, name)
  }
  await runPrepared(db, name, () => raiseStatement(db, kpi.parts(db)), { ...values, ...kpi.values })
}
