import type { z } from 'zod'
import { currentMonth, monthPeriod, type Period } from '../../domain/kpis/period.js'
import type { BoardQuery, BoardView } from '../../domain/schemas/board.js'
import { readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'
import { publicKpiCardFrom, publicKpiCardParts } from '../kpis/index.js'
import { boardProjectsFrom, boardProjectsPart } from '../projects/index.js'
import { resolvedConcernsFrom, resolvedConcernsPart } from './concerns.js'
import { boardResolutionsFrom, boardResolutionsPart } from './resolutions.js'
import { publishedVotesFrom, publishedVotesPart } from './votes.js'

/** Items per section: the newest; `total` says how many there are in the month. */
export const SECTION_LIMIT = 20

/** The month asked for (YYYY-MM, China time), or the current one. */
export function boardPeriod(month: string | undefined, now: Date): Period {
  return month ? monthPeriod(Number(month.slice(0, 4)), Number(month.slice(5, 7))) : currentMonth(now)
}

/**
 * 公示栏: a community's month for everyone who may see the community (anyone signed in, like its
 * page and its 三率 card, docs/decisions/026): the 三率, the public concerns resolved with their
 * before/after photos, the council resolutions and their progress, the vote results in 公示, the
 * projects (项目清单) under way with their progress and photos — no
 * resident's name, room, phone or words. One bounded reply: each section its newest 20 and a total.
 * One statement with the actor and the community (decision 039): 404 for no such community.
 */
export async function getBoard(deps: Deps, userId: string, communityId: string, q: z.output<typeof BoardQuery>): Promise<BoardView> {
  const { db } = deps.database
  const now = deps.now()
  const period = boardPeriod(q.month, now)
  const read = await readInCommunity(db, userId, communityId, 'community.view', {
    ...publicKpiCardParts(db, communityId, period),
    concerns: resolvedConcernsPart(db, communityId, period, SECTION_LIMIT),
    resolutions: boardResolutionsPart(db, communityId, period, SECTION_LIMIT),
    votes: publishedVotesPart(db, communityId, period, SECTION_LIMIT),
    projects: boardProjectsPart(db, communityId, period, SECTION_LIMIT),
  })
  const community = { id: communityId, name: read.ctx.name }
  return {
    community,
    month: period.from.slice(0, 7),
    period: { from: period.from, to: period.to, label: period.label },
    kpis: publicKpiCardFrom(community, period, read),
    concerns: resolvedConcernsFrom(read.concerns),
    resolutions: boardResolutionsFrom(read.resolutions),
    votes: publishedVotesFrom(read.votes, now),
    projects: boardProjectsFrom(read.projects, communityId, now),
    generatedAt: now.toISOString(),
  }
}
