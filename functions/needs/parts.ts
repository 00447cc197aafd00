import { and, asc, eq, exists, type SQLWrapper, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { affectedGroupLabels, needCategoryLabels, needStatusLabels } from '../../domain/needs/needs.js'
import type { Need } from '../../domain/schemas/needs.js'
import type { Db } from '../../db/client.js'
import { buildings, concerns, councilTopics, needs, needSources, needSupports, projectNeeds, projects } from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape, type JsonShape } from '../../db/together.js'

type NeedView = z.output<typeof Need>
type Decodes = { decode(value: unknown): unknown }

/** A nested list as a field of a shape: the rows of `query` decoded with `shape`. */
export function listField<S extends Decodes>(query: SQLWrapper, shape: S) {
  return allOf(query).mapWith((v: unknown[]) => v.map((r) => shape.decode(r) as ReturnType<S['decode']>))
}

/** A nested row (or null) as a field of a shape. */
export function firstField<S extends Decodes>(query: SQLWrapper, shape: S) {
  return firstOf(query).mapWith((v: unknown) => shape.decode(v) as ReturnType<S['decode']>)
}

const buildingShape = jsonShape({ id: buildings.id, name: buildings.name })
const sourceShape = jsonShape({
  concernId: needSources.concernId,
  topicId: needSources.topicId,
  concernTitle: concerns.publicNo,
  topicTitle: councilTopics.title,
})
const projectShape = jsonShape({ id: projects.id, title: projects.title })

/**
 * A need with what its reply shows, each a subquery on the outer `needs` row: its buildings (in
 * the community's order), its sources, whether `userId` supports it and the project taking it up.
 */
export function needFields(db: Db, userId: string) {
  return {
    need: needs,
    buildings: listField(
      db
        .select({ r: buildingShape.object })
        .from(buildings)
        .where(sql`${buildings.id} = any(${needs.buildingIds})`)
        .orderBy(asc(buildings.sortKey), asc(buildings.name)),
      buildingShape,
    ),
    sources: listField(
      db
        .select({ r: sourceShape.object })
        .from(needSources)
        .leftJoin(concerns, eq(concerns.id, needSources.concernId))
        .leftJoin(councilTopics, eq(councilTopics.id, needSources.topicId))
        .where(eq(needSources.needId, needs.id))
        // Topics, then concerns: the order these replies have always had.
        .orderBy(sql`${needSources.topicId} is null`, asc(councilTopics.title), asc(concerns.publicNo)),
      sourceShape,
    ),
    supportedByMe: exists(
      db
        .select({ one: sql`1` })
        .from(needSupports)
        .where(and(eq(needSupports.needId, needs.id), eq(needSupports.userId, userId))),
    ).mapWith(Boolean),
    project: firstField(
      db
        .select({ r: projectShape.object })
        .from(projectNeeds)
        .innerJoin(projects, eq(projects.id, projectNeeds.projectId))
        .where(eq(projectNeeds.needId, needs.id)),
      projectShape,
    ),
  }
}

export type NeedWith = ReturnType<JsonShape<ReturnType<typeof needFields>>['decode']>

/** A need with its parts → the reply; never the author's name. */
export function needView({ need: r, buildings: bs, sources, supportedByMe, project }: NeedWith, userId: string): NeedView {
  return {
    id: r.id,
    communityId: r.communityId,
    title: r.title,
    description: r.description,
    category: r.category as NeedView['category'],
    categoryLabel: needCategoryLabels[r.category as NeedView['category']] ?? r.category,
    groups: r.groups as NeedView['groups'],
    groupLabels: (r.groups as NeedView['groups']).map((g) => affectedGroupLabels[g]),
    buildings: bs,
    status: r.status,
    statusLabel: needStatusLabels[r.status],
    raisedBy: r.raisedByStaff ? ('staff' as const) : ('resident' as const),
    mine: r.raisedBy === userId,
    decisionReason: r.decisionReason,
    supporterCount: r.supporterCount,
    supportedByMe,
    sources: sources.map((s) =>
      s.concernId
        ? { kind: 'concern' as const, id: s.concernId, title: s.concernTitle ?? '' }
        : { kind: 'topic' as const, id: s.topicId as string, title: s.topicTitle ?? '' },
    ),
    topicId: r.topicId,
    project,
    createdAt: r.createdAt.toISOString(),
  }
}
