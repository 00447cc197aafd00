import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type DemoKey, type TestApp } from '../helpers/app.js'
import { as, userIdOf } from '../helpers/councils.js'
import { castAs, openProposal, pathsOf, proposalAction, proposalBody, seedBuilding, type SeededHousehold } from '../helpers/votes.js'

/** Who voted what is in no reply but the voter's own ballot: lists, details, participation and results, before and after close. */
let t: TestApp
const clock = new Date('2026-12-01T01:00:00Z').getTime()
const now = () => new Date(clock)
let hh: SeededHousehold[]
let buildingId: string

beforeAll(async () => {
  t = await startTestApp({ now })
  ;({ buildingId, households: hh } = await seedBuilding(t, [9000, 9100, 9200, 9300], { members: 2, now: now(), name: '隐私楼' }))
})
afterAll(() => t?.close())

const staffAndOthers: DemoKey[] = ['chen', 'liu', 'li', 'anju', 'zhou', 'wang', 'zhao']

/** Every reply a viewer can get about the vote, as JSON. */
async function everything(viewer: string, id: string) {
  const token = await as(t, viewer)
  const urls = [
    `/api/communities/${demo.community.wenan}/proposals`,
    `/api/proposals/${id}`,
    `/api/proposals/${id}/participation`,
    `/api/proposals/${id}/participation?voted=yes`,
    `/api/proposals/${id}/result`,
  ]
  const out: Array<{ url: string; status: number; body: unknown }> = []
  for (const url of urls) {
    const res = await t.call('GET', url, { token })
    out.push({ url, status: res.status, body: await res.json() })
  }
  return out
}

function assertNoOtherBallots(replies: Awaited<ReturnType<typeof everything>>, own: { choices: string[] } | null, otherUserIds: string[]) {
  for (const r of replies) {
    const choicePaths = pathsOf(r.body, 'choices')
    const allowed = own ? ['viewer.myBallot.choices'] : []
    expect(
      choicePaths.filter((p) => !allowed.includes(p)),
      r.url,
    ).toEqual([])
    if (own && choicePaths.length)
      expect((r.body as { viewer: { myBallot: { choices: string[] } } }).viewer.myBallot.choices).toEqual(own.choices)
    expect(pathsOf(r.body, 'castBy'), r.url).toEqual([])
    const text = JSON.stringify(r.body)
    for (const u of otherUserIds) expect(text, r.url).not.toContain(u)
    if (r.url.includes('participation') && r.status === 200) {
      for (const item of (r.body as { items: object[] }).items) expect(Object.keys(item).sort()).toEqual(['electorId', 'label', 'voted'])
    }
  }
}

describe('secrecy of the ballot', () => {
  it('holds for a per-household vote, for every viewer, before and after the close', async () => {
    const id = await openProposal(
      t,
      proposalBody(now(), {
        title: '隐私楼电动车充电桩',
        unit: 'household',
        electorate: { kind: 'households', buildingIds: [buildingId] },
        liveResults: false,
      }),
    )
    const cast: Array<{ token: string; choices: string[] }> = [
      { token: hh[0].tokens[0], choices: ['yes'] },
      { token: hh[1].tokens[1], choices: ['no'] },
      { token: hh[2].tokens[0], choices: ['abstain'] },
    ]
    for (const c of cast) expect((await castAs(t, c.token, id, c.choices)).status).toBe(201)
    const voterIds = cast.map((c) => userIdOf(c.token))
    for (const phase of ['open', 'closed'] as const) {
      if (phase === 'closed') expect((await proposalAction(t, id, { action: 'close' })).status).toBe(200)
      for (const c of cast)
        assertNoOtherBallots(
          await everything(c.token, id),
          c,
          voterIds.filter((u) => u !== userIdOf(c.token)),
        )
      // The other member of a household that voted sees that it voted, not how.
      assertNoOtherBallots(await everything(hh[0].tokens[1], id), null, voterIds)
      assertNoOtherBallots(await everything(hh[3].tokens[0], id), null, voterIds)
      for (const who of staffAndOthers) assertNoOtherBallots(await everything(who, id), null, voterIds)
    }
  })

  it('holds for a per-resident vote with running counts shown', async () => {
    const id = await openProposal(t, proposalBody(now(), { title: '社区活动室开放时间', liveResults: true }))
    expect((await castAs(t, 'wang', id, ['yes'])).status).toBe(201)
    expect((await castAs(t, 'zhao', id, ['no'])).status).toBe(201)
    assertNoOtherBallots(await everything('wang', id), { choices: ['yes'] }, [demo.user.zhao])
    assertNoOtherBallots(await everything('zhao', id), { choices: ['no'] }, [demo.user.wang])
    for (const who of ['chen', 'liu', 'li'] as const)
      assertNoOtherBallots(await everything(who, id), null, [demo.user.wang, demo.user.zhao])
    // Participation names people (staff only), but says nothing of their choice.
    const page = (await (await t.call('GET', `/api/proposals/${id}/participation`, { token: await t.tokenFor('liu') })).json()) as {
      items: { label: string; voted: boolean }[]
    }
    expect(
      page.items
        .filter((i) => i.voted)
        .map((i) => i.label)
        .sort(),
    ).toEqual(['王秀英', '赵晓梅'])
  })
})
