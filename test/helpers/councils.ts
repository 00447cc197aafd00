import { demo } from '../../db/seed.js'
import type { DemoKey, TestApp } from './app.js'
import { makeResidents } from './concerns.js'

/** The user id inside a bearer token (its `sub`). */
export function userIdOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string }
  return payload.sub
}

/**
 * `n` residents of a community with a verified household each (registering for a session is for
 * verified residents: domain/permissions.ts, 'council.attend'); their tokens.
 */
export const makeVerifiedResidents = makeResidents

/** A session form: 文安路社区's monthly council starting `startsAt`, two hours long, booking closing a day before. */
export function sessionBody(startsAt: Date, over: Record<string, unknown> = {}) {
  return {
    kind: 'monthly_council',
    title: '十二月每月一议',
    description: '议一议楼道堆物和加装电梯',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    venue: '睦邻议事厅',
    capacity: 50,
    bookingDeadline: new Date(startsAt.getTime() - 24 * 3600_000).toISOString(),
    agendaSlots: 4,
    ...over,
  }
}

export async function as(t: TestApp, who: DemoKey | string) {
  return who.includes('.') ? who : t.tokenFor(who as DemoKey)
}

/** Creates a session as a staff member (chen by default) and returns its id. */
export async function createSession(
  t: TestApp,
  startsAt: Date,
  over: Record<string, unknown> = {},
  opts: { who?: DemoKey; communityId?: string; open?: boolean } = {},
): Promise<string> {
  const res = await t.call('POST', `/api/communities/${opts.communityId ?? demo.community.wenan}/sessions`, {
    token: await t.tokenFor(opts.who ?? 'chen'),
    body: sessionBody(startsAt, over),
  })
  if (res.status !== 201) throw new Error(`create session failed: ${res.status} ${await res.text()}`)
  const id = ((await res.json()) as { id: string }).id
  if (opts.open !== false) await sessionAction(t, opts.who ?? 'chen', id, { action: 'open' }, 200)
  return id
}

export async function sessionAction(t: TestApp, who: DemoKey, id: string, body: Record<string, unknown>, expected?: number) {
  const res = await t.call('POST', `/api/sessions/${id}/actions`, { token: await t.tokenFor(who), body })
  if (expected !== undefined && res.status !== expected)
    throw new Error(`${String(body.action)} by ${who}: ${res.status} ${await res.text()}`)
  return res
}

/** 王秀英 books 楼道堆物清理 onto the session, a worker accepts it as the first item, the agenda is fixed; returns the topic id. */
export async function acceptedTopic(t: TestApp, sessionId: string): Promise<string> {
  const booked = await t.call('POST', `/api/sessions/${sessionId}/topics`, {
    token: await t.tokenFor('wang'),
    body: { title: '楼道堆物清理', reason: '楼道里堆了很多杂物，存在消防隐患，希望议一议' },
  })
  const topicId = ((await booked.json()) as { id: string }).id
  await t.call('POST', `/api/topics/${topicId}/decision`, {
    token: await t.tokenFor('liu'),
    body: { action: 'accept', order: 1, minutes: 30 },
  })
  await sessionAction(t, 'chen', sessionId, { action: 'fix_agenda' }, 200)
  return topicId
}

export async function registerAs(t: TestApp, token: string, id: string) {
  return t.call('POST', `/api/sessions/${id}/registration`, { token })
}

export async function sessionDetail(t: TestApp, who: DemoKey | string, id: string) {
  return t.call('GET', `/api/sessions/${id}`, { token: await as(t, who) })
}
