import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { act, actOk, detail, jpeg, makeResidents, raise, raiseId, upload, uploadId, wenan } from '../helpers/concerns.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

describe('the whole loop', () => {
  it('raise → accept → assign to 物业 → partner resolves with a photo → rated 2 → reopened → resolved → rated 5 → closed', async () => {
    const res = await raise(t, 'wang', {
      category: 'facilities',
      place: { kind: 'household', householdId: demo.household('wenan', 3, 2, '302') },
    })
    expect(res.status).toBe(201)
    const raised = await res.json()
    expect(raised.publicNo).toMatch(/^WA-20\d\d-\d{6}$/)
    expect(raised).toMatchObject({ status: 'submitted', statusLabel: '待受理', categoryLabel: '公共设施', placeLabel: '3号楼 2单元 302室' })
    expect(raised.timeline.map((e: { action: string }) => e.action)).toEqual(['submit'])
    const id = raised.id

    const accepted = await actOk(t, 'liu', id, { action: 'accept' })
    expect(accepted.status).toBe('accepted')
    const afterAccept = await (await detail(t, 'liu', id)).json()
    expect(afterAccept.dueAt).not.toBeNull()
    expect(afterAccept.viewer.actions).toEqual(expect.arrayContaining(['assign', 'start', 'send_to_council']))

    await actOk(t, 'liu', id, { action: 'assign', assignee: { kind: 'partner', orgName: '安居物业' } })
    // The partner sees it in their list and nothing else.
    const partnerList = await (await t.call('GET', `/api/communities/${wenan}/inbox`, { token: await t.tokenFor('anju') })).json()
    expect(partnerList.items.map((c: { id: string }) => c.id)).toEqual([id])

    await actOk(t, 'anju', id, { action: 'start' })
    const noPhoto = await act(t, 'anju', id, { action: 'resolve', note: '已更换灯泡' })
    expect(noPhoto.status).toBe(400)
    expect((await noPhoto.json()).error.message).toBe('请至少上传一张办理后的照片')
    const photoId = await uploadId(t, 'anju')
    const resolved = await actOk(t, 'anju', id, { action: 'resolve', note: '已更换灯泡，恢复照明', photoIds: [photoId] })
    expect(resolved.status).toBe('resolved')
    const resolveEvent = resolved.timeline.at(-1)!
    expect(resolveEvent).toMatchObject({ action: 'resolve', note: '已更换灯泡，恢复照明' })
    expect(resolveEvent.actor.name).toBe('安居物业')
    expect(resolveEvent.photos).toHaveLength(1)

    const wang = await t.tokenFor('wang')
    const low = await t.call('POST', `/api/concerns/${id}/rating`, {
      token: wang,
      body: { rating: 2, solved: false, comment: '第二天又不亮了' },
    })
    expect(low.status).toBe(200)
    expect((await low.json()).status).toBe('reopened')

    // Back to the handler: the partner starts again and resolves again.
    await actOk(t, 'anju', id, { action: 'start' })
    const photo2 = await uploadId(t, 'anju', { color: '#2e86de' })
    await actOk(t, 'anju', id, { action: 'resolve', note: '更换了整套灯具', photoIds: [photo2] })
    const high = await t.call('POST', `/api/concerns/${id}/rating`, { token: wang, body: { rating: 5, comment: '谢谢物业' } })
    const closed = await high.json()
    expect(closed).toMatchObject({ status: 'closed', rating: 5, ratingComment: '谢谢物业' })
    expect(closed.closedAt).not.toBeNull()
    expect(closed.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'assign',
      'start',
      'resolve',
      'rate',
      'start',
      'resolve',
      'rate',
    ])
    expect(closed.timeline.find((e: { toStatus: string }) => e.toStatus === 'reopened').label).toBe('居民不满意，重新办理')

    // Every step reached the resident's 消息 with an unread count.
    const inbox = await (await t.call('GET', '/api/notifications', { token: wang })).json()
    expect(inbox.unread).toBeGreaterThanOrEqual(5)
    // Named by its category and words (a number alone tells a resident nothing), the number in the text.
    expect(inbox.items[0].title).toBe('公共设施「3号楼东侧的路灯坏了一个…」已办结')
    expect(inbox.items[0].body).toContain(raised.publicNo)
    const read = await (await t.call('POST', '/api/notifications/read', { token: wang, body: {} })).json()
    expect(read.unread).toBe(0)
  })

  it('reopens only once: a second unhappy rating closes it', async () => {
    const id = await raiseId(t, 'zhao', { category: 'sanitation', description: '5号楼楼道里堆了很多杂物，影响通行' })
    await actOk(t, 'liu', id, { action: 'accept' })
    await actOk(t, 'liu', id, { action: 'start' })
    const p = await uploadId(t, 'liu')
    await actOk(t, 'liu', id, { action: 'resolve', note: '已清理', photoIds: [p] })
    const zhao = await t.tokenFor('zhao')
    expect((await (await t.call('POST', `/api/concerns/${id}/rating`, { token: zhao, body: { rating: 1 } })).json()).status).toBe(
      'reopened',
    )
    await actOk(t, 'liu', id, { action: 'start' })
    await actOk(t, 'liu', id, { action: 'resolve', note: '再次清理', photoIds: [p] })
    const second = await (await t.call('POST', `/api/concerns/${id}/rating`, { token: zhao, body: { rating: 1 } })).json()
    expect(second.status).toBe('closed')
  })
})

describe('staff triage', () => {
  it('declines with a reason that the resident reads', async () => {
    const id = await raiseId(t, 'wang', { category: 'other', description: '希望小区门口增加一个快递柜' })
    const noReason = await act(t, 'liu', id, { action: 'decline' })
    expect(noReason.status).toBe(400)
    expect((await noReason.json()).error.details.fields[0].path).toBe('reason')
    await actOk(t, 'liu', id, { action: 'decline', reason: '快递柜属于商业设施，请联系物业' })
    const seen = await (await detail(t, 'wang', id)).json()
    expect(seen.status).toBe('declined')
    expect(seen.timeline.at(-1).note).toBe('快递柜属于商业设施，请联系物业')
  })

  it('merges a duplicate: its co-signers and followers move over, counts exact', async () => {
    const keep = await raiseId(t, 'wang', { category: 'parking', description: '6号楼下消防通道总有车乱停' })
    const dup = await raiseId(t, 'zhao', { category: 'parking', description: '6号楼消防通道被车堵了' })
    const [neighbour] = await makeResidents(t, 1)
    await t.call('POST', `/api/concerns/${dup}/cosign`, { token: neighbour })
    const merged = await actOk(t, 'chen', dup, { action: 'merge', targetId: keep })
    expect(merged.status).toBe('merged')
    const target = await (await detail(t, 'wang', keep)).json()
    // A neighbour co-signed the duplicate and zhao wrote it: both now support the kept one.
    expect(target.cosignCount).toBe(2)
    expect(target.followCount).toBe(3)
    expect(target.timeline.at(-1).action).toBe('merged_in')
    const dupView = await (await detail(t, 'zhao', dup)).json()
    expect(dupView.mergedInto.id).toBe(keep)
  })

  it('refuses to merge into itself or into another community', async () => {
    const a = await raiseId(t, 'wang', { category: 'noise', description: '楼上每天晚上十一点还在装修' })
    expect((await act(t, 'liu', a, { action: 'merge', targetId: a })).status).toBe(409)
    const other = await raiseId(t, 'zhou', {
      communityId: demo.community.minzhu,
      category: 'noise',
      place: { kind: 'building', buildingId: demo.building('minzhu', 1) },
    })
    const res = await act(t, 'liu', a, { action: 'merge', targetId: other })
    expect(res.status).toBe(409)
    expect((await res.json()).error.code).toBe('MERGE_TARGET_INVALID')
  })

  it('answers a transition the status does not allow with a clear 409', async () => {
    const id = await raiseId(t, 'wang')
    const res = await act(t, 'liu', id, { action: 'resolve', note: '已修好', photoIds: [] })
    expect(res.status).toBe(409)
    expect((await res.json()).error.message).toBe('诉求当前状态不能「办结」')
  })

  it('lets only one of two workers accepting at once win', async () => {
    const id = await raiseId(t, 'wang')
    const replies = await Promise.all([act(t, 'liu', id, { action: 'accept' }), act(t, 'chen', id, { action: 'accept' })])
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409])
    const seen = await (await detail(t, 'liu', id)).json()
    expect(seen.timeline.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1)
  })

  it('sends a concern to the council agenda', async () => {
    const id = await raiseId(t, 'wang', { category: 'renovation', description: '3号楼2单元想加装电梯，希望社区组织商量' })
    await actOk(t, 'liu', id, { action: 'accept' })
    expect((await actOk(t, 'chen', id, { action: 'send_to_council' })).status).toBe('on_agenda')
  })
})

describe('idempotent submit', () => {
  it('turns twenty concurrent retries with one key into one concern', async () => {
    const key = `retry-${Date.now()}`
    const body = { description: '2号楼门口的井盖松动了，走过去会响' }
    const replies = await Promise.all(Array.from({ length: 20 }, () => raise(t, 'wang', body, key)))
    expect(replies.every((r) => r.status === 201)).toBe(true)
    const ids = new Set(await Promise.all(replies.map(async (r) => (await r.json()).id)))
    expect(ids.size).toBe(1)
    const mine = await (
      await t.call('GET', `/api/communities/${wenan}/concerns?scope=mine&limit=50`, { token: await t.tokenFor('wang') })
    ).json()
    expect(mine.items.filter((c: { excerpt: string }) => c.excerpt.startsWith('2号楼门口的井盖'))).toHaveLength(1)
  })

  it('refuses the same key with a different body (409)', async () => {
    const key = `conflict-${Date.now()}`
    expect((await raise(t, 'wang', { description: '第一次提交的内容，路面有坑' }, key)).status).toBe(201)
    const again = await raise(t, 'wang', { description: '完全不同的第二次内容，噪声问题' }, key)
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })
})

describe('co-sign and follow', () => {
  it('counts 100 concurrent co-signs from 100 residents exactly, and one person once', async () => {
    const id = await raiseId(t, 'wang', { description: '小区南门的减速带坏了，车开得很快' })
    const tokens = await makeResidents(t, 100)
    const replies = await Promise.all(tokens.map((token) => t.call('POST', `/api/concerns/${id}/cosign`, { token })))
    expect(replies.every((r) => r.status === 200)).toBe(true)
    expect((await (await detail(t, 'wang', id)).json()).cosignCount).toBe(100)
    await Promise.all(Array.from({ length: 20 }, () => t.call('POST', `/api/concerns/${id}/cosign`, { token: tokens[0] })))
    const after = await (await detail(t, 'wang', id)).json()
    expect(after.cosignCount).toBe(100)
    // 100 co-signers follow it too, besides the author.
    expect(after.followCount).toBe(101)
  })

  it('refuses co-signing one’s own concern and a closed one, and lets anyone signed in follow a public one', async () => {
    const id = await raiseId(t, 'wang', { description: '楼下健身器材的螺丝松了' })
    const own = await t.call('POST', `/api/concerns/${id}/cosign`, { token: await t.tokenFor('wang') })
    expect(own.status).toBe(409)
    const follow = await t.call('POST', `/api/concerns/${id}/follow`, { token: await t.tokenFor('zhou') })
    expect(await follow.json()).toEqual({ following: true, followCount: 2 })
    const unfollow = await t.call('DELETE', `/api/concerns/${id}/follow`, { token: await t.tokenFor('zhou') })
    expect(await unfollow.json()).toEqual({ following: false, followCount: 1 })
  })
})

describe('photos', () => {
  it('strips the GPS position and all EXIF, and shrinks to 2048 px', async () => {
    const original = await jpeg({ width: 4000, height: 3000, gps: true })
    const before = await sharp(original).metadata()
    expect(before.exif?.includes(Buffer.from([0x88, 0x25])) || before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true)
    const res = await upload(t, 'wang', original)
    expect(res.status).toBe(201)
    const photo = await res.json()
    expect(photo).toMatchObject({ width: 2048, height: 1536, hidden: false })
    const stored = await t.app.request(photo.url)
    expect(stored.status).toBe(200)
    expect(stored.headers.get('content-type')).toBe('image/jpeg')
    const after = await sharp(Buffer.from(await stored.arrayBuffer())).metadata()
    expect(after.exif).toBeUndefined()
    expect(after.width).toBe(2048)
  })

  it('refuses a file that is not an image whatever its name says, and a corrupt one', async () => {
    const fake = await upload(t, 'wang', Buffer.from('<html>not a photo</html>'), 'photo.jpg', 'image/jpeg')
    expect(fake.status).toBe(415)
    expect((await fake.json()).error.message).toBe('只能上传 JPG、PNG 或 WebP 格式的照片')
    const gif = await upload(t, 'wang', Buffer.from('GIF89a\x01\x00\x01\x00'), 'a.gif', 'image/gif')
    expect(gif.status).toBe(415)
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)])
    const bad = await upload(t, 'wang', broken)
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('PHOTO_UNREADABLE')
  })

  it('accepts PNG and WebP', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 4, background: '#0f0a' } })
      .png()
      .toBuffer()
    expect((await upload(t, 'wang', png, 'a.png', 'image/png')).status).toBe(201)
    const webp = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#00f' } })
      .webp()
      .toBuffer()
    expect((await upload(t, 'wang', webp, 'a.webp', 'image/webp')).status).toBe(201)
  })

  it('will not attach someone else’s photo', async () => {
    const theirs = await uploadId(t, 'zhao')
    const res = await raise(t, 'wang', { photoIds: [theirs] })
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('PHOTO_NOT_YOURS')
  })

  it('caps a concern at nine photos', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => uploadId(t, 'wang', { color: `#${(i + 1).toString(16)}0${i}` })))
    const res = await raise(t, 'wang', { photoIds: ids })
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toBe('最多上传 9 张照片')
  })
})

describe('input errors', () => {
  it('names the field for a too-short description and an unknown category', async () => {
    const short = await raise(t, 'wang', { description: '坏了' })
    expect(short.status).toBe(400)
    expect((await short.json()).error.details.fields[0]).toEqual({ path: 'description', message: '请至少写 5 个字，说清楚是什么问题' })
    const cat = await raise(t, 'wang', { category: 'ufo' })
    expect((await cat.json()).error.details.fields[0].path).toBe('category')
  })

  it('refuses a household that is not the resident’s own', async () => {
    const res = await raise(t, 'wang', { place: { kind: 'household', householdId: demo.household('wenan', 1, 1, '101') } })
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toBe('只能选择您已认证的房屋')
  })

  it('refuses someone who is not a member of the community', async () => {
    const res = await raise(t, 'zhou')
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('NOT_A_MEMBER')
  })
})
