import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { voteBallots } from '../../db/schema/index.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { castAs, openProposal, proposalAction, proposalBody, proposalOf, seedBuilding } from '../helpers/votes.js'

/** One ballot per voting unit under load: the unique (proposal, elector) constraint and the row lock at close. */
let t: TestApp
const clock = new Date('2026-12-01T01:00:00Z').getTime()
const now = () => new Date(clock)

beforeAll(async () => {
  t = await startTestApp({ now })
})
afterAll(() => t?.close())

async function ballotRows(id: string) {
  return t.database.db.select().from(voteBallots).where(eq(voteBallots.proposalId, id))
}

describe('1000 households vote at once', () => {
  it('ends with exactly 1000 ballots counted', { timeout: 180_000 }, async () => {
    const { buildingId, households } = await seedBuilding(
      t,
      Array.from({ length: 1000 }, (_, i) => 5000 + (i % 97) * 100),
      { now: now(), name: '千户楼' },
    )
    const id = await openProposal(
      t,
      proposalBody(now(), {
        title: '千户楼停车位改造',
        unit: 'household',
        rule: 'owners_ordinary',
        electorate: { kind: 'households', buildingIds: [buildingId] },
      }),
    )
    const started = performance.now()
    const replies = await Promise.all(households.map((h, i) => castAs(t, h.tokens[0], id, [i % 3 === 0 ? 'no' : 'yes'])))
    const ms = performance.now() - started
    const statuses = replies.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1000)
    expect(await ballotRows(id)).toHaveLength(1000)
    console.info(`[votes] 1000 concurrent household ballots on ${t.database.kind}: ${Math.round(ms)} ms`)
    const closed = await (await proposalAction(t, id, { action: 'close' })).json()
    const totalArea = households.reduce((a, h) => a + h.areaCents, 0)
    expect(closed.result).toMatchObject({ participants: { count: 1000, areaM2: totalArea / 100 }, electorate: { count: 1000 } })
    expect(closed.result.options[0].count + closed.result.options[1].count).toBe(1000)
  })
})

describe('races within one voting unit', () => {
  it('keeps one ballot per household when both members vote at the same moment', async () => {
    const { buildingId, households } = await seedBuilding(
      t,
      Array.from({ length: 20 }, () => 8000),
      { members: 2, now: now(), name: '双人户楼' },
    )
    const id = await openProposal(
      t,
      proposalBody(now(), {
        title: '双人户楼垃圾分类点位',
        unit: 'household',
        electorate: { kind: 'households', buildingIds: [buildingId] },
      }),
    )
    const replies = await Promise.all(households.flatMap((h) => [castAs(t, h.tokens[0], id, ['yes']), castAs(t, h.tokens[1], id, ['no'])]))
    for (let i = 0; i < households.length; i++) {
      expect([replies[2 * i].status, replies[2 * i + 1].status].sort()).toEqual([201, 409])
    }
    const rows = await ballotRows(id)
    expect(rows).toHaveLength(20)
    expect(new Set(rows.map((r) => r.electorId)).size).toBe(20)
  })

  it('keeps one ballot when a resident taps five times at once, answering each with it', async () => {
    const { buildingId, households } = await seedBuilding(t, [9000], { now: now(), name: '连点楼' })
    const id = await openProposal(
      t,
      proposalBody(now(), { title: '连点楼晾衣架', electorate: { kind: 'households', buildingIds: [buildingId] } }),
    )
    const replies = await Promise.all(Array.from({ length: 5 }, () => castAs(t, households[0].tokens[0], id, ['yes'])))
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201])
    const bodies = await Promise.all(replies.map((r) => r.json()))
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1)
    expect(await ballotRows(id)).toHaveLength(1)
  })

  it('counts every ballot accepted before the close and refuses every one after it (409)', async () => {
    const { buildingId, households } = await seedBuilding(
      t,
      Array.from({ length: 200 }, () => 7000),
      { now: now(), name: '截止楼' },
    )
    const id = await openProposal(
      t,
      proposalBody(now(), { title: '截止楼外立面', unit: 'household', electorate: { kind: 'households', buildingIds: [buildingId] } }),
    )
    const ballots = households.map((h) => castAs(t, h.tokens[0], id, ['yes']))
    const close = proposalAction(t, id, { action: 'close' })
    const [replies, closed] = await Promise.all([Promise.all(ballots), close])
    expect(closed.status).toBe(200)
    const accepted = replies.filter((r) => r.status === 201).length
    expect(accepted + replies.filter((r) => r.status === 409).length).toBe(200)
    const d = await proposalOf(t, 'chen', id)
    expect(d.result.participants.count).toBe(accepted)
    expect(await ballotRows(id)).toHaveLength(accepted)
  })
})

describe('a crowd on one vote', () => {
  it('answers each ballot of a batch on its own, in a few statements for the whole crowd', async () => {
    const owners = await seedBuilding(
      t,
      Array.from({ length: 40 }, () => 8000),
      { now: now(), name: '人群楼' },
    )
    const renters = await seedBuilding(t, [6000, 6000], { relation: 'tenant', now: now(), name: '租户楼' })
    const id = await openProposal(
      t,
      proposalBody(now(), {
        title: '人群楼电梯加装',
        unit: 'household',
        rule: 'owners_ordinary',
        electorate: { kind: 'households', buildingIds: [owners.buildingId, renters.buildingId] },
      }),
    )
    const outsider = await t.tokenFor('zhou') // a verified resident of 民主社区: this vote is not hers to know of
    let replies: Response[] = []
    const statements = await t.statementsDuring(async () => {
      replies = await Promise.all([
        ...owners.households.map((h, i) => castAs(t, h.tokens[0], id, [i === 0 ? 'maybe' : 'yes'])),
        ...renters.households.map((h) => castAs(t, h.tokens[0], id, ['yes'])),
        castAs(t, outsider, id, ['yes']),
      ])
    })
    const answers = await Promise.all(replies.map(async (r) => ({ status: r.status, code: ((await r.json()) as any).error?.code })))
    expect(answers[0]).toEqual({ status: 400, code: 'BALLOT_CHOICE_INVALID' })
    expect(answers.slice(1, 40)).toEqual(Array.from({ length: 39 }, () => ({ status: 201, code: undefined })))
    expect(answers.slice(40, 42)).toEqual([
      { status: 403, code: 'NOT_AN_OWNER' },
      { status: 403, code: 'NOT_AN_OWNER' },
    ])
    expect(answers[42]).toEqual({ status: 404, code: 'NOT_FOUND' })
    const rows = await ballotRows(id)
    expect(rows).toHaveLength(39)
    expect(new Set(rows.map((r) => r.castBy))).toEqual(new Set(owners.households.slice(1).map((h) => h.userIds[0])))
    // One by one, 43 ballots would be 86 statements; a batch is two (the rate limiter's counters aside).
    // On a server, ballots arriving while a batch is with the database wait for the next one. Embedded
    // PGlite answers within the same turn of the event loop, so there each request is done before the
    // next one's token is checked, and every batch holds one ballot.
    const own = statements.filter((s) => !/rate_limit_counters/.test(s))
    const inserts = own.filter((s) => /insert into "vote_ballots"/.test(s)).length
    if (t.database.kind === 'pglite') expect(inserts).toBe(39)
    else {
      expect(own.length).toBeLessThanOrEqual(12)
      expect(inserts).toBeLessThanOrEqual(6)
    }
  })
})
