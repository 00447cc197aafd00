import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoResourcePhones } from '../../db/seed-needs.js'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { uploadId } from '../helpers/concerns.js'
import { needId, resourceBody } from '../helpers/needs.js'

/**
 * 项目清单 through the API: 陈书记 matches a need to a resource as a project (社区 responsible, a
 * deadline, a budget); the project is tracked like a resolution — progress and photos through
 * the tracked item — shows on the need and on the 公示栏 without contacts, and its needs are 已解决
 * when it is done. The needs still without a project go into the 议事协商台账.
 */
let t: TestApp
const clock = new Date('2026-11-23T01:00:00Z').getTime()
const wenan = demo.community.wenan
const minzhu = demo.community.minzhu
const as = async (who: Parameters<TestApp['tokenFor']>[0]) => ({ token: await t.tokenFor(who) })
const json = async (r: Response) => {
  if (r.status >= 300) throw new Error(`${r.status} ${await r.text()}`)
  return r.json()
}
let meals: string
let light: string
let room: string
let projectId: string
let itemId: string

function projectBody(over: Record<string, unknown> = {}) {
  return {
    title: '独居老人助餐点',
    description: '借用物业会议室做助餐点，志愿者每周一至五为独居老人送午餐',
    needIds: [meals],
    resourceIds: [room],
    responsibleParty: 'community',
    deadline: '2026-12-31T18:00:00+08:00',
    budgetFen: 1_280_000,
    ...over,
  }
}

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock) })
  meals = demo.needId('meals')
  light = '楼道照明改造'
  const resources = await json(await t.call('GET', `/api/communities/${wenan}/resources`, await as('chen')))
  room = resources.items.find((r: { title: string }) => r.title === '物业会议室').id
})
afterAll(async () => t?.close())

describe('项目清单', () => {
  it('refuses bad input naming the field: no need, no resource, another community’s need, a past deadline', async () => {
    const post = async (body: Record<string, unknown>, who: Parameters<TestApp['tokenFor']>[0] = 'chen') =>
      t.call('POST', `/api/communities/${wenan}/projects`, { ...(await as(who)), body })
    const fieldOf = async (r: Response) => JSON.stringify((await r.json()).error.details?.fields ?? [])
    const noNeed = await post(projectBody({ needIds: [] }))
    expect(noNeed.status).toBe(400)
    expect(await fieldOf(noNeed)).toContain('needIds')
    const noResource = await post(projectBody({ resourceIds: [] }))
    expect(noResource.status).toBe(400)
    expect(await fieldOf(noResource)).toContain('请至少选择一项资源')
    const other = await needId(t, 'zheng', { title: '民主社区的楼道照明' }, minzhu)
    const foreign = await post(projectBody({ needIds: [other] }))
    expect(foreign.status).toBe(404)
    expect(await fieldOf(foreign)).toContain('needIds')
    const otherResource = await json(
      await t.call('POST', `/api/communities/${minzhu}/resources`, { ...(await as('zheng')), body: resourceBody() }),
    )
    const foreignResource = await post(projectBody({ resourceIds: [otherResource.id] }))
    expect(foreignResource.status).toBe(404)
    expect(await fieldOf(foreignResource)).toContain('resourceIds')
    const past = await post(projectBody({ deadline: '2026-11-01T18:00:00+08:00' }))
    expect(past.status).toBe(400)
    expect(await fieldOf(past)).toContain('deadline')
    const budget = await post(projectBody({ budgetFen: -1 }))
    expect(budget.status).toBe(400)
    expect(await fieldOf(budget)).toContain('budgetFen')
    const pending = await needId(t, 'wang', { title: '小区里加装健身器材' })
    const notListed = await post(projectBody({ needIds: [pending] }))
    expect(notListed.status).toBe(409)
    expect((await notListed.json()).error.code).toBe('NEED_NOT_LINKABLE')
    // A resident, a partner and another community's staff may not create one.
    expect((await post(projectBody(), 'wang')).status).toBe(403)
    expect((await post(projectBody(), 'anju')).status).toBe(403)
    expect((await post(projectBody(), 'zheng')).status).toBe(403)
    // Nothing was half-written.
    expect((await json(await t.call('GET', `/api/needs/${meals}`, await as('chen')))).status).toBe('open')
  })

  it('staff create a project: its needs are 项目实施中, it is tracked like a resolution', async () => {
    const res = await t.call('POST', `/api/communities/${wenan}/projects`, { ...(await as('chen')), body: projectBody() })
    expect(res.status).toBe(201)
    const p = await res.json()
    projectId = p.id
    itemId = p.tracking.itemId
    expect(p).toMatchObject({
      title: '独居老人助餐点',
      budgetFen: 1_280_000,
      budgetLabel: '¥12,800',
      needs: [{ id: meals, status: 'in_project', statusLabel: '项目实施中' }],
      resources: [{ id: room, title: '物业会议室', ownerLabel: '物业 · 安居物业' }],
      tracking: { status: 'not_started', progress: 0, partyLabel: '社区' },
      viewer: { canManage: true, canPostUpdate: true },
    })
    expect(p.resourceDetails[0].contact.phone).toBe(demoResourcePhones[0])
    // A need already in a project cannot be taken by another.
    const again = await t.call('POST', `/api/communities/${wenan}/projects`, {
      ...(await as('chen')),
      body: projectBody({ title: '第二个助餐点' }),
    })
    expect(again.status).toBe(409)
    expect(JSON.stringify(await again.json())).toContain('needIds')
    // The tracked item names its project as its source, and sits in 决议跟踪 beside the resolutions.
    const item = await json(await t.call('GET', `/api/tracked-items/${itemId}`, await as('chen')))
    expect(item.source).toMatchObject({ kind: 'project', projectId, title: '独居老人助餐点', topicId: null })
    const list = await json(await t.call('GET', `/api/communities/${wenan}/tracked-items`, await as('liu')))
    expect(list.items.map((i: { id: string }) => i.id)).toContain(itemId)
  })

  it('residents read the project and the need shows it, without contacts; outsiders get 404', async () => {
    const mine = await json(await t.call('GET', `/api/projects/${projectId}`, await as('wang')))
    expect(mine.resourceDetails[0].contact).toBeNull()
    expect(mine.viewer).toEqual({ canManage: false, canPostUpdate: false })
    const text = JSON.stringify(mine)
    for (const phone of demoResourcePhones) expect(text).not.toContain(phone)
    expect(text).not.toContain('孙经理')
    const need = await json(await t.call('GET', `/api/needs/${meals}`, await as('zhao')))
    expect(need).toMatchObject({ status: 'in_project', project: { id: projectId, title: '独居老人助餐点' } })
    const listed = await json(await t.call('GET', `/api/communities/${wenan}/projects`, await as('zhao')))
    expect(listed.items.map((p: { id: string }) => p.id)).toContain(projectId)
    expect((await t.call('GET', `/api/projects/${projectId}`, await as('zhou'))).status).toBe(404)
    expect((await t.call('GET', `/api/communities/${wenan}/projects`, await as('zhou'))).status).toBe(403)
    expect((await t.call('GET', '/api/projects/00000000-0000-4000-8000-000000000000', await as('chen'))).status).toBe(404)
    expect((await t.call('GET', '/api/projects/not-an-id', await as('chen'))).status).toBe(400)
  })

  it('progress with a photo goes through tracking and shows on the 公示栏 without personal data', async () => {
    const photo = await uploadId(t, 'liu')
    const posted = await t.call('POST', `/api/tracked-items/${itemId}/updates`, {
      ...(await as('liu')),
      body: { note: '助餐点已开张，首批 12 位老人用餐，联系电话 13812345678', progress: 40, photoIds: [photo] },
    })
    expect(posted.status).toBe(201)
    const board = await json(await t.call('GET', `/api/communities/${wenan}/board?month=2026-11`, await as('zhou')))
    const shown = board.projects.items.find((p: { id: string }) => p.id === projectId)
    expect(shown).toMatchObject({
      title: '独居老人助餐点',
      needs: ['独居老人助餐'],
      resources: ['物业会议室（安居物业）'],
      budgetLabel: '¥12,800',
      partyLabel: '社区',
      status: 'in_progress',
      progress: 40,
    })
    expect(shown.photos).toHaveLength(1)
    const text = JSON.stringify(board.projects)
    for (const phone of [...demoResourcePhones, '13812345678']) expect(text).not.toContain(phone)
    expect(text).not.toContain('孙经理')
    expect(text).not.toContain('刘网格')
    // Not on October's board: it did not exist yet.
    const october = await json(await t.call('GET', `/api/communities/${wenan}/board?month=2026-10`, await as('zhou')))
    expect(october.projects.items.map((p: { id: string }) => p.id)).not.toContain(projectId)
  })

  it('done: the needs are 已解决; reopened: 项目实施中 again', async () => {
    const done = await t.call('PATCH', `/api/tracked-items/${itemId}`, { ...(await as('chen')), body: { status: 'done' } })
    expect(done.status).toBe(200)
    expect((await json(await t.call('GET', `/api/needs/${meals}`, await as('wang')))).status).toBe('met')
    const list = await json(await t.call('GET', `/api/communities/${wenan}/projects?status=done`, await as('wang')))
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([projectId])
    const reopened = await t.call('PATCH', `/api/tracked-items/${itemId}`, { ...(await as('chen')), body: { status: 'in_progress' } })
    expect(reopened.status).toBe(200)
    expect((await json(await t.call('GET', `/api/needs/${meals}`, await as('wang')))).status).toBe('in_project')
  })

  it('staff change the links: a need added takes the project’s state, one taken out goes back; others may not', async () => {
    const links = async (body: Record<string, unknown>, who: Parameters<TestApp['tokenFor']>[0] = 'chen') =>
      t.call('PUT', `/api/projects/${projectId}/links`, { ...(await as(who)), body })
    const clinic = demo.resourceId('clinic')
    const extra = await needId(t, 'chen', { title: '老人用药咨询' })
    const changed = await links({ needIds: [meals, extra], resourceIds: [clinic] })
    expect(changed.status).toBe(200)
    const p = await changed.json()
    expect(p.needs.map((n: { id: string; status: string }) => [n.id, n.status])).toEqual([
      [meals, 'in_project'],
      [extra, 'in_project'],
    ])
    expect(p.resources.map((r: { id: string }) => r.id)).toEqual([clinic])
    const back = await links({ needIds: [extra], resourceIds: [room] })
    expect(back.status).toBe(200)
    expect((await json(await t.call('GET', `/api/needs/${meals}`, await as('wang')))).status).toBe('open')
    expect((await links({ needIds: [], resourceIds: [room] })).status).toBe(400)
    const other = await json(await t.call('GET', `/api/communities/${minzhu}/resources`, await as('zheng')))
    const foreign = await links({ needIds: [extra], resourceIds: [other.items[0].id] })
    expect(foreign.status).toBe(404)
    expect(JSON.stringify(await foreign.json())).toContain('resourceIds')
    expect((await links({ needIds: [extra], resourceIds: [room] }, 'wang')).status).toBe(403)
    expect((await links({ needIds: [extra], resourceIds: [room] }, 'zheng')).status).toBe(404)
    // Back as it was for the ledger below.
    expect((await links({ needIds: [meals], resourceIds: [room] })).status).toBe(200)
    expect((await json(await t.call('GET', `/api/needs/${extra}`, await as('wang')))).status).toBe('open')
  })

  it('a withdrawn resource leaves the list and new projects, and stays with the project using it', async () => {
    // A resident offers a skill, changes when she can, then withdraws it; others may not touch it.
    const offered = await json(
      await t.call('POST', `/api/communities/${wenan}/resources`, {
        ...(await as('wang')),
        body: resourceBody({ ownerKind: 'resident', ownerName: '王秀英', kind: 'skill', title: '教老人用智能手机' }),
      }),
    )
    const edited = await t.call('PATCH', `/api/resources/${offered.id}`, { ...(await as('wang')), body: { availability: '每周三下午' } })
    expect(await json(edited)).toMatchObject({ availability: '每周三下午', mine: true })
    expect((await t.call('PATCH', `/api/resources/${offered.id}`, { ...(await as('zhao')), body: { availability: '随时' } })).status).toBe(
      403,
    )
    const asUnit = await t.call('PATCH', `/api/resources/${offered.id}`, { ...(await as('wang')), body: { ownerKind: 'unit' } })
    expect(asUnit.status).toBe(400)
    expect(JSON.stringify(await asUnit.json())).toContain('ownerKind')
    expect((await t.call('PATCH', `/api/resources/${offered.id}`, { ...(await as('wang')), body: {} })).status).toBe(400)
    expect((await t.call('POST', `/api/resources/${offered.id}/withdraw`, await as('zheng'))).status).toBe(404)
    const gone = await json(await t.call('POST', `/api/resources/${offered.id}/withdraw`, await as('wang')))
    expect(gone.withdrawnAt).toBeTruthy()
    const listed = await json(await t.call('GET', `/api/communities/${wenan}/resources`, await as('chen')))
    expect(listed.items.map((r: { id: string }) => r.id)).not.toContain(offered.id)
    const again = await t.call('PATCH', `/api/resources/${offered.id}`, { ...(await as('wang')), body: { availability: '周末' } })
    expect((await again.json()).error.code).toBe('RESOURCE_WITHDRAWN')
    // A new project cannot use it (409 naming resourceIds) …
    const refused = await t.call('POST', `/api/communities/${wenan}/projects`, {
      ...(await as('chen')),
      body: projectBody({ needIds: [await needId(t, 'chen', { title: '老人学用手机' })], resourceIds: [offered.id] }),
    })
    expect(refused.status).toBe(409)
    expect(JSON.stringify(await refused.json())).toContain('resourceIds')
    // … while the project already using the 物业会议室 keeps it when staff withdraw it.
    expect((await t.call('POST', `/api/resources/${room}/withdraw`, await as('chen'))).status).toBe(200)
    const kept = await t.call('PUT', `/api/projects/${projectId}/links`, {
      ...(await as('chen')),
      body: { needIds: [meals], resourceIds: [room] },
    })
    expect(kept.status).toBe(200)
    expect((await kept.json()).resourceDetails[0]).toMatchObject({ id: room, withdrawnAt: expect.any(String) })
  })

  it('the 议事协商台账 lists the month’s projects and the needs still without a resource', async () => {
    const res = await t.call('GET', `/api/communities/${wenan}/ledgers/councils.xlsx?from=2026-11-01&to=2026-11-30`, await as('chen'))
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    expect(wb.worksheets.map((s) => s.name)).toEqual(['议事会议', '议题', '决议', '项目', '未匹配资源的需求', '道德银行积分'])
    const projects: unknown[][] = []
    wb.getWorksheet('项目')!.eachRow((r, i) => {
      if (i > 1) projects.push([1, 2, 3, 4, 5].map((c) => r.getCell(c).value))
    })
    // The demo's own project (seeded) first, then today's.
    expect(projects).toEqual([
      ['上门义务理发', '行动不便老人理发难', '义务理发（文安志愿者服务队）', '¥600', '社区'],
      ['独居老人助餐点', '独居老人助餐', '物业会议室（安居物业）', '¥12,800', '社区'],
    ])
    const unmatched: string[] = []
    wb.getWorksheet('未匹配资源的需求')!.eachRow((r, i) => {
      if (i > 1) unmatched.push(String(r.getCell(1).value))
    })
    expect(unmatched).toContain(light)
    expect(unmatched).not.toContain('独居老人助餐')
    // Pending proposals are not on the list yet.
    expect(unmatched).not.toContain('小区里加装健身器材')
    const all = JSON.stringify(wb.worksheets.map((s) => s.getSheetValues()))
    for (const phone of demoResourcePhones) expect(all).not.toContain(phone)
  })
})
