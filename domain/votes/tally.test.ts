import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ABSTAIN, NO, voteOptions, voteRules, YES, type VoteRule } from './kinds.js'
import { formatArea, meets, percent, tally, type BallotGroup, type TallyInput } from './tally.js'

const yesNo = voteOptions('yes_no')

/** A per-resident yes/no vote under `rule` with `electorate` voters: yes, no and abstain counts. */
function byCount(rule: VoteRule, electorate: number, yes: number, no = 0, abstain = 0, quorumPercent?: number) {
  return tally({
    rule,
    quorumPercent,
    unit: 'resident',
    optionKind: 'yes_no',
    options: yesNo,
    electorate: { count: electorate, areaCents: 0 },
    ballots: [
      { choices: [YES], count: yes, areaCents: 0 },
      { choices: [NO], count: no, areaCents: 0 },
      { choices: [ABSTAIN], count: abstain, areaCents: 0 },
    ],
  })
}

/** An owner vote: households of the given areas (0.01 m²); each ballot is [household index, choice]. */
function owners(rule: 'owners_ordinary' | 'owners_major', areas: number[], ballots: Array<[number, string]>) {
  return tally({
    rule,
    unit: 'household',
    optionKind: 'yes_no',
    options: yesNo,
    electorate: { count: areas.length, areaCents: areas.reduce((a, b) => a + b, 0) },
    ballots: ballots.map(([i, c]) => ({ choices: [c], count: 1, areaCents: areas[i] })),
  })
}

describe('exact shares', () => {
  it('compares a/b with p/q by cross-multiplying, strictly or not', () => {
    expect(meets(2n, 3n, { num: 2n, den: 3n, strict: false, label: '' })).toBe(true)
    expect(meets(1999n, 3000n, { num: 2n, den: 3n, strict: false, label: '' })).toBe(false)
    expect(meets(1n, 2n, { num: 1n, den: 2n, strict: true, label: '' })).toBe(false)
    expect(meets(0n, 0n, { num: 0n, den: 1n, strict: false, label: '' })).toBe(false)
  })

  it('rounds shown percentages down and formats areas from 0.01 m² units exactly', () => {
    expect(percent(41n, 60n)).toBe('68%')
    expect(percent(2n, 3n)).toBe('66%')
    expect(percent(1n, 0n)).toBe('—')
    expect(formatArea(345678n)).toBe('3456.78 m²')
    expect(formatArea(5n)).toBe('0.05 m²')
  })
})

describe('simple majority', () => {
  it('passes with more than half of the votes cast', () => {
    expect(byCount('simple_majority', 100, 6, 5).outcome).toBe('passed')
  })

  it('fails at exactly half (a tie is not a majority)', () => {
    const r = byCount('simple_majority', 100, 5, 5)
    expect(r.outcome).toBe('rejected')
    expect(r.explanation).toContain('同意人数 5/10（50%）> 1/2 ✗')
  })

  it('counts abstentions among the votes cast, never as approval', () => {
    expect(byCount('simple_majority', 100, 5, 3, 2).outcome).toBe('rejected')
    expect(byCount('simple_majority', 100, 6, 3, 2).outcome).toBe('passed')
    expect(byCount('simple_majority', 100, 0, 0, 9).outcome).toBe('rejected')
  })

  it('needs no participation without a quorum, and meets a quorum at exactly its share', () => {
    expect(byCount('simple_majority', 1000, 1).outcome).toBe('passed')
    const atQuorum = byCount('simple_majority', 60, 16, 14, 0, 50)
    expect(atQuorum.participationMet).toBe(true)
    expect(atQuorum.explanation[0]).toBe('参与人数 30/60（50%）≥ 50% ✓')
    const below = byCount('simple_majority', 60, 16, 13, 0, 50)
    expect(below.outcome).toBe('no_quorum')
    expect(below.passed).toBe(false)
  })

  it('fails with zero turnout and with an empty electorate', () => {
    const none = byCount('simple_majority', 30, 0)
    expect(none.outcome).toBe('rejected')
    expect(none.explanation).toContain('无人投票，同意未达到 1/2 ✗')
    const empty = byCount('simple_majority', 0, 0)
    expect(empty.outcome).toBe('no_quorum')
    expect(empty.explanation[0]).toBe('投票范围内没有投票人，无法形成决定 ✗')
  })
})

describe('council rule', () => {
  it('passes at exactly 2/3 taking part and more than half of them approving', () => {
    const r = byCount('council', 60, 21, 19)
    expect(r.participationMet).toBe(true)
    expect(r.outcome).toBe('passed')
    expect(r.explanation).toEqual(['参与人数 40/60（66%）≥ 2/3 ✓', '同意人数 21/40（52%）> 1/2 ✓', '结果：通过'])
  })

  it('fails one voter short of 2/3, however many approve', () => {
    const r = byCount('council', 60, 39, 0)
    expect(r.outcome).toBe('no_quorum')
    expect(r.explanation[0]).toBe('参与人数 39/60（65%）≥ 2/3 ✗')
  })

  it('fails at exactly half of the participants approving', () => {
    expect(byCount('council', 60, 20, 20).outcome).toBe('rejected')
  })

  it('fails with zero turnout and with an empty electorate', () => {
    expect(byCount('council', 12, 0).outcome).toBe('no_quorum')
    expect(byCount('council', 0, 0).outcome).toBe('no_quorum')
  })
})

describe('owners, ordinary matters (民法典 278)', () => {
  // Six households: 100 m² each except one of 500 m²; 1000 m² in all.
  const areas = [10000, 10000, 10000, 10000, 10000, 50000]

  it('needs 2/3 of the households and 2/3 of the area taking part', () => {
    // Four small households: 4/6 by number (exactly 2/3) but 400/1000 m² by area.
    const r = owners('owners_ordinary', areas, [
      [0, YES],
      [1, YES],
      [2, YES],
      [3, YES],
    ])
    expect(r.outcome).toBe('no_quorum')
    expect(r.explanation.slice(0, 2)).toEqual(['参与户数 4/6（66%）≥ 2/3 ✓', '参与面积 400.00 m²/1000.00 m²（40%）≥ 2/3 ✗'])
  })

  it('passes with more than half of the participating households and area approving', () => {
    const r = owners('owners_ordinary', areas, [
      [5, YES],
      [0, YES],
      [1, NO],
      [2, NO],
    ])
    // 4/6 households, 800/1000 m²; yes 2/4 households — exactly half: not enough.
    expect(r.outcome).toBe('rejected')
    expect(r.explanation).toContain('同意户数 2/4（50%）> 1/2 ✗')
    expect(r.explanation).toContain('同意面积 600.00 m²/800.00 m²（75%）> 1/2 ✓')
    const more = owners('owners_ordinary', areas, [
      [5, YES],
      [0, YES],
      [1, YES],
      [2, NO],
    ])
    expect(more.outcome).toBe('passed')
  })

  it('fails when the approving households are many but their area is not more than half', () => {
    const r = owners('owners_ordinary', areas, [
      [0, YES],
      [1, YES],
      [2, YES],
      [5, NO],
    ])
    // 3/4 households approve, but 300/800 m².
    expect(r.outcome).toBe('rejected')
  })

  it('compares areas exactly at the 2/3 boundary, to the hundredth of a square metre', () => {
    // Three households of 0.01, 0.01 and 0.01 m² plus one of 0.03: the first three and… see below.
    const tiny = [1, 1, 1, 3]
    // Households 0, 1 and 3 take part: 3/4 by number, 5/6 by area ≥ 2/3.
    expect(
      owners('owners_ordinary', tiny, [
        [0, YES],
        [1, YES],
        [3, YES],
      ]).participationMet,
    ).toBe(true)
    // Exactly 2/3 of the area (200 of 300 m², in cents) and of the number.
    const exact = owners(
      'owners_ordinary',
      [10000, 10000, 10000],
      [
        [0, YES],
        [1, NO],
      ],
    )
    expect(exact.participationMet).toBe(true)
    expect(exact.explanation[1]).toBe('参与面积 200.00 m²/300.00 m²（66%）≥ 2/3 ✓')
    // One cent short of 2/3 of the area.
    const short = owners(
      'owners_ordinary',
      [10000, 9999, 10001],
      [
        [0, YES],
        [1, YES],
      ],
    )
    expect(short.explanation[1]).toBe('参与面积 199.99 m²/300.00 m²（66%）≥ 2/3 ✗')
    expect(short.outcome).toBe('no_quorum')
  })
})

describe('owners, major matters (民法典 278 items 6–8)', () => {
  const areas = [10000, 10000, 10000, 10000]

  it('passes at exactly 3/4 of the participating households and area', () => {
    const r = owners('owners_major', areas, [
      [0, YES],
      [1, YES],
      [2, YES],
      [3, NO],
    ])
    expect(r.outcome).toBe('passed')
    expect(r.explanation).toContain('同意户数 3/4（75%）≥ 3/4 ✓')
    expect(r.explanation).toContain('同意面积 300.00 m²/400.00 m²（75%）≥ 3/4 ✓')
  })

  it('fails just under 3/4 of the area even with 3/4 of the households', () => {
    const r = owners(
      'owners_major',
      [10000, 10000, 9999, 10002],
      [
        [0, YES],
        [1, YES],
        [2, YES],
        [3, NO],
      ],
    )
    expect(r.explanation).toContain('同意面积 299.99 m²/400.01 m²（74%）≥ 3/4 ✗')
    expect(r.outcome).toBe('rejected')
  })

  it('has the same participation rule as ordinary matters', () => {
    expect(
      owners('owners_major', areas, [
        [0, YES],
        [1, YES],
      ]).outcome,
    ).toBe('no_quorum')
    expect(owners('owners_major', areas, []).outcome).toBe('no_quorum')
  })
})

describe('choice votes', () => {
  const options = voteOptions('choice', ['方案一', '方案二', '方案三'])
  const run = (ballots: BallotGroup[]): ReturnType<typeof tally> =>
    tally({ rule: 'simple_majority', unit: 'resident', optionKind: 'choice', options, electorate: { count: 20, areaCents: 0 }, ballots })

  it('adopts the choice with more than half of the votes cast', () => {
    const r = run([
      { choices: ['c1'], count: 6, areaCents: 0 },
      { choices: ['c2'], count: 4, areaCents: 0 },
      { choices: ['c3'], count: 1, areaCents: 0 },
    ])
    expect(r.adopted).toEqual(['c1'])
    expect(r.explanation).toContain('「方案一」得票 6/11（54%）> 1/2 ✓')
    expect(r.explanation.at(-1)).toBe('结果：「方案一」获得通过')
  })

  it('adopts nothing when no choice has a majority (a plurality is not enough)', () => {
    const r = run([
      { choices: ['c1'], count: 5, areaCents: 0 },
      { choices: ['c2'], count: 4, areaCents: 0 },
      { choices: ['c3'], count: 1, areaCents: 0 },
    ])
    expect(r.outcome).toBe('rejected')
    expect(r.adopted).toEqual([])
  })

  it('adopts every choice a majority selected in a multiple-choice vote, most support first', () => {
    const r = run([
      { choices: ['c1', 'c2'], count: 6, areaCents: 0 },
      { choices: ['c2', 'c3'], count: 3, areaCents: 0 },
      { choices: [ABSTAIN], count: 1, areaCents: 0 },
    ])
    expect(r.adopted).toEqual(['c2', 'c1'])
    expect(r.explanation).toContain('「方案一」得票 6/10（60%）> 1/2 ✓')
    expect(r.options.find((o) => o.key === 'c3')).toMatchObject({ count: 3, adopted: false })
  })
})

// ——— Properties ———

/** A vote with its electorate (household areas) and ballots drawn from it. */
const voteArb = fc
  .record({
    rule: fc.constantFrom(...voteRules),
    quorumPercent: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    areas: fc.array(fc.integer({ min: 1, max: 99_999_999 }), { minLength: 0, maxLength: 40 }),
    seed: fc.array(fc.constantFrom(YES, NO, ABSTAIN, null), { minLength: 40, maxLength: 40 }),
  })
  .map(({ rule, quorumPercent, areas, seed }) => {
    const ballots = areas.flatMap((area, i) => (seed[i] ? [{ choices: [seed[i]!], count: 1, areaCents: area }] : []))
    const input: TallyInput = {
      rule,
      quorumPercent: rule === 'simple_majority' ? quorumPercent : undefined,
      unit: 'household',
      optionKind: 'yes_no',
      options: yesNo,
      electorate: { count: areas.length, areaCents: areas.reduce((a, b) => a + b, 0) },
      ballots,
    }
    return { input, areas, voted: new Set(seed.map((s, i) => (s && i < areas.length ? i : -1)).filter((i) => i >= 0)) }
  })

const verdict = (r: ReturnType<typeof tally>) => ({ outcome: r.outcome, adopted: r.adopted, explanation: r.explanation })

describe('properties', () => {
  it('the order of ballots never matters', () => {
    fc.assert(
      fc.property(voteArb, fc.nat(), ({ input }, shuffleSeed) => {
        const shuffled = [...input.ballots]
        let s = shuffleSeed
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2 ** 31
          const j = s % (i + 1)
          ;[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]
        }
        expect(verdict(tally({ ...input, ballots: shuffled }))).toEqual(verdict(tally(input)))
      }),
    )
  })

  it('an abstention never counts as approval: turning a yes into an abstention never turns a fail into a pass', () => {
    fc.assert(
      fc.property(voteArb, fc.nat(), ({ input }, pick) => {
        const yesAt = input.ballots.map((b, i) => (b.choices[0] === YES ? i : -1)).filter((i) => i >= 0)
        if (!yesAt.length) return
        const i = yesAt[pick % yesAt.length]
        const abstained = input.ballots.map((b, j) => (j === i ? { ...b, choices: [ABSTAIN] } : b))
        const before = tally(input)
        const after = tally({ ...input, ballots: abstained })
        if (!before.passed) expect(after.passed).toBe(false)
        expect(after.options.find((o) => o.key === YES)!.count).toBe(before.options.find((o) => o.key === YES)!.count - 1)
      }),
    )
  })

  it('a vote of abstentions only never passes', () => {
    fc.assert(
      fc.property(voteArb, ({ input }) => {
        const all = input.ballots.map((b) => ({ ...b, choices: [ABSTAIN] }))
        expect(tally({ ...input, ballots: all }).passed).toBe(false)
      }),
    )
  })

  it('adding an approving ballot from someone who had not voted never turns a pass into a fail', () => {
    fc.assert(
      fc.property(voteArb, fc.nat(), ({ input, areas, voted }, pick) => {
        const missing = areas.map((_, i) => i).filter((i) => !voted.has(i))
        if (!missing.length) return
        const i = missing[pick % missing.length]
        const before = tally(input)
        const after = tally({ ...input, ballots: [...input.ballots, { choices: [YES], count: 1, areaCents: areas[i] }] })
        if (before.passed) expect(after.passed).toBe(true)
      }),
    )
  })

  it('grouping identical ballots gives the same result as counting them one by one', () => {
    fc.assert(
      fc.property(voteArb, ({ input }) => {
        const groups = new Map<string, BallotGroup & { areaCents: number }>()
        for (const b of input.ballots) {
          const key = b.choices.join(',')
          const g = groups.get(key) ?? { choices: b.choices, count: 0, areaCents: 0 }
          g.count += b.count
          g.areaCents += Number(b.areaCents)
          groups.set(key, g)
        }
        expect(verdict(tally({ ...input, ballots: [...groups.values()] }))).toEqual(verdict(tally(input)))
      }),
    )
  })
})
