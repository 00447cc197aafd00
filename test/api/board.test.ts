import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { actOk, raiseId, uploadId } from '../helpers/concerns.js'
import { acceptedTopic, createSession, sessionAction } from '../helpers/councils.js'
import { castAs, openProposal, proposalAction, proposalBody } from '../helpers/votes.js'
import { withoutIds } from '../helpers/scrub.js'

/**
 * 公示栏 and 开放数据: a month made through the API — a concern raised with a photo at a flat (the
 * room and a phone in its text), 到场 and 办结 with photos, rated; a private one; a council
 * resolution; a published vote — then the board read by a resident of another community and the
 * zip downloaded without signing in and unzipped.
 */
let t: TestApp
let clock = new Date('2026-11-23T01:00:00Z').getTime() // Monday 09:00 in Beijing
const minute = 60_000
const day = 24 * 60 * minute
const wenan = demo.community.wenan
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock), env: { SESSION_TTL_DAYS: '90' } })
  ids.a = await raiseId(t, 'wang', {
    category: 'utilities',
    description: '我家302室门口楼道的灯不亮了，晚上看不见台阶，电话13804110001',
    place: { kind: 'household', householdId: demo.household('wenan', 3, 2, '302') },
    photoIds: [await uploadId(t, 'wang', { color: '#333333' })],
  })
  clock += 5 * minute
  await t.call('POST', `/api/concerns/${ids.a}/acknowledge`, { token: await t.tokenFor('liu'), body: {} })
  clock += 10 * minute
  await t.call('POST', `/api/concerns/${ids.a}/arrive`, {
    token: await t.tokenFor('liu'),
    body: { note: '已到现场', photoIds: [await uploadId(t, 'liu', { color: '#777777' })] },
  })
  clock += 10 * minute
  await actOk(t, 'liu', ids.a, { action: 'resolve', note: '换了新灯管', photoIds: [await uploadId(t, 'liu', { color: '#eeeeee' })] })
  clock += minute
  await t.call('POST', `/api/concerns/${ids.a}/rating`, { token: await t.tokenFor('wang'), body: { rating: 5 } })
  // A private concern, resolved too: never on the board nor in the open data.
  ids.p = await raiseId(t, 'zhao', { description: '邻居家漏水渗到我家卫生间，想私下解决', visibility: 'private' })
  await t.call('POST', `/api/concerns/${ids.p}/acknowledge`, { token: await t.tokenFor('liu'), body: {} })
  await t.call('POST', `/api/concerns/${ids.p}/arrive`, { token: await t.tokenFor('liu'), body: {} })
  await actOk(t, 'liu', ids.p, { action: 'resolve', note: '已协调', photoIds: [await uploadId(t, 'liu')] })

  // A council resolution on an accepted topic.
  const start = new Date(clock + 2 * day)
  const sessionId = await createSession(t, start, { title: '十一月每月一议' })
  const topicId = await acceptedTopic(t, sessionId)
  clock = start.getTime() + 5 * minute
  await sessionAction(t, 'chen', sessionId, { action: 'start' }, 200)
  const resolution = await t.call('POST', `/api/topics/${topicId}/resolution`, {
    token: await t.tokenFor('chen'),
    body: {
      text: '由物业两周内清理各楼道堆物',
      responsibleParty: 'property_company',
      responsibleName: '安居物业',
      deadline: new Date(clock + 14 * day).toISOString(),
    },
  })
  expect(resolution.status).toBe(200)

  // A vote: one for, one against, closed → published for 7 days.
  ids.vote = await openProposal(t, proposalBody(new Date(clock)))
  await castAs(t, 'wang', ids.vote, ['yes'])
  await castAs(t, 'zhao', ids.vote, ['no'])
  clock += 10 * minute
  expect((await proposalAction(t, ids.vote, { action: 'close' })).status).toBe(200)
}, 120_000)
afterAll(() => t?.close())

const secrets = ['王秀英', '赵晓梅', '302', '13804110001', '13904110002', '2单元', '我家', '漏水']

describe('公示栏', () => {
  it('shows the month to anyone signed in: the 三率, the resolved public concern with before/after photos, the resolution, the vote', async () => {
    // 周桂兰 lives in 民主社区: a visitor of 文安路社区.
    const res = await t.call('GET', `/api/communities/${wenan}/board?month=2026-11`, { token: await t.tokenFor('zhou') })
    expect(res.status).toBe(200)
    const text = await res.text()
    for (const s of secrets) expect(withoutIds(text)).not.toContain(s)
    const board = JSON.parse(text)
    expect(board.month).toBe('2026-11')
    expect(board.kpis.samples.received).toBe(2)
    expect(board.concerns.total).toBe(1)
    const [c] = board.concerns.items
    expect(c).toMatchObject({ id: ids.a, category: 'utilities', place: '3号楼', onTime: true, ratingLabel: '非常满意' })
    expect(c.before).toHaveLength(1)
    // 办结's photo first, then 到场's.
    expect(c.after).toHaveLength(2)
    expect(c.before[0].url).toMatch(/^\/api\/files\//)
    expect(board.resolutions.items).toEqual([
      expect.objectContaining({
        topic: '楼道堆物清理',
        text: '由物业两周内清理各楼道堆物',
        partyLabel: '物业（安居物业）',
        // Its tracked item (决议跟踪), not started yet.
        status: 'not_started',
        statusLabel: '未开始',
        progress: 0,
        session: expect.objectContaining({ title: '十一月每月一议' }),
      }),
    ])
    expect(board.votes.items).toEqual([
      expect.objectContaining({ title: '楼道加装声控灯', electorate: expect.any(Number), participants: 2, inPublicity: true }),
    ])
    expect(board.votes.items[0].options.map((o: { count: number }) => o.count)).toEqual([1, 1, 0])
  })

  it('is empty for another month, and refuses a malformed month and an unknown community', async () => {
    const token = await t.tokenFor('wang')
    const empty = await (await t.call('GET', `/api/communities/${wenan}/board?month=2026-10`, { token })).json()
    expect([empty.concerns.total, empty.resolutions.total, empty.votes.total]).toEqual([0, 0, 0])
    const bad = await t.call('GET', `/api/communities/${wenan}/board?month=2026-13`, { token })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('month')
    const unknown = await t.call('GET', '/api/communities/00000000-0000-4000-8000-000000000000/board', { token })
    expect(unknown.status).toBe(404)
    expect((await t.call('GET', `/api/communities/${wenan}/board`)).status).toBe(401)
  })
})

describe('开放数据', () => {
  it('is a zip of UTF-8 CSVs with a BOM and a README, for anyone, without a name, a room or a phone', async () => {
    const res = await t.call('GET', `/api/communities/${wenan}/open-data.zip?month=2026-11`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(decodeURIComponent((res.headers.get('content-disposition') ?? '').split("UTF-8''")[1])).toBe('文安路社区-开放数据-2026-11.zip')
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'concerns.csv', 'kpis.csv', 'resolutions.csv', 'votes.csv'])
    // TextDecoder drops the BOM: look at the bytes.
    for (const [name, bytes] of Object.entries(files)) expect([...bytes.slice(0, 3)], name).toEqual([0xef, 0xbb, 0xbf])
    const text = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]))
    for (const [name, body] of Object.entries(text)) {
      for (const s of secrets) expect(withoutIds(body), `${name} carries ${s}`).not.toContain(s)
    }
    const lines = (name: string) => text[name].trimEnd().split('\r\n')
    expect(lines('concerns.csv')).toEqual([
      '编号,类别,地点,受理时间,办结时间,是否按时办结,状态,满意程度,是否重办',
      expect.stringMatching(/^WA-2026-\d{6},水电气热,3号楼,2026-11-23 09:00,2026-11-23 09:25,是,已结案,非常满意,否$/),
    ])
    expect(lines('kpis.csv')).toHaveLength(2)
    expect(lines('kpis.csv')[1]).toMatch(/^2026-11,文安路社区,2,/)
    expect(lines('resolutions.csv')[1]).toMatch(
      /^楼道堆物清理,由物业两周内清理各楼道堆物,物业,安居物业,2026-12-\d\d,2026-11-25 09:31,十一月每月一议,未开始,0$/,
    )
    expect(lines('votes.csv')).toHaveLength(2)
    expect(lines('votes.csv')[1]).toContain('同意 1；反对 1')
    expect(text['README.txt']).toContain('concerns.csv：诉求办理情况（1 行）')
  })

  it('refuses a malformed month (naming it) and an unknown community', async () => {
    const bad = await t.call('GET', `/api/communities/${wenan}/open-data.zip?month=11-2026`)
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('month')
    expect((await t.call('GET', '/api/communities/00000000-0000-4000-8000-000000000000/open-data.zip')).status).toBe(404)
  })
})
