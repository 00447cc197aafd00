import { demo } from '../../db/seed.js'
import type { DemoKey, TestApp } from './app.js'
import { concernBody, uploadId } from './concerns.js'
import { sessionBody } from './councils.js'
import { proposalBody } from './votes.js'
import { buildNeedsWorld, type NeedsWorld } from './matrix-needs.js'

/**
 * The people of the role × operation matrix (test/api/matrix.test.ts), one column each. Seeded
 * demo people where the seed has them; the claimants are made through the API (WeChat login,
 * claim, staff review) so they are exactly what a real claimant is.
 */
export const matrixActors = [
  { key: 'anon', who: 'nobody signed in' },
  { key: 'wang', who: '王秀英, verified resident (owner) of 文安路社区' },
  { key: 'zhou', who: '周桂兰, verified resident of 民主社区' },
  { key: 'pending', who: 'a claimant of 文安路社区 whose claim is pending' },
  { key: 'rejected', who: 'a claimant of 文安路社区 whose claim was rejected' },
  { key: 'liu', who: '刘网格, worker of 文安路社区' },
  { key: 'chen', who: '陈书记, admin of 文安路社区' },
  { key: 'wu', who: '吴网格, worker of 民主社区' },
  { key: 'zheng', who: '郑主任, admin of 民主社区' },
  { key: 'anju', who: '安居物业, partner of 文安路社区' },
  { key: 'street', who: '王街道, street official (street_admin) of 人民路街道' },
] as const

export type MatrixActor = (typeof matrixActors)[number]['key']

export const wenanId = demo.community.wenan
export const minzhuId = demo.community.minzhu

/** A WeChat sign-in through the fake WeChat server (`ok-<name>` → openid `o_<name>`). */
async function wechatUser(t: TestApp, name: string): Promise<{ token: string; userId: string }> {
  const res = await t.call('POST', '/api/auth/wechat', { body: { code: `ok-${name}` } })
  if (res.status !== 200) throw new Error(`wechat login ${name}: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { token: string; user: { id: string } }
  return { token: body.token, userId: body.user.id }
}

async function expectStatus(res: Response, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<Record<string, any>>
}

/** Households of 文安路社区 nobody claims in the seed (buildings 4 and 6: 48 rooms), handed out one at a time. */
function freeHouseholds() {
  let n = 0
  return () => {
    const i = n++
    const room = `${1 + Math.floor((i % 12) / 2)}${i % 2 ? '02' : '01'}`
    const unit = 1 + (Math.floor(i / 12) % 2)
    return demo.household('wenan', i < 24 ? 4 : 6, unit, room)
  }
}

export interface MatrixWorld {
  t: TestApp
  token: Record<MatrixActor, string | undefined>
  /** Distinctive values that must reach only those allowed to see them. */
  secrets: { openids: string[]; phones: string[]; wangName: string; wangRoom: string; checkInCode: string }
  concernId: string
  privateConcernId: string
  photoId: string
  photoFile: string
  sessionId: string
  topicId: string
  proposalId: string
  feedPath: string
  unitId: string
  /** The session's form, for editing it unchanged. */
  sessionInput: Record<string, unknown>
  /** A vote still in draft (residents do not see drafts). */
  draftProposalId: string
  /** A household of 文安路社区 nobody has claimed yet. */
  freeHousehold(): string
  /** A fresh pending claim of 文安路社区 (for approve and reject: one per call). */
  freshClaim(): Promise<string>
  /** A second pending claim of the pending claimant, for withdrawing. */
  pendingOwnClaimId: string
  /** A fresh pending topic on the session (for decisions: one per call). */
  freshTopic(): Promise<string>
  /** A pending topic booked by another resident (only staff and its proposer see it). */
  otherTopicId: string
  /** A pending topic booked by 王秀英, for withdrawing. */
  wangTopicId: string
  nickname: Record<MatrixActor, string>
  needs: NeedsWorld
}

/** One seeded world for the whole matrix: people, a concern (public and private), a session with a topic, a vote, claims. */
export async function buildMatrixWorld(t: TestApp): Promise<MatrixWorld> {
  const household = freeHouseholds()
  const seeded = ['wang', 'zhou', 'liu', 'chen', 'wu', 'zheng', 'anju'] as const
  const token = { anon: undefined } as Record<MatrixActor, string | undefined>
  for (const k of seeded) token[k] = await t.tokenFor(k as DemoKey)
  token.street = await t.tokenFor('wangjd' as DemoKey)
  const as = (k: MatrixActor) => ({ token: token[k] })

  // The claimants: a pending one (with a phone, so the staff queue has one to mask) and a rejected one.
  const pending = await wechatUser(t, 'matrix_pending')
  token.pending = pending.token
  await expectStatus(await t.call('PATCH', '/api/me', { token: pending.token, body: { phone: '13712340000' } }), 200, 'pending phone')
  const pendingClaim = (who: string) =>
    t.call('POST', '/api/residency/claims', { token: who, body: { householdId: household(), relation: 'owner' } })
  await expectStatus(await pendingClaim(pending.token), 201, 'pending claim')
  const pendingOwnClaimId = (await expectStatus(await pendingClaim(pending.token), 201, 'second pending claim')).id as string

  const rejected = await wechatUser(t, 'matrix_rejected')
  token.rejected = rejected.token
  const rejectedClaim = await expectStatus(await pendingClaim(rejected.token), 201, 'rejected claim')
  await expectStatus(
    await t.call('POST', `/api/residency/claims/${rejectedClaim.id}/reject`, { ...as('liu'), body: { reason: '房产证姓名与申请人不符' } }),
    200,
    'reject',
  )

  // Four more verified residents who book topics for the decision cells (three pending topics each at most).
  const bookers: string[] = []
  for (let i = 0; i < 4; i++) {
    const b = await wechatUser(t, `matrix_booker${i}`)
    const claim = await expectStatus(await pendingClaim(b.token), 201, 'booker claim')
    await expectStatus(await t.call('POST', `/api/residency/claims/${claim.id}/approve`, as('liu')), 200, 'approve booker')
    bookers.push(b.token)
  }

  const photoId = await uploadId(t, 'wang')
  const wangHousehold = demo.household('wenan', 3, 2, '302')
  const concern = await expectStatus(
    await t.call('POST', '/api/concerns', {
      ...as('wang'),
      body: concernBody({ photoIds: [photoId], place: { kind: 'household', householdId: wangHousehold } }),
    }),
    201,
    'raise',
  )
  const photoFile = String((concern.photos as { url: string }[])[0].url.split('/').pop())
  await expectStatus(
    await t.call('POST', `/api/concerns/${concern.id}/transitions`, { ...as('liu'), body: { action: 'accept' } }),
    200,
    'accept',
  )
  await expectStatus(
    await t.call('POST', `/api/concerns/${concern.id}/transitions`, {
      ...as('liu'),
      body: { action: 'assign', assignee: { kind: 'partner', orgName: '安居物业' } },
    }),
    200,
    'assign',
  )
  const privateConcern = await expectStatus(
    await t.call('POST', '/api/concerns', {
      ...as('wang'),
      body: concernBody({ visibility: 'private', description: '楼上装修每天早上七点就开始电钻，影响老人休息' }),
    }),
    201,
    'raise private',
  )

  const startsAt = new Date(Date.now() + 10 * 86400_000)
  const sessionInput = sessionBody(startsAt, { invitedParties: [{ kind: 'property_company', name: '安居物业' }] })
  const session = await expectStatus(
    await t.call('POST', `/api/communities/${wenanId}/sessions`, { ...as('chen'), body: sessionInput }),
    201,
    'create session',
  )
  await expectStatus(await t.call('POST', `/api/sessions/${session.id}/actions`, { ...as('chen'), body: { action: 'open' } }), 200, 'open')
  const checkInCode = String(session.checkInCode)
  const book = async (who: string) =>
    (
      await expectStatus(
        await t.call('POST', `/api/sessions/${session.id}/topics`, {
          token: who,
          body: { title: '楼道堆物清理', reason: '楼道里堆满杂物，消防通道被堵，需要议一议' },
        }),
        201,
        'book topic',
      )
    ).id as string
  const topicId = await book(token.wang!)
  const wangTopicId = await book(token.wang!)
  let booked = 0
  const freshTopic = () => book(bookers[Math.floor(booked++ / 3)])
  const otherTopicId = await freshTopic()

  const proposal = await expectStatus(
    await t.call('POST', `/api/communities/${wenanId}/proposals`, { ...as('chen'), body: proposalBody(new Date()) }),
    201,
    'create proposal',
  )
  await expectStatus(
    await t.call('POST', `/api/proposals/${proposal.id}/actions`, { ...as('chen'), body: { action: 'open' } }),
    200,
    'open vote',
  )
  await expectStatus(
    await t.call('POST', `/api/proposals/${proposal.id}/ballots`, { ...as('wang'), body: { choices: ['no'] } }),
    201,
    'cast',
  )

  const draft = await expectStatus(
    await t.call('POST', `/api/communities/${wenanId}/proposals`, {
      ...as('chen'),
      body: proposalBody(new Date(), { title: '小区东门加装道闸' }),
    }),
    201,
    'draft proposal',
  )
  const feed = await expectStatus(await t.call('GET', `/api/communities/${wenanId}/calendar-feed`, as('chen')), 200, 'feed')

  const nickname = {} as Record<MatrixActor, string>
  for (const a of matrixActors) {
    if (!token[a.key]) continue
    nickname[a.key] = ((await expectStatus(await t.call('GET', '/api/me', as(a.key)), 200, 'me')).user as { nickname: string }).nickname
  }

  return {
    t,
    token,
    secrets: {
      openids: ['o_matrix_pending', 'o_matrix_rejected', 'o_matrix_booker0'],
      phones: ['13804110001', '13904110002', '13712340000'],
      wangName: nickname.wang,
      wangRoom: '3号楼 2单元 302室',
      checkInCode,
    },
    concernId: concern.id,
    privateConcernId: privateConcern.id,
    photoId,
    photoFile,
    sessionId: session.id,
    topicId,
    wangTopicId,
    otherTopicId,
    proposalId: proposal.id,
    feedPath: new URL(feed.url).pathname,
    unitId: demo.unit('wenan', 3, 2),
    sessionInput,
    draftProposalId: draft.id,
    freeHousehold: household,
    pendingOwnClaimId,
    freshClaim: async () =>
      (
        await expectStatus(
          await pendingClaim((await wechatUser(t, `matrix_c${Math.random().toString(36).slice(2, 8)}`)).token),
          201,
          'fresh claim',
        )
      ).id,
    freshTopic,
    nickname,
    needs: await buildNeedsWorld(t, token),
  }
}
