import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { residencyClaims } from '../../db/schema/index.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { castAs, openProposal, proposalAction, proposalBody, proposalOf, seedBuilding, type SeededHousehold } from '../helpers/votes.js'

/** Household electorates: owner votes (民法典 278, advisory), one ballot per household, per-resident votes of chosen units. */
let t: TestApp
const clock = new Date('2026-12-01T01:00:00Z').getTime()
const now = () => new Date(clock)

let buildingId: string
let unitId: string
let hh: SeededHousehold[]

beforeAll(async () => {
  t = await startTestApp({ now })
  // Six households, five of 100 m² and one of 500 m² (1000 m² in all); each an owner and a family member.
  const seeded = await seedBuilding(t, [10000, 10000, 10000, 10000, 10000, 50000], { members: 2, now: now(), name: '电梯楼' })
  ;({ buildingId, unitId, households: hh } = seeded)
})
afterAll(() => t?.close())

const owner = (i: number) => hh[i].tokens[0]
const family = (i: number) => hh[i].tokens[1]

async function closeAndResult(id: string) {
  const res = await proposalAction(t, id, { action: 'close' })
  expect(res.status).toBe(200)
  return (await res.json()).result as Record<string, any>
}

describe('owners, ordinary matters: households of a building, by area and by number', () => {
  let id: string

  it('opens with every household of the building on the roll, marked advisory', async () => {
    id = await openProposal(
      t,
      proposalBody(now(), {
        title: '电梯楼外墙保温改造',
        rule: 'owners_ordinary',
        unit: 'household',
        electorate: { kind: 'households', buildingIds: [buildingId] },
      }),
    )
    const d = await proposalOf(t, owner(0), id)
    expect(d).toMatchObject({
      advisory: true,
      unitLabel: '每户一票',
      electorate: { kind: 'households', size: 6, buildings: [{ id: buildingId, name: '电梯楼' }] },
    })
    expect(d.advisoryNote).toContain('参考性表决')
    expect(d.ruleDescription).toContain('民法典第二百七十八条')
    expect(d.viewer).toMatchObject({
      inElectorate: true,
      canVote: true,
      households: [{ id: hh[0].id, label: '电梯楼 1单元 1室', voted: false }],
    })
  })

  it('lets only owners vote for their household (a family member: 403)', async () => {
    const res = await castAs(t, family(3), id, ['yes'])
    expect(res.status).toBe(403)
    expect((await res.json()).error).toMatchObject({ code: 'NOT_AN_OWNER', message: '业主表决只能由认证为业主的居民投票' })
    expect((await proposalOf(t, family(3), id)).viewer).toMatchObject({
      inElectorate: true,
      canVote: false,
      voteBlockedReason: '业主表决只能由认证为业主的居民投票',
    })
  })

  it('passes with 2/3 taking part and more than half of the participating area and households approving', async () => {
    for (const [i, c] of [
      [5, 'yes'],
      [0, 'yes'],
      [1, 'yes'],
      [2, 'no'],
    ] as const) {
      const res = await castAs(t, owner(i), id, [c])
      expect(res.status).toBe(201)
      expect((await res.json()).householdId).toBe(hh[i].id)
    }
    const fam = await proposalOf(t, family(0), id)
    expect(fam.viewer).toMatchObject({ householdVoted: true, voted: true, myBallot: null })
    const result = await closeAndResult(id)
    expect(result).toMatchObject({
      advisory: true,
      weighsArea: true,
      outcome: 'passed',
      electorate: { count: 6, areaM2: 1000 },
      participants: { count: 4, areaM2: 800 },
      options: [
        { key: 'yes', count: 3, areaM2: 700, adopted: true },
        { key: 'no', count: 1, areaM2: 100, adopted: false },
        { key: 'abstain', count: 0, areaM2: 0, adopted: false },
      ],
    })
    expect(result.explanation).toEqual([
      '参与户数 4/6（66%）≥ 2/3 ✓',
      '参与面积 800.00 m²/1000.00 m²（80%）≥ 2/3 ✓',
      '同意户数 3/4（75%）> 1/2 ✓',
      '同意面积 700.00 m²/800.00 m²（87%）> 1/2 ✓',
      '结果：通过',
    ])
  })

  it('fails without the large household when four small ones alone do not bring 2/3 of the area', async () => {
    const other = await openProposal(
      t,
      proposalBody(now(), {
        title: '电梯楼楼道粉刷',
        rule: 'owners_ordinary',
        unit: 'household',
        electorate: { kind: 'households', unitIds: [unitId] },
      }),
    )
    for (const i of [0, 1, 2, 3]) expect((await castAs(t, owner(i), other, ['yes'])).status).toBe(201)
    const result = await closeAndResult(other)
    expect(result.outcome).toBe('no_quorum')
    expect(result.explanation.slice(0, 2)).toEqual(['参与户数 4/6（66%）≥ 2/3 ✓', '参与面积 400.00 m²/1000.00 m²（40%）≥ 2/3 ✗'])
  })
})

describe('owners, major matters (items 6–8)', () => {
  it('fails when 3/4 of the households approve but not 3/4 of the participating area', async () => {
    const id = await openProposal(
      t,
      proposalBody(now(), {
        title: '使用维修资金加装电梯',
        rule: 'owners_major',
        unit: 'household',
        electorate: { kind: 'households', buildingIds: [buildingId] },
      }),
    )
    for (const [i, c] of [
      [0, 'yes'],
      [1, 'yes'],
      [2, 'yes'],
      [5, 'no'],
    ] as const)
      expect((await castAs(t, owner(i), id, [c])).status).toBe(201)
    const result = await closeAndResult(id)
    expect(result.outcome).toBe('rejected')
    expect(result.explanation).toContain('同意户数 3/4（75%）≥ 3/4 ✓')
    expect(result.explanation).toContain('同意面积 300.00 m²/800.00 m²（37%）≥ 3/4 ✗')
  })
})

describe('one ballot per household, by any verified member', () => {
  let id: string

  it('takes the first member’s ballot and tells the second that the household has voted (409), without saying how', async () => {
    id = await openProposal(
      t,
      proposalBody(now(), { title: '电梯楼门禁更换', unit: 'household', electorate: { kind: 'households', buildingIds: [buildingId] } }),
    )
    expect((await castAs(t, family(0), id, ['no'])).status).toBe(201)
    const second = await castAs(t, owner(0), id, ['yes'])
    expect(second.status).toBe(409)
    const body = await second.json()
    expect(body.error).toMatchObject({ code: 'HOUSEHOLD_ALREADY_VOTED', message: '您家已有成员投过票了（每户一票）' })
    expect(JSON.stringify(body)).not.toContain('"no"')
    const seen = await proposalOf(t, owner(0), id)
    expect(seen.viewer).toMatchObject({
      voted: true,
      householdVoted: true,
      myBallot: null,
      canVote: false,
      voteBlockedReason: '您家已有成员投过票了（每户一票）',
    })
    expect(seen.viewer.households).toEqual([{ id: hh[0].id, label: '电梯楼 1单元 1室', voted: true }])
    const repeat = await castAs(t, family(0), id, ['no'])
    expect(repeat.status).toBe(200)
  })

  it('asks a resident of two households on the roll which one the ballot is for', async () => {
    // The owner of household 4 is also verified (family) in household 3.
    await t.database.db.insert(residencyClaims).values({
      userId: hh[4].userIds[0],
      householdId: hh[3].id,
      communityId: (await proposalOf(t, 'chen', id)).communityId,
      relation: 'family',
      status: 'verified',
      reviewedAt: now(),
      createdAt: now(),
    })
    const ask = await castAs(t, owner(4), id, ['yes'])
    expect(ask.status).toBe(400)
    expect((await ask.json()).error.details.fields).toEqual([
      { path: 'householdId', message: '您在投票范围内有多处房屋，请选择为哪一户投票' },
    ])
    const wrong = await castAs(t, owner(4), id, ['yes'], hh[2].id)
    expect(wrong.status).toBe(400)
    const ok = await castAs(t, owner(4), id, ['yes'], hh[3].id)
    expect(ok.status).toBe(201)
    expect((await ok.json()).householdId).toBe(hh[3].id)
    expect((await castAs(t, owner(4), id, ['yes'], hh[4].id)).status).toBe(201)
    const d = await proposalOf(t, owner(4), id)
    expect(d.viewer.households.map((h: { voted: boolean }) => h.voted)).toEqual([true, true])
  })

  it('counts households, not people, under a simple majority', async () => {
    expect((await castAs(t, family(1), id, ['yes'])).status).toBe(201)
    const result = await closeAndResult(id)
    // Households 0 (no), 1, 3 and 4 (yes) of 6.
    expect(result).toMatchObject({ outcome: 'passed', weighsArea: false, participants: { count: 4, areaM2: null } })
    expect(result.explanation).toEqual(['参与户数 4/6（66%），简单多数不设参与门槛', '同意户数 3/4（75%）> 1/2 ✓', '结果：通过'])
  })
})

describe('per resident, for the residents of chosen units, under the council rule', () => {
  it('counts people: exactly 2/3 taking part is enough', async () => {
    const id = await openProposal(
      t,
      proposalBody(now(), {
        title: '电梯楼议事代表推选',
        rule: 'council',
        unit: 'resident',
        electorate: { kind: 'households', unitIds: [unitId] },
      }),
    )
    // Twelve verified residents in the unit (two per household); the owner of household 4 is counted once.
    expect((await proposalOf(t, 'chen', id)).electorate.size).toBe(12)
    const voters = [owner(0), family(0), owner(1), family(1), owner(2), family(2), owner(3), family(3)]
    const choices = ['yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'abstain']
    for (let i = 0; i < voters.length; i++) expect((await castAs(t, voters[i], id, [choices[i]])).status).toBe(201)
    const result = await closeAndResult(id)
    expect(result.explanation).toEqual([
      '参与人数 8/12（66%）≥ 2/3 ✓',
      '同意人数 5/8（62%）> 1/2 ✓',
      '弃权 1 人：计入参与，不计入同意',
      '结果：通过',
    ])
  })
})

describe('a multiple-choice vote of the households of verified residents', () => {
  it('adopts every choice more than half of the households picked', async () => {
    const id = await openProposal(
      t,
      proposalBody(now(), {
        title: '小区微更新项目征集',
        options: { kind: 'choice', choices: ['增设休闲座椅', '更换路灯', '新建晾衣区'], maxChoices: 2 },
        unit: 'household',
        electorate: { kind: 'residents' },
        rule: 'council',
      }),
    )
    const d = await proposalOf(t, owner(0), id)
    expect(d.options).toEqual([
      { key: 'c1', label: '增设休闲座椅' },
      { key: 'c2', label: '更换路灯' },
      { key: 'c3', label: '新建晾衣区' },
      { key: 'abstain', label: '弃权' },
    ])
    // Households with a verified resident: the six of 电梯楼 plus 王秀英's and 赵晓梅's.
    expect(d.electorate.size).toBe(8)
    const tooMany = await castAs(t, owner(0), id, ['c1', 'c2', 'c3'])
    expect(tooMany.status).toBe(400)
    expect((await tooMany.json()).error.details.fields[0]).toEqual({ path: 'choices', message: '最多选 2 项' })
    const picks: Array<[string, string[]]> = [
      [owner(0), ['c2', 'c1']],
      [owner(1), ['c2']],
      [owner(2), ['c2', 'c3']],
      [owner(3), ['c1', 'c2']],
      [owner(5), ['abstain']],
      ['wang', ['c3']],
    ]
    for (const [who, c] of picks) expect((await castAs(t, who, id, c)).status).toBe(201)
    const mine = await proposalOf(t, owner(0), id)
    expect(mine.viewer.myBallot).toMatchObject({ choices: ['c1', 'c2'], labels: ['增设休闲座椅', '更换路灯'] })
    const result = await closeAndResult(id)
    expect(result.adopted).toEqual(['c2'])
    expect(result.explanation).toEqual([
      '参与户数 6/8（75%）≥ 2/3 ✓',
      '「增设休闲座椅」得票 2/6（33%）> 1/2 ✗',
      '「更换路灯」得票 4/6（66%）> 1/2 ✓',
      '「新建晾衣区」得票 2/6（33%）> 1/2 ✗',
      '弃权 1 户：计入参与，不计入同意',
      '结果：「更换路灯」获得通过',
    ])
  })
})

describe('the participation roll, as staff read it', () => {
  it('lists households by building, unit and room (room 2 before room 10), page by page, and filters those who have not voted', async () => {
    const twelve = await seedBuilding(
      t,
      Array.from({ length: 12 }, () => 9000),
      { now: now(), name: '十二户楼' },
    )
    const id = await openProposal(
      t,
      proposalBody(now(), {
        title: '十二户楼屋顶防水',
        unit: 'household',
        electorate: { kind: 'households', buildingIds: [twelve.buildingId] },
      }),
    )
    expect((await castAs(t, twelve.households[1].tokens[0], id, ['yes'])).status).toBe(201)
    expect((await castAs(t, twelve.households[9].tokens[0], id, ['no'])).status).toBe(201)
    const staff = await t.tokenFor('liu')
    const read = async (query: string) => {
      const labels: string[] = []
      const voted: boolean[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const res = await t.call('GET', `/api/proposals/${id}/participation?limit=5${query}${cursor ? `&cursor=${cursor}` : ''}`, {
          token: staff,
        })
        expect(res.status).toBe(200)
        const page = await res.json()
        labels.push(...page.items.map((i: { label: string }) => i.label))
        voted.push(...page.items.map((i: { voted: boolean }) => i.voted))
        cursor = page.nextCursor
        pages++
      } while (cursor)
      return { labels, voted, pages }
    }
    const all = await read('')
    expect(all.pages).toBe(3)
    expect(all.labels).toEqual(Array.from({ length: 12 }, (_, i) => `十二户楼 1单元 ${i + 1}室`))
    expect(all.voted.flatMap((v, i) => (v ? [i + 1] : []))).toEqual([2, 10])
    const notYet = await read('&voted=no')
    expect(notYet.labels).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 11, 12].map((n) => `十二户楼 1单元 ${n}室`))
    expect(notYet.pages).toBe(2)
  })
})
