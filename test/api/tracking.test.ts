import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type DemoKey, type TestApp } from '../helpers/app.js'
import { detail, raiseId, uploadId } from '../helpers/concerns.js'
import { createSession, registerAs, sessionAction } from '../helpers/councils.js'
import { publicTrackedItems } from '../../functions/tracking/index.js'
import { approvedProposalItem } from '../helpers/tracking.js'

/** Resolution tracking (issue 12 item 2): items from resolutions and approved votes, their moves, who may do what, the jobs. */
let t: TestApp
let clock = new Date('2026-12-01T01:00:00Z').getTime()
const day = 86400_000
const cron = 'tracking-cron-secret-0123456789'
const wenan = demo.community.wenan

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock), env: { SESSION_TTL_DAYS: '90', CRON_SECRET: cron } })
})
afterAll(() => t?.close())

async function call(who: DemoKey, method: string, path: string, body?: unknown) {
  return t.call(method, path, { token: await t.tokenFor(who), body })
}
async function json(res: Response) {
  return (await res.json()) as Record<string, any>
}
async function tick() {
  return json(await t.call('GET', '/api/jobs/tick', { headers: { authorization: `Bearer ${cron}` } }))
}
const item = (who: DemoKey, id: string) => call(who, 'GET', `/api/tracked-items/${id}`)
const patch = (who: DemoKey, id: string, body: unknown) => call(who, 'PATCH', `/api/tracked-items/${id}`, body)
const post = (who: DemoKey, id: string, body: unknown) => call(who, 'POST', `/api/tracked-items/${id}/updates`, body)

let concernId: string
let sessionId: string
let propertyItem: string
let workerItem: string

describe('resolution tracking', () => {
  it('tracks every resolution recorded in session, with its party, deadline and a named worker', async () => {
    concernId = await raiseId(t, 'wang', { category: 'sanitation', description: '3号楼楼道堆满杂物，消防通道被堵' })
    const start = new Date(clock + 5 * day)
    sessionId = await createSession(t, start, {
      kind: 'special_topic',
      title: '楼道治理专题议事会',
      invitedParties: [{ kind: 'property_company', name: '安居物业' }],
    })
    const book = async (title: string, extra: Record<string, unknown> = {}) =>
      (
        await json(
          await call('wang', 'POST', `/api/sessions/${sessionId}/topics`, { title, reason: '请大家一起议一议这件事怎么办', ...extra }),
        )
      ).id as string
    const t1 = await book('楼道堆物清理', { concernId })
    const t2 = await book('单元门禁维修')
    expect(
      (
        await call('liu', 'POST', `/api/topics/${t1}/decision`, {
          action: 'accept',
          order: 1,
          minutes: 30,
          answer: '已列入议程，请准时参加',
        })
      ).status,
    ).toBe(200)
    const tooShort = await call('liu', 'POST', `/api/topics/${t2}/decision`, { action: 'accept', order: 2, minutes: 20, answer: '好' })
    expect((await json(tooShort)).error.details.fields[0].path).toBe('answer')
    await call('liu', 'POST', `/api/topics/${t2}/decision`, { action: 'accept', order: 2, minutes: 20 })
    // The written answer reaches the proposer, on the topic and in her messages.
    expect((await json(await call('wang', 'GET', `/api/topics/${t1}`))).decisionReason).toBe('已列入议程，请准时参加')
    const told = (await json(await call('wang', 'GET', '/api/notifications'))).items.find((n: { body: string }) => n.body.includes('答复'))
    expect(told.body).toContain('答复：已列入议程，请准时参加')
    await sessionAction(t, 'chen', sessionId, { action: 'fix_agenda' }, 200)
    await registerAs(t, await t.tokenFor('wang'), sessionId)
    clock = start.getTime() + 5 * 60_000
    await sessionAction(t, 'chen', sessionId, { action: 'start' }, 200)

    const deadline = new Date(clock + 30 * day).toISOString()
    const r1 = await call('chen', 'POST', `/api/topics/${t1}/resolution`, {
      text: '由物业两周内清理楼道堆物',
      responsibleParty: 'property_company',
      deadline,
    })
    expect(r1.status).toBe(200)
    const notWorker = await call('chen', 'POST', `/api/topics/${t2}/resolution`, {
      text: '社区联系维修单位修好门禁',
      responsibleParty: 'community',
      responsibleUserId: demo.user.wang,
      deadline,
    })
    expect(notWorker.status).toBe(400)
    expect((await json(notWorker)).error.details.fields[0].path).toBe('responsibleUserId')
    const r2 = await call('chen', 'POST', `/api/topics/${t2}/resolution`, {
      text: '社区联系维修单位修好门禁',
      responsibleParty: 'community',
      responsibleUserId: demo.user.liu,
      deadline: new Date(clock + 7 * day).toISOString(),
    })
    expect(r2.status).toBe(200)

    const list = await json(await call('chen', 'GET', `/api/communities/${wenan}/tracked-items?sessionId=${sessionId}`))
    expect(list.counts).toMatchObject({ all: 2, not_started: 2, overdue: 0 })
    const [first, second] = list.items
    expect(first).toMatchObject({
      text: '社区联系维修单位修好门禁',
      partyLabel: '社区（刘网格）',
      worker: { name: '刘网格' },
      status: 'not_started',
    })
    expect(second).toMatchObject({ partyLabel: '物业（安居物业）', concern: { publicNo: expect.stringMatching(/^WA-/) } })
    workerItem = first.id
    propertyItem = second.id

    // The session page shows each resolution's progress and the way to its item.
    const agenda = (await json(await call('wang', 'GET', `/api/sessions/${sessionId}`))).agenda
    expect(agenda.map((a: { resolution: { tracking: unknown } }) => a.resolution.tracking)).toEqual([
      { itemId: propertyItem, status: 'not_started', statusLabel: '未开始', progress: 0, overdue: false },
      { itemId: workerItem, status: 'not_started', statusLabel: '未开始', progress: 0, overdue: false },
    ])

    // Residents read it without names: no worker, no concern number.
    const asResident = await json(await item('wang', workerItem))
    expect(asResident).toMatchObject({
      partyLabel: '社区',
      worker: null,
      concern: null,
      viewer: { canManage: false, canPostUpdate: false },
    })
    expect(JSON.stringify(asResident)).not.toContain('刘网格')
  })

  it('refuses bad input naming the field, and unknown items with 404', async () => {
    const tooMuch = await patch('chen', propertyItem, { progress: 101 })
    expect(tooMuch.status).toBe(400)
    expect((await json(tooMuch)).error.details.fields[0]).toMatchObject({ path: 'progress', message: '进度不能大于 100' })
    const negative = await post('chen', propertyItem, { note: '开始清理', progress: -1 })
    expect((await json(negative)).error.details.fields[0].path).toBe('progress')
    const noReason = await patch('chen', propertyItem, { status: 'shelved' })
    expect(noReason.status).toBe(400)
    expect((await json(noReason)).error.details.fields[0]).toMatchObject({ path: 'reason', message: '搁置须填写原因' })
    const nothing = await patch('chen', propertyItem, {})
    expect(nothing.status).toBe(400)
    expect((await item('chen', '00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await patch('chen', '00000000-0000-4000-8000-000000000000', { progress: 10 })).status).toBe(404)
  })

  it('lets each role do what it may: staff edit, the named party posts, residents read, others see nothing', async () => {
    expect((await patch('wang', propertyItem, { progress: 10 })).status).toBe(403)
    expect((await post('wang', propertyItem, { note: '我看到有人在清理了' })).status).toBe(403)
    expect((await item('zhou', propertyItem)).status).toBe(404)
    expect((await patch('zhou', propertyItem, { progress: 10 })).status).toBe(404)
    expect((await patch('zheng', propertyItem, { progress: 10 })).status).toBe(404)
    expect((await call('zhou', 'GET', `/api/communities/${wenan}/tracked-items`)).status).toBe(403)
    expect((await call('wangjd', 'GET', `/api/communities/${wenan}/tracked-items`)).status).toBe(200)
    expect((await patch('wangjd', propertyItem, { progress: 10 })).status).toBe(403)
    // 安居物业 is named on the 物业 item: it reads and posts there, never edits, and does not see the worker's item.
    expect((await patch('anju', propertyItem, { progress: 10 })).status).toBe(403)
    expect((await item('anju', workerItem)).status).toBe(404)
    const anjuList = await json(await call('anju', 'GET', `/api/communities/${wenan}/tracked-items?sessionId=${sessionId}`))
    expect(anjuList.items.map((i: { id: string }) => i.id)).toEqual([propertyItem])

    const photo = await uploadId(t, 'anju')
    const posted = await post('anju', propertyItem, { note: '3号楼楼道已清理完毕', progress: 100, photoIds: [photo] })
    expect(posted.status).toBe(201)
    const after = await json(posted)
    // A partner's 100 % waits for the community to confirm.
    expect(after).toMatchObject({ status: 'in_progress', progress: 100 })
    expect(after.updates.at(-1)).toMatchObject({
      byLabel: '安居物业',
      note: '3号楼楼道已清理完毕',
      photos: [expect.objectContaining({ id: photo })],
    })
    const proposerNotes = await json(await call('wang', 'GET', '/api/notifications'))
    expect(proposerNotes.items[0].title).toBe('决议事项进行中：楼道堆物清理')
  })

  it('moves the linked concern with the item: done → resolved, with a timeline event and the photos', async () => {
    expect((await json(await detail(t, 'wang', concernId))).status).toBe('in_progress')
    clock += 3 * day
    const done = await json(await patch('chen', propertyItem, { status: 'done', note: '经现场查看，楼道已清理干净' }))
    expect(done).toMatchObject({ status: 'done', statusLabel: '已完成', progress: 100, completedAt: expect.any(String) })
    const concern = await json(await detail(t, 'wang', concernId))
    expect(concern.status).toBe('resolved')
    expect(concern.timeline.at(-1)).toMatchObject({ action: 'resolve', note: '决议事项已完成：经现场查看，楼道已清理干净' })
    expect(concern.timeline.at(-1).photos).toHaveLength(1)
    // 已完成 only reopens to 进行中; progress alone is refused on a finished item.
    expect((await patch('chen', propertyItem, { status: 'not_started' })).status).toBe(409)
    expect((await patch('chen', propertyItem, { progress: 50 })).status).toBe(409)
  })

  it('shelves with a reason, and tells the responsible worker and the admins once when an item is overdue', async () => {
    const started = await json(await post('liu', workerItem, { note: '已联系门禁维修公司', progress: 30 }))
    expect(started).toMatchObject({ status: 'in_progress', progress: 30 })
    clock += 8 * day
    const first = await tick()
    const second = await tick()
    expect(first.trackedOverdue).toBe(1)
    expect(second.trackedOverdue).toBe(0)
    const liuNotes = (await json(await call('liu', 'GET', '/api/notifications?limit=50'))).items.filter((n: { title: string }) =>
      n.title.startsWith('决议事项逾期'),
    )
    expect(liuNotes).toHaveLength(1)
    expect(liuNotes[0]).toMatchObject({ title: '决议事项逾期：单元门禁维修', sessionId })
    const overdue = await json(await call('chen', 'GET', `/api/communities/${wenan}/tracked-items?filter=overdue`))
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([workerItem])
    expect(overdue.items[0].overdue).toBe(true)

    const shelved = await json(await patch('chen', workerItem, { status: 'shelved', reason: '门禁系统整体更换，等待街道统一招标' }))
    expect(shelved).toMatchObject({ status: 'shelved', shelvedReason: '门禁系统整体更换，等待街道统一招标', overdue: false })
    expect(shelved.updates.at(-1).note).toBe('事项搁置：门禁系统整体更换，等待街道统一招标')
  })

  it('tracks an approved proposal standing alone: 社区 responsible, 30 days', async () => {
    const id = await approvedProposalItem(t, new Date(clock))
    const got = await json(await item('wang', id))
    expect(got).toMatchObject({ partyLabel: '社区', status: 'not_started', source: { kind: 'proposal', sessionId: null } })
    expect(new Date(got.deadline).getTime()).toBe(clock + 30 * day)
    expect(got.text).toContain('表决通过「东门加装非机动车棚」')
  })

  it('tells staff once about a resident’s topic left without an answer past the community’s limit', async () => {
    const later = await createSession(t, new Date(clock + 30 * day), { title: '一月每月一议' })
    const booked = await call('wang', 'POST', `/api/sessions/${later}/topics`, {
      title: '小区绿化补种',
      reason: '中心花园的草坪秃了好几块',
    })
    expect(booked.status).toBe(201)
    clock += 13 * day
    expect((await tick()).topicsUnanswered).toBe(0)
    clock += 2 * day
    expect((await tick()).topicsUnanswered).toBe(1)
    expect((await tick()).topicsUnanswered).toBe(0)
    const notes = (await json(await call('chen', 'GET', '/api/notifications?limit=50'))).items
    expect(notes.filter((n: { title: string }) => n.title.includes('未答复'))).toEqual([
      expect.objectContaining({ title: '1 个居民议题超过 14 天未答复', body: expect.stringContaining('「小区绿化补种」') }),
    ])
  })

  it('gives the 公示栏 a de-identified read of the community’s items', async () => {
    const board = await publicTrackedItems(t.database.db, wenan, { now: new Date(clock) })
    const done = board.find((i) => i.id === propertyItem)
    expect(done).toMatchObject({ partyLabel: '物业（安居物业）', status: 'done', statusLabel: '已完成', progress: 100, overdue: false })
    expect(done?.photos).toHaveLength(1)
    expect(board.find((i) => i.id === workerItem)).toMatchObject({ partyLabel: '社区', status: 'shelved' })
    const text = JSON.stringify(board)
    for (const hidden of ['刘网格', '王秀英', 'WA-', 'concern', 'worker']) expect(text).not.toContain(hidden)
  })

  it('takes the community’s own answer limit, set by its admin with the milestone limits', async () => {
    const bad = await call('chen', 'PUT', `/api/communities/${wenan}/limits`, { overrides: {}, topicAnswerDays: 0 })
    expect(bad.status).toBe(400)
    expect((await json(bad)).error.details.fields[0].path).toBe('topicAnswerDays')
    expect((await call('liu', 'PUT', `/api/communities/${wenan}/limits`, { overrides: {}, topicAnswerDays: 3 })).status).toBe(403)
    const set = await json(await call('chen', 'PUT', `/api/communities/${wenan}/limits`, { overrides: {}, topicAnswerDays: 3 }))
    expect(set.topicAnswerDays).toBe(3)
    const later = await createSession(t, new Date(clock + 30 * day), { title: '二月每月一议' })
    await call('wang', 'POST', `/api/sessions/${later}/topics`, { title: '健身器材维修', reason: '小广场的健身器材坏了两件' })
    clock += 4 * day
    expect((await tick()).topicsUnanswered).toBe(1)
    expect((await json(await call('wang', 'GET', `/api/communities/${wenan}/limits`))).topicAnswerDays).toBe(3)
  })

  it('backfills, in the migration, an item for every recorded resolution and approved standalone proposal', async () => {
    const { db } = t.database
    const rows = async () =>
      (
        (await db.execute(
          sql`select topic_id, proposal_id, text, party, deadline from tracked_items where project_id is null order by text`,
        )) as { rows: unknown[] }
      ).rows
    const before = await rows()
    // Projects' items (项目清单, later than this migration) are not its business.
    await db.execute(sql`delete from tracked_items where project_id is null`)
    const migration = readFileSync(new URL('../../db/migrations/0010_resolution_tracking.sql', import.meta.url), 'utf8')
    const backfill = migration.split('--> statement-breakpoint').filter((s) => s.trim().startsWith('-- Backfill'))
    expect(backfill).toHaveLength(2)
    for (const statement of backfill) await db.execute(sql.raw(statement))
    const after = await rows()
    expect(after).toEqual(before)
    expect(after).toHaveLength(3)
  })
})
