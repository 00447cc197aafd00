import { demo } from '../../db/seed.js'
import type { TestApp } from './app.js'
import { sessionBody } from './councils.js'
import { needBody, resourceBody } from './needs.js'

/**
 * The 需求清单 and 资源清单 part of the matrix world: an open need of 文安路社区 (seeded, 楼道照明), a
 * dot round open now before a session of its own, sessions for staff to open rounds on, and a
 * fresh pending need per review.
 */
export interface NeedsWorld {
  needId: string
  roundId: string
  /** A session without a round, per staff member who may open one. */
  roundSession: Partial<Record<string, string>>
  freshPendingNeed(): Promise<string>
  /** A resource 陈书记 records (a unit's), fresh for each request. */
  freshResource(): Promise<string>
}

async function ok(res: Response, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`)
  return (await res.json()) as Record<string, any>
}

export async function buildNeedsWorld(t: TestApp, token: Record<string, string | undefined>): Promise<NeedsWorld> {
  const wenan = demo.community.wenan
  const chen = { token: token.chen }
  const session = async (days: number) =>
    (
      await ok(
        await t.call('POST', `/api/communities/${wenan}/sessions`, { ...chen, body: sessionBody(new Date(Date.now() + days * 86400_000)) }),
        201,
        'session',
      )
    ).id as string
  const roundSessionId = await session(15)
  const round = await ok(
    await t.call('POST', `/api/communities/${wenan}/need-rounds`, {
      ...chen,
      body: {
        sessionId: roundSessionId,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
      },
    }),
    201,
    'round',
  )
  const roundSession = { liu: await session(16), chen: await session(17) }
  let n = 0
  return {
    needId: demo.needId('light'),
    roundId: round.id,
    roundSession,
    freshPendingNeed: async () =>
      (
        await ok(
          await t.call('POST', `/api/communities/${wenan}/needs`, { token: token.wang, body: needBody({ title: `矩阵需求${n++}号` }) }),
          201,
          'need',
        )
      ).id as string,
    freshResource: async () =>
      (
        await ok(
          await t.call('POST', `/api/communities/${wenan}/resources`, { ...chen, body: resourceBody({ title: `矩阵资源${n++}号` }) }),
          201,
          'resource',
        )
      ).id as string,
  }
}

type W = { needs: NeedsWorld }
const future = (days: number) => new Date(Date.now() + days * 86400_000).toISOString()

/** The matrix recipes of the needs operations (see test/api/matrix.test.ts). */
export const needsRecipes = {
  'POST /api/communities/{communityId}/needs': { body: () => needBody() },
  'POST /api/needs/{needId}/review': {
    path: async (w: W) => `/api/needs/${await w.needs.freshPendingNeed()}/review`,
    body: () => ({ action: 'accept' }),
  },
  'POST /api/communities/{communityId}/need-rounds': {
    body: (w: W, a: string) => ({
      sessionId: w.needs.roundSession[a] ?? w.needs.roundSession.chen,
      opensAt: future(0),
      closesAt: future(5),
    }),
  },
  'PUT /api/need-rounds/{roundId}/dots/{needId}': { body: () => ({ count: 1 }) },
  'POST /api/need-rounds/{roundId}/offer': { body: (w: W) => ({ needIds: [w.needs.needId] }), last: true },
  'PATCH /api/resources/{resourceId}': {
    path: async (w: W) => `/api/resources/${await w.needs.freshResource()}`,
    body: () => ({ availability: '每周六上午 9:00–11:00' }),
  },
  'POST /api/resources/{resourceId}/withdraw': { path: async (w: W) => `/api/resources/${await w.needs.freshResource()}/withdraw` },
  'POST /api/communities/{communityId}/resources': {
    body: () =>
      resourceBody({ ownerKind: 'resident', ownerName: '热心居民', kind: 'skill', title: '修自行车', contactPhone: '13600000000' }),
  },
}
