import type { z } from 'zod'
import { currentMonth, monthPeriod, type Period } from '../../domain/kpis/period.js'
import type { Actor } from '../../domain/permissions.js'
import type { BoardQuery, BoardView } from '../../domain/schemas/board.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { publicKpiCard } from '../kpis/index.js'
import { boardProjects } from '../projects/index.js'
import { resolvedConcerns } from './concerns.js'
import { boardResolutions } from './resolutions.js'
import { publishedVotes } from './votes.js'

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
 */
export async function getBoard(deps: Deps, actor: Actor, communityId: string, q: z.output<typeof BoardQuery>): Promise<BoardView> {
  const { db } = deps.database
  const community = await communityAllowing(db, actor, communityId, 'community.view')
  const now = deps.now()
  const period = boardPeriod(q.month, now)
  const [kpis, concerns, resolutions, votes, projects] = await Promise.all([
    publicKpiCard(deps, { id: communityId, name: community.name, streetId: community.streetId }, q.month),
    resolvedConcerns(db, communityId, period, SECTION_LIMIT),
    boardResolutions(db, communityId, period, SECTION_LIMIT),
    publishedVotes(db, communityId, period, now, SECTION_LIMIT),
    boardProjects(db, communityId, period, { now, limit: SECTION_LIMIT }),
  ])
  return {
    community: { id: communityId, name: community.name },
    month: period.from.slice(0, 7),
    period: { from: period.from, to: period.to, label: period.label },
    kpis,
    concerns,
    resolutions,
    votes,
    projects,
    generatedAt: now.toISOString(),
  }
}
