import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { concernBody, jpeg } from '../helpers/concerns.js'
import { sessionBody } from '../helpers/councils.js'
import { startFakeWechat } from '../helpers/fake-wechat.js'
import { expected, parseTable, printObserved } from '../helpers/matrix-table.js'
import { needsRecipes } from '../helpers/matrix-needs.js'
import { errandSecrets, errandsRecipes } from '../helpers/matrix-errands.js'
import { pointsRecipes } from '../helpers/matrix-points.js'
import { volunteeringRecipes } from '../helpers/matrix-volunteering.js'
import { projectsRecipes } from '../helpers/matrix-projects.js'
import { demoResourcePhones } from '../../db/seed-needs.js'
import { buildMatrixWorld, matrixActors, wenanId, type MatrixActor, type MatrixWorld } from '../helpers/matrix.js'
import { readStatements as readBudget } from '../helpers/read-budget.js'
import { trackingRecipes } from '../helpers/tracking.js'
import { proposalBody } from '../helpers/votes.js'

/**
 * Every operation of the served OpenAPI document × every kind of person (the table: test/helpers/matrix-table.ts), one call each, against
 * one seeded world (test/helpers/matrix.ts). Unless a row says otherwise the resources are 文安路社区's:
 * a public concern of 王秀英's (anonymous, at her room, assigned to 安居物业) and a private one, an
 * open session that invites 安居物业 with a pending topic, an open vote 王秀英 has voted in.
 *
 * The rule the table checks: someone who may not see a thing gets 404 for every verb on it, never a
 * 403 that confirms it exists; 403 is for a thing they can see but may not do this to. 409 means
 * "allowed, but not in this state" (an open session cannot be opened again). A new operation
 * without a row fails the test.
 *
 * Columns: anon nobody signed in · wang 文安 resident (verified) · zhou 民主 resident (verified) ·
 * pending / rejected a 文安 claimant whose claim is pending / was rejected · liu / chen 文安 worker /
 * admin · wu / zheng 民主 worker / admin · anju 安居物业, partner of 文安 · street 王街道, official of
 * 人民路街道 (sees figures, grids and overdue lists; writes only its street's settings).
 */

const columns = ['anon', ...matrixActors.slice(1).map((a) => a.key)] as MatrixActor[]

interface Recipe {
  /** The path with its parameters filled in; by default from the world (the concern, the session …). */
  path?: (w: MatrixWorld, a: MatrixActor) => string | Promise<string>
  query?: (w: MatrixWorld) => string
  body?: (w: MatrixWorld, a: MatrixActor) => unknown
  /** A request the JSON helper cannot make (multipart). */
  send?: (w: MatrixWorld, token: string | undefined) => Promise<Response>
  /** Runs after every other operation (its side effects would change other rows). */
  last?: boolean
}

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const monthStart = `${today.slice(0, 8)}01`
const monthEnd = today
const future = (days: number) => new Date(Date.now() + days * 86400_000)
let loginCount = 0

const recipes: Record<string, Recipe> = {
  'POST /api/auth/wechat': { body: () => ({ code: `ok-matrix_login${loginCount++}` }) },
  'POST /api/auth/dev': { body: () => ({ userId: demo.user.li }) },
  'PATCH /api/me': { body: (w, a) => ({ nickname: w.nickname[a] ?? '路过的人' }) },
  // Without the confirmation word: a real deletion would leave every later row at 401 (test/api/privacy.test.ts deletes).
  'DELETE /api/me': { body: () => ({ confirm: '不注销' }) },
  'GET /api/communities/{communityId}/households': { query: (w) => `unitId=${w.unitId}` },
  'POST /api/residency/claims': { body: (w) => ({ householdId: w.freeHousehold(), relation: 'tenant' }), last: true },
  'POST /api/residency/claims/{claimId}/withdraw': { path: (w) => `/api/residency/claims/${w.pendingOwnClaimId}/withdraw` },
  'POST /api/residency/claims/{claimId}/approve': { path: async (w) => `/api/residency/claims/${await w.freshClaim()}/approve` },
  'POST /api/residency/claims/{claimId}/reject': {
    path: async (w) => `/api/residency/claims/${await w.freshClaim()}/reject`,
    body: () => ({ reason: '材料不全，请补充房产证' }),
  },
  'GET /api/concerns/similar': {
    query: () => `communityId=${wenanId}&category=facilities&description=${encodeURIComponent('路灯坏了晚上很黑')}`,
  },
  'GET /api/concerns/{concernId} · private': { path: (w) => `/api/concerns/${w.privateConcernId}` },
  'POST /api/concerns/{concernId}/cosign · private': { path: (w) => `/api/concerns/${w.privateConcernId}/cosign` },
  'POST /api/concerns/{concernId}/follow · private': { path: (w) => `/api/concerns/${w.privateConcernId}/follow` },
  'POST /api/concerns/{concernId}/transitions · private': {
    path: (w) => `/api/concerns/${w.privateConcernId}/transitions`,
    body: () => ({ action: 'note', note: '已联系楼上住户' }),
  },
  'POST /api/concerns/{concernId}/rating · private': {
    path: (w) => `/api/concerns/${w.privateConcernId}/rating`,
    body: () => ({ rating: 5 }),
  },
  "GET /api/topics/{topicId} · another's pending": { path: (w) => `/api/topics/${w.otherTopicId}` },
  'GET /api/proposals/{proposalId} · draft': { path: (w) => `/api/proposals/${w.draftProposalId}` },
  'PATCH /api/proposals/{proposalId} · draft': {
    path: (w) => `/api/proposals/${w.draftProposalId}`,
    body: () => proposalBody(new Date(), { title: '小区东门加装道闸（修改）' }),
  },
  'POST /api/proposals/{proposalId}/actions · draft': {
    path: (w) => `/api/proposals/${w.draftProposalId}/actions`,
    body: () => ({ action: 'close' }),
  },
  'POST /api/proposals/{proposalId}/ballots · draft': {
    path: (w) => `/api/proposals/${w.draftProposalId}/ballots`,
    body: () => ({ choices: ['yes'] }),
  },
  'POST /api/concerns': { body: () => concernBody() },
  'POST /api/concerns/{concernId}/transitions': { body: () => ({ action: 'note', note: '已联系电工，明天上午到场' }) },
  'POST /api/concerns/{concernId}/rating': { body: () => ({ rating: 5 }) },
  'POST /api/communities/{communityId}/sessions': { body: () => sessionBody(future(20)) },
  'POST /api/communities/{communityId}/rules': {
    body: () => ({
      kind: 'monthly_council',
      title: '每月一议',
      venue: '睦邻议事厅',
      capacity: 60,
      agendaSlots: 6,
      bookingLeadHours: 72,
      schedule: { freq: 'monthly', nth: 2, weekday: 5, time: '19:00', durationMinutes: 120 },
      active: false,
    }),
  },
  'PATCH /api/sessions/{sessionId}': { body: (w) => w.sessionInput },
  'POST /api/sessions/{sessionId}/actions': { body: () => ({ action: 'open' }) },
  'POST /api/sessions/{sessionId}/check-in': { body: (w) => ({ code: w.secrets.checkInCode }) },
  'POST /api/sessions/{sessionId}/topics': { body: () => ({ title: '加装电梯', reason: '老人上下楼困难，希望议一议加装电梯的事' }) },
  'POST /api/sessions/{sessionId}/minutes': {
    body: () => ({ text: '本次议事会讨论了楼道堆物和加装电梯两件事，形成两项决议。', attendeeCount: 12 }),
  },
  'POST /api/topics/{topicId}/decision': {
    path: async (w) => `/api/topics/${await w.freshTopic()}/decision`,
    body: () => ({ action: 'decline', reason: '不属于本社区议事范围' }),
  },
  'POST /api/topics/{topicId}/withdraw': { path: (w) => `/api/topics/${w.wangTopicId}/withdraw` },
  'POST /api/topics/{topicId}/resolution': {
    body: () => ({ text: '由物业两周内清理楼道', responsibleParty: 'property_company', deadline: future(14).toISOString() }),
  },
  'GET /api/calendar/{communityId}/{scope}/{signature}/councils.ics': { path: (w) => w.feedPath },
  'POST /api/communities/{communityId}/proposals': { body: () => proposalBody(new Date()) },
  'PATCH /api/proposals/{proposalId}': { body: () => proposalBody(new Date()) },
  'POST /api/proposals/{proposalId}/actions': { body: () => ({ action: 'open' }) },
  'POST /api/proposals/{proposalId}/ballots': { body: () => ({ choices: ['yes'] }) },
  'POST /api/photos': {
    send: async (w, token) => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(await jpeg({ width: 64, height: 48 }))], { type: 'image/jpeg' }), 'p.jpg')
      return w.t.app.request('/api/photos', { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form })
    },
  },
  'POST /api/photos/{photoId}/review': { body: () => ({ verdict: 'pass' }) },
  'POST /api/wechat/events': { body: () => ({}) },
  'POST /api/concerns/{concernId}/acknowledge': { body: () => ({ note: '已签收，马上联系' }) },
  'POST /api/concerns/{concernId}/arrive': { body: () => ({ note: '已到现场' }) },
  'GET /api/kpis': { query: () => `scope=community&id=${wenanId}&from=${monthStart}&to=${monthEnd}` },
  'GET /api/kpis/ranking': { query: () => `street=${demo.streetId}&level=community&from=${monthStart}&to=${monthEnd}` },
  'GET /api/kpis/concerns': { query: () => `scope=community&id=${wenanId}&from=${monthStart}&to=${monthEnd}&measure=response` },
  'GET /api/kpis/breakdown': { query: () => `scope=community&id=${wenanId}&by=grid&from=${monthStart}&to=${monthEnd}` },
  'GET /api/kpis/trend': { query: () => `scope=community&id=${wenanId}&months=12` },
  'PUT /api/streets/{streetId}/settings': {
    body: () => ({ weights: { response: 10, resolution: 50, satisfaction: 40 }, basicSatisfiedPercent: 90, minSample: 10 }),
  },
  'POST /api/communities/{communityId}/grids': { body: (_w, a) => ({ name: `矩阵网格${a}`, buildingIds: [], workerIds: [] }) },
  'PATCH /api/grids/{gridId}': { body: () => ({ name: '第二网格' }) },
  'DELETE /api/grids/{gridId}': {
    // A fresh grid for every person, so one deletion does not decide the next person's answer.
    path: async (w, a) => {
      const res = await w.t.call('POST', `/api/communities/${wenanId}/grids`, { token: w.token.chen, body: { name: `待删网格${a}` } })
      if (res.status !== 201) throw new Error(`grid for DELETE: ${res.status} ${await res.text()}`)
      return `/api/grids/${((await res.json()) as { id: string }).id}`
    },
  },
  'PUT /api/communities/{communityId}/limits': {
    body: () => ({ overrides: { facilities: { acknowledge: { unit: 'minutes', amount: 120 } } } }),
  },
  'GET /api/overdue': { query: () => `communityId=${wenanId}` },
  'GET /api/communities/{communityId}/ledgers/{kind}.xlsx': { query: () => `from=${monthStart}&to=${monthEnd}` },
  'GET /api/streets/{streetId}/ledgers/{kind}.xlsx': { query: () => `from=${monthStart}&to=${monthEnd}` },
  'POST /api/notifications/read': { body: () => ({}) },
  ...trackingRecipes(),
  ...(needsRecipes as Record<string, Recipe>),
  ...pointsRecipes,
  ...(errandsRecipes as Record<string, Recipe>),
  ...volunteeringRecipes,
  ...(projectsRecipes(() => t) as Record<string, Recipe>),
}

function operationOf(row: string): string {
  return row.split(' · ')[0]
}

function fillPath(w: MatrixWorld, path: string): string {
  const values: Record<string, string> = {
    communityId: wenanId,
    concernId: w.concernId,
    sessionId: w.sessionId,
    topicId: w.topicId,
    proposalId: w.proposalId,
    photoId: w.photoId,
    name: w.photoFile,
    streetId: demo.streetId,
    gridId: demo.grid('wenan-2'),
    kind: 'concerns',
    needId: w.needs.needId,
    roundId: w.needs.roundId,
    projectId: demo.projectId,
  }
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!values[name]) throw new Error(`no value for {${name}} in ${path}: give the operation a recipe`)
    return values[name]
  })
}

let t: TestApp
let wechat: Awaited<ReturnType<typeof startFakeWechat>>
let w: MatrixWorld
let operations: string[]
const observed = new Map<string, Record<string, number>>()
const leaks: string[] = []
const readStatementsSeen: { operation: string; actor: MatrixActor; count: number }[] = []

beforeAll(async () => {
  wechat = await startFakeWechat()
  t = await startTestApp({ wechatBase: wechat.base, env: { CRON_SECRET: 'matrix-cron-secret-0123456789' } })
  w = await buildMatrixWorld(t)
  const doc = (await (await t.call('GET', '/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> }
  operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
}, 120_000)
afterAll(async () => {
  await t?.close()
  await wechat?.close()
})

describe('the role × operation matrix', () => {
  it('has one row per documented operation and one column per kind of person', () => {
    const { header, rows } = parseTable(expected)
    expect(header).toEqual(columns)
    expect(operations.filter((o) => !rows.has(o))).toEqual([])
    // Extra rows are variants of a documented operation on another resource: "<operation> · private".
    expect([...rows.keys()].filter((row) => !operations.includes(operationOf(row)))).toEqual([])
  })

  it('answers each person as the table says, and never with data they must not see', async () => {
    const rowNames = [...new Set([...operations, ...parseTable(expected).rows.keys()])]
    const ordered = [...rowNames.filter((o) => !recipes[o]?.last), ...rowNames.filter((o) => recipes[o]?.last)]
    for (const operation of ordered) {
      const [method, docPath] = operationOf(operation).split(' ')
      const r = recipes[operation] ?? {}
      const statuses: Record<string, number> = {}
      for (const a of columns) {
        const token = w.token[a]
        let res: Response
        if (r.send) res = await r.send(w, token)
        else {
          const path = r.path ? await r.path(w, a) : fillPath(w, docPath)
          const query = r.query ? `?${r.query(w)}` : ''
          const call = () => t.call(method, path + query, { token, body: r.body?.(w, a) })
          if (method === 'GET' && token) {
            let got: Response | undefined
            const statements = await t.statementsDuring(async () => {
              got = await call()
            })
            res = got as Response
            if (res.status === 200) readStatementsSeen.push({ operation, actor: a, count: statements.length })
          } else res = await call()
        }
        statuses[a] = res.status
        const text = await res.text()
        for (const leak of leaksIn(operation, a, text)) leaks.push(`${operation} → ${a}: ${leak}`)
      }
      observed.set(operation, statuses)
    }
    // MATRIX_PRINT=<file> writes the observed table there, to review a change of rules.
    if (process.env.MATRIX_PRINT) printObserved(String(process.env.MATRIX_PRINT), observed, columns, leaks)
    if (process.env.MATRIX_STATEMENTS) writeFileSync(String(process.env.MATRIX_STATEMENTS), JSON.stringify(readStatementsSeen, null, 1))
    const { rows } = parseTable(expected)
    const mismatches: string[] = []
    for (const [operation, statuses] of observed) {
      for (const a of columns) {
        if (String(statuses[a]) !== rows.get(operation)?.[a])
          mismatches.push(`${operation} → ${a}: ${statuses[a]}, expected ${rows.get(operation)?.[a]}`)
      }
    }
    expect(mismatches).toEqual([])
    expect(leaks).toEqual([])
    expect(readsOverBudget()).toEqual([])
  }, 300_000)
})

/**
 * Every read answered 200 sends as many statements as test/helpers/read-budget.ts says: one unless
 * listed there, exactly the listed number otherwise (the most any person's read sent).
 */
function readsOverBudget(): string[] {
  const most = new Map<string, number>()
  for (const r of readStatementsSeen) most.set(r.operation, Math.max(most.get(r.operation) ?? 0, r.count))
  const wrong: string[] = []
  for (const [operation, count] of most) {
    const budget = readBudget[operation] ?? 1
    if (count !== budget && !(budget === 1 && count === 0)) wrong.push(`${operation}: ${count} statements, budget ${budget}`)
  }
  return wrong
}

/** Who may see what (docs/product.md, Privacy). Each returns what leaked, if anything. */
/** Phones the matrix world gives its people (seed and test/helpers/matrix.ts). */
const ownPhones: Partial<Record<MatrixActor, string>> = { wang: '13804110001', pending: '13712340000' }

function leaksIn(operation: string, a: MatrixActor, text: string): string[] {
  const found: string[] = []
  const { secrets } = w
  // A person's own export carries their own phone, unmasked: it is theirs (个人信息保护法 art. 45).
  const own = operation === 'GET /api/me/export' ? ownPhones[a] : undefined
  for (const phone of secrets.phones) if (phone !== own && text.includes(phone)) found.push(`phone ${phone}`)
  for (const openid of secrets.openids) if (text.includes(openid)) found.push(`openid ${openid}`)
  if (/"openid"/.test(text)) found.push('an openid field')
  const seesAuthor = a === 'wang' || a === 'liu' || a === 'chen' || a === 'anju'
  // The dev login's list of demo people names everyone by design (never in production).
  if (!seesAuthor && operation !== 'GET /api/auth/dev/users' && text.includes(secrets.wangName)) found.push('the anonymous author’s name')
  if (!seesAuthor && text.includes(secrets.wangRoom)) found.push('the author’s room')
  const staff = a === 'liu' || a === 'chen'
  if (!staff && text.includes(`"${secrets.checkInCode}"`)) found.push('the check-in code')
  for (const phone of demoResourcePhones) if (!staff && text.includes(phone)) found.push(`a resource's contact ${phone}`)
  for (const secret of Object.values(errandSecrets))
    if (a !== 'wang' && !staff && text.includes(secret)) found.push(`an errand's contact ${secret}`)
  if (a !== 'wang' && /"ballot":\{/.test(text)) found.push('someone else’s ballot')
  if (a !== 'wang' && /"choices":\["no"\]/.test(text)) found.push('王秀英’s choice')
  return found
}
