import { buildings, households, residencyClaims, units, users } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { issueToken } from '../../functions/auth/tokens.js'
import { testSecret, type DemoKey, type TestApp } from './app.js'
import { as } from './councils.js'

/** A proposal form: a standalone yes/no vote of 文安路社区's verified residents, one per person, simple majority. */
export function proposalBody(now: Date, over: Record<string, unknown> = {}) {
  return {
    title: '楼道加装声控灯',
    text: '在各楼道加装声控灯，费用由社区微更新经费承担。',
    options: { kind: 'yes_no' },
    electorate: { kind: 'residents' },
    unit: 'resident',
    rule: 'simple_majority',
    opensAt: new Date(now.getTime() - 60_000).toISOString(),
    closesAt: new Date(now.getTime() + 7 * 86400_000).toISOString(),
    ...over,
  }
}

export async function createProposal(t: TestApp, body: Record<string, unknown>, who: DemoKey = 'chen', communityId = demo.community.wenan) {
  const res = await t.call('POST', `/api/communities/${communityId}/proposals`, { token: await t.tokenFor(who), body })
  if (res.status !== 201) throw new Error(`create proposal failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

export async function proposalAction(t: TestApp, id: string, body: Record<string, unknown>, who: DemoKey = 'chen') {
  return t.call('POST', `/api/proposals/${id}/actions`, { token: await t.tokenFor(who), body })
}

/** Creates and opens a vote; returns its id. */
export async function openProposal(t: TestApp, body: Record<string, unknown>, who: DemoKey = 'chen') {
  const id = await createProposal(t, body, who)
  const res = await proposalAction(t, id, { action: 'open' }, who)
  if (res.status !== 200) throw new Error(`open failed: ${res.status} ${await res.text()}`)
  return id
}

export async function castAs(t: TestApp, who: DemoKey | string, id: string, choices: string[], householdId?: string) {
  return t.call('POST', `/api/proposals/${id}/ballots`, {
    token: await as(t, who),
    body: householdId ? { choices, householdId } : { choices },
  })
}

export async function proposalOf(t: TestApp, who: DemoKey | string, id: string) {
  const res = await t.call('GET', `/api/proposals/${id}`, { token: await as(t, who) })
  if (res.status !== 200) throw new Error(`proposal detail failed: ${res.status} ${await res.text()}`)
  return res.json() as Promise<Record<string, any>>
}

export interface SeededHousehold {
  id: string
  areaCents: number
  /** One token per member, in order. */
  tokens: string[]
  userIds: string[]
}

/**
 * A new building of 文安路社区 (one unit) with `areas.length` households of the given areas (0.01 m²),
 * each with `members` verified residents (the first an owner, the rest family unless `relation` says
 * otherwise), inserted by SQL; tokens are signed directly (no dev login per person).
 */
export async function seedBuilding(
  t: TestApp,
  areas: number[],
  opts: { members?: number; relation?: 'owner' | 'family' | 'tenant'; now: Date; name?: string },
): Promise<{ buildingId: string; unitId: string; households: SeededHousehold[] }> {
  const db = t.database.db
  const tag = Math.random().toString(36).slice(2, 8)
  const communityId = demo.community.wenan
  const [b] = await db
    .insert(buildings)
    .values({ communityId, name: opts.name ?? `测试楼${tag}`, sortKey: 100 })
    .returning({ id: buildings.id })
  const [u] = await db.insert(units).values({ buildingId: b.id, name: '1单元' }).returning({ id: units.id })
  const hs: SeededHousehold[] = []
  const chunk = 500
  for (let start = 0; start < areas.length; start += chunk) {
    const slice = areas.slice(start, start + chunk)
    const rows = await db
      .insert(households)
      .values(slice.map((a, i) => ({ unitId: u.id, communityId, room: String(start + i + 1), areaM2: a / 100 })))
      .returning({ id: households.id })
    for (const [i, r] of rows.entries()) hs.push({ id: r.id, areaCents: slice[i], tokens: [], userIds: [] })
  }
  const members = opts.members ?? 1
  for (let start = 0; start < hs.length; start += chunk) {
    const slice = hs.slice(start, start + chunk)
    const people = slice.flatMap((h, hi) =>
      Array.from({ length: members }, (_, m) => ({ h, m, nickname: `住户${tag}-${start + hi + 1}-${m + 1}` })),
    )
    const created = await db
      .insert(users)
      .values(people.map((p) => ({ nickname: p.nickname, demoNote: 'vote test' })))
      .returning({ id: users.id })
    await db.insert(residencyClaims).values(
      created.map((c, i) => ({
        userId: c.id,
        householdId: people[i].h.id,
        communityId,
        relation: people[i].m === 0 ? (opts.relation ?? 'owner') : ('family' as const),
        status: 'verified' as const,
        reviewedAt: opts.now,
        createdAt: opts.now,
      })),
    )
    for (let i = 0; i < created.length; i++) people[i].h.userIds.push(created[i].id)
  }
  for (const h of hs) {
    for (const userId of h.userIds) h.tokens.push((await issueToken(userId, testSecret, 30, opts.now)).token)
  }
  return { buildingId: b.id, unitId: u.id, households: hs }
}

/** Every path in a JSON value where a key named `key` appears. */
export function pathsOf(value: unknown, key: string, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => pathsOf(v, key, `${path}[${i}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k === key ? [`${path}.${k}`.replace(/^\./, '')] : []),
      ...pathsOf(v, key, `${path}.${k}`),
    ])
  }
  return []
}
