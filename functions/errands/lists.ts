import { and, desc, eq, exists, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { z } from 'zod'
import { type Actor, can } from '../../domain/permissions.js'
import type { ErrandsQuery } from '../../domain/schemas/errands.js'
import type { Db } from '../../db/client.js'
import { buildings, errands, errandStations, pointsEntries, users } from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { communityFrom, communityPart, readInCommunity, readSignedIn } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { ownStationPart, seenErrand, stationShape, type StationRow } from './access.js'
import { errandView } from './views.js'

const errandStation = alias(errandStations, 'errand_station')

/** An errand with what its view shows besides (decision 039): its building's name, its station, the asker's name, the points paid. */
const errandShape = jsonShape({
  errand: errands,
  buildingName: buildings.name,
  station: { id: errandStation.id, name: errandStation.name, label: errandStation.label },
  askerName: users.nickname,
  points: sql<number | null>`(select ${pointsEntries.amount} from ${pointsEntries}
    where ${pointsEntries.kind} = 'errand' and ${pointsEntries.sourceId} = ${errands.id} limit 1)`,
})

/** A fresh select of errands with their facts, to be narrowed with `.where`. */
function errandRows(db: Db) {
  return db
    .select({ r: errandShape.object })
    .from(errands)
    .leftJoin(buildings, eq(buildings.id, errands.buildingId))
    .leftJoin(errandStation, eq(errandStation.id, errands.stationId))
    .leftJoin(users, eq(users.id, errands.askedBy))
}

type Decoded = ReturnType<typeof errandShape.decode>

/** A left-joined station that is not there comes back with every field null. */
const viewOf = ({ errand, station: s, ...facts }: Decoded, actor: Actor, station: StationRow | null, staff: boolean) =>
  errandView(errand, { ...facts, station: s.id ? s : null }, actor, station, staff)

/** Open errands the helper's active station may take (its buildings, its kinds and 其他), and those the helper accepted. */
function helperWhere(db: Db, communityId: string, userId: string): SQL | undefined {
  const own = alias(errandStations, 'own_station')
  const serves = db
    .select({ one: sql`1` })
    .from(own)
    .where(
      and(
        eq(own.communityId, communityId),
        eq(own.helperId, userId),
        eq(own.active, true),
        sql`${errands.buildingId} = any(${own.buildingIds})`,
        or(eq(errands.kind, 'other'), sql`${errands.kind} = any(${own.kinds})`),
      ),
    )
  return or(eq(errands.helperId, userId), and(eq(errands.status, 'asked'), exists(serves)))
}

/**
 * mine: what I asked (a worker: what they asked on behalf); helper: open errands my station may take
 * and those I accepted; staff: the community's. Newest first, the last 100. One statement with the
 * actor, the community and my station; the scope is refused after it, before anything is returned.
 */
export async function listErrands(deps: Deps, userId: string, communityId: string, q: z.output<typeof ErrandsQuery>) {
  const { db } = deps.database
  const scope = q.scope === 'helper' ? helperWhere(db, communityId, userId) : q.scope === 'mine' ? eq(errands.askedBy, userId) : undefined
  const list = errandRows(db)
    .where(and(eq(errands.communityId, communityId), scope, q.status ? eq(errands.status, q.status) : undefined))
    .orderBy(desc(errands.createdAt), desc(errands.id))
    .limit(100)
  const read = await readInCommunity(db, userId, communityId, 'community.view', {
    station: ownStationPart(db, [communityId], userId),
    rows: allOf(list),
  })
  const { actor, ctx } = read
  const staff = can(actor, 'errands.manage', ctx)
  const station = read.station ? stationShape.decode(read.station) : null
  if (q.scope === 'staff') {
    if (!staff) throw new AppError('FORBIDDEN', '只有社区工作人员可以查看全部代办')
  } else if (q.scope === 'helper') {
    if (!station) throw new AppError('FORBIDDEN', '您还没有代办站')
  } else if (!staff && !can(actor, 'errands.ask', ctx)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能找人帮忙')
  return { items: read.rows.map((r) => viewOf(errandShape.decode(r), actor, station, staff)) }
}

/** One errand in one statement: it with its facts, its community and my station there; 404 unless I may see it. */
export async function getErrand(deps: Deps, userId: string, errandId: string) {
  const { db } = deps.database
  const communityOf = () => db.select({ id: errands.communityId }).from(errands).where(eq(errands.id, errandId))
  const read = await readSignedIn(db, userId, {
    errand: firstOf(errandRows(db).where(eq(errands.id, errandId))),
    community: communityPart(db, communityOf()),
    station: ownStationPart(db, communityOf(), userId),
  })
  const decoded = read.errand ? errandShape.decode(read.errand) : null
  const ctx = communityFrom(read.community)
  const own = read.station ? stationShape.decode(read.station) : null
  const { station, standing } = seenErrand(read.actor, decoded?.errand ?? null, ctx, own)
  // `seenErrand` answered 404 when there is no errand.
  return viewOf(decoded as Decoded, read.actor, station, standing.staff)
}
