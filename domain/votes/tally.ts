import { ABSTAIN, isOwnerRule, type OptionKind, type VoteOption, type VoteRule, type VotingUnit, YES } from './kinds.js'

/**
 * The tally: from the stored ballots to an outcome with its reasons in plain Chinese. Exact
 * rational arithmetic throughout — counts and areas are integers (area in 0.01 m² units) and a
 * share a/b is compared with p/q as a·q against b·p in BigInt — so a result at exactly 2/3 or
 * exactly half is decided the same way on every machine.
 */

/** Ballots with the same choices, counted together (one ballot is a group of one). */
export interface BallotGroup {
  choices: readonly string[]
  count: number
  /** Total registered area of the households behind these ballots, in 0.01 m² (0 for per-resident votes). */
  areaCents: number | bigint
}

export interface TallyInput {
  rule: VoteRule
  /** Simple majority only: the share of the electorate that must take part, in percent (1–100). */
  quorumPercent?: number | null
  unit: VotingUnit
  optionKind: OptionKind
  options: readonly VoteOption[]
  /** The roll fixed when the vote opened: how many voting units and (households) their total area. */
  electorate: { count: number; areaCents: number | bigint }
  ballots: readonly BallotGroup[]
}

export interface OptionTally {
  key: string
  label: string
  count: number
  areaCents: number
  /** Approved under the rule (yes/no votes: only `yes` can be; abstain never). */
  adopted: boolean
}

export type VoteOutcome = 'passed' | 'rejected' | 'no_quorum'

export interface TallyResult {
  rule: VoteRule
  /** Owner rules weigh area as well as number. */
  weighsArea: boolean
  electorate: { count: number; areaCents: number }
  participants: { count: number; areaCents: number }
  options: OptionTally[]
  participationMet: boolean
  outcome: VoteOutcome
  passed: boolean
  /** The adopted option keys, most support first. */
  adopted: string[]
  /** Plain-Chinese reasons, shown verbatim. */
  explanation: string[]
}

/** A share threshold p/q, strict (more than) or not (at least). */
interface Threshold {
  num: bigint
  den: bigint
  strict: boolean
  /** How it is written: "2/3", "1/2", "50%". */
  label: string
}

const twoThirds: Threshold = { num: 2n, den: 3n, strict: false, label: '2/3' }
const half: Threshold = { num: 1n, den: 2n, strict: true, label: '1/2' }
const threeQuarters: Threshold = { num: 3n, den: 4n, strict: false, label: '3/4' }

/** a/b meets the threshold (b > 0): a·q ≥ b·p, or > when strict. */
export function meets(a: bigint, b: bigint, t: Threshold): boolean {
  if (b <= 0n) return false
  const left = a * t.den
  const right = b * t.num
  return t.strict ? left > right : left >= right
}

export function participationThreshold(rule: VoteRule, quorumPercent?: number | null): Threshold | null {
  if (rule === 'simple_majority') {
    if (!quorumPercent) return null
    return { num: BigInt(quorumPercent), den: 100n, strict: false, label: `${quorumPercent}%` }
  }
  return twoThirds
}

export function approvalThreshold(rule: VoteRule): Threshold {
  return rule === 'owners_major' ? threeQuarters : half
}

/** Whole percent, rounded down so that a share is never shown larger than it is. */
export function percent(a: bigint, b: bigint): string {
  if (b <= 0n) return '—'
  return `${(a * 100n) / b}%`
}

/** 0.01 m² units as square metres with two decimals, exactly. */
export function formatArea(cents: bigint): string {
  const sign = cents < 0n ? '-' : ''
  const abs = cents < 0n ? -cents : cents
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')} m²`
}

const mark = (ok: boolean) => (ok ? '✓' : '✗')
const sym = (t: Threshold) => (t.strict ? '>' : '≥')

function shareLine(what: string, a: bigint, b: bigint, t: Threshold, area = false): string {
  const fraction = area ? `${formatArea(a)}/${formatArea(b)}` : `${a}/${b}`
  return `${what} ${fraction}（${percent(a, b)}）${sym(t)} ${t.label} ${mark(meets(a, b, t))}`
}

export const outcomeLabels: Record<VoteOutcome, string> = {
  passed: '通过',
  rejected: '未通过',
  no_quorum: '参与不足，未通过',
}

export function tally(input: TallyInput): TallyResult {
  const weighsArea = isOwnerRule(input.rule)
  const noun = input.unit === 'household' || weighsArea ? '户' : '人'
  const countWord = input.unit === 'household' || weighsArea ? '户数' : '人数'
  const known = new Set(input.options.map((o) => o.key))

  let participants = 0n
  let participantArea = 0n
  const support = new Map<string, { count: bigint; area: bigint }>(input.options.map((o) => [o.key, { count: 0n, area: 0n }]))
  for (const g of input.ballots) {
    const n = BigInt(g.count)
    const area = BigInt(g.areaCents)
    if (n <= 0n) continue
    participants += n
    participantArea += area
    for (const key of new Set(g.choices)) {
      if (!known.has(key)) continue
      const s = support.get(key)!
      s.count += n
      s.area += area
    }
  }
  const electorate = BigInt(input.electorate.count)
  const electorateArea = BigInt(input.electorate.areaCents)
  const lines: string[] = []

  // Participation.
  let participationMet: boolean
  const pt = participationThreshold(input.rule, input.quorumPercent)
  if (electorate <= 0n) {
    participationMet = false
    lines.push('投票范围内没有投票人，无法形成决定 ✗')
  } else if (!pt) {
    participationMet = true
    lines.push(`参与${countWord} ${participants}/${electorate}（${percent(participants, electorate)}），简单多数不设参与门槛`)
  } else {
    const byCount = meets(participants, electorate, pt)
    lines.push(shareLine(`参与${countWord}`, participants, electorate, pt))
    if (weighsArea) {
      const byArea = meets(participantArea, electorateArea, pt)
      lines.push(shareLine('参与面积', participantArea, electorateArea, pt, true))
      participationMet = byCount && byArea
    } else {
      participationMet = byCount
    }
  }

  // Approval, of each option that can be adopted (yes, or each choice), against those who took part.
  const at = approvalThreshold(input.rule)
  const candidates = input.optionKind === 'yes_no' ? [YES] : input.options.map((o) => o.key).filter((k) => k !== ABSTAIN)
  const approved = new Set<string>()
  if (participants === 0n) {
    if (electorate > 0n) lines.push(`无人投票，同意未达到 ${at.label} ✗`)
  } else {
    for (const key of candidates) {
      const s = support.get(key)!
      const label = input.options.find((o) => o.key === key)!.label
      const what = input.optionKind === 'yes_no' ? '同意' : `「${label}」得票`
      const byCount = meets(s.count, participants, at)
      lines.push(shareLine(`${what}${weighsArea || input.optionKind === 'yes_no' ? countWord : ''}`, s.count, participants, at))
      let ok = byCount
      if (weighsArea) {
        lines.push(shareLine(`${input.optionKind === 'yes_no' ? '同意' : `「${label}」`}面积`, s.area, participantArea, at, true))
        ok = ok && meets(s.area, participantArea, at)
      }
      if (ok) approved.add(key)
    }
    const abstained = support.get(ABSTAIN)?.count ?? 0n
    if (abstained > 0n) lines.push(`弃权 ${abstained} ${noun}：计入参与，不计入同意`)
  }

  const adoptedKeys = participationMet
    ? candidates
        .filter((k) => approved.has(k))
        .sort((a, b) => {
          const sa = support.get(a)!
          const sb = support.get(b)!
          return sa.count === sb.count ? Number(sb.area - sa.area) : Number(sb.count - sa.count)
        })
    : []
  const passed = adoptedKeys.length > 0
  const outcome: VoteOutcome = !participationMet ? 'no_quorum' : passed ? 'passed' : 'rejected'
  if (input.optionKind === 'choice' && passed) {
    const names = adoptedKeys.map((k) => `「${input.options.find((o) => o.key === k)!.label}」`).join('、')
    lines.push(`结果：${names}获得通过`)
  } else if (input.optionKind === 'choice' && outcome === 'rejected') {
    lines.push(`结果：没有选项得票${sym(at)} ${at.label}，未通过`)
  } else {
    lines.push(`结果：${outcomeLabels[outcome]}`)
  }

  return {
    rule: input.rule,
    weighsArea,
    electorate: { count: Number(electorate), areaCents: Number(electorateArea) },
    participants: { count: Number(participants), areaCents: Number(participantArea) },
    options: input.options.map((o) => {
      const s = support.get(o.key)!
      return { key: o.key, label: o.label, count: Number(s.count), areaCents: Number(s.area), adopted: adoptedKeys.includes(o.key) }
    }),
    participationMet,
    outcome,
    passed,
    adopted: adoptedKeys,
    explanation: lines,
  }
}
