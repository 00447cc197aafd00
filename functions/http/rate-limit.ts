import { sql } from 'drizzle-orm'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Db } from '../../db/client.js'
import { rateLimitCounters } from '../../db/schema/index.js'
import type { AppEnv } from '../context.js'
import { AppError } from './errors.js'

/**
 * How many of each write one person and one client address may make in one window (an hour by
 * default), before RATE_LIMIT_USER_SCALE / RATE_LIMIT_ADDRESS_SCALE multiply them. Set far above
 * what a resident does (decision 017): they stop scripts and stuck retry loops, not neighbours.
 * Addresses get much more than people because many residents share one (a community centre's
 * Wi-Fi, a carrier's NAT); sign-in has no person yet, so only the address counts.
 */
export const rateLimits = {
  login: { user: null, address: 600 },
  raise: { user: 30, address: 300 },
  cosign: { user: 300, address: 3000 },
  follow: { user: 300, address: 3000 },
  register: { user: 60, address: 1500 },
  book: { user: 20, address: 300 },
  ballot: { user: 60, address: 3000 },
  upload: { user: 150, address: 1500 },
  // Open data is downloaded without signing in: only the address counts.
  openData: { user: null, address: 600 },
} as const satisfies Record<string, { user: number | null; address: number }>

export type RateAction = keyof typeof rateLimits

/**
 * The client's address: behind Vercel the first hop of the forwarding headers its edge sets
 * (a client cannot forge them there); otherwise the TCP peer, because on a bare server those
 * headers are whatever the client wrote. `unknown` when neither is available (in-process tests).
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.deps.config.clientAddress === 'vercel') {
    const first = (h: string | undefined) => h?.split(',')[0]?.trim()
    return first(c.req.header('x-vercel-forwarded-for')) || first(c.req.header('x-forwarded-for')) || 'unknown'
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  return env?.incoming?.socket?.remoteAddress ?? 'unknown'
}

/** Counts one request in each bucket's current window, in one statement; returns the new counts. */
export async function countHit(db: Db, buckets: string[], windowStart: Date): Promise<Map<string, number>> {
  const rows = await db
    .insert(rateLimitCounters)
    .values(buckets.map((bucket) => ({ bucket, windowStart, count: 1 })))
    .onConflictDoUpdate({
      target: [rateLimitCounters.bucket, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ bucket: rateLimitCounters.bucket, count: rateLimitCounters.count })
  return new Map(rows.map((r) => [r.bucket, r.count]))
}

/** Drops the counters of windows that have ended (the scheduled job calls it). */
export async function pruneRateLimits(db: Db, now: Date, windowSeconds: number): Promise<number> {
  const cutoff = new Date(now.getTime() - windowSeconds * 1000)
  const deleted = await db
    .delete(rateLimitCounters)
    .where(sql`${rateLimitCounters.windowStart} < ${cutoff}`)
    .returning({ bucket: rateLimitCounters.bucket })
  return deleted.length
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`
  return `${Math.ceil(seconds / 60)} 分钟`
}

/**
 * 429 RATE_LIMITED with Retry-After once the caller (when signed in) or their address has made
 * more than its share of `action` in the current window. Place it after `requireUser`.
 */
export function rateLimited(action: RateAction) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { config, database, now } = c.var.deps
    const settings = config.rateLimit
    if (!settings.enabled) return next()
    const limits: { user: number | null; address: number } = rateLimits[action]
    const windowMs = settings.windowSeconds * 1000
    const at = now().getTime()
    const windowStart = new Date(Math.floor(at / windowMs) * windowMs)
    const userId = c.get('userId')
    const buckets: { bucket: string; limit: number; scope: 'user' | 'address' }[] = []
    if (limits.user !== null && userId)
      buckets.push({ bucket: `user:${userId}:${action}`, limit: Math.ceil(limits.user * settings.userScale), scope: 'user' })
    buckets.push({
      bucket: `addr:${clientAddress(c)}:${action}`,
      limit: Math.ceil(limits.address * settings.addressScale),
      scope: 'address',
    })
    const counts = await countHit(
      database.db,
      buckets.map((b) => b.bucket),
      windowStart,
    )
    const over = buckets.find((b) => (counts.get(b.bucket) ?? 0) > b.limit)
    if (over) {
      const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - at) / 1000))
      throw new AppError(
        'RATE_LIMITED',
        `操作太频繁了，请 ${waitText(retryAfter)}后再试`,
        { action, scope: over.scope, retryAfterSeconds: retryAfter },
        { 'retry-after': String(retryAfter) },
      )
    }
    await next()
  })
}
