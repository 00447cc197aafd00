import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { type DemoKey, startTestApp, type TestApp } from '../helpers/app.js'
import { raiseId, wenan } from '../helpers/concerns.js'
import { createSession } from '../helpers/councils.js'
import { castAs, openProposal, proposalBody } from '../helpers/votes.js'

/**
 * How many statements each everyday request sends to the database: every one is a round trip, and
 * on Neon from a serverless function a round trip costs more than the work. The counts are the
 * budget; a change that adds a query to a hot path fails here and must say why.
 * Statements sent in parallel (Promise.all) still count one each.
 */
let t: TestApp
let concernId: string
let sessionId: string
let voteId: string
let liveVoteId: string

beforeAll(async () => {
  t = await startTestApp()
  concernId = await raiseId(t, 'wang')
  sessionId = await createSession(t, new Date(Date.now() + 7 * 86400_000))
  voteId = await openProposal(t, proposalBody(new Date()))
  liveVoteId = await openProposal(t, proposalBody(new Date(), { liveResults: true }))
  await castAs(t, 'wang', liveVoteId, ['yes'])
  // Sign everyone in now, so the counts below are the requests' own.
  for (const who of ['wang', 'chen', 'wangjd'] as const) await t.tokenFor(who)
})
afterAll(async () => {
  await t?.close()
})

async function statementsFor(who: DemoKey, path: string): Promise<string[]> {
  const token = await t.tokenFor(who)
  let status = 0
  const statements = await t.statementsDuring(async () => {
    status = (await t.call('GET', path, { token })).status
  })
  expect(status, path).toBe(200)
  return statements
}

const budget: [who: DemoKey, label: string, path: () => string, statements: number][] = [
  ['wang', 'who am I', () => '/api/me', 1],
  ['chen', 'who am I as staff', () => '/api/me', 1],
  ['wangjd', 'who am I at the street', () => '/api/me', 1],
  // 首页 待办: the actor and every part in one union, in one statement.
  ['wang', 'my to-do', () => '/api/me/todo', 1],
  ['chen', 'the staff’s to-do', () => '/api/me/todo', 1],
  // The actor inside the read's own statement (decision 037).
  ['wang', 'the concern board', () => `/api/communities/${wenan}/concerns?status=all`, 1],
  ['chen', 'the concern board as staff', () => `/api/communities/${wenan}/concerns?status=open`, 1],
  ['wang', 'a concern', () => `/api/concerns/${concernId}`, 1],
  ['chen', 'a concern as staff', () => `/api/concerns/${concernId}`, 1],
  ['wang', 'the sessions of the month', () => `/api/communities/${wenan}/sessions`, 1],
  ['wang', 'a session', () => `/api/sessions/${sessionId}`, 1],
  ['wang', 'the votes', () => `/api/communities/${wenan}/proposals`, 1],
  ['wang', 'a vote', () => `/api/proposals/${voteId}`, 1],
  ['wang', 'a vote’s running result', () => `/api/proposals/${liveVoteId}/result`, 1],
  ['wang', 'notifications', () => '/api/notifications', 1],
  // One statement: the actor, the unit (or the units' names), the street's settings and the sums (decisions 027, 037).
  ['chen', 'the community’s 三率', () => `/api/kpis?scope=community&id=${wenan}&from=2026-11-01&to=2026-11-30`, 1],
  ['wangjd', 'the street’s 三率', () => `/api/kpis?scope=street&id=${demo.streetId}&from=2026-11-01&to=2026-11-30`, 1],
  ['wangjd', 'the street’s ranking', () => `/api/kpis/ranking?street=${demo.streetId}&level=community&from=2026-11-01&to=2026-11-30`, 1],
  [
    'wangjd',
    'the street’s ranking of workers, loose days',
    () => `/api/kpis/ranking?street=${demo.streetId}&level=worker&from=2026-10-15&to=2026-11-20`,
    1,
  ],
]

describe('database round trips per request', () => {
  it('loads the signed-in person in one statement', async () => {
    const statements = await statementsFor('wang', `/api/communities/${wenan}`)
    const actor = statements.filter((s) => /from users u where u\.id/.test(s) && /street_memberships/.test(s))
    expect(actor).toHaveLength(1)
  })

  it.each(budget)('%s: %s stays within its budget', async (who, label, path, most) => {
    const statements = await statementsFor(who, path())
    if (process.env.ROUND_TRIPS_PRINT) console.log(`${label}: ${statements.length}`)
    expect(statements.length, `${label}:\n${statements.join('\n')}`).toBeLessThanOrEqual(most)
  })

  it('a ballot is two statements and no transaction: the vote with the actor and the roll, then the insert', async () => {
    await t.tokenFor('zhao')
    let status = 0
    const statements = await t.statementsDuring(async () => {
      status = (await castAs(t, 'zhao', voteId, ['yes'])).status
    })
    expect(status).toBe(201)
    // The rate limiter's counter aside (its own statement, off in the benchmarks).
    const own = statements.filter((s) => !/rate_limit_counters/.test(s))
    const all = own.join('\n')
    expect(own, all).toHaveLength(2)
    expect(own[1], all).toMatch(/insert into "vote_ballots"[\s\S]*for share/)
  })

  it('raising a concern is three statements and no transaction: the lookups, every write, the reply', async () => {
    // wenan has staff, so the raise notifies them: the statement with the most parts.
    const key = `round-trips-${Date.now()}`
    const sent = await t.statementsDuring(() => raiseId(t, 'wang', {}, key))
    const statements = sent.filter((s) => !/rate_limit_counters/.test(s))
    const all = statements.join('\n')
    expect(statements, all).toHaveLength(3)
    expect(
      statements.some((s) => /^(begin|commit)\b/i.test(s.trim())),
      all,
    ).toBe(false)
    // The actor with the lookups, the dispatch facts and what the key already made (nothing yet).
    expect(statements[0], all).toMatch(/"idempotency_keys"/)
    // Every write rides in one statement: the number counter (the community's row is held from it
    // to the statement's end), the concern, the author's follow, the submit event, the key, the
    // staff's notice with its WeChat message, and the 三率 counters of day, month and the
    // community's month.
    const writes = statements[1]
    for (const part of [
      /insert into "concern_counters"/,
      /insert into "concerns"/,
      /insert into "follows"/,
      /insert into "concern_events"/,
      /insert into "idempotency_keys"/,
      /insert into "notifications"/,
      /insert into "outbox"/,
      /insert into "kpi_daily"/,
      /insert into "kpi_monthly"/,
      /insert into "kpi_community_monthly"/,
    ])
      expect(writes, all).toMatch(part)
    // The reply, the concern's detail, is read after the write committed.
    expect(statements[2], all).toMatch(/^select/i)
    if (process.env.ROUND_TRIPS_PRINT) console.log(`raise: ${statements.length}\n${all}`)
  })

  it('a replayed raise reads and answers: two statements, nothing written', async () => {
    const key = `round-trips-replay-${Date.now()}`
    const first = await raiseId(t, 'wang', { description: '重放测试：3号楼门口的井盖松了' }, key)
    const sent = await t.statementsDuring(async () => {
      expect(await raiseId(t, 'wang', { description: '重放测试：3号楼门口的井盖松了' }, key)).toBe(first)
    })
    const statements = sent.filter((s) => !/rate_limit_counters/.test(s))
    const all = statements.join('\n')
    expect(statements, all).toHaveLength(2)
    expect(
      statements.some((s) => /^\s*(with|insert|update)\b/i.test(s) || /insert into/i.test(s)),
      all,
    ).toBe(false)
  })
})

/** The statements of one write, without the rate limit's hit and without `begin`/`commit` (logged on node-postgres only). */
async function writeStatements(who: DemoKey, method: string, path: string, body?: unknown) {
  const token = await t.tokenFor(who)
  let status = 0
  const sent = await t.statementsDuring(async () => {
    status = (await t.call(method, path, { token, body })).status
  })
  expect(status, `${method} ${path}`).toBeLessThan(300)
  const transaction = sent.some((s) => /^(begin|commit)\b/i.test(s.trim()))
  return { statements: sent.filter((s) => !/rate_limit_counters|^\s*(begin|commit)\b/i.test(s)), transaction }
}

describe('database round trips per everyday write', () => {
  it('co-signing, withdrawing it, following and unfollowing: the actor, the concern, one write; no transaction', async () => {
    const id = await raiseId(t, 'wang', { description: '5号楼旁边的垃圾桶满了没人清理' })
    await t.tokenFor('zhao')
    for (const [method, path] of [
      ['POST', `/api/concerns/${id}/cosign`],
      ['DELETE', `/api/concerns/${id}/cosign`],
      ['POST', `/api/concerns/${id}/follow`],
      ['DELETE', `/api/concerns/${id}/follow`],
    ] as const) {
      const { statements, transaction } = await writeStatements('zhao', method, path)
      const all = statements.join('\n')
      expect(statements, `${method} ${path}\n${all}`).toHaveLength(3)
      expect(transaction, all).toBe(false)
      expect(statements[2], all).toMatch(/^with .*update "concerns"/s)
    }
  })

  // Registering: the session row locked, the registration, the counts and the event in one statement, no transaction.
  it.each([
    ['registering for a session: the actor, the session, one write', 'POST', 'registration', 3],
    ['cancelling it: the actor, the session, its row locked, the cancel, whether someone waits to move up', 'DELETE', 'registration', 5],
  ] as const)('%s', async (_label, method, action, most) => {
    await t.tokenFor('wang')
    const { statements } = await writeStatements('wang', method, `/api/sessions/${sessionId}/${action}`)
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(most)
  })

  it('accepting a concern: the actor, the concern; the locked row with its clock, the update, the 三率 counters in two, the event, the followers, the notice; the reply; the audit entry', async () => {
    const id = await raiseId(t, 'wang', { description: '2号楼的单元门禁坏了，门关不上' })
    await t.tokenFor('liu')
    const { statements } = await writeStatements('liu', 'POST', `/api/concerns/${id}/transitions`, { action: 'accept' })
    const all = statements.join('\n')
    expect(statements.length, all).toBeLessThanOrEqual(11)
    // Three counter tables, each row's delta: every missing row created in one statement, every delta added in one.
    const counters = statements.filter((s) => /"kpi_(daily|monthly|community_monthly)"/.test(s))
    expect(counters, all).toHaveLength(2)
    expect(counters[1], all).toMatch(/"kpi_daily"/)
    expect(counters[1], all).toMatch(/"kpi_community_monthly"/)
    // The community's limits and the grid's workers are read with the row it locks.
    expect(
      statements.filter((s) => /community_limits|grid_workers/.test(s)),
      all,
    ).toHaveLength(1)
  })
})
