import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { ResponsibleParty } from '../councils/kinds.js'
import { CHOICE_TEXT_MAX, ORG_NAME_MAX, ORG_NAME_MIN, VOTE_TEXT_MAX, VOTE_TEXT_MIN, VOTE_TITLE_MAX, VOTE_TITLE_MIN } from '../limits.js'
import {
  DEFAULT_PUBLISH_DAYS,
  ElectorateKind,
  isOwnerRule,
  MAX_CHOICES,
  MAX_PUBLISH_DAYS,
  MAX_VOTE_DAYS,
  MIN_CHOICES,
  OptionKind,
  VoteRule,
  VotingUnit,
} from '../votes/kinds.js'
import { VoteAction, VoteStatus, votePhases } from '../votes/lifecycle.js'
import { Id, IsoTime } from './common.js'
import { MAX_PHOTOS, Photo } from './concerns.js'
import { cancelWithReason, text } from './text.js'

/**
 * The API contract of votes (表决): proposals (方案) with their options, electorate, rule and
 * window; ballots; participation (staff); results with their plain-Chinese explanation.
 * Who voted what is never part of any reply except the voter's own ballot.
 */

const time = (label: string) => z.iso.datetime({ offset: true, error: `${label}须是带时区的时间，例如 2026-03-13T19:00:00+08:00` })

// ——— Inputs ———

export const ProposalOptionsInput = onFirstUse(() =>
  z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('yes_no') }),
      z
        .strictObject({
          kind: z.literal('choice'),
          /** The choices in display order (abstain is added by the server). */
          choices: z
            .array(text({ label: '选项', min: 1, max: CHOICE_TEXT_MAX, tooLong: `每个选项最多 ${CHOICE_TEXT_MAX} 字` }), {
              error: '请填写选项',
            })
            .min(MIN_CHOICES, `至少 ${MIN_CHOICES} 个选项`)
            .max(MAX_CHOICES, `最多 ${MAX_CHOICES} 个选项`),
          /** 1 is single choice. */
          maxChoices: z
            .number({ error: '请填写最多可选几项' })
            .int('最多可选项数须是整数')
            .min(1, '最多可选项数至少为 1')
            .max(MAX_CHOICES, `最多可选项数不能超过 ${MAX_CHOICES}`)
            .default(1),
        })
        .superRefine((v, ctx) => {
          if (new Set(v.choices).size !== v.choices.length) ctx.addIssue({ code: 'custom', path: ['choices'], message: '选项不能重复' })
          if (v.maxChoices > v.choices.length) ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: '最多可选项数不能超过选项数' })
        }),
    ],
    { error: '请选择表决方式：同意/反对/弃权（yes_no）或选择题（choice）' },
  ),
)

export const ElectorateInput = onFirstUse(() =>
  z.discriminatedUnion(
    'kind',
    [
      /** The session's checked-in attendees when the vote opens (needs `topicId`). */
      z.strictObject({ kind: z.literal('attendees') }),
      /** The community's verified residents when the vote opens. */
      z.strictObject({ kind: z.literal('residents') }),
      /** The households of the chosen buildings and units (e.g. 3号楼2单元 for an elevator). */
      z
        .strictObject({
          kind: z.literal('households'),
          buildingIds: z.array(Id).max(100, '最多选择 100 栋楼').default([]),
          unitIds: z.array(Id).max(500, '最多选择 500 个单元').default([]),
        })
        .superRefine((v, ctx) => {
          if (!v.buildingIds.length && !v.unitIds.length)
            ctx.addIssue({ code: 'custom', path: ['buildingIds'], message: '请至少选择一栋楼或一个单元' })
        }),
    ],
    { error: '请选择投票范围：到会居民（attendees）、本社区认证居民（residents）或指定楼栋/单元的住户（households）' },
  ),
)

/** What follows if an agenda item's proposal is approved: its resolution's responsible party and deadline. */
export const OnApprovalInput = onFirstUse(() =>
  z.strictObject({
    responsibleParty: ResponsibleParty,
    responsibleName: text({ label: '责任单位名称', min: ORG_NAME_MIN, max: ORG_NAME_MAX }).optional(),
    deadline: time('完成期限'),
  }),
)

export const ProposalInput = onFirstUse(() =>
  z
    .strictObject({
      title: text({ label: '标题', min: VOTE_TITLE_MIN, max: VOTE_TITLE_MAX, required: '请填写方案标题' }),
      text: text({ label: '方案内容', min: VOTE_TEXT_MIN, max: VOTE_TEXT_MAX, multiline: true }),
      photoIds: z.array(Id).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`).default([]),
      /** The agenda item (议题, accepted onto a session) this proposal belongs to; omitted for a standalone vote. */
      topicId: Id.optional(),
      options: ProposalOptionsInput,
      electorate: ElectorateInput,
      unit: VotingUnit,
      rule: VoteRule,
      /** Simple majority only: the share of the electorate that must take part (percent). */
      quorumPercent: z
        .number({ error: '参与门槛须是数字' })
        .int('参与门槛须是整数百分比')
        .min(1, '参与门槛至少 1%')
        .max(100, '参与门槛最多 100%')
        .optional(),
      opensAt: time('开始时间'),
      closesAt: time('截止时间'),
      /** Days the result is published (公示) after closing; 0: closed without a notice period. */
      publishDays: z
        .number({ error: '公示天数须是数字' })
        .int('公示天数须是整数')
        .min(0, '公示天数不能为负')
        .max(MAX_PUBLISH_DAYS, `公示最多 ${MAX_PUBLISH_DAYS} 天`)
        .default(DEFAULT_PUBLISH_DAYS),
      /** Show the running counts while voting (off by default: counts appear at close). */
      liveResults: z.boolean({ error: '「实时显示票数」须是 true 或 false' }).default(false),
      onApproval: OnApprovalInput.optional(),
    })
    .superRefine((v, ctx) => {
      const opens = Date.parse(v.opensAt)
      const closes = Date.parse(v.closesAt)
      if (!Number.isNaN(opens) && !Number.isNaN(closes)) {
        if (closes <= opens) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: '截止时间须晚于开始时间' })
        else if (closes - opens > MAX_VOTE_DAYS * 86400_000) {
          ctx.addIssue({ code: 'custom', path: ['closesAt'], message: `投票时间最长 ${MAX_VOTE_DAYS} 天` })
        }
      }
      if (v.quorumPercent !== undefined && v.rule !== 'simple_majority') {
        ctx.addIssue({ code: 'custom', path: ['quorumPercent'], message: '只有简单多数可以另设参与门槛，其他规则的门槛是固定的' })
      }
      if (isOwnerRule(v.rule)) {
        if (v.unit !== 'household') ctx.addIssue({ code: 'custom', path: ['unit'], message: '业主表决按户计票（每户一票，按登记面积计）' })
        if (v.electorate.kind !== 'households') {
          ctx.addIssue({ code: 'custom', path: ['electorate', 'kind'], message: '业主表决的投票范围须是指定楼栋/单元的住户' })
        }
      }
      if (v.electorate.kind === 'attendees' && !v.topicId) {
        ctx.addIssue({ code: 'custom', path: ['topicId'], message: '到会居民表决须关联议事会的议题' })
      }
      if (v.onApproval && !v.topicId) {
        ctx.addIssue({ code: 'custom', path: ['onApproval'], message: '只有关联议题的方案可以设置通过后的责任方和期限' })
      }
      if (v.onApproval && !Number.isNaN(closes) && Date.parse(v.onApproval.deadline) <= closes) {
        ctx.addIssue({ code: 'custom', path: ['onApproval', 'deadline'], message: '完成期限须晚于投票截止时间' })
      }
    }),
)

export const ProposalActionInput = onFirstUse(() =>
  z.discriminatedUnion(
    'action',
    [z.strictObject({ action: z.literal('open') }), z.strictObject({ action: z.literal('close') }), cancelWithReason()],
    { error: '不支持的操作：open、close 或 cancel' },
  ),
)

export const BallotInput = onFirstUse(() =>
  z.strictObject({
    /** Option keys: `yes` / `no` / `abstain`, or `c1`…`c10` (up to the vote's maximum), or `abstain` alone. */
    choices: z
      .array(z.string({ error: '选项须是文字' }).min(1, '选项不能为空').max(20, '选项太长'), { error: '请选择一项' })
      .min(1, '请选择一项')
      .max(MAX_CHOICES + 1, '选的项太多了'),
    /** Household votes: which of your households this ballot is for, when you belong to several in the electorate. */
    householdId: Id.optional(),
  }),
)

// ——— Replies ———

export const VoteOutcome = z.enum(['passed', 'rejected', 'no_quorum'])
export const VotePhase = z.enum(votePhases)

export const ProposalOption = onFirstUse(() => z.object({ key: z.string(), label: z.string() }))

export const VoteResult = onFirstUse(() =>
  z
    .object({
      rule: VoteRule,
      ruleLabel: z.string(),
      /** Owner votes in the app are advisory (参考性表决). */
      advisory: z.boolean(),
      /** Owner rules weigh registered area as well as number. */
      weighsArea: z.boolean(),
      electorate: z.object({ count: z.number().int(), areaM2: z.number().nullable() }),
      participants: z.object({ count: z.number().int(), areaM2: z.number().nullable() }),
      options: z.array(
        z.object({ key: z.string(), label: z.string(), count: z.number().int(), areaM2: z.number().nullable(), adopted: z.boolean() }),
      ),
      participationMet: z.boolean(),
      passed: z.boolean(),
      outcome: VoteOutcome,
      outcomeLabel: z.string(),
      /** Adopted option keys, most support first. */
      adopted: z.array(z.string()),
      /** Plain Chinese, shown verbatim: 参与户数 41/60（68%）≥ 2/3 ✓ … */
      explanation: z.array(z.string()),
      /** False for running counts shown while voting (liveResults). */
      final: z.boolean(),
      computedAt: IsoTime,
    })
    .meta({ id: 'VoteResult' }),
)

/** The viewer's own ballot: the only ballot whose choices any reply contains. */
export const Ballot = onFirstUse(() =>
  z
    .object({
      proposalId: Id,
      choices: z.array(z.string()),
      labels: z.array(z.string()),
      /** The household it was cast for (household votes). */
      householdId: Id.nullable(),
      castAt: IsoTime,
    })
    .meta({ id: 'VoteBallot' }),
)

const Ref = onFirstUse(() => z.object({ id: Id, title: z.string() }))

export const ProposalSummary = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      title: z.string(),
      topic: Ref.nullable(),
      session: z.object({ id: Id, title: z.string(), startsAt: IsoTime }).nullable(),
      status: VoteStatus,
      statusLabel: z.string(),
      phase: VotePhase,
      phaseLabel: z.string(),
      optionKind: OptionKind,
      rule: VoteRule,
      ruleLabel: z.string(),
      unit: VotingUnit,
      unitLabel: z.string(),
      electorateKind: ElectorateKind,
      electorateLabel: z.string(),
      advisory: z.boolean(),
      opensAt: IsoTime,
      closesAt: IsoTime,
      /** When counting actually happened: at `closesAt`, or earlier if staff closed it early. */
      closedAt: IsoTime.nullable(),
      /** 公示 until (published votes). */
      publicUntil: IsoTime.nullable(),
      /** When the result is out. */
      outcome: VoteOutcome.nullable(),
      outcomeLabel: z.string().nullable(),
      viewer: z.object({
        /** A ballot was cast for the viewer (or the viewer's household). */
        voted: z.boolean(),
      }),
      createdAt: IsoTime,
    })
    .meta({ id: 'Proposal' }),
)

export const ProposalDetail = onFirstUse(() =>
  ProposalSummary.extend({
    text: z.string(),
    photos: z.array(Photo),
    options: z.array(ProposalOption),
    maxChoices: z.number().int(),
    ruleDescription: z.string(),
    quorumPercent: z.number().int().nullable(),
    /** 参考性表决 with the reason (owner votes); null otherwise. */
    advisoryNote: z.string().nullable(),
    electorate: z.object({
      kind: ElectorateKind,
      label: z.string(),
      buildings: z.array(z.object({ id: Id, name: z.string() })),
      units: z.array(z.object({ id: Id, name: z.string() })),
      /** Voting units on the roll, fixed when the vote opens; null before. */
      size: z.number().int().nullable(),
    }),
    publishDays: z.number().int(),
    liveResults: z.boolean(),
    cancelReason: z.string().nullable(),
    onApproval: z
      .object({
        responsibleParty: ResponsibleParty,
        responsiblePartyLabel: z.string(),
        responsibleName: z.string().nullable(),
        deadline: IsoTime,
      })
      .nullable(),
    /** How many have voted so far: staff always, others when counts are shown. */
    turnout: z.object({ participants: z.number().int(), electorate: z.number().int() }).nullable(),
    /** The result once closed (or the running counts when the vote shows them live). */
    result: VoteResult.nullable(),
    viewer: z.object({
      voted: z.boolean(),
      inElectorate: z.boolean(),
      canVote: z.boolean(),
      /** Why the viewer cannot vote now, in Chinese; null when they can. */
      voteBlockedReason: z.string().nullable(),
      /** The viewer's own ballot. */
      myBallot: Ballot.nullable(),
      /** Household votes: a ballot was cast for the viewer's household (by whom is not said). */
      householdVoted: z.boolean(),
      /** Households of the viewer on the roll (to choose from when there are several). */
      households: z.array(z.object({ id: Id, label: z.string(), voted: z.boolean() })),
      /** The actions this viewer may take now (staff). */
      actions: z.array(VoteAction),
    }),
  }).meta({ id: 'ProposalDetail' }),
)

export const ProposalPage = onFirstUse(() => z.object({ items: z.array(ProposalSummary), nextCursor: z.string().nullable() }))

/** Who (or which household) has voted — never how. Staff only. */
export const ParticipationEntry = onFirstUse(() =>
  z.object({
    electorId: Id,
    /** A resident's nickname, or a household's address (3号楼 2单元 302室). */
    label: z.string(),
    voted: z.boolean(),
  }),
)
export const ParticipationPage = onFirstUse(() =>
  z
    .object({
      electorate: z.number().int(),
      participants: z.number().int(),
      items: z.array(ParticipationEntry),
      nextCursor: z.string().nullable(),
    })
    .meta({ id: 'VoteParticipation' }),
)

// ——— Lists ———

export const ProposalsQuery = onFirstUse(() =>
  z.strictObject({
    status: VoteStatus.optional(),
    topicId: Id.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
)

export const ParticipationQuery = onFirstUse(() =>
  z.strictObject({
    /** yes: those who voted; no: those who have not yet. */
    voted: z.enum(['yes', 'no']).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
)
