import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { councilRegistrations, councilSessions } from '../../db/schema/index.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { createSession, makeVerifiedResidents, registerAs, userIdOf } from '../helpers/councils.js'

/** Seats under concurrency: one conditional update per seat, the waiting list in order. */
let t: TestApp
const clock = new Date('2026-12-01T01:00:00Z').getTime()
const day = 86400_000

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock) })
})
afterAll(() => t?.close())

async function rows(sessionId: string) {
  return t.database.db
    .select()
    .from(councilRegistrations)
    .where(eq(councilRegistrations.sessionId, sessionId))
    .orderBy(asc(councilRegistrations.createdAt), asc(councilRegistrations.id))
}

async function counts(sessionId: string) {
  const [s] = await t.database.db.select().from(councilSessions).where(eq(councilSessions.id, sessionId))
  return { registered: s.registeredCount, waitlisted: s.waitlistCount }
}

describe('200 residents register at once for 50 seats', () => {
  let sessionId: string
  let tokens: string[]

  beforeAll(async () => {
    tokens = await makeVerifiedResidents(t, 200)
    sessionId = await createSession(t, new Date(clock + 10 * day), { capacity: 50 })
  })

  it('ends with exactly 50 registered and 150 waiting, counts equal to the rows', async () => {
    const started = performance.now()
    const replies = await Promise.all(tokens.map((token) => registerAs(t, token, sessionId)))
    const ms = performance.now() - started
    expect(replies.map((r) => r.status).every((s) => s === 200)).toBe(true)
    const states = (await Promise.all(replies.map((r) => r.json()))) as Array<{ registration: string }>
    expect(states.filter((s) => s.registration === 'registered')).toHaveLength(50)
    expect(states.filter((s) => s.registration === 'waitlisted')).toHaveLength(150)

    const all = await rows(sessionId)
    expect(all.filter((r) => r.status === 'registered' && r.holdsSeat)).toHaveLength(50)
    expect(all.filter((r) => r.status === 'waitlisted')).toHaveLength(150)
    expect(await counts(sessionId)).toEqual({ registered: 50, waitlisted: 150 })
    console.info(`[councils] 200 concurrent registrations on ${t.database.kind}: ${Math.round(ms)} ms`)
  })

  it('gives 10 freed seats to the 10 earliest on the waiting list, 10 cancelling at once', async () => {
    const before = await rows(sessionId)
    const seated = before.filter((r) => r.status === 'registered').slice(0, 10)
    const expected = before
      .filter((r) => r.status === 'waitlisted')
      .slice(0, 10)
      .map((r) => r.userId)
    const byUser = new Map(tokens.map((tk) => [userIdOf(tk), tk]))
    const replies = await Promise.all(
      seated.map((r) => t.call('DELETE', `/api/sessions/${sessionId}/registration`, { token: byUser.get(r.userId)! })),
    )
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200))

    const after = await rows(sessionId)
    const promoted = after.filter((r) => r.status === 'registered' && expected.includes(r.userId))
    expect(promoted).toHaveLength(10)
    expect(after.filter((r) => r.status === 'registered')).toHaveLength(50)
    expect(after.filter((r) => r.status === 'waitlisted')).toHaveLength(140)
    expect(await counts(sessionId)).toEqual({ registered: 50, waitlisted: 140 })
  })

  it('never double-counts one resident tapping register five times at once', async () => {
    const [one] = await makeVerifiedResidents(t, 1)
    const id = await createSession(t, new Date(clock + 11 * day), { capacity: 5 })
    const replies = await Promise.all(Array.from({ length: 5 }, () => registerAs(t, one, id)))
    expect(replies.map((r) => r.status)).toEqual(Array(5).fill(200))
    expect(await counts(id)).toEqual({ registered: 1, waitlisted: 0 })
    const mine = await t.database.db
      .select()
      .from(councilRegistrations)
      .where(and(eq(councilRegistrations.sessionId, id), eq(councilRegistrations.userId, userIdOf(one))))
    expect(mine).toHaveLength(1)
  })
})

describe('cancelling, one seat and one waiting', () => {
  it('answers with the counts after the next in line moved up and told; again, it changes nothing', async () => {
    const [first, second] = await makeVerifiedResidents(t, 2)
    const id = await createSession(t, new Date(clock + 12 * day), { capacity: 1 })
    expect(await (await registerAs(t, first, id)).json()).toMatchObject({
      registration: 'registered',
      registeredCount: 1,
      waitlistCount: 0,
    })
    expect(await (await registerAs(t, second, id)).json()).toMatchObject({
      registration: 'waitlisted',
      waitlistPosition: 1,
      registeredCount: 1,
      waitlistCount: 1,
    })

    const cancelled = await t.call('DELETE', `/api/sessions/${id}/registration`, { token: first })
    expect(cancelled.status).toBe(200)
    expect(await cancelled.json()).toEqual({ registration: 'none', waitlistPosition: null, registeredCount: 1, waitlistCount: 0 })
    const [moved] = (await rows(id)).filter((r) => r.userId === userIdOf(second))
    expect(moved).toMatchObject({ status: 'registered', holdsSeat: true })
    const notes = (await (await t.call('GET', '/api/notifications', { token: second })).json()) as { items: { title: string }[] }
    expect(notes.items.some((n) => n.title.startsWith('候补成功'))).toBe(true)

    const again = await t.call('DELETE', `/api/sessions/${id}/registration`, { token: first })
    expect(await again.json()).toEqual({ registration: 'none', waitlistPosition: null, registeredCount: 1, waitlistCount: 0 })
    expect(await counts(id)).toEqual({ registered: 1, waitlisted: 0 })
    // Back in line behind the one who took the seat.
    expect(await (await registerAs(t, first, id)).json()).toMatchObject({
      registration: 'waitlisted',
      waitlistPosition: 1,
      waitlistCount: 1,
    })
  })

  it('keeps the counts right when the one waiting cancels while the seat is freed for them', async () => {
    // Ten sessions of one seat: its holder and the one waiting cancel at the same moment. Whichever
    // goes first, both end cancelled and nobody is counted.
    const pairs = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const [holder, waiting] = await makeVerifiedResidents(t, 2)
        const id = await createSession(t, new Date(clock + (20 + i) * day), { capacity: 1 })
        await registerAs(t, holder, id)
        await registerAs(t, waiting, id)
        return { id, holder, waiting }
      }),
    )
    const replies = await Promise.all(
      pairs.flatMap(({ id, holder, waiting }) =>
        [holder, waiting].map((token) => t.call('DELETE', `/api/sessions/${id}/registration`, { token })),
      ),
    )
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200))
    for (const { id } of pairs) {
      expect(await counts(id)).toEqual({ registered: 0, waitlisted: 0 })
      expect((await rows(id)).map((r) => [r.status, r.holdsSeat])).toEqual([
        ['cancelled', false],
        ['cancelled', false],
      ])
    }
  })

  it('refuses to cancel once checked in, and leaves the seat and the counts as they were', async () => {
    const [one] = await makeVerifiedResidents(t, 1)
    const id = await createSession(t, new Date(clock + 13 * day), { capacity: 3 })
    await registerAs(t, one, id)
    await t.database.db
      .update(councilRegistrations)
      .set({ status: 'checked_in', checkedInAt: new Date(clock) })
      .where(and(eq(councilRegistrations.sessionId, id), eq(councilRegistrations.userId, userIdOf(one))))
    const res = await t.call('DELETE', `/api/sessions/${id}/registration`, { token: one })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'SESSION_CHANGED', message: '您已签到，不能取消报名' } })
    expect((await rows(id)).map((r) => [r.status, r.holdsSeat])).toEqual([['checked_in', true]])
    expect(await counts(id)).toEqual({ registered: 1, waitlisted: 0 })
  })
})
