import type { ResponsibleParty } from '@domain/councils/kinds.js'
import { VOTE_TEXT_MIN, VOTE_TITLE_MIN } from '@domain/limits.js'
import { ABSTAIN, DEFAULT_PUBLISH_DAYS, isOwnerRule, MIN_CHOICES } from '@domain/votes/kinds.js'
import type { ProposalBody } from '@/features/votes/api/create-proposal'
import type { ProposalDetailData } from '@/features/votes/api/get-proposal'
import { chinaClock, chinaDate, chinaIso } from '@/lib/china-date'
import { t } from '@/i18n/zh-cn'

/** The vote form's rules, apart from the screen: its fields, what it checks before sending and what it sends. */

export type Rule = ProposalBody['rule']
export type Unit = ProposalBody['unit']
export type ElectorateKind = ProposalBody['electorate']['kind']
export type OptionKind = ProposalBody['options']['kind']

export type Field =
  | 'title'
  | 'text'
  | 'photos'
  | 'topic'
  | 'options'
  | 'electorate'
  | 'unit'
  | 'rule'
  | 'quorum'
  | 'window'
  | 'publishDays'
  | 'onApproval'
export type Errors = Partial<Record<Field, string>>

/** One choice of a multiple-choice vote; `key` keeps its input when another one is removed. */
export interface Choice {
  key: string
  text: string
}

export interface VoteForm {
  title: string
  text: string
  topicId?: string
  sessionId?: string
  optionKind: OptionKind
  choices: Choice[]
  maxChoices: number
  electorate: ElectorateKind
  buildingIds: string[]
  unitIds: string[]
  unit: Unit
  rule: Rule
  quorum: number
  opensDate: string
  opensTime: string
  closesDate: string
  closesTime: string
  publishDays: number
  liveResults: boolean
  onApproval: boolean
  party: ResponsibleParty
  partyName: string
  deadlineDate: string
}

const DAY = 86_400_000
let choiceCounter = 0

export function newChoice(text = ''): Choice {
  return { key: `c${++choiceCounter}`, text }
}

/** A fresh form: yes/no, verified residents, simple majority, open now until 20:00 a week from now. */
export function initialForm(now: number = Date.now()): VoteForm {
  const opens = new Date(now).toISOString()
  return {
    title: '',
    text: '',
    optionKind: 'yes_no',
    choices: [newChoice(), newChoice()],
    maxChoices: 1,
    electorate: 'residents',
    buildingIds: [],
    unitIds: [],
    unit: 'resident',
    rule: 'simple_majority',
    quorum: 0,
    opensDate: chinaDate(opens),
    opensTime: chinaClock(opens),
    closesDate: chinaDate(new Date(now + 7 * DAY).toISOString()),
    closesTime: '20:00',
    publishDays: DEFAULT_PUBLISH_DAYS,
    liveResults: false,
    onApproval: false,
    party: 'community',
    partyName: '',
    deadlineDate: chinaDate(new Date(now + 37 * DAY).toISOString()),
  }
}

/** A draft as the form shows it, to be changed and saved again (abstaining is added by the server). */
export function fromProposal(p: ProposalDetailData, now: number = Date.now()): VoteForm {
  const fresh = initialForm(now)
  const choices = p.options.filter((o) => o.key !== ABSTAIN).map((o) => newChoice(o.label))
  return {
    ...fresh,
    title: p.title,
    text: p.text,
    topicId: p.topic?.id,
    sessionId: p.session?.id,
    optionKind: p.optionKind,
    choices: p.optionKind === 'choice' ? choices : fresh.choices,
    maxChoices: p.maxChoices,
    electorate: p.electorate.kind,
    buildingIds: p.electorate.buildings.map((b) => b.id),
    unitIds: p.electorate.units.map((u) => u.id),
    unit: p.unit,
    rule: p.rule,
    quorum: p.quorumPercent ?? 0,
    opensDate: chinaDate(p.opensAt),
    opensTime: chinaClock(p.opensAt),
    closesDate: chinaDate(p.closesAt),
    closesTime: chinaClock(p.closesAt),
    publishDays: p.publishDays,
    liveResults: p.liveResults,
    onApproval: !!p.onApproval,
    party: p.onApproval?.responsibleParty ?? fresh.party,
    partyName: p.onApproval?.responsibleName ?? '',
    deadlineDate: p.onApproval ? chinaDate(p.onApproval.deadline) : fresh.deadlineDate,
  }
}

const filledChoices = (f: VoteForm) => f.choices.map((c) => c.text.trim()).filter(Boolean)

/** The body of POST /communities/:id/proposals. */
export function toBody(f: VoteForm, photoIds: string[]): ProposalBody {
  const choices = filledChoices(f)
  return {
    title: f.title.trim(),
    text: f.text.trim(),
    photoIds,
    topicId: f.topicId,
    options:
      f.optionKind === 'yes_no'
        ? { kind: 'yes_no' }
        : { kind: 'choice', choices, maxChoices: Math.min(f.maxChoices, Math.max(1, choices.length)) },
    electorate:
      f.electorate === 'households' ? { kind: 'households', buildingIds: f.buildingIds, unitIds: f.unitIds } : { kind: f.electorate },
    unit: f.unit,
    rule: f.rule,
    quorumPercent: f.rule === 'simple_majority' && f.quorum > 0 ? f.quorum : undefined,
    opensAt: chinaIso(f.opensDate, f.opensTime),
    closesAt: chinaIso(f.closesDate, f.closesTime),
    publishDays: f.publishDays,
    liveResults: f.liveResults,
    onApproval:
      f.topicId && f.onApproval
        ? { responsibleParty: f.party, responsibleName: f.partyName.trim() || undefined, deadline: chinaIso(f.deadlineDate, '18:00') }
        : undefined,
  }
}

/** What the form can tell before the server does (the server checks everything again, naming the field). */
export function check(f: VoteForm, now: number = Date.now()): Errors {
  const out: Errors = {}
  const e = t.voteForm.errors
  if (f.title.trim().length < VOTE_TITLE_MIN) out.title = e.titleTooShort(VOTE_TITLE_MIN)
  if (f.text.trim().length < VOTE_TEXT_MIN) out.text = e.textTooShort(VOTE_TEXT_MIN)
  if (f.optionKind === 'choice') {
    const choices = filledChoices(f)
    if (choices.length < MIN_CHOICES) out.options = e.choicesTooFew(MIN_CHOICES)
    else if (new Set(choices).size !== choices.length) out.options = e.choicesRepeat
  }
  if (f.electorate === 'households' && !f.buildingIds.length && !f.unitIds.length) out.electorate = e.scopeEmpty
  if (f.electorate === 'attendees' && !f.topicId) out.electorate = e.attendeesNeedTopic
  const opens = Date.parse(chinaIso(f.opensDate, f.opensTime))
  const closes = Date.parse(chinaIso(f.closesDate, f.closesTime))
  if (closes <= opens) out.window = e.closesBeforeOpens
  else if (closes <= now) out.window = e.closesInPast
  return out
}

const fieldByPath: Record<string, Field> = {
  title: 'title',
  text: 'text',
  photoIds: 'photos',
  topicId: 'topic',
  options: 'options',
  electorate: 'electorate',
  unit: 'unit',
  rule: 'rule',
  quorumPercent: 'quorum',
  opensAt: 'window',
  closesAt: 'window',
  publishDays: 'publishDays',
  liveResults: 'publishDays',
  onApproval: 'onApproval',
}

/** Which form field a server-side validation path belongs to (`options.choices.1` → options). */
export const fieldOf = (path: string): Field | null => fieldByPath[path.split('.')[0]] ?? null

/**
 * Choosing a rule: owner votes count each household once, by area, among the chosen buildings'
 * households; only simple majority has a quorum. Returns the change and the errors it answers.
 */
export function ruleChange(f: VoteForm, rule: Rule): { next: Partial<VoteForm>; clear: Field[] } {
  if (isOwnerRule(rule))
    return { next: { rule, unit: 'household', electorate: 'households', quorum: 0 }, clear: ['rule', 'unit', 'electorate', 'quorum'] }
  return { next: { rule, quorum: rule === 'simple_majority' ? f.quorum : 0 }, clear: ['rule', 'quorum'] }
}

/** The list with `id` added, or taken out if it was there. */
export function toggle(list: string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id]
}
