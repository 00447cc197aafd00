import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notifications, voteBallots } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { makeVerifiedResidents } from '../helpers/councils.js'
import { castAs, createProposal, openProposal, proposalAction, proposalBody, proposalOf } from '../helpers/votes.js'

/** Votes of the community's verified residents, one ballot each: the whole journey, roles, errors, the scheduled job. */
let t: TestApp
let clock = new Date('2026-12-01T01:00:00Z').getTime()
const now = () => new Date(clock)
const day = 86400_000
const wenan = demo.community.wenan

beforeAll(async () => {
  t = await startTestApp({ now })
})
afterAll(() => t?.close())

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; details?: { fields?: { path: string; message: string }[] } } })
    .error
}

describe('a simple-majority vote of verified residents, one ballot each', () => {
  let id: string

  it('is drafted by staff and hidden from residents until it opens', async () => {
    id = await createProposal(t, proposalBody(now()))
    const draft = await proposalOf(t, 'chen', id)
    expect(draft).toMatchObject({ status: 'draft', phase: 'draft', rule: 'simple_majority', advisory: false, electorate: { size: null } })
    expect(draft.options.map((o: { key: string }) => o.key)).toEqual(['yes', 'no', 'abstain'])
    expect(draft.viewer.actions).toEqual(['open', 'cancel'])
    const res = await t.call('GET', `/api/proposals/${id}`, { token: await t.tokenFor('wang') })
    expect(res.status).toBe(404)
    const list = await t.call('GET', `/api/communities/${wenan}/proposals`, { token: await t.tokenFor('wang') })
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(0)
  })

  it('opens with the roll fixed and tells everyone on it', async () => {
    const res = await proposalAction(t, id, { action: 'open' })
    expect(res.status).toBe(200)
    const opened = await res.json()
    // 王秀英 and 赵晓梅 are the verified residents of 文安路社区.
    expect(opened).toMatchObject({ status: 'open', phase: 'voting', electorate: { size: 2 }, turnout: { participants: 0, electorate: 2 } })
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, demo.user.wang))
    expect(told.some((n) => n.title === '请参加表决：楼道加装声控灯')).toBe(true)
  })

  it('shows a resident that they may vote, without any counts', async () => {
    const d = await proposalOf(t, 'wang', id)
    expect(d.viewer).toMatchObject({ inElectorate: true, canVote: true, voteBlockedReason: null, myBallot: null, voted: false })
    expect(d.turnout).toBeNull()
    expect(d.result).toBeNull()
    const result = await t.call('GET', `/api/proposals/${id}/result`, { token: await t.tokenFor('wang') })
    expect(result.status).toBe(409)
    expect((await errorOf(result)).code).toBe('RESULT_NOT_READY')
  })

  it('takes a ballot (201) and answers a repeat with the same ballot (200)', async () => {
    const first = await castAs(t, 'wang', id, ['yes'])
    expect(first.status).toBe(201)
    const ballot = await first.json()
    expect(ballot).toMatchObject({ proposalId: id, choices: ['yes'], labels: ['同意'], householdId: null })
    const again = await castAs(t, 'wang', id, ['no'])
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(ballot)
    const d = await proposalOf(t, 'wang', id)
    expect(d.viewer).toMatchObject({ voted: true, canVote: false, voteBlockedReason: '您已经投过票了', myBallot: ballot })
  })

  it('refuses bad choices with 400, naming the field', async () => {
    const unknown = await castAs(t, 'zhao', id, ['maybe'])
    expect(unknown.status).toBe(400)
    expect(await errorOf(unknown)).toMatchObject({
      code: 'BALLOT_CHOICE_INVALID',
      message: '没有这个选项：「maybe」',
      details: { fields: [{ path: 'choices' }] },
    })
    const two = await castAs(t, 'zhao', id, ['yes', 'no'])
    expect(two.status).toBe(400)
    expect((await errorOf(two)).details?.fields?.[0]).toEqual({ path: 'choices', message: '同意、反对、弃权只能选一项' })
    const missing = await t.call('POST', `/api/proposals/${id}/ballots`, { token: await t.tokenFor('zhao'), body: {} })
    expect(missing.status).toBe(400)
    expect((await errorOf(missing)).details?.fields?.[0].path).toBe('choices')
    const junk = await t.call('POST', `/api/proposals/${id}/ballots`, { token: await t.tokenFor('zhao'), body: { choices: 'yes' } })
    expect(junk.status).toBe(400)
    expect(await t.database.db.select().from(voteBallots).where(eq(voteBallots.proposalId, id))).toHaveLength(1)
  })

  it('answers each role as it should', async () => {
    // A worker of the community (no verified household here): sees the vote, may not vote.
    expect((await proposalOf(t, 'liu', id)).viewer).toMatchObject({
      canVote: false,
      inElectorate: false,
      voteBlockedReason: '认证本社区的房屋后才能投票',
    })
    const liu = await castAs(t, 'liu', id, ['yes'])
    expect(liu.status).toBe(403)
    expect((await errorOf(liu)).code).toBe('FORBIDDEN')
    // A claimant still pending: no such vote for them yet (docs/decisions/016).
    expect((await castAs(t, 'li', id, ['yes'])).status).toBe(404)
    expect((await t.call('GET', `/api/proposals/${id}`, { token: await t.tokenFor('li') })).status).toBe(404)
    // A verified resident of another community: no such vote for them; their community's list is not this one.
    expect((await castAs(t, 'zhou', id, ['yes'])).status).toBe(404)
    expect((await t.call('GET', `/api/proposals/${id}`, { token: await t.tokenFor('zhou') })).status).toBe(404)
    expect((await t.call('GET', `/api/communities/${wenan}/proposals`, { token: await t.tokenFor('zhou') })).status).toBe(403)
    // A partner organisation: not a vote of theirs.
    expect((await t.call('GET', `/api/proposals/${id}`, { token: await t.tokenFor('anju') })).status).toBe(404)
    expect(
      (await t.call('POST', `/api/communities/${wenan}/proposals`, { token: await t.tokenFor('anju'), body: proposalBody(now()) })).status,
    ).toBe(403)
    // Worker and admin manage, see participation, but do not vote (they are not verified residents).
    for (const staff of ['liu', 'chen'] as const) {
      expect((await castAs(t, staff, id, ['yes'])).status).toBe(403)
      expect((await t.call('GET', `/api/proposals/${id}/participation`, { token: await t.tokenFor(staff) })).status).toBe(200)
    }
    expect((await t.call('GET', `/api/proposals/${id}/participation`, { token: await t.tokenFor('wang') })).status).toBe(403)
    expect((await proposalAction(t, id, { action: 'close' }, 'wang')).status).toBe(403)
    expect((await proposalAction(t, id, { action: 'close' }, 'anju')).status).toBe(404)
  })

  it('lets a resident verified after the vote opened see that they are not on the roll (403)', async () => {
    const [late] = await makeVerifiedResidents(t, 1)
    const res = await castAs(t, late, id, ['yes'])
    expect(res.status).toBe(403)
    expect(await errorOf(res)).toMatchObject({ code: 'NOT_IN_ELECTORATE', message: '您不在这次表决的投票范围内' })
  })

  it('shows staff who voted, never how', async () => {
    const res = await t.call('GET', `/api/proposals/${id}/participation`, { token: await t.tokenFor('liu') })
    const page = await res.json()
    expect(page).toMatchObject({ electorate: 2, participants: 1 })
    expect(page.items.map((i: { label: string; voted: boolean }) => [i.label, i.voted]).sort()).toEqual([
      ['王秀英', true],
      ['赵晓梅', false],
    ])
    expect(Object.keys(page.items[0]).sort()).toEqual(['electorId', 'label', 'voted'])
    const notYet = await (await t.call('GET', `/api/proposals/${id}/participation?voted=no`, { token: await t.tokenFor('liu') })).json()
    expect(notYet.items.map((i: { label: string }) => i.label)).toEqual(['赵晓梅'])
  })

  it('closes on the staff’s word, publishes the result with its reasons, and takes no more ballots (409)', async () => {
    expect((await castAs(t, 'zhao', id, ['no'])).status).toBe(201)
    const res = await proposalAction(t, id, { action: 'close' }, 'liu')
    expect(res.status).toBe(200)
    const closed = await res.json()
    expect(closed.status).toBe('published')
    expect(closed.publicUntil).toBe(new Date(clock + 7 * day).toISOString())
    // Closed early: when counting happened, beside the planned close.
    expect(closed.closedAt).toBe(new Date(clock).toISOString())
    expect(Date.parse(closed.closesAt)).toBeGreaterThan(clock)
    expect(closed.result).toMatchObject({
      outcome: 'rejected',
      passed: false,
      final: true,
      participants: { count: 2, areaM2: null },
      explanation: ['参与人数 2/2（100%），简单多数不设参与门槛', '同意人数 1/2（50%）> 1/2 ✗', '结果：未通过'],
    })
    const late = await castAs(t, 'zhao', id, ['yes'])
    expect(late.status).toBe(409)
    expect((await errorOf(late)).code).toBe('VOTE_CLOSED')
    expect((await proposalAction(t, id, { action: 'close' })).status).toBe(409)
    const result = await (await t.call('GET', `/api/proposals/${id}/result`, { token: await t.tokenFor('zhao') })).json()
    expect(result).toEqual(closed.result)
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, demo.user.zhao))
    expect(told.some((n) => n.title === '表决结果：楼道加装声控灯' && n.body.startsWith('未通过（参与 2/2）'))).toBe(true)
  })

  it('lists the community’s votes with whether the viewer voted', async () => {
    const page = await (await t.call('GET', `/api/communities/${wenan}/proposals`, { token: await t.tokenFor('wang') })).json()
    expect(page.items[0]).toMatchObject({ id, status: 'published', outcome: 'rejected', outcomeLabel: '未通过', viewer: { voted: true } })
    const staff = await (await t.call('GET', `/api/communities/${wenan}/proposals`, { token: await t.tokenFor('liu') })).json()
    expect(staff.items[0].viewer.voted).toBe(false)
    expect((await t.call('GET', `/api/communities/${wenan}/proposals`, { token: await t.tokenFor('li') })).status).toBe(403)
  })
})

describe('inputs', () => {
  it('refuses a form with mistakes, naming each field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '' }, 'title'],
      [{ options: { kind: 'choice', choices: ['只有一个'] } }, 'options.choices'],
      [{ options: { kind: 'choice', choices: ['甲', '乙'], maxChoices: 3 } }, 'options.maxChoices'],
      [{ options: { kind: 'choice', choices: ['甲', '甲'] } }, 'options.choices'],
      [{ rule: 'council', quorumPercent: 50 }, 'quorumPercent'],
      [{ rule: 'owners_ordinary' }, 'unit'],
      [{ rule: 'owners_major', unit: 'household' }, 'electorate.kind'],
      [{ electorate: { kind: 'attendees' } }, 'topicId'],
      [{ electorate: { kind: 'households' } }, 'electorate.buildingIds'],
      [{ closesAt: new Date(clock - day).toISOString() }, 'closesAt'],
      [{ closesAt: 'tomorrow' }, 'closesAt'],
      [{ publishDays: 31 }, 'publishDays'],
      [{ rule: 'majority' }, 'rule'],
    ]
    for (const [over, field] of cases) {
      const res = await t.call('POST', `/api/communities/${wenan}/proposals`, {
        token: await t.tokenFor('chen'),
        body: proposalBody(now(), over),
      })
      expect(res.status, JSON.stringify(over)).toBe(400)
      const e = await errorOf(res)
      expect(
        e.details?.fields?.map((f) => f.path),
        JSON.stringify(over),
      ).toContain(field)
      expect(e.message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('refuses buildings of another community and a topic that is not on an agenda', async () => {
    const other = await t.call('POST', `/api/communities/${wenan}/proposals`, {
      token: await t.tokenFor('chen'),
      body: proposalBody(now(), { electorate: { kind: 'households', buildingIds: [demo.building('minzhu', 1)] }, unit: 'household' }),
    })
    expect(other.status).toBe(400)
    expect((await errorOf(other)).details?.fields?.[0].path).toBe('electorate.buildingIds')
    const topic = await t.call('POST', `/api/communities/${wenan}/proposals`, {
      token: await t.tokenFor('chen'),
      body: proposalBody(now(), { topicId: demo.user.wang }),
    })
    expect(topic.status).toBe(400)
    expect(await errorOf(topic)).toMatchObject({ code: 'PROPOSAL_TOPIC_INVALID', details: { fields: [{ path: 'topicId' }] } })
  })

  it('does not open a vote with nobody on its roll', async () => {
    // 6号楼 has no verified residents.
    const id = await createProposal(
      t,
      proposalBody(now(), { electorate: { kind: 'households', buildingIds: [demo.building('wenan', 6)] } }),
    )
    const res = await proposalAction(t, id, { action: 'open' })
    expect(res.status).toBe(409)
    expect((await errorOf(res)).code).toBe('ELECTORATE_EMPTY')
    expect((await proposalOf(t, 'chen', id)).status).toBe('draft')
  })
})

describe('showing counts live, cancelling, a vote not yet started', () => {
  it('shows the running counts while voting when the vote says so', async () => {
    const id = await openProposal(t, proposalBody(now(), { title: '实时显示票数的表决', liveResults: true }))
    await castAs(t, 'wang', id, ['yes'])
    const d = await proposalOf(t, 'zhao', id)
    // Three verified residents by now: 王秀英, 赵晓梅 and the one verified late above.
    expect(d.turnout).toEqual({ participants: 1, electorate: 3 })
    expect(d.result).toMatchObject({
      final: false,
      options: [
        { key: 'yes', count: 1 },
        { key: 'no', count: 0 },
        { key: 'abstain', count: 0 },
      ],
    })
  })

  it('takes no ballot before the opening time (409) and lets staff cancel with a reason', async () => {
    const id = await openProposal(t, proposalBody(now(), { title: '下周开始的表决', opensAt: new Date(clock + day).toISOString() }))
    const d = await proposalOf(t, 'wang', id)
    expect(d).toMatchObject({
      phase: 'scheduled',
      phaseLabel: '即将开始',
      viewer: { canVote: false, voteBlockedReason: '投票还没开始，请到开始时间后再投' },
    })
    const early = await castAs(t, 'wang', id, ['yes'])
    expect(early.status).toBe(409)
    expect((await errorOf(early)).code).toBe('VOTE_NOT_OPEN')
    expect((await proposalAction(t, id, { action: 'close' })).status).toBe(409)
    const noReason = await proposalAction(t, id, { action: 'cancel' })
    expect(noReason.status).toBe(400)
    const cancelled = await proposalAction(t, id, { action: 'cancel', reason: '方案需要重新征求意见' })
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '方案需要重新征求意见', viewer: { actions: [] } })
    expect((await castAs(t, 'wang', id, ['yes'])).status).toBe(409)
    expect((await t.call('GET', `/api/proposals/${id}/result`, { token: await t.tokenFor('wang') })).status).toBe(409)
  })
})

describe('the scheduled job', () => {
  it('reminds those who have not voted once, the day before the close, then closes and publishes at the closing time', async () => {
    const id = await openProposal(
      t,
      proposalBody(now(), { title: '到期自动计票的表决', closesAt: new Date(clock + 3 * day).toISOString(), publishDays: 0 }),
    )
    await castAs(t, 'wang', id, ['yes'])
    const tick = async () => (await (await t.call('GET', '/api/jobs/tick')).json()) as { votesClosed: number; voteReminders: number }
    expect(await tick()).toMatchObject({ votesClosed: 0, voteReminders: 0 })
    clock += 2 * day + 3600_000
    // 赵晓梅 and the resident verified late have not voted; 王秀英 has.
    expect(await tick()).toMatchObject({ votesClosed: 0, voteReminders: 2 })
    expect(await tick()).toMatchObject({ voteReminders: 0 })
    const reminded = await t.database.db.select().from(notifications).where(eq(notifications.userId, demo.user.zhao))
    expect(reminded.filter((n) => n.title === '表决明天截止：到期自动计票的表决')).toHaveLength(1)
    const wang = await t.database.db.select().from(notifications).where(eq(notifications.userId, demo.user.wang))
    expect(wang.some((n) => n.title.startsWith('表决明天截止'))).toBe(false)
    clock += day
    expect((await tick()).votesClosed).toBeGreaterThanOrEqual(1)
    const d = await proposalOf(t, 'wang', id)
    // No notice period: closed, not published.
    expect(d).toMatchObject({ status: 'closed', publicUntil: null, result: { outcome: 'passed', final: true } })
    expect(d.result.explanation).toEqual(['参与人数 1/3（33%），简单多数不设参与门槛', '同意人数 1/1（100%）> 1/2 ✓', '结果：通过'])
  })
})

describe('editing a draft', () => {
  it('changes the whole form while it is a draft, with the same checks, and never after it is published', async () => {
    const id = await createProposal(t, proposalBody(now(), { title: '楼道加装声控灯' }))
    const patch = async (body: Record<string, unknown>, who: 'chen' | 'liu' | 'wang' = 'liu') =>
      t.call('PATCH', `/api/proposals/${id}`, { token: await t.tokenFor(who), body })

    // Another worker of the community fixes the wording and makes it a choice of two.
    const changed = await patch(
      proposalBody(now(), { title: '楼道照明改造方案', options: { kind: 'choice', choices: ['声控灯', '感应灯'], maxChoices: 1 } }),
    )
    expect(changed.status).toBe(200)
    expect(await changed.json()).toMatchObject({ title: '楼道照明改造方案', status: 'draft' })
    expect((await proposalOf(t, 'chen', id)).options.map((o: { label: string }) => o.label)).toEqual(['声控灯', '感应灯', '弃权'])

    // The same checks as drafting it, naming the field; nothing changes.
    const bad = await patch(proposalBody(now(), { closesAt: new Date(clock - day).toISOString() }))
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).details?.fields?.[0].path).toBe('closesAt')
    expect((await proposalOf(t, 'chen', id)).title).toBe('楼道照明改造方案')

    // Residents cannot see a draft at all.
    expect((await patch(proposalBody(now()), 'wang')).status).toBe(404)

    expect((await proposalAction(t, id, { action: 'open' })).status).toBe(200)
    const late = await patch(proposalBody(now(), { title: '发布后再改' }), 'chen')
    expect(late.status).toBe(409)
    expect((await errorOf(late)).message).toContain('发布后就不能再修改')
    expect((await proposalOf(t, 'chen', id)).title).toBe('楼道照明改造方案')
  })
})
