import { and, desc, getTableColumns, gte, inArray, isNotNull, lt, ne, notInArray, or, type SQL, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { categories } from '../../domain/concerns/categories.js'
import { concernStatusLabels } from '../../domain/concerns/labels.js'
import { defaultLimits } from '../../domain/concerns/milestones.js'
import { outcome } from '../../domain/kpis/contributions.js'
import type { Counters, Measure } from '../../domain/kpis/formulas.js'
import type { z } from 'zod'
import type { KpiConcernItem, KpiConcernsQuery } from '../../domain/schemas/kpis.js'
import { excerptOf } from '../../domain/text.js'
import { type ConcernRow, concerns } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import type { Deps } from '../context.js'
import { afterCursor, toPage } from '../http/cursor.js'
import { kpiConcern } from './aggregate.js'
import { periodOf } from './figures.js'
import { readUnit } from './scope.js'
import { bound, countersFrom, periodRows, periodValues, totalPart } from './statement.js'

const resolvedNow = and(inArray(concerns.status, ['resolved', 'closed']), isNotNull(concerns.resolvedAt))!

/**
 * The concerns behind a figure, as SQL: which are in its denominator (counted on the day of
 * `at`), and which of those in its numerator — the same definition as `outcome()` in
 * domain/kpis/contributions.ts, over the same stored fields, so a list's length equals the figure.
 */
function definition(measure: Measure): { at: PgColumn; base: SQL; hit: SQL } {
  if (measure === 'response')
    return {
      at: concerns.createdAt,
      base: ne(concerns.status, 'merged'),
      hit: sql`(${concerns.acknowledgedAt} is not null and ${concerns.acknowledgedAt} <= ${concerns.acknowledgeDueAt})`,
    }
  if (measure === 'satisfaction')
    return {
      at: concerns.ratedAt,
      base: and(ne(concerns.status, 'merged'), isNotNull(concerns.rating))!,
      hit: sql`${concerns.rating} >= 3`,
    }
  const due = and(notInArray(concerns.status, ['merged', 'declined']), isNotNull(concerns.dueAt))!
  if (measure === 'resolution') return { at: concerns.dueAt, base: due, hit: and(resolvedNow, sql`${concerns.reopenCount} = 0`)! }
  if (measure === 'onTime')
    return { at: concerns.dueAt, base: due, hit: and(resolvedNow, sql`${concerns.resolvedAt} <= ${concerns.dueAt}`)! }
  return {
    at: concerns.dueAt,
    base: and(due, or(isNotNull(concerns.resolvedAt), sql`${concerns.reopenCount} > 0`))!,
    hit: sql`${concerns.reopenCount} > 0`,
  }
}

function item(r: ConcernRow, measure: Measure): z.output<typeof KpiConcernItem> {
  const o = outcome(measure, kpiConcern(r), defaultLimits[r.category])
  return {
    id: r.id,
    publicNo: r.publicNo,
    category: r.category,
    categoryLabel: categories[r.category].label,
    excerpt: excerptOf(r.description),
    status: r.status,
    statusLabel: concernStatusLabels[r.status],
    receivedAt: r.createdAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    acknowledgeDueAt: r.acknowledgeDueAt.toISOString(),
    resolveDueAt: r.dueAt?.toISOString() ?? null,
    reopenCount: r.reopenCount,
    rating: r.rating,
    hit: o?.hit ?? false,
    day: o?.day ?? '',
  }
}

/**
 * A figure's numerator and denominator from summed counters — the length of its hit list and of
 * its whole list, which the recount tests hold equal to the lists themselves. Read from the
 * aggregates, so a drill-down's total costs the same at 1M concerns as at 10k.
 */
function listSizes(measure: Measure, c: Counters): { hit: number; all: number } {
  if (measure === 'response') return { hit: c.ackOnTime, all: c.received }
  if (measure === 'resolution') return { hit: c.resolvedNotReopened, all: c.due }
  if (measure === 'onTime') return { hit: c.onTime, all: c.due }
  if (measure === 'reopen') return { hit: c.reopened, all: c.resolved }
  return { hit: c.ratings[2] + c.ratings[3] + c.ratings[4], all: c.rated }
}

const rowShape = jsonShape(getTableColumns(concerns))

/** The rows after the cursor; a malformed cursor is refused after the permission checks, as before (`refused`). */
function afterOrRefused(cursor: string | undefined, by: { at: PgColumn; id: PgColumn }) {
  try {
    return { after: afterCursor(cursor, by, 'desc'), refused: null }
  } catch (err) {
    return { after: sql`false`, refused: err }
  }
}

/**
 * The concerns behind a figure, newest first by the day they count on; `total` is the whole
 * list's length. The unit, its page and the figure's sums in one statement with the actor.
 */
export async function listKpiConcerns(deps: Deps, userId: string, q: z.output<typeof KpiConcernsQuery>) {
  const { db } = deps.database
  const period = periodOf(q.from, q.to)
  const d = definition(q.measure)
  const { after, refused } = afterOrRefused(q.cursor, { at: d.at, id: concerns.id })
  const { shape, values } = periodValues(period, q.category ?? null)
  const { rows, sums } = await readUnit(db, userId, q.scope, q.id, (f) => ({
    rows: allOf(
      db
        .select({ r: rowShape.object })
        .from(concerns)
        .where(
          and(
            f.onConcerns,
            d.base,
            gte(d.at, period.start),
            lt(d.at, period.end),
            q.category ? sql`${concerns.category} = ${q.category}` : undefined,
            q.outcome === 'hit' ? d.hit : q.outcome === 'miss' ? sql`not (${d.hit})` : undefined,
            after,
          ),
        )
        .orderBy(desc(d.at), desc(concerns.id))
        .limit(q.limit + 1),
    ),
    sums: totalPart(periodRows(shape, bound(values), f.onAggregates, undefined, f.byCommunity)),
  }))
  if (refused) throw refused
  const sizes = listSizes(q.measure, countersFrom(sums))
  const total = q.outcome === 'hit' ? sizes.hit : q.outcome === 'miss' ? sizes.all - sizes.hit : sizes.all
  const page = toPage(
    rows.map(rowShape.decode),
    q.limit,
    (r) => item(r, q.measure),
    (r) => ({ at: (q.measure === 'response' ? r.createdAt : q.measure === 'satisfaction' ? r.ratedAt : r.dueAt) as Date, id: r.id }),
  )
  return { measure: q.measure, outcome: q.outcome ?? null, total: Number(total), ...page }
}
