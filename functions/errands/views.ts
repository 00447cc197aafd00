import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import {
  availableErrandActions,
  errandKindLabels,
  errandStatusLabels,
  mayReadErrandContact,
  stationLabelNames,
  type ErrandKind,
  type StationLabel,
} from '../../domain/errands/errands.js'
import type { Actor } from '../../domain/permissions.js'
import type { Errand, Station } from '../../domain/schemas/errands.js'
import type { Db, Tx } from '../../db/client.js'
import { buildings, errandStations, pointsEntries, users } from '../../db/schema/index.js'
import { standingOf, type ErrandRow, type StationRow } from './access.js'

async function buildingNames(db: Db | Tx, ids: string[]) {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map<string, string>()
  const rows = await db.select({ id: buildings.id, name: buildings.name }).from(buildings).where(inArray(buildings.id, unique))
  return new Map(rows.map((b) => [b.id, b.name]))
}

/** A station as this viewer sees it: the helper's name to staff and to the helper only. */
export function stationView(
  r: StationRow,
  names: ReadonlyMap<string, string>,
  helper: { id: string; nickname: string } | null,
  actor: Actor,
  staff: boolean,
): z.output<typeof Station> {
  const mine = r.helperId === actor.userId
  return {
    id: r.id,
    communityId: r.communityId,
    name: r.name,
    label: r.label,
    labelName: stationLabelNames[r.label],
    buildings: r.buildingIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    kinds: r.kinds as ErrandKind[],
    kindLabels: r.kinds.map((k) => errandKindLabels[k as ErrandKind] ?? k),
    note: r.note,
    active: r.active,
    helper: (staff || mine) && helper ? helper : null,
    mine,
  }
}

/** Stations after a change (the writes): their buildings' and helpers' names read, then each as `stationView`. */
export async function stationViews(db: Db | Tx, actor: Actor, rows: StationRow[], staff: boolean): Promise<z.output<typeof Station>[]> {
  const names = await buildingNames(
    db,
    rows.flatMap((r) => r.buildingIds),
  )
  const helperIds = rows.map((r) => r.helperId)
  const helpers = helperIds.length
    ? await db.select({ id: users.id, nickname: users.nickname }).from(users).where(inArray(users.id, helperIds))
    : []
  return rows.map((r) => stationView(r, names, helpers.find((h) => h.id === r.helperId) ?? null, actor, staff))
}

/** What an errand's view shows besides its own row: the building's name, its station, the points paid, the asker's name. */
export interface ErrandFacts {
  buildingName: string | null
  station: { id: string; name: string; label: StationLabel } | null
  points: number | null
  askerName: string | null
}

/**
 * An errand as this viewer sees it. The contact (address, phone, who it is for) only for the
 * asker, the helper who accepted and staff: a helper who may still accept sees building, what and when.
 */
export function errandView(
  r: ErrandRow,
  f: ErrandFacts,
  actor: Actor,
  station: StationRow | null,
  staff: boolean,
): z.output<typeof Errand> {
  const standing = standingOf(actor, r, station, staff)
  return {
    id: r.id,
    communityId: r.communityId,
    kind: r.kind as ErrandKind,
    kindLabel: errandKindLabels[r.kind as ErrandKind] ?? r.kind,
    what: r.what,
    when: r.whenText,
    building: { id: r.buildingId, name: f.buildingName ?? '' },
    status: r.status,
    statusLabel: errandStatusLabels[r.status],
    onBehalf: r.onBehalf,
    mine: standing.asker,
    helping: standing.helper,
    station: f.station ? { id: f.station.id, name: f.station.name, labelName: stationLabelNames[f.station.label] } : null,
    contact: mayReadErrandContact(standing)
      ? { address: r.address, phone: r.contactPhone, name: r.residentName ?? f.askerName ?? '' }
      : null,
    thanks: r.thanks,
    points: f.points,
    actions: availableErrandActions(r.status, standing),
    createdAt: r.createdAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    doneAt: r.doneAt?.toISOString() ?? null,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
  }
}

/** Errands after a step (the writes): their facts read, then each as `errandView`. */
export async function errandViews(
  db: Db | Tx,
  actor: Actor,
  rows: ErrandRow[],
  station: StationRow | null,
  staff: boolean,
): Promise<z.output<typeof Errand>[]> {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const stationIds = [...new Set(rows.flatMap((r) => (r.stationId ? [r.stationId] : [])))]
  const [names, stations, paid, askers] = await Promise.all([
    buildingNames(
      db,
      rows.map((r) => r.buildingId),
    ),
    stationIds.length
      ? db
          .select({ id: errandStations.id, name: errandStations.name, label: errandStations.label })
          .from(errandStations)
          .where(inArray(errandStations.id, stationIds))
      : Promise.resolve([]),
    db
      .select({ sourceId: pointsEntries.sourceId, amount: pointsEntries.amount })
      .from(pointsEntries)
      .where(and(eq(pointsEntries.kind, 'errand'), inArray(pointsEntries.sourceId, ids))),
    db
      .select({ id: users.id, nickname: users.nickname })
      .from(users)
      .where(
        inArray(
          users.id,
          rows.map((r) => r.askedBy),
        ),
      ),
  ])
  return rows.map((r) =>
    errandView(
      r,
      {
        buildingName: names.get(r.buildingId) ?? null,
        station: stations.find((x) => x.id === r.stationId) ?? null,
        points: paid.find((p) => p.sourceId === r.id)?.amount ?? null,
        askerName: askers.find((a) => a.id === r.askedBy)?.nickname ?? null,
      },
      actor,
      station,
      staff,
    ),
  )
}
