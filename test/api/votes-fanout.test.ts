import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notifications, outbox } from '../../db/schema/index.js'
import { sendQueuedVoteNotices } from '../../functions/votes/index.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { castAs, openProposal, proposalAction, proposalBody, seedBuilding, type SeededHousehold } from '../helpers/votes.js'

/**
 * A roll larger than INLINE_NOTICE_MAX (2 000) is told of the result in batches by the scheduled
 * job, not inside the close: the close answers at once with the result stored, each of the 2 500
 * households' residents is told exactly once, batch by batch, and a run stops after its budget and
 * the next one carries on. A small roll is still told inside the close.
 */
let t: TestApp
const clock = new Date('2026-12-01T01:00:00Z').getTime()
const now = () => new Date(clock)
let hh: SeededHousehold[]
let buildingId: string

beforeAll(async () => {
  t = await startTestApp({ now })
  ;({ buildingId, households: hh } = await seedBuilding(
    t,
    Array.from({ length: 2_500 }, () => 8000),
    { now: now(), name: '大社区楼' },
  ))
}, 120_000)
afterAll(() => t?.close())

const db = () => t.database.db
async function resultNotices(proposalId: string) {
  const [r] = await db()
    .select({ n: sql<number>`count(*)::int`, people: sql<number>`count(distinct ${notifications.userId})::int` })
    .from(notifications)
    .where(and(eq(notifications.proposalId, proposalId), sql`${notifications.title} like '表决结果%'`))
  return { n: Number(r!.n), people: Number(r!.people) }
}

describe('telling a big roll the result', () => {
  it('closes at once and tells 2 500 households in batches, each person once, a run stopping after its budget', async () => {
    const id = await openProposal(
      t,
      proposalBody(now(), { title: '大社区楼电梯加装', unit: 'household', electorate: { kind: 'households', buildingIds: [buildingId] } }),
    )
    expect((await castAs(t, hh[0].tokens[0], id, ['yes'])).status).toBe(201)
    expect((await castAs(t, hh[1].tokens[0], id, ['no'])).status).toBe(201)

    const closed = await proposalAction(t, id, { action: 'close' })
    expect(closed.status).toBe(200)
    expect((await closed.json()).result.participants.count).toBe(2)
    // The close queued the telling; nobody is told yet.
    expect(await resultNotices(id)).toEqual({ n: 0, people: 0 })
    const queued = await db().select().from(outbox).where(eq(outbox.kind, 'vote.notice'))
    expect(queued).toHaveLength(1)

    // With no time budget, each run tells one batch and leaves the rest for the next.
    expect(await sendQueuedVoteNotices(t.deps, { batch: 1_000, budgetMs: 0 })).toBe(1_000)
    expect(await resultNotices(id)).toEqual({ n: 1_000, people: 1_000 })
    expect(await sendQueuedVoteNotices(t.deps, { batch: 1_000, budgetMs: 0 })).toBe(1_000)
    expect(await sendQueuedVoteNotices(t.deps, { batch: 1_000, budgetMs: 0 })).toBe(500)
    expect(await resultNotices(id)).toEqual({ n: 2_500, people: 2_500 })
    // Done: nothing more, however often the job runs; every person has a subscribe message queued once.
    expect(await sendQueuedVoteNotices(t.deps, { batch: 1_000, budgetMs: 0 })).toBe(0)
    const [fan] = await db().select().from(outbox).where(eq(outbox.kind, 'vote.notice'))
    expect(fan!.sentAt).not.toBeNull()
    const [subs] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(
        and(
          eq(outbox.kind, 'wechat.subscribe'),
          sql`${outbox.payload}->>'proposalId' = ${id}`,
          sql`${outbox.payload}->>'statusLabel' in ('已通过', '未通过')`,
        ),
      )
    expect(Number(subs!.n)).toBe(2_500)
    const mine = await (await t.call('GET', '/api/notifications', { token: hh[2499].tokens[0] })).json()
    expect(mine.items[0]).toMatchObject({ title: '表决结果：大社区楼电梯加装', proposalId: id })
  })

  it('tells a small roll inside the close, as before', async () => {
    const small = await seedBuilding(t, [9000, 9000, 9000], { now: now(), name: '小楼' })
    const id = await openProposal(
      t,
      proposalBody(now(), {
        title: '小楼门禁更换',
        unit: 'household',
        electorate: { kind: 'households', buildingIds: [small.buildingId] },
      }),
    )
    expect((await proposalAction(t, id, { action: 'close' })).status).toBe(200)
    expect(await resultNotices(id)).toEqual({ n: 3, people: 3 })
  })
})
