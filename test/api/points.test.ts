import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo, seedId } from '../../db/seed.js'
import { awardPoints } from '../../functions/points/index.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { makeResidents, uploadId } from '../helpers/concerns.js'
import { createSession, registerAs, sessionDetail, userIdOf } from '../helpers/councils.js'

/** 道德银行 and 爱心超市 (docs/decisions/031): earning, redeeming, handing over, refunds, corrections, statements. */
let t: TestApp
let clock = new Date('2026-12-01T01:00:00Z').getTime()
const hour = 3600_000
const wenan = demo.community.wenan
const base = `/api/communities/${wenan}/points`
const haircut = seedId('points-item', 'haircut')
const rice = seedId('points-item', 'rice')
const json = async (res: Response) => (await res.json()) as Record<string, any>

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock) })
})
afterAll(async () => {
  // The ledger's invariant after everything below: every balance is exactly the sum of its entries.
  const rows = await t.database.db.execute(sql`select a.balance, (select coalesce(sum(amount), 0) from points_entries e
    where e.community_id = a.community_id and e.user_id = a.user_id)::int as sum from points_accounts a`)
  for (const r of (rows as unknown as { rows: { balance: number; sum: number }[] }).rows) expect(r.balance).toBe(r.sum)
  await t?.close()
})

async function give(userId: string, amount: number) {
  await t.database.db.transaction((tx) =>
    awardPoints(tx, {
      communityId: wenan,
      userId,
      kind: 'volunteer',
      sourceType: 'test',
      sourceId: crypto.randomUUID(),
      reason: '测试',
      createdBy: null,
      at: new Date(clock),
      amount,
    }),
  )
}

async function newItem(price: number, stock: number) {
  const res = await t.call('POST', `${base}/items`, { token: await t.tokenFor('liu'), body: { name: `测试物品${price}`, price, stock } })
  expect(res.status).toBe(201)
  return (await json(res)).id as string
}

describe('the points bank', () => {
  it('shows 王秀英 her seeded points, her household, and a monthly statement', async () => {
    const wang = await t.tokenFor('wang')
    const summary = await json(await t.call('GET', base, { token: wang }))
    expect(summary).toMatchObject({ balance: 80, household: { balance: 80 } })
    const nov = await json(await t.call('GET', `${base}/statement?month=2026-11`, { token: wang }))
    expect(nov).toMatchObject({ month: '2026-11', opening: 60, credits: 20, debits: 0, closing: 80 })
    expect(nov.entries).toHaveLength(2)
    const household = await json(await t.call('GET', `${base}/statement?month=2026-11&scope=household`, { token: wang }))
    expect(household.closing).toBe(80)
    expect((await t.call('GET', base, { token: await t.tokenFor('zhou') })).status).toBe(403)
    expect((await t.call('GET', `${base}/statement?month=2026-13`, { token: wang })).status).toBe(400)
  })

  it('pays the community’s check-in points once per session, in the check-in’s transaction', async () => {
    const wang = await t.tokenFor('wang')
    const start = new Date(clock + 2 * hour)
    const id = await createSession(t, start)
    await registerAs(t, wang, id)
    const code = (await json(await sessionDetail(t, 'chen', id))).checkInCode as string
    const saved = clock
    clock = start.getTime() - 30 * 60_000
    for (let i = 0; i < 2; i++)
      expect((await t.call('POST', `/api/sessions/${id}/check-in`, { token: wang, body: { code } })).status).toBe(200)
    const summary = await json(await t.call('GET', base, { token: wang }))
    expect(summary.balance).toBe(90)
    expect(summary.recent.filter((e: { sourceId: string }) => e.sourceId === id)).toHaveLength(1)
    clock = saved
  })

  it('redeems a 理发券 with a one-time code that staff hand over once', async () => {
    const wang = await t.tokenFor('wang')
    const liu = await t.tokenFor('liu')
    const res = await t.call('POST', `/api/points/items/${haircut}/redemptions`, { token: wang })
    expect(res.status).toBe(201)
    const r = await json(res)
    expect(r).toMatchObject({ status: 'reserved', price: 50, balance: 40, itemName: '理发券' })
    expect(r.code).toMatch(/^\d{8}$/)
    // Staff see the reservation without its code; another community's staff cannot hand it over.
    const staffList = await json(await t.call('GET', `${base}/redemptions`, { token: liu }))
    expect(staffList.items.find((x: { id: string }) => x.id === r.id).code).toBeNull()
    expect((await t.call('POST', `${base}/hand-over`, { token: await t.tokenFor('wu'), body: { code: r.code } })).status).toBe(403)
    expect((await t.call('POST', `${base}/hand-over`, { token: wang, body: { code: r.code } })).status).toBe(403)
    const first = await t.call('POST', `${base}/hand-over`, { token: liu, body: { code: r.code } })
    expect(first.status).toBe(200)
    expect(await json(first)).toMatchObject({ status: 'handed_over' })
    const again = await t.call('POST', `${base}/hand-over`, { token: liu, body: { code: r.code } })
    expect(again.status).toBe(409)
    expect((await json(again)).error.code).toBe('CODE_ALREADY_USED')
    const unknown = r.code === '00000000' ? '11111111' : '00000000'
    expect((await t.call('POST', `${base}/hand-over`, { token: liu, body: { code: unknown } })).status).toBe(404)
    expect((await t.call('POST', `${base}/hand-over`, { token: liu, body: { code: '12ab' } })).status).toBe(400)
    expect((await t.call('POST', `/api/points/redemptions/${r.id}/cancel`, { token: wang })).status).toBe(409)
    expect((await json(await t.call('GET', base, { token: wang }))).balance).toBe(40)
  })

  it('refuses too few points or an empty shelf with 409 and the balance', async () => {
    const wang = await t.tokenFor('wang')
    const poor = await t.call('POST', `/api/points/items/${rice}/redemptions`, { token: wang })
    expect(poor.status).toBe(409)
    const error = (await json(poor)).error
    expect(error).toMatchObject({ code: 'POINTS_NOT_ENOUGH', details: { balance: 40 } })
    expect(error.message).toContain('40')
    const empty = await newItem(10, 0)
    const none = await t.call('POST', `/api/points/items/${empty}/redemptions`, { token: wang })
    expect(none.status).toBe(409)
    expect((await json(none)).error).toMatchObject({ code: 'OUT_OF_STOCK', details: { balance: 40, stock: 0 } })
    expect((await t.call('POST', `/api/points/items/${haircut}/redemptions`, { token: await t.tokenFor('zhou') })).status).toBe(404)
    expect((await t.call('POST', `/api/points/items/${haircut}/redemptions`, { token: await t.tokenFor('liu') })).status).toBe(403)
  })

  it('returns points and stock when a redemption is cancelled or its code expires', async () => {
    const [token] = await makeResidents(t, 1)
    const userId = userIdOf(token)
    await give(userId, 100)
    const item = await newItem(30, 2)
    const a = await json(await t.call('POST', `/api/points/items/${item}/redemptions`, { token }))
    const b = await json(await t.call('POST', `/api/points/items/${item}/redemptions`, { token }))
    expect(b.balance).toBe(40)
    const cancelled = await t.call('POST', `/api/points/redemptions/${a.id}/cancel`, { token })
    expect(await json(cancelled)).toMatchObject({ status: 'cancelled' })
    expect((await t.call('POST', `/api/points/redemptions/${a.id}/cancel`, { token })).status).toBe(200)
    clock += 25 * hour
    const late = await t.call('POST', `${base}/hand-over`, { token: await t.tokenFor('liu'), body: { code: b.code } })
    expect(late.status).toBe(409)
    expect((await json(late)).error.code).toBe('REDEMPTION_EXPIRED')
    expect((await json(await t.call('GET', base, { token }))).balance).toBe(100)
    const items = await json(await t.call('GET', `${base}/items`, { token }))
    expect(items.items.find((i: { id: string }) => i.id === item).stock).toBe(2)
    const kinds = (await json(await t.call('GET', base, { token }))).recent.map((e: { kind: string }) => e.kind)
    expect(kinds.filter((k: string) => k === 'refund')).toHaveLength(2)
  })

  it('sells the last 10 items to exactly 10 of 1000 concurrent redemptions', async () => {
    const tokens = await makeResidents(t, 1000)
    for (const tk of tokens) await give(userIdOf(tk), 20)
    const item = await newItem(20, 10)
    const statuses = await Promise.all(
      tokens.map((token) => t.call('POST', `/api/points/items/${item}/redemptions`, { token }).then((r) => r.status)),
    )
    expect(statuses.filter((s) => s === 201)).toHaveLength(10)
    expect(statuses.filter((s) => s === 409)).toHaveLength(990)
    const stock = await json(await t.call('GET', `${base}/items`, { token: tokens[0] }))
    expect(stock.items.find((i: { id: string }) => i.id === item).stock).toBe(0)
  }, 300_000)

  it('spends the same points once under 20 concurrent redemptions (no double spend)', async () => {
    const [token] = await makeResidents(t, 1)
    await give(userIdOf(token), 50)
    const item = await newItem(50, 20)
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => t.call('POST', `/api/points/items/${item}/redemptions`, { token }).then((r) => r.status)),
    )
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect((await json(await t.call('GET', base, { token }))).balance).toBe(0)
    const items = await json(await t.call('GET', `${base}/items`, { token }))
    expect(items.items.find((i: { id: string }) => i.id === item).stock).toBe(19)
  })

  it('pays a good deed once staff approve it, and a correction reverses it with a reason', async () => {
    const wang = await t.tokenFor('wang')
    const liu = await t.tokenFor('liu')
    const photoId = await uploadId(t, 'wang')
    const report = await t.call('POST', `${base}/good-deeds`, {
      token: wang,
      body: { text: '帮3号楼独居老人把米扛上六楼，还换了灯泡。', photoId },
    })
    expect(report.status).toBe(201)
    const deed = await json(report)
    const queue = await json(await t.call('GET', `${base}/good-deeds`, { token: liu }))
    expect(queue.items.map((d: { id: string }) => d.id)).toContain(deed.id)
    expect((await t.call('POST', `/api/points/good-deeds/${deed.id}/review`, { token: liu, body: { verdict: 'reject' } })).status).toBe(400)
    expect((await t.call('POST', `/api/points/good-deeds/${deed.id}/review`, { token: wang, body: { verdict: 'approve' } })).status).toBe(
      403,
    )
    const approved = await json(
      await t.call('POST', `/api/points/good-deeds/${deed.id}/review`, { token: liu, body: { verdict: 'approve' } }),
    )
    expect(approved).toMatchObject({ status: 'approved', points: 20 })
    // She is told, in 消息.
    const notices = await json(await t.call('GET', '/api/notifications', { token: wang }))
    expect(notices.items[0]).toMatchObject({ title: '好人好事已通过' })
    expect(notices.items[0].body).toContain('积分已记入道德银行')
    expect((await t.call('POST', `/api/points/good-deeds/${deed.id}/review`, { token: liu, body: { verdict: 'approve' } })).status).toBe(
      409,
    )
    const summary = await json(await t.call('GET', base, { token: wang }))
    expect(summary.balance).toBe(60)
    const entry = summary.recent.find((e: { sourceId: string }) => e.sourceId === deed.id)
    const rev = await t.call('POST', `${base}/reversals`, { token: liu, body: { entryId: entry.id, reason: '照片与事由不符，更正' } })
    expect(rev.status).toBe(201)
    expect(await json(rev)).toMatchObject({ amount: -20, kind: 'reversal', reason: '照片与事由不符，更正' })
    expect((await t.call('POST', `${base}/reversals`, { token: liu, body: { entryId: entry.id, reason: '再次更正' } })).status).toBe(409)
    const redemption = summary.recent.find((e: { kind: string }) => e.kind === 'redemption')
    expect((await t.call('POST', `${base}/reversals`, { token: liu, body: { entryId: redemption.id, reason: '更正兑换' } })).status).toBe(
      409,
    )
    expect((await t.call('POST', `${base}/reversals`, { token: wang, body: { entryId: entry.id, reason: '自己更正' } })).status).toBe(403)
    expect((await json(await t.call('GET', base, { token: wang }))).balance).toBe(40)
    // The staff's review, reversal and hand-over are in the admins' audit log, with who and why.
    const audit = await json(
      await t.call('GET', `/api/communities/${demo.community.wenan}/audit?limit=100`, { token: await t.tokenFor('chen') }),
    )
    const actions = audit.items.map((e: { action: string }) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['good_deed.review', 'points_entry.reverse', 'redemption.hand_over']))
    expect(audit.items.find((e: { action: string }) => e.action === 'points_entry.reverse')).toMatchObject({
      actor: { id: demo.user.liu, role: 'worker' },
      data: { entryId: entry.id, reason: '照片与事由不符，更正' },
    })
    // Her data export carries her entries, redemptions and reports.
    const mine = await json(await t.call('GET', '/api/me/export', { token: wang }))
    expect(mine.points.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['good_deed', 'reversal', 'redemption']))
    expect(mine.redemptions[0]).toMatchObject({ itemName: '理发券', status: 'handed_over' })
    expect(mine.goodDeeds).toHaveLength(1)
  })

  it('shows staff each resident’s account with every reason, and what can still be corrected', async () => {
    const liu = await t.tokenFor('liu')
    // After the concurrency tests above a thousand residents have points: the list stops at 200, by name.
    const accounts = await json(await t.call('GET', `${base}/accounts`, { token: liu }))
    expect(accounts.items.length).toBeGreaterThan(0)
    expect(accounts.items.length).toBeLessThanOrEqual(200)
    const names = accounts.items.map((a: { name: string }) => a.name)
    expect(names).toEqual([...names].sort())
    const narrowed = await json(await t.call('GET', `${base}/accounts?q=${encodeURIComponent('秀英')}`, { token: liu }))
    expect(narrowed.items.map((a: { name: string }) => a.name)).toEqual(['王秀英'])
    const wangRow = narrowed.items[0]
    const account = await json(await t.call('GET', `${base}/accounts/${demo.user.wang}`, { token: liu }))
    expect(account.balance).toBe(wangRow.balance)
    expect(account.entries.reduce((n: number, e: { amount: number }) => n + e.amount, 0)).toBe(account.balance)
    // The good deed corrected above is no longer correctable, nor is its reversal or a redemption.
    const byKind = (kind: string) => account.entries.filter((e: { kind: string }) => e.kind === kind)
    const reversal = byKind('reversal')[0]
    expect(reversal).toMatchObject({ reason: '照片与事由不符，更正', reversible: false })
    const deed = account.entries.find((e: { id: string }) => e.id === reversal.sourceId)
    expect(deed, JSON.stringify(account.entries, null, 1)).toMatchObject({ kind: 'good_deed', reversible: false })
    expect(byKind('redemption').every((e: { reversible: boolean }) => !e.reversible)).toBe(true)
    // An earning not yet corrected can be, from this page; then it says so.
    const open = account.entries.find((e: { reversible: boolean }) => e.reversible)
    expect(open.amount).toBeGreaterThan(0)
    const reversed = await t.call('POST', `${base}/reversals`, { token: liu, body: { entryId: open.id, reason: '重复记录，更正' } })
    expect(reversed.status).toBe(201)
    const after = await json(await t.call('GET', `${base}/accounts/${demo.user.wang}`, { token: liu }))
    expect(after.balance).toBe(account.balance - open.amount)
    expect(after.entries.find((e: { id: string }) => e.id === open.id).reversible).toBe(false)
    // Residents may not look at anyone's account, their own included; an unknown person is 404.
    expect((await t.call('GET', `${base}/accounts`, { token: await t.tokenFor('wang') })).status).toBe(403)
    expect((await t.call('GET', `${base}/accounts/${demo.user.wang}`, { token: await t.tokenFor('wang') })).status).toBe(403)
    expect((await t.call('GET', `${base}/accounts/${crypto.randomUUID()}`, { token: liu })).status).toBe(404)
  })

  it('lets staff set the rules within bounds, and pays the new amount from then on', async () => {
    const chen = await t.tokenFor('chen')
    for (const bad of [{ council_check_in: -5 }, { good_deed: 5000 }, { errand: 1.5 }, { nonsense: 1 }])
      expect((await t.call('PUT', `${base}/rules`, { token: chen, body: bad })).status).toBe(400)
    expect((await t.call('PUT', `${base}/rules`, { token: await t.tokenFor('wang'), body: { errand: 5 } })).status).toBe(403)
    const rules = await json(await t.call('PUT', `${base}/rules`, { token: chen, body: { council_check_in: 15 } }))
    expect(rules.rules).toEqual(
      expect.arrayContaining([
        { kind: 'council_check_in', label: '议事会签到', amount: 15 },
        expect.objectContaining({ kind: 'good_deed', amount: 20 }),
      ]),
    )
  })

  it('never lets the ledger be updated or deleted, even by SQL', async () => {
    const db = t.database.db
    await expect(db.execute(sql`update points_entries set amount = 1000`)).rejects.toThrow()
    await expect(db.execute(sql`delete from points_entries`)).rejects.toThrow()
    await expect(db.execute(sql`truncate points_entries cascade`)).rejects.toThrow()
    const [{ n }] = ((await db.execute(sql`select count(*)::int as n from points_entries`)) as unknown as { rows: { n: number }[] }).rows
    expect(n).toBeGreaterThan(1000)
  })
})
