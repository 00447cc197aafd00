import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { concerns, streetMemberships, streets, users } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { issueToken } from '../../functions/auth/tokens.js'
import { startTestApp, testSecret, type DemoKey, type TestApp } from '../helpers/app.js'
import { actOk, raiseId, uploadId } from '../helpers/concerns.js'
import { acceptedTopic, createSession, registerAs, sessionAction } from '../helpers/councils.js'
import { castAs, openProposal, proposalAction, proposalBody } from '../helpers/votes.js'

/**
 * 台账: the data is made through the API (concerns raised, signed, resolved and rated; a council
 * with a topic and a resolution; a closed vote), each ledger downloaded and opened with exceljs.
 */
let t: TestApp
let clock = new Date('2026-11-23T01:00:00Z').getTime() // Monday 09:00 in Beijing
const minute = 60_000
const day = 24 * 60 * minute
const wenan = demo.community.wenan
const minzhu = demo.community.minzhu
const month = 'from=2026-11-01&to=2026-11-30'
let otherOfficial: string
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock), env: { SESSION_TTL_DAYS: '90' } })
  // An official of another street, to be refused.
  const { db } = t.database
  const [street] = await db.insert(streets).values({ districtId: demo.districtId, name: '解放街道' }).returning({ id: streets.id })
  const [official] = await db.insert(users).values({ nickname: '外街道干部' }).returning({ id: users.id })
  await db.insert(streetMemberships).values({ userId: official.id, streetId: street.id, role: 'street_admin' })
  otherOfficial = (await issueToken(official.id, testSecret, 30, new Date(clock))).token
  await makeData()
}, 120_000)
afterAll(() => t?.close())

async function makeData() {
  // A: 王秀英 at her flat (3号楼2单元302), writing her room and phone into the text: signed, arrived, resolved on time, rated 5.
  ids.a = await raiseId(t, 'wang', {
    category: 'utilities',
    description: '我家302室门口楼道的灯不亮了，晚上看不见台阶，电话13804110001',
    place: { kind: 'household', householdId: demo.household('wenan', 3, 2, '302') },
  })
  clock += 5 * minute
  await t.call('POST', `/api/concerns/${ids.a}/acknowledge`, { token: await t.tokenFor('liu'), body: {} })
  clock += 10 * minute
  await t.call('POST', `/api/concerns/${ids.a}/arrive`, { token: await t.tokenFor('liu'), body: { note: '已到现场' } })
  clock += 10 * minute
  await actOk(t, 'liu', ids.a, { action: 'resolve', note: '换了新灯管', photoIds: [await uploadId(t, 'liu')] })
  clock += minute
  await t.call('POST', `/api/concerns/${ids.a}/rating`, { token: await t.tokenFor('wang'), body: { rating: 5 } })

  // B: 赵晓梅 about 5号楼 (the second grid): resolved, rated 2 — unsatisfied, so it goes back to be done again.
  clock += 10 * minute
  ids.b = await raiseId(t, 'zhao', {
    category: 'facilities',
    description: '5号楼门口的健身器材坏了，锐利的断口容易伤到孩子',
    place: { kind: 'building', buildingId: demo.building('wenan', 5) },
  })
  clock += 10 * minute
  await t.call('POST', `/api/concerns/${ids.b}/acknowledge`, { token: await t.tokenFor('ma'), body: {} })
  clock += 60 * minute
  await t.call('POST', `/api/concerns/${ids.b}/arrive`, { token: await t.tokenFor('ma'), body: {} })
  await actOk(t, 'ma', ids.b, { action: 'resolve', note: '已拆除坏掉的器材', photoIds: [await uploadId(t, 'ma')] })
  clock += minute
  await t.call('POST', `/api/concerns/${ids.b}/rating`, { token: await t.tokenFor('zhao'), body: { rating: 2, comment: '只拆了没装新的' } })

  // C: 刘网格 files what he saw on his round, described by place text; nobody has signed it yet.
  clock += minute
  ids.c = await raiseId(t, 'liu', {
    category: 'sanitation',
    description: '小区东门垃圾桶满了没人清运，气味很大',
    place: { kind: 'text', text: '小区东门垃圾站' },
  })
  // In 民主社区: only the street's roll-up shows it.
  ids.d = await raiseId(t, 'zhou', {
    communityId: minzhu,
    category: 'noise',
    description: '楼下商铺晚上音响太吵，影响休息',
    place: { kind: 'building', buildingId: demo.building('minzhu', 2) },
  })

  // A council: 王秀英 books a topic, it is accepted, two register, one checks in, a resolution, minutes.
  const start = new Date(clock + 3 * day)
  const sessionId = await createSession(t, start, { title: '十一月每月一议' })
  const topicId = await acceptedTopic(t, sessionId)
  for (const who of ['wang', 'zhao'] as const) await registerAs(t, await t.tokenFor(who), sessionId)
  clock = start.getTime() - 20 * minute
  const code = (
    (await (await t.call('GET', `/api/sessions/${sessionId}`, { token: await t.tokenFor('liu') })).json()) as { checkInCode: string }
  ).checkInCode
  await t.call('POST', `/api/sessions/${sessionId}/check-in`, { token: await t.tokenFor('wang'), body: { code } })
  clock = start.getTime() + 5 * minute
  await sessionAction(t, 'chen', sessionId, { action: 'start' }, 200)
  const deadline = new Date(start.getTime() + 14 * day)
  const resolution = await t.call('POST', `/api/topics/${topicId}/resolution`, {
    token: await t.tokenFor('chen'),
    body: { text: '由物业两周内清理各楼道堆物', responsibleParty: 'property_company', deadline: deadline.toISOString() },
  })
  expect(resolution.status).toBe(200)
  await sessionAction(t, 'chen', sessionId, { action: 'conclude' }, 200)
  const minutes = await t.call('POST', `/api/sessions/${sessionId}/minutes`, {
    token: await t.tokenFor('chen'),
    body: { text: '本次每月一议讨论了楼道堆物清理，形成决议：由物业两周内清理。', attendeeCount: 12 },
  })
  expect(minutes.status).toBe(200)

  // A vote of the residents: 王秀英 for, 赵晓梅 against, closed by staff.
  clock += 10 * minute
  ids.vote = await openProposal(t, proposalBody(new Date(clock)))
  expect((await castAs(t, 'wang', ids.vote, ['yes'])).status).toBe(201)
  expect((await castAs(t, 'zhao', ids.vote, ['no'])).status).toBe(201)
  clock += 10 * minute
  expect((await proposalAction(t, ids.vote, { action: 'close' })).status).toBe(200)
}

async function download(who: DemoKey | string, path: string) {
  const token = who.includes('.') ? who : await t.tokenFor(who as DemoKey)
  return t.call('GET', path, { token })
}

async function workbookOf(res: Response) {
  expect(res.status).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await res.arrayBuffer())
  return wb
}

/** Each sheet's rows as text, the header first. */
function rowsOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = []
  const width = sheet.getRow(1).cellCount
  sheet.eachRow((row) => {
    const values = Array.from({ length: width }, (_, i) => row.getCell(i + 1).value)
    rows.push(values.map((v) => (v instanceof Date ? v.toISOString() : v == null ? '' : String(v))))
  })
  return rows
}

function allText(wb: ExcelJS.Workbook): string {
  return wb.worksheets.map((s) => rowsOf(s).flat().join('\n')).join('\n')
}

describe('诉求办理台账', () => {
  it('has one row per concern received in the period, in Chinese, with China-time dates, a frozen header and a filter', async () => {
    const res = await download('chen', `/api/communities/${wenan}/ledgers/concerns.xlsx?${month}`)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const disposition = res.headers.get('content-disposition') ?? ''
    expect(disposition).toContain('filename="linli-concerns-2026-11.xlsx"')
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe('文安路社区-诉求办理台账-2026-11.xlsx')
    const wb = await workbookOf(res)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['诉求办理台账'])
    const sheet = wb.worksheets[0]
    const [header, ...rows] = rowsOf(sheet)
    expect(header).toEqual([
      '编号',
      '受理时间',
      '类别',
      '地点',
      '内容',
      '来源',
      '网格',
      '承办人/单位',
      '签收时间',
      '签收是否按时',
      '到场时间',
      '到场是否按时',
      '办结时间',
      '办结是否按时',
      '结果',
      '评价（1–5 分）',
      '满意程度',
      '是否重办',
      '结案时间',
    ])
    expect(rows).toHaveLength(3)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBe('A1:S1')
    expect(sheet.getColumn(5).width).toBeGreaterThan(30)

    const [a, b, c] = rows
    expect(a[0]).toMatch(/^WA-2026-\d{6}$/)
    // Received 09:00 Beijing time: the cell shows 09:00 (Excel has no zones; the serial holds China time).
    expect(a[1]).toBe('2026-11-23T09:00:00.000Z')
    expect(sheet.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm')
    expect(a.slice(2, 8)).toEqual([
      '水电气热',
      '3号楼',
      '我家＊＊＊门口楼道的灯不亮了，晚上看不见台阶，电话＊＊＊',
      '居民（小程序）',
      '第一网格',
      '刘网格',
    ])
    expect([a[9], a[11], a[13]]).toEqual(['按时', '按时', '按时'])
    expect(a.slice(14)).toEqual(['已结案', '5', '非常满意', '否', expect.stringMatching(/^2026-11-23T09:2/)])
    expect(b.slice(2, 4)).toEqual(['公共设施', '5号楼'])
    expect(b[6]).toBe('第二网格')
    expect([b[14], b[15], b[16], b[17]]).toEqual(['重新办理', '2', '不满意', '是'])
    expect(c.slice(2, 7)).toEqual(['环境卫生', '小区东门垃圾站', '小区东门垃圾桶满了没人清运，气味很大', '工作人员巡查', '社区'])
    expect(c[8]).toBe('')
    expect(c[9]).toBe('已超时未完成') // nobody signed it in the three days since
  })

  it('never carries a room number or a phone number, whatever the resident wrote', async () => {
    const wb = await workbookOf(await download('liu', `/api/communities/${wenan}/ledgers/concerns.xlsx?${month}`))
    const text = allText(wb)
    for (const secret of ['302', '13804110001', '13904110002', '王秀英', '赵晓梅']) expect(text).not.toContain(secret)
  })

  it('rolls the street up with one sheet per community, for the street’s official', async () => {
    const res = await download('wangjd', `/api/streets/${demo.streetId}/ledgers/concerns.xlsx?${month}`)
    const disposition = res.headers.get('content-disposition') ?? ''
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe('人民路街道-诉求办理台账-2026-11.xlsx')
    const wb = await workbookOf(res)
    expect(wb.worksheets.map((s) => s.name).sort()).toEqual(['兴华社区', '文安路社区', '民主社区'].sort())
    expect(rowsOf(wb.getWorksheet('文安路社区')!)).toHaveLength(4)
    expect(rowsOf(wb.getWorksheet('民主社区')!)).toHaveLength(2)
    expect(rowsOf(wb.getWorksheet('兴华社区')!)).toHaveLength(1)
    expect(allText(wb)).not.toContain('302')
  })

  it('leaves out what was received outside the period', async () => {
    const wb = await workbookOf(await download('chen', `/api/communities/${wenan}/ledgers/concerns.xlsx?from=2026-10-01&to=2026-10-31`))
    expect(rowsOf(wb.worksheets[0])).toHaveLength(1)
  })

  it('pages through a long period in receipt order, public and private concerns interleaved, each once', async () => {
    // 兴华社区: 450 concerns inserted directly, two at each minute (the same time: the id decides),
    // every third one private — more than two pages of each half.
    const start = new Date('2026-11-02T00:00:00Z').getTime()
    const rows = Array.from({ length: 450 }, (_, i) => ({
      communityId: demo.community.xinghua,
      publicNo: `XH-2026-${String(900000 + i)}`,
      authorId: demo.user.he,
      category: 'other' as const,
      description: `第${i}件：小区里的一件事，请处理`,
      buildingId: demo.building('xinghua', 1),
      visibility: i % 3 === 0 ? ('private' as const) : ('public' as const),
      createdAt: new Date(start + Math.floor(i / 2) * minute),
      acknowledgeDueAt: new Date(start + Math.floor(i / 2) * minute + day),
    }))
    const inserted = await t.database.db.insert(concerns).values(rows).returning({ id: concerns.id, publicNo: concerns.publicNo })
    const byId = new Map(inserted.map((r) => [r.id, r.publicNo]))
    const expected = [...rows.map((r, i) => ({ ...r, id: inserted[i].id }))]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((r) => byId.get(r.id))
    const wb = await workbookOf(await download('he', `/api/communities/${demo.community.xinghua}/ledgers/concerns.xlsx?${month}`))
    const numbers = rowsOf(wb.worksheets[0])
      .slice(1)
      .map((r) => r[0])
    expect(numbers).toEqual(expected)
  })
})

describe('议事协商台账', () => {
  it('has a sheet of sessions, one of topics and one of resolutions', async () => {
    const res = await download('wangjd', `/api/communities/${wenan}/ledgers/councils.xlsx?${month}`)
    const wb = await workbookOf(res)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['议事会议', '议题', '决议', '项目', '未匹配资源的需求', '道德银行积分'])
    const [sessionHeader, session, ...more] = rowsOf(wb.getWorksheet('议事会议')!)
    expect(more).toHaveLength(0)
    expect(sessionHeader.slice(0, 10)).toEqual([
      '会议类型',
      '会议主题',
      '开始时间',
      '结束时间',
      '地点',
      '主持人',
      '记录员',
      '报名人数',
      '签到人数',
      '缺席人数',
    ])
    expect(session.slice(0, 2)).toEqual(['每月一议', '十一月每月一议'])
    expect(session[4]).toBe('睦邻议事厅')
    expect(session.slice(7, 12)).toEqual(['2', '1', '1', '1', '纪要已发布'])
    const [topicHeader, topic] = rowsOf(wb.getWorksheet('议题')!)
    expect(topicHeader).toEqual(['会议', '会议日期', '议题', '来源', '关联诉求', '提出人', '申报时间', '处理结果', '说明'])
    expect([topic[2], topic[3], topic[5], topic[7]]).toEqual(['楼道堆物清理', '居民申报', '王秀英', '已列入议程'])
    const [resolutionHeader, resolution] = rowsOf(wb.getWorksheet('决议')!)
    expect(resolutionHeader.slice(0, 8)).toEqual(['会议', '议题', '决议事项', '表决方式', '表决结果', '责任方', '时限', '进度'])
    expect(resolution.slice(1, 6)).toEqual(['楼道堆物清理', '由物业两周内清理各楼道堆物', '会议议定', '通过', '物业'])
    expect(resolution[6]).toMatch(/^2026-12-10T/) // shown as a China day
    expect(wb.getWorksheet('决议')!.getCell('G2').numFmt).toBe('yyyy-mm-dd')
    // The 道德银行's month in totals by kind (no names): the check-in above earned its points.
    const [pointsHeader, ...byKind] = rowsOf(wb.getWorksheet('道德银行积分')!)
    expect(pointsHeader).toEqual(['类别', '笔数', '积分'])
    expect(byKind.map((r) => r[0])).toEqual([
      '议事会签到',
      '代办服务',
      '志愿服务',
      '好人好事',
      '爱心超市兑换',
      '兑换退回',
      '更正',
      '发放合计',
      '净变动（发放 − 兑换 + 退回 ± 更正）',
    ])
    const checkIns = byKind[0]
    expect(Number(checkIns[1])).toBeGreaterThanOrEqual(1)
    expect(Number(checkIns[2])).toBeGreaterThan(0)
    const total = (rows: string[][], col: number) => rows.reduce((n, r) => n + Number(r[col]), 0)
    expect(Number(byKind[7][2])).toBe(total(byKind.slice(0, 4), 2))
    expect(Number(byKind[8][2])).toBe(total(byKind.slice(0, 7), 2))
    expect(JSON.stringify(byKind)).not.toMatch(/王秀英|赵晓梅/)
  })

  it('names each sheet after its community in the street’s roll-up', async () => {
    const wb = await workbookOf(await download('wangjd', `/api/streets/${demo.streetId}/ledgers/councils.xlsx?${month}`))
    expect(wb.worksheets.map((s) => s.name)).toContain('文安路社区-议事会议')
    expect(wb.worksheets).toHaveLength(18)
  })
})

describe('投票表决台账', () => {
  it('has one row per vote with the roll, participation, thresholds and outcome, and no one’s choice', async () => {
    const wb = await workbookOf(await download('chen', `/api/communities/${wenan}/ledgers/votes.xlsx?${month}`))
    const [header, vote, ...more] = rowsOf(wb.worksheets[0])
    expect(more).toHaveLength(0)
    expect(header.slice(0, 5)).toEqual(['表决事项', '所属议事会', '投票范围', '计票单位', '表决规则'])
    expect(vote.slice(0, 5)).toEqual(['楼道加装声控灯', '独立表决', '本社区认证居民', '每人一票', '简单多数'])
    expect(header.slice(7, 17)).toEqual([
      '名册（人/户）',
      '名册面积（m²）',
      '参与（人/户）',
      '参与率（人/户）',
      '参与面积（m²）',
      '参与率（面积）',
      '参与门槛',
      '通过门槛',
      '结果',
      '状态',
    ])
    expect(vote[9]).toBe('2')
    expect([vote[13], vote[14], vote[15]]).toEqual(['不设', '1/2', '未通过'])
    const text = allText(wb)
    for (const who of ['王秀英', '赵晓梅', demo.user.wang, demo.user.zhao, '302', '501']) expect(text).not.toContain(who)
  })
})

describe('who may download, and bad input', () => {
  const path = (kind = 'concerns', q = month, community = wenan) => `/api/communities/${community}/ledgers/${kind}.xlsx?${q}`

  it('refuses residents, partners and other communities’ staff with 403, and another street’s official too', async () => {
    for (const who of ['wang', 'anju', 'wu', 'zheng'] as const) {
      const res = await download(who, path())
      expect(res.status, who).toBe(403)
      expect((await res.json()).error.code).toBe('FORBIDDEN')
    }
    expect((await download(otherOfficial, path())).status).toBe(403)
    expect((await download(otherOfficial, `/api/streets/${demo.streetId}/ledgers/votes.xlsx?${month}`)).status).toBe(403)
    expect((await download('chen', `/api/streets/${demo.streetId}/ledgers/votes.xlsx?${month}`)).status).toBe(403)
    expect((await download('wang', path('votes'))).status).toBe(403)
    expect((await t.call('GET', path())).status).toBe(401)
  })

  it('lets each community’s own staff download theirs', async () => {
    expect((await download('wu', path('concerns', month, minzhu))).status).toBe(200)
    expect((await download('ma', path('votes'))).status).toBe(200)
  })

  it('answers 404 for a ledger that does not exist, an unknown community or street', async () => {
    for (const p of [
      path('payments'),
      path('concerns', month, '00000000-0000-4000-8000-000000000000'),
      `/api/streets/00000000-0000-4000-8000-000000000000/ledgers/concerns.xlsx?${month}`,
      `/api/communities/${wenan}/ledgers/concerns.csv?${month}`,
    ]) {
      const res = await download('chen', p)
      expect(res.status, p).toBe(404)
    }
  })

  it('answers 400 naming the field for a period over three years or one that ends before it starts', async () => {
    const cases: [string, string][] = [
      ['from=2023-01-01&to=2026-01-01', 'to'],
      ['from=2026-11-30&to=2026-11-01', 'to'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['to=2026-11-30', 'from'],
    ]
    for (const [q, field] of cases) {
      const res = await download('chen', path('concerns', q))
      expect(res.status, q).toBe(400)
      const body = await res.json()
      expect(body.error.code).toBe('VALIDATION_FAILED')
      expect(body.error.details.fields.map((f: { path: string }) => f.path)).toContain(field)
    }
    // Exactly three years is allowed.
    expect((await download('chen', path('concerns', 'from=2024-01-01&to=2026-12-31'))).status).toBe(200)
  })
})
