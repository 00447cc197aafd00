import { timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { autoCloseResolved, noticeOverdue } from '../concerns/index.js'
import { ensureSessionsAhead, noticeUnansweredTopics, sendReminders } from '../councils/index.js'
import type { AppEnv, Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { pruneRateLimits } from '../http/rate-limit.js'
import { dispatchOutbox } from '../notifications/index.js'
import { op } from '../openapi.js'
import { noticeOverdueItems } from '../tracking/index.js'
import { expireRedemptions } from '../points/index.js'
import { closeDueVotes, remindVoters, sendQueuedVoteNotices } from '../votes/index.js'

/** Everything that runs on a schedule, in order. `npm start` calls it every minute; Vercel Cron in production. */
export async function runScheduledJobs(deps: Deps) {
  const overdue = await noticeOverdue(deps)
  const autoClosed = await autoCloseResolved(deps, deps.config.autoCloseDays)
  const sessionsCreated = await ensureSessionsAhead(deps)
  const reminders = await sendReminders(deps)
  const votesClosed = await closeDueVotes(deps)
  const voteReminders = await remindVoters(deps)
  const voteNotices = await sendQueuedVoteNotices(deps)
  const trackedOverdue = await noticeOverdueItems(deps)
  const topicsUnanswered = await noticeUnansweredTopics(deps)
  const redemptionsExpired = await expireRedemptions(deps)
  const outbox = await dispatchOutbox(deps)
  const rateLimitsPruned = await pruneRateLimits(deps.database.db, deps.now(), deps.config.rateLimit.windowSeconds)
  return {
    overdue,
    autoClosed,
    sessionsCreated,
    reminders,
    votesClosed,
    voteReminders,
    voteNotices,
    trackedOverdue,
    topicsUnanswered,
    redemptionsExpired,
    outbox,
    rateLimitsPruned,
  }
}

/** Mounted at /api/jobs. Vercel Cron calls GET with `Authorization: Bearer $CRON_SECRET`. */
export const jobsApi = new Hono<AppEnv>()

jobsApi.get('/tick', async (c) => {
  const secret = c.var.deps.config.cronSecret
  const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? ''
  const ok = secret
    ? given.length === secret.length && timingSafeEqual(Buffer.from(given), Buffer.from(secret))
    : !c.var.deps.config.production
  if (!ok) throw new AppError('CRON_FORBIDDEN')
  return c.json(await runScheduledJobs(c.var.deps))
})

const TickResult = onFirstUse(() =>
  z.object({
    overdue: z.number().int(),
    autoClosed: z.number().int(),
    /** Council sessions created by recurring rules (eight weeks ahead). */
    sessionsCreated: z.number().int(),
    /** Council reminders queued (24 h and 2 h before, one per registrant). */
    reminders: z.number().int(),
    /** Votes closed (tallied and published) because their closing time passed. */
    votesClosed: z.number().int(),
    /** Residents reminded that a vote closes within a day and they have not voted. */
    voteReminders: z.number().int(),
    /** People told of a big vote's result or reminder, in batches (rolls over 2 000 are told by this job). */
    voteNotices: z.number().int(),
    /** Tracked items (resolutions, approved proposals) that passed their deadline unfinished: staff told once. */
    trackedOverdue: z.number().int(),
    /** Residents' topics left without a written answer past the community's limit: staff told once. */
    topicsUnanswered: z.number().int(),
    outbox: z.object({ sent: z.number().int(), failed: z.number().int(), abandoned: z.number().int() }),
    /** Rate-limit counters of ended windows deleted. */
    redemptionsExpired: z.number().int(),
    rateLimitsPruned: z.number().int(),
  }),
)

export const jobsDocs = [
  op({
    method: 'get',
    path: '/api/jobs/tick',
    tag: 'jobs',
    summary:
      '定时任务：逾期提醒、超时自动结案、生成固定议事会、议事会提醒、表决到期计票与截止前提醒、决议事项逾期与议题未答复提醒、发送订阅消息',
    auth: false,
    response: TickResult,
    errors: [401],
  }),
]
