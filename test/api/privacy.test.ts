import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, concerns, photos, users, voteBallots } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { actOk, detail, raiseId, uploadId } from '../helpers/concerns.js'
import { startFakeWechat } from '../helpers/fake-wechat.js'
import { castAs, openProposal, proposalBody } from '../helpers/votes.js'

/**
 * Personal information (个人信息保护法 art. 45, 47): a resident downloads their own data and
 * deletes their account; what they gave the community stays, without them. Staff actions are
 * kept in an audit log the community's admins read.
 */
let t: TestApp
let wechat: Awaited<ReturnType<typeof startFakeWechat>>
let concernId: string
let proposalId: string
let wangToken: string

beforeAll(async () => {
  wechat = await startFakeWechat()
  t = await startTestApp({ wechatBase: wechat.base })
  await t.database.db.update(users).set({ openid: 'o_wang' }).where(eq(users.id, demo.user.wang))
  const photo = await uploadId(t, 'wang')
  await uploadId(t, 'wang', { color: '#1abc9c' }) // uploaded, never attached
  concernId = await raiseId(t, 'wang', { description: '3号楼2单元楼道的灯坏了，晚上看不见台阶', anonymous: false, photoIds: [photo] })
  await actOk(t, 'liu', concernId, { action: 'accept' })
  proposalId = await openProposal(t, proposalBody(new Date()))
  expect((await castAs(t, 'wang', proposalId, ['yes'])).status).toBe(201)
  expect((await castAs(t, 'zhao', proposalId, ['no'])).status).toBe(201)
  wangToken = await t.tokenFor('wang')
}, 120_000)
afterAll(async () => {
  await t?.close()
  await wechat?.close()
})

describe('GET /api/me/export', () => {
  it('gives a resident everything kept about them, as a JSON download, and nothing about anyone else', async () => {
    const res = await t.call('GET', '/api/me/export', { token: wangToken })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="linli-my-data-\d{4}-\d{2}-\d{2}\.json"$/)
    const data = await res.json()
    expect(data.profile).toMatchObject({ id: demo.user.wang, nickname: '王秀英', phone: '13804110001', wechatLinked: true })
    expect(data.claims).toEqual([
      expect.objectContaining({ status: 'verified', relation: 'owner', address: expect.stringContaining('302') }),
    ])
    expect(data.concerns.map((c: { id: string }) => c.id)).toContain(concernId)
    expect(data.photos).toHaveLength(2)
    expect(data.following.map((f: { concernId: string }) => f.concernId)).toContain(concernId)
    // Her own ballot with her own choice; zhao's ballot in the same vote is not hers to see.
    expect(data.ballots).toEqual([expect.objectContaining({ proposalId, choices: ['yes'] })])
    const text = JSON.stringify(data)
    for (const other of [demo.user.zhao, '赵晓梅', '13904110002']) expect(text).not.toContain(other)
  })
})

describe('DELETE /api/me', () => {
  it('asks for the confirmation word, naming the field', async () => {
    const res = await t.call('DELETE', '/api/me', { token: wangToken, body: { confirm: '确定' } })
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.message).toBe('请在「confirm」中填写「注销」以确认注销账号')
    expect(error.details.fields[0].path).toBe('confirm')
  })

  it('deletes the account: tokens stop working, contributions stay de-identified, ballots stay counted and secret', async () => {
    const res = await t.call('DELETE', '/api/me', { token: wangToken, body: { confirm: '注销' } })
    expect(res.status).toBe(200)
    expect((await res.json()).deleted).toBe(true)

    // Every token she held stops working.
    const after = await t.call('GET', '/api/me', { token: wangToken })
    expect(after.status).toBe(401)
    expect((await after.json()).error.message).toBe('账号不存在或已注销，请重新登录')
    // Also on the reads that load the person inside their own statement (decision 037): a board
    // with concerns, an empty one, and a concern's page.
    const wenan = demo.community.wenan
    const nowhere = '00000000-0000-4000-8000-000000000000'
    for (const path of [`/api/communities/${wenan}/concerns`, `/api/communities/${nowhere}/concerns`, `/api/concerns/${concernId}`]) {
      const res = await t.call('GET', path, { token: wangToken })
      expect(res.status, path).toBe(401)
      expect((await res.json()).error.code, path).toBe('UNAUTHENTICATED')
    }

    // Her concern stays, with its photo, and its author is nobody in particular.
    const seen = await (await detail(t, 'liu', concernId)).json()
    expect(seen.id).toBe(concernId)
    expect(seen.photos).toHaveLength(1)
    const shown = JSON.stringify(seen)
    for (const gone of ['王秀英', '13804110001', 'o_wang']) expect(shown).not.toContain(gone)
    expect(shown).toContain('已注销用户')

    const { db } = t.database
    const [row] = await db.select().from(users).where(eq(users.id, demo.user.wang))
    expect(row).toMatchObject({ nickname: '已注销用户', openid: null, unionid: null, phone: null, demoNote: null })
    expect(row.deletedAt).toBeInstanceOf(Date)
    // The photo attached to her concern stays; the one attached to nothing is gone.
    expect(await db.select({ id: photos.id }).from(photos).where(eq(photos.uploadedBy, demo.user.wang))).toHaveLength(1)
    // Both ballots are still counted; hers no longer says who cast it.
    const ballots = await db.select().from(voteBallots).where(eq(voteBallots.proposalId, proposalId))
    expect(ballots).toHaveLength(2)
    expect(ballots.filter((b) => b.castBy === demo.user.wang)).toEqual([])
    expect((await db.select().from(concerns).where(eq(concerns.id, concernId)))[0].authorId).toBe(demo.user.wang)
  })

  it('frees her WeChat identity: signing in again makes a new, empty account', async () => {
    const res = await t.call('POST', '/api/auth/wechat', { body: { code: 'ok-wang' } })
    expect(res.status).toBe(200)
    const { token, user } = await res.json()
    expect(user.id).not.toBe(demo.user.wang)
    const mine = await (await t.call('GET', '/api/me/export', { token })).json()
    expect(mine).toMatchObject({ concerns: [], ballots: [], claims: [], memberships: [] })
    // The demo login no longer offers the deleted account either.
    expect((await t.call('POST', '/api/auth/dev', { body: { userId: demo.user.wang } })).status).toBe(404)
  })
})

describe('GET /api/communities/{id}/audit', () => {
  it('shows admins who did what to which record and when, newest first, page by page', async () => {
    const token = await t.tokenFor('chen')
    const res = await t.call('GET', `/api/communities/${demo.community.wenan}/audit?limit=1`, { token })
    expect(res.status).toBe(200)
    const first = await res.json()
    expect(first.items).toHaveLength(1)
    expect(first.nextCursor).toBeTruthy()
    const rest = await (await t.call('GET', `/api/communities/${demo.community.wenan}/audit?cursor=${first.nextCursor}`, { token })).json()
    const all = [...first.items, ...rest.items]
    expect(all.map((e: { action: string }) => e.action)).toEqual(['proposal.open', 'proposal.create', 'concern.accept'])
    expect(all[2]).toMatchObject({
      actor: { id: demo.user.liu, name: '刘网格', role: 'worker' },
      subject: { type: 'concern', id: concernId },
      data: { action: 'accept' },
    })
    expect(all[0].actor).toMatchObject({ id: demo.user.chen, role: 'admin' })
  })

  it('is for the community’s admins only', async () => {
    for (const who of ['liu', 'zhao', 'zheng'] as const) {
      const res = await t.call('GET', `/api/communities/${demo.community.wenan}/audit`, { token: await t.tokenFor(who) })
      expect(res.status).toBe(403)
    }
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.communityId, demo.community.minzhu))).toEqual([])
  })
})
