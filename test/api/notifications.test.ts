import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { startFakeWechat } from '../helpers/fake-wechat.js'
import { raise } from '../helpers/concerns.js'
import { castAs, openProposal, proposalAction, proposalBody } from '../helpers/votes.js'

/**
 * Vote notices on both channels: the in-app 消息 (linked to the vote) and the 投票通知 subscribe
 * message through a fake WeChat on loopback, which refuses values breaking WeChat's limits.
 */
let t: TestApp
let wechat: Awaited<ReturnType<typeof startFakeWechat>>
const clock = new Date('2026-12-02T02:00:00Z').getTime() // Wednesday 10:00 in Beijing
const hour = 3600_000

beforeAll(async () => {
  wechat = await startFakeWechat()
  t = await startTestApp({ wechatBase: wechat.base, now: () => new Date(clock) })
  for (const [key, openid] of [
    ['wang', 'o_wang'],
    ['zhao', 'o_zhao'],
    ['liu', 'o_liu'],
  ] as const) {
    await t.database.db.update(users).set({ openid }).where(eq(users.id, demo.user[key]))
  }
})
afterAll(async () => {
  await t?.close()
  await wechat?.close()
})

async function tick() {
  const res = await t.call('GET', '/api/jobs/tick')
  expect(res.status).toBe(200)
  return (await res.json()) as { outbox: { sent: number; failed: number; abandoned: number } }
}

const sentTo = (openid: string) => wechat.calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send' && c.body?.touser === openid)

describe('vote notices', () => {
  it('tell the roll that a vote opened, link to it in 消息, and reach WeChat on the 投票通知 template', async () => {
    const title = '关于在小区东侧空地增设非机动车充电棚并由物业统一管理的方案'
    const closesAt = new Date(clock + 3 * 24 * hour)
    const id = await openProposal(t, proposalBody(new Date(clock), { title, closesAt: closesAt.toISOString() }))

    const notes = (await (await t.call('GET', '/api/notifications', { token: await t.tokenFor('wang') })).json()) as {
      items: { title: string; proposalId: string | null; sessionId: string | null; concernId: string | null }[]
    }
    expect(notes.items[0]).toMatchObject({ title: `请参加表决：${title}`, proposalId: id, sessionId: null, concernId: null })

    const result = await tick()
    expect(result.outbox.failed).toBe(0)
    const [message] = sentTo('o_wang')
    // Closes 10:00 on 5 December in Beijing; a title over 20 characters is cut to WeChat's limit.
    expect(message.body).toMatchObject({
      template_id: 'dev-template-vote',
      page: `pages/vote/index?id=${id}`,
      data: {
        thing1: { value: `${[...title].slice(0, 19).join('')}…` },
        time2: { value: '2026年12月5日 10:00' },
        phrase3: { value: '投票中' },
      },
    })
    expect(sentTo('o_zhao')).toHaveLength(1)

    // The result reaches both, as 已通过 or 未通过.
    await castAs(t, 'wang', id, ['yes'])
    expect((await proposalAction(t, id, { action: 'close' })).status).toBe(200)
    await tick()
    const last = sentTo('o_zhao').at(-1)!
    expect(last.body).toMatchObject({ page: `pages/vote/index?id=${id}`, data: { phrase3: { value: '已通过' } } })
    expect((last.body!.data as Record<string, { value: string }>).thing4.value).toMatch(/^表决结果：/)
  })
})

describe('concern notices', () => {
  it('tell the grid’s worker of a new concern by its public number, in 消息 and on the 诉求进度 template', async () => {
    const before = sentTo('o_wang').length
    const res = await raise(t, 'wang', { description: '3号楼楼道的声控灯不亮了，晚上上楼看不见台阶' })
    expect(res.status).toBe(201)
    const concern = (await res.json()) as { id: string; publicNo: string }
    expect(concern.publicNo).toMatch(/^WA-\d{4}-\d{6}$/)

    // 3号楼 is the first grid's: 刘网格 is told, with the number the raise took.
    const notes = (await (await t.call('GET', '/api/notifications', { token: await t.tokenFor('liu') })).json()) as {
      items: { title: string; body: string; concernId: string | null }[]
    }
    expect(notes.items[0]).toMatchObject({ title: `新诉求 ${concern.publicNo}`, concernId: concern.id })
    expect(notes.items[0].body).toMatch(/^公共设施：3号楼楼道的声控灯不亮了/)

    expect((await tick()).outbox.failed).toBe(0)
    const [message] = sentTo('o_liu')
    expect(message.body).toMatchObject({
      template_id: 'dev-template-concern-status',
      page: `pages/concern-detail/index?id=${concern.id}`,
      data: { character_string1: { value: concern.publicNo }, thing3: { value: `新诉求 ${concern.publicNo}` } },
    })
    // The author is not told of their own concern.
    expect(sentTo('o_wang')).toHaveLength(before)
  })
})
