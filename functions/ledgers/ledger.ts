import type { Writable } from 'node:stream'
import { asc, eq, type SQL } from 'drizzle-orm'
import { canInStreet } from '../../domain/permissions.js'
import { rangePeriod, type Period } from '../../domain/kpis/period.js'
import { type LedgerKind, ledgerFileName, ledgerLabels, periodTag } from '../../domain/ledgers/kinds.js'
import type { Db } from '../../db/client.js'
import { communities, streets } from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { readInCommunity, readSignedIn } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { concernParts, concernSheet } from './concerns.js'
import { councilParts, councilSheets } from './councils.js'
import { needParts, needSheets } from './needs.js'
import { pointsParts, pointsSheet } from './points.js'
import type { CommunityKey, SheetSpec } from './sheet.js'
import { writeWorkbook } from './sheet.js'
import { voteParts, voteSheet } from './votes.js'

/** A ledger the actor may download: its file name, and how to write it into a stream. */
export interface Ledger {
  fileName: string
  /** For clients that cannot read the UTF-8 name. */
  asciiName: string
  write(out: Writable): Promise<void>
}

const streetShape = jsonShape({ id: streets.id, name: streets.name })

function periodOf(q: { from: string; to: string }): Period {
  const result = rangePeriod(q.from, q.to)
  if (!result.ok)
    throw new AppError('VALIDATION_FAILED', result.message, { where: 'query', fields: [{ path: result.field, message: result.message }] })
  return result.period
}

/**
 * What one community's sheets of `kind` read, as parts of the statement that checks the right to
 * the ledger (decision 039): the small sheets whole, the concerns their first page (the rest by
 * keyset as the workbook is written).
 */
function partsOf(db: Db, kind: LedgerKind, community: CommunityKey, period: Period): Record<string, SQL<unknown[]>> {
  if (kind === 'concerns') return concernParts(db, community, period)
  if (kind === 'votes') return voteParts(db, community, period)
  return { ...councilParts(db, community, period), ...needParts(db, community, period), ...pointsParts(db, community, period) }
}

type Values = Record<string, unknown[]>

/** The sheets of one community from `partsOf`'s values; in a street's workbook each is named after the community. */
function sheetsOf(
  db: Db,
  kind: LedgerKind,
  community: { id: string; name: string },
  period: Period,
  now: Date,
  inStreet: boolean,
  values: Values,
): SheetSpec[] {
  const label = inStreet ? community.name : ledgerLabels[kind]
  if (kind === 'concerns') return [concernSheet(db, community, period, now, label, values as Parameters<typeof concernSheet>[5])]
  if (kind === 'votes') return [voteSheet(label, values as Parameters<typeof voteSheet>[1])]
  const prefix = inStreet ? `${community.name}-` : ''
  // 项目清单 and the needs still without a resource belong with the councils that rank them, and
  // so do the 道德银行's totals (check-ins at those councils earn points).
  return [
    ...councilSheets(values as Parameters<typeof councilSheets>[0], prefix),
    ...needSheets(values as Parameters<typeof needSheets>[0], prefix),
    pointsSheet(values as Parameters<typeof pointsSheet>[0], prefix),
  ]
}

function ledger(unitName: string, kind: LedgerKind, period: Period, sheets: () => Iterable<SheetSpec>): Ledger {
  return {
    fileName: ledgerFileName(unitName, kind, period.from, period.to),
    asciiName: `linli-${kind}-${periodTag(period.from, period.to).replace('至', '_')}.xlsx`,
    write: (out) => writeWorkbook(out, sheets(), `邻里议事 · ${unitName}`),
  }
}

/**
 * A community's ledger: its staff, and the officials of its street (404 unknown community, 403
 * anyone else). The actor, the community and what the sheets show in one statement.
 */
export async function communityLedger(deps: Deps, userId: string, communityId: string, kind: LedgerKind, q: { from: string; to: string }) {
  const period = periodOf(q)
  const { db } = deps.database
  const parts = partsOf(db, kind, communityId, period)
  const { ctx, actor: _actor, ...values } = await readInCommunity(db, userId, communityId, 'ledger.download', parts)
  const now = deps.now()
  return ledger(ctx.name, kind, period, () => sheetsOf(db, kind, { id: communityId, name: ctx.name }, period, now, false, values as Values))
}

/**
 * A street's roll-up: the same ledger with a sheet (three for councils) per community, by name.
 * The actor, the street and each community with what its sheets show in one statement; 404 for no
 * such street, 403 unless the actor is its official. Each community's concerns come a page at a
 * time after their first, as in a community's ledger: what is held at once is a first page per
 * community (a street has a dozen or so), never a community-year.
 */
export async function streetLedger(deps: Deps, userId: string, streetId: string, kind: LedgerKind, q: { from: string; to: string }) {
  const period = periodOf(q)
  const { db } = deps.database
  const communityShape = jsonShape({ id: communities.id, name: communities.name, values: partsOf(db, kind, communities.id, period) })
  const read = await readSignedIn(db, userId, {
    street: firstOf(db.select({ r: streetShape.object }).from(streets).where(eq(streets.id, streetId))),
    communities: allOf(
      db.select({ r: communityShape.object }).from(communities).where(eq(communities.streetId, streetId)).orderBy(asc(communities.name)),
    ),
  })
  if (!read.street) throw new AppError('NOT_FOUND', '街道不存在')
  if (!canInStreet(read.actor, 'street.ledgers', { streetId })) throw new AppError('FORBIDDEN')
  const street = streetShape.decode(read.street)
  const list = read.communities.map(communityShape.decode)
  const now = deps.now()
  return ledger(street.name, kind, period, () =>
    list.length
      ? list.flatMap((c) => sheetsOf(db, kind, c, period, now, true, c.values as Values))
      : [{ name: '本街道暂无社区', columns: [{ header: '说明', width: 30 }], rows: async function* () {} }],
  )
}
