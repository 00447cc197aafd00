import { demo } from '../../db/seed.js'
import type { DemoKey, TestApp } from './app.js'
import { castAs, openProposal, proposalAction, proposalBody } from './votes.js'

/**
 * A tracked item made the way a standalone vote makes one: 陈书记 opens a yes/no vote, 王秀英
 * votes yes, 陈书记 closes it; the approved proposal is tracked (社区 responsible, 30 days).
 * Returns the item's id.
 */
export async function approvedProposalItem(t: TestApp, now: Date, over: Record<string, unknown> = {}): Promise<string> {
  const id = await openProposal(
    t,
    proposalBody(now, {
      title: '东门加装非机动车棚',
      ...over,
    }),
  )
  const cast = await castAs(t, 'wang', id, ['yes'])
  if (cast.status !== 201) throw new Error(`cast: ${cast.status} ${await cast.text()}`)
  const closed = await proposalAction(t, id, { action: 'close' })
  if (closed.status !== 200) throw new Error(`close: ${closed.status} ${await closed.text()}`)
  return itemOf(t, (i) => i.source.proposalId === id)
}

/** The id of the first tracked item of 文安路社区 that `pick` chooses (read as 陈书记). */
export async function itemOf(t: TestApp, pick: (i: TrackedListItem) => boolean, who: DemoKey = 'chen'): Promise<string> {
  const res = await t.call('GET', `/api/communities/${demo.community.wenan}/tracked-items?limit=100`, { token: await t.tokenFor(who) })
  if (res.status !== 200) throw new Error(`tracked items: ${res.status} ${await res.text()}`)
  const found = ((await res.json()) as { items: TrackedListItem[] }).items.find(pick)
  if (!found) throw new Error('no such tracked item')
  return found.id
}

export interface TrackedListItem {
  id: string
  status: string
  progress: number
  overdue: boolean
  partyLabel: string
  source: { kind: string; proposalId: string | null; topicId: string | null; sessionId: string | null }
}

/** The matrix's rows for tracked items (test/api/matrix.test.ts): one approved vote's item (社区 responsible, so 安居物业 is not named on it). */
export function trackingRecipes() {
  let made: Promise<string> | undefined
  const itemPath =
    (t: TestApp, tail = '') =>
    async () => {
      made ??= approvedProposalItem(t, new Date())
      return `/api/tracked-items/${await made}${tail}`
    }
  return {
    'GET /api/tracked-items/{itemId}': { path: (w: { t: TestApp }) => itemPath(w.t)() },
    'PATCH /api/tracked-items/{itemId}': { path: (w: { t: TestApp }) => itemPath(w.t)(), body: () => ({ progress: 10 }) },
    'POST /api/tracked-items/{itemId}/updates': {
      path: (w: { t: TestApp }) => itemPath(w.t, '/updates')(),
      body: () => ({ note: '已联系施工单位，下周进场' }),
    },
  }
}
