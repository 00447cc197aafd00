import type { z } from 'zod'
import { entryKindLabels, type EntryKind, type RedemptionStatus } from '../../domain/points/kinds.js'
import { effectiveStatus } from '../../domain/points/ledger.js'
import type { PointsEntry, PointsItem, Redemption } from '../../domain/schemas/points.js'

/** Rows of the points tables as the API shows them. */

export interface EntryRow {
  id: string
  userId: string
  amount: number
  kind: EntryKind
  reason: string
  sourceType: string
  sourceId: string
  createdAt: Date
}

/** Staff (`privileged`) see every reason; in a household view another member's reason shows only the kind. */
export function entryView(e: EntryRow, viewerId: string, privileged = false): z.output<typeof PointsEntry> {
  const mine = e.userId === viewerId
  return {
    id: e.id,
    amount: e.amount,
    kind: e.kind,
    label: entryKindLabels[e.kind],
    reason: mine || privileged ? e.reason : entryKindLabels[e.kind],
    sourceType: e.sourceType,
    sourceId: e.sourceId,
    mine,
    createdAt: e.createdAt.toISOString(),
  }
}

export function itemView(i: { id: string; name: string; description: string; price: number; stock: number; active: boolean }) {
  return { id: i.id, name: i.name, description: i.description, price: i.price, stock: i.stock, active: i.active } satisfies z.output<
    typeof PointsItem
  >
}

export interface RedemptionRow {
  id: string
  itemId: string
  itemName: string
  userId: string
  price: number
  code: string
  status: RedemptionStatus
  expiresAt: Date
  createdAt: Date
  closedAt: Date | null
}

/** The code is the redeemer's secret while it can still be handed over; staff see it once it is used. */
export function redemptionView(r: RedemptionRow, viewerId: string, now: Date, balance?: number): z.output<typeof Redemption> {
  const status = effectiveStatus(r, now)
  return {
    id: r.id,
    itemId: r.itemId,
    itemName: r.itemName,
    price: r.price,
    code: r.userId === viewerId || status === 'handed_over' ? r.code : null,
    status,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    ...(balance === undefined ? {} : { balance }),
  }
}
