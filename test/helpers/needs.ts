import { demo } from '../../db/seed.js'
import type { DemoKey, TestApp } from './app.js'

/** A need body that passes NeedInput; `over` replaces fields. */
export function needBody(over: Record<string, unknown> = {}) {
  return {
    title: '楼道照明改造',
    description: '3 号楼楼道灯常年不亮，老人晚上上下楼不安全，希望换成声控灯',
    category: 'facilities',
    groups: ['elderly_alone'],
    ...over,
  }
}

export function resourceBody(over: Record<string, unknown> = {}) {
  return {
    ownerKind: 'property_company',
    ownerName: '安居物业',
    kind: 'space',
    title: '物业会议室',
    description: '可容纳 30 人，有投影和白板',
    availability: '工作日 9:00–17:00',
    contactName: '孙经理',
    contactPhone: '13900001234',
    ...over,
  }
}

export async function needId(t: TestApp, who: DemoKey, over: Record<string, unknown> = {}, communityId = demo.community.wenan) {
  const res = await t.call('POST', `/api/communities/${communityId}/needs`, { token: await t.tokenFor(who), body: needBody(over) })
  if (res.status !== 201) throw new Error(`need failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

export async function roundId(t: TestApp, sessionId: string, opensAt: Date, closesAt: Date, dots = 3) {
  const res = await t.call('POST', `/api/communities/${demo.community.wenan}/need-rounds`, {
    token: await t.tokenFor('chen'),
    body: { sessionId, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), dots },
  })
  if (res.status !== 201) throw new Error(`round failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}
