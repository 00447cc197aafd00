import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import {
  availableErrandActions,
  errandKindLabels,
  errandStatusLabels,
  mayReadErrandContact,
  stationLabelNames,
  type ErrandKind,
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

/** Stations as this viewer sees them: the helper's name to staff and to the helper only. */
export async function stationViews(db: Db | Tx, actor: Actor, rows: StationRow[], staff: boolean): Promise<z.output<typeof Station>[]> {
  const names = await buildingNames(
    db,
    rows.flatMap((r) => r.buildingIds),
  )
  const helperIds = rows.map((r) => r.helperId)
  const helpers = helperIds.length
    ? await db.select({ id: users.id, nickname: users.nickname }).from(users).where(inArray(users.id, helperIds))
    : []
  return rows.map((r) => {
    const mine = r.helperId === actor.userId
    const helper = helpers.find((h) => h.id === r.helperId)
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
  })
}

/**
 * Errands as this viewer sees them. The contact (address, phone, who it is for) only for the
 * asker, the helper who accepted and staff: a helper who may still accept sees building, what and when.
 */
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
  return rows.map((r) => {
    const standing = standingOf(actor, r, station, staff)
    const s = stations.find((x) => x.id === r.stationId)
    return {
      id: r.id,
      communityId: r.communityId,
      kind: r.kind as ErrandKind,
      kindLabel: errandKindLabels[r.kind as ErrandKind] ?? r.kind,
      what: r.what,
      when: r.whenText,
      building: { id: r.buildingId, name: names.get(r.buildingId) ?? '' },
      status: r.status,
      statusLabel: errandStatusLabels[r.status],
      onBehalf: r.onBehalf,
      mine: standing.asker,
      helping: standing.helper,
      station: s ? { id: s.id, name: s.name, labelName: stationLabelNames[s.label] } : null,
      contact: mayReadErrandContact(standing)
        ? {
            address: r.address,
            phone: r.contactPhone,
            name: r.residentName ?? askers.find((a) => a.id === r.askedBy)?.nickname ?? '',
          }
        : null,
      thanks: r.thanks,
      points: paid.find((p) => p.sourceId === r.id)?.amount ?? null,
      actions: availableErrandActions(r.status, standing),
      createdAt: r.createdAt.toISOString(),
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
      doneAt: r.doneAt?.toISOString() ?? null,
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
    }
  })
}
