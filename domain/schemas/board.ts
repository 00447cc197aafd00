import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { Category } from '../concerns/categories.js'
import { ResponsibleParty } from '../councils/kinds.js'
import { Id, IsoTime } from './common.js'
import { Photo } from './concerns.js'
import { MonthlyKpiQuery, PeriodView, PublicKpiCard } from './kpis.js'
import { BoardProject } from './projects.js'
import { VoteOutcome } from './votes.js'
import { TrackedStatus } from '../tracking/items.js'

/**
 * The 公示栏 (public board) of a community for one month and the open data behind it: the facts a
 * community shows everyone — no resident's name, no room, no phone, no free text a resident wrote
 * (docs/decisions/026). The same `month` as the 三率 card.
 */
export const BoardQuery = MonthlyKpiQuery

const count = z.number().int().min(0)

/** A resolved concern as the board shows it: what kind, which building, when, and its before/after photos. */
export const BoardConcern = onFirstUse(() =>
  z
    .object({
      id: Id,
      publicNo: z.string(),
      category: Category,
      categoryLabel: z.string(),
      /** The building, never the room; 「社区公共区域」 when it was not raised about a building. */
      place: z.string(),
      receivedAt: IsoTime,
      resolvedAt: IsoTime,
      /** Resolved by its 办结 deadline. */
      onTime: z.boolean(),
      /** 非常满意 … 非常不满意 once the resident rated it, else null. */
      ratingLabel: z.string().nullable(),
      /** Photos the resident attached when raising it (passed moderation only), at most 3. */
      before: z.array(Photo),
      /** Photos of the 到场 and 办结 steps (passed moderation only), at most 3. */
      after: z.array(Photo),
    })
    .meta({ id: 'BoardConcern' }),
)

/** A council resolution (决议) and how far it has got. */
export const BoardResolution = onFirstUse(() =>
  z
    .object({
      id: Id,
      /** The agenda item (议题) it settles. */
      topic: z.string(),
      text: z.string(),
      party: ResponsibleParty,
      /** The named organisation (e.g. 安居物业), if any: an organisation, never a resident. */
      partyName: z.string().nullable(),
      /** 社区 / 物业 / 业委会 / 街道部门, with the named organisation when there is one: 物业（安居物业）. */
      partyLabel: z.string(),
      deadline: IsoTime,
      decidedAt: IsoTime,
      session: z.object({ title: z.string(), startsAt: IsoTime }),
      status: TrackedStatus,
      statusLabel: z.string(),
      /** 0–100 when the tracking records it, else null. */
      progress: z.number().int().min(0).max(100).nullable(),
    })
    .meta({ id: 'BoardResolution' }),
)

/** A vote's result while (or as) it was published (公示): counts only, never who chose what. */
export const BoardVote = onFirstUse(() =>
  z
    .object({
      id: Id,
      title: z.string(),
      session: z.string().nullable(),
      ruleLabel: z.string(),
      outcome: VoteOutcome,
      outcomeLabel: z.string(),
      electorate: count,
      participants: count,
      /** e.g. "68.3%". */
      participation: z.string(),
      options: z.array(z.object({ label: z.string(), count, adopted: z.boolean() })),
      publishedAt: IsoTime,
      publicUntil: IsoTime,
      /** The 公示 period is still running. */
      inPublicity: z.boolean(),
    })
    .meta({ id: 'BoardVote' }),
)

function section<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** How many there are in the month; `items` holds the newest, at most 20. */
    total: count,
  })
}

export const Board = onFirstUse(() =>
  z
    .object({
      community: z.object({ id: Id, name: z.string() }),
      month: z.string().meta({ description: 'YYYY-MM' }),
      period: PeriodView,
      kpis: PublicKpiCard,
      concerns: section(BoardConcern),
      resolutions: section(BoardResolution),
      votes: section(BoardVote),
      /** 项目清单: projects under way in the month (created by its end, not finished before it began). */
      projects: section(BoardProject),
      generatedAt: IsoTime,
    })
    .meta({ id: 'Board' }),
)

export type BoardView = z.output<typeof Board>
export type BoardConcernView = z.output<typeof BoardConcern>
export type BoardResolutionView = z.output<typeof BoardResolution>
export type BoardVoteView = z.output<typeof BoardVote>
