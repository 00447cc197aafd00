import type { Writable } from 'node:stream'
import { asc, eq } from 'drizzle-orm'
import type { Actor } from '../../domain/permissions.js'
import { rangePeriod, type Period } from '../../domain/kpis/period.js'
import { type LedgerKind, ledgerFileName, ledgerLabels, periodTag } from '../../domain/ledgers/kinds.js'
import type { Db } from '../../db/client.js'
import { communities } from '../../db/schema/index.js'
import { communityAllowing, streetAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { concernSheet } from './concerns.js'
import { councilSheets } from './councils.js'
import { needSheets } from './needs.js'
import { pointsSheet } from './points.js'
import type { SheetSpec } from './sheet.js'
import { writeWorkbook } from './sheet.js'
import { voteSheet } from './votes.js'

/** A ledger the actor may download: its file name, and how to write it into a stream. */
export interface Ledger {
  fileName: string
  /** For clients that cannot read the UTF-8 name. */
  asciiName: string
  write(out: Writable): Promise<void>
}

function periodOf(q: { from: string; to: string }): Period {
  const result = rangePeriod(q.from, q.to)
  if (!result.ok)
    throw new AppError('VALIDATION_FAILED', result.message, { where: 'query', fields: [{ path: result.field, message: result.message }] })
  return result.period
}

/** The sheets of one community; in a street's workbook each is named after the community. */
function sheetsOf(
  db: Db,
  kind: LedgerKind,
  community: { id: string; name: string },
  period: Period,
  now: Date,
  inStreet: boolean,
): SheetSpec[] {
  const label = inStreet ? community.name : ledgerLabels[kind]
  if (kind === 'concerns') return [concernSheet(db, community, period, now, label)]
  if (kind === 'votes') return [voteSheet(db, community, period, label)]
  const prefix = inStreet ? `${community.name}-` : ''
  // 项目清单 and the needs still without a resource belong with the councils that rank them, and
  // so do the 道德银行's totals (check-ins at those councils earn points).
  return [
    ...councilSheets(db, community, period, prefix),
    ...needSheets(db, community, period, prefix),
    pointsSheet(db, community, period, prefix),
  ]
}

function ledger(unitName: string, kind: LedgerKind, period: Period, sheets: () => AsyncIterable<SheetSpec> | Iterable<SheetSpec>): Ledger {
  return {
    fileName: ledgerFileName(unitName, kind, period.from, period.to),
    asciiName: `linli-${kind}-${periodTag(period.from, period.to).replace('至', '_')}.xlsx`,
    write: (out) => writeWorkbook(out, sheets(), `邻里议事 · ${unitName}`),
  }
}

/** A community's ledger: its staff, and the officials of its street (404 unknown community, 403 anyone else). */
export async function communityLedger(deps: Deps, actor: Actor, communityId: string, kind: LedgerKind, q: { from: string; to: string }) {
  const period = periodOf(q)
  const { db } = deps.database
  const community = await communityAllowing(db, actor, communityId, 'ledger.download')
  const now = deps.now()
  return ledger(community.name, kind, period, () =>
    sheetsOf(db, kind, { id: community.communityId, name: community.name }, period, now, false),
  )
}

/** A street's roll-up: the same ledger with a sheet (three for councils) per community, by name. */
export async function streetLedger(deps: Deps, actor: Actor, streetId: string, kind: LedgerKind, q: { from: string; to: string }) {
  const period = periodOf(q)
  const { db } = deps.database
  const street = await streetAllowing(db, actor, streetId, 'street.ledgers')
  const now = deps.now()
  return ledger(street.name, kind, period, async function* () {
    const list = await db
      .select({ id: communities.id, name: communities.name })
      .from(communities)
      .where(eq(communities.streetId, streetId))
      .orderBy(asc(communities.name))
    for (const community of list) yield* sheetsOf(db, kind, community, period, now, true)
    if (!list.length) yield { name: '本街道暂无社区', columns: [{ header: '说明', width: 30 }], rows: async function* () {} }
  })
}
