import * as z from 'zod'

/**
 * The concern lifecycle (docs/product.md, "Concern lifecycle"): every status, every transition, who may make it and what it
 * needs. Pure: the server asks `checkTransition` before writing; the mini-program asks
 * `availableActions` to decide which buttons to show.
 */
export const concernStatuses = [
  'submitted',
  'accepted',
  'declined',
  'merged',
  'assigned',
  'on_agenda',
  'deliberated',
  'in_progress',
  'resolved',
  'reopened',
  'closed',
] as const
export const ConcernStatus = /*#__PURE__*/ z.enum(concernStatuses)
export type ConcernStatus = z.infer<typeof ConcernStatus>

/** Statuses in which a concern is still open (counts as similar, can be co-signed, can be overdue). */
export const openStatuses: readonly ConcernStatus[] = [
  'submitted',
  'accepted',
  'assigned',
  'on_agenda',
  'deliberated',
  'in_progress',
  'reopened',
]
export const finalStatuses: readonly ConcernStatus[] = ['declined', 'merged', 'closed']

export const concernActions = [
  'accept',
  'decline',
  'merge',
  'assign',
  'start',
  'send_to_council',
  'deliberate',
  'note',
  'resolve',
  'rate',
  'auto_close',
] as const
export type ConcernAction = (typeof concernActions)[number]

/** Who is acting, relative to this concern. */
export type ConcernRole = 'author' | 'staff' | 'assignee' | 'system'

export interface TransitionInput {
  reason?: string
  targetId?: string
  assignee?: { kind: 'worker'; userId: string } | { kind: 'partner'; orgName: string }
  note?: string
  photoCount?: number
  rating?: number
  solved?: boolean
  /** How many times the concern was reopened before. */
  reopenCount?: number
}

interface Rule {
  from: readonly ConcernStatus[]
  by: readonly ConcernRole[]
  /** The next status; `unchanged` for a progress note; a function when it depends on the input (rating). */
  to: ConcernStatus | 'unchanged' | ((input: TransitionInput) => ConcernStatus)
  /** Returns the problem in Chinese, or null when the input is complete. */
  needs?: (input: TransitionInput) => { field: string; message: string } | null
}

export const MAX_REOPENS = 1

/** A rating of 1–2 or "not solved" is unsatisfied: it reopens the concern once, then closes it. */
export function isUnsatisfied(input: Pick<TransitionInput, 'rating' | 'solved'>): boolean {
  return input.solved === false || (input.rating !== undefined && input.rating <= 2)
}

const working: readonly ConcernStatus[] = ['accepted', 'assigned', 'on_agenda', 'deliberated', 'in_progress', 'reopened']

export const lifecycle: Record<ConcernAction, Rule> = {
  accept: { from: ['submitted'], by: ['staff'], to: 'accepted' },
  decline: {
    from: ['submitted'],
    by: ['staff'],
    to: 'declined',
    needs: (i) => (i.reason && i.reason.trim().length >= 2 ? null : { field: 'reason', message: '请填写不予受理的原因' }),
  },
  merge: {
    from: ['submitted', 'accepted'],
    by: ['staff'],
    to: 'merged',
    needs: (i) => (i.targetId ? null : { field: 'targetId', message: '请选择要合并到的诉求' }),
  },
  assign: {
    from: ['accepted', 'assigned', 'deliberated', 'reopened'],
    by: ['staff'],
    to: 'assigned',
    needs: (i) => (i.assignee ? null : { field: 'assignee', message: '请选择承办的工作人员或共建单位' }),
  },
  start: { from: ['accepted', 'assigned', 'deliberated', 'reopened'], by: ['staff', 'assignee'], to: 'in_progress' },
  send_to_council: { from: ['accepted', 'assigned'], by: ['staff'], to: 'on_agenda' },
  deliberate: { from: ['on_agenda'], by: ['staff'], to: 'deliberated' },
  note: {
    from: working,
    by: ['staff', 'assignee'],
    to: 'unchanged',
    needs: (i) => (i.note && i.note.trim().length >= 2 ? null : { field: 'note', message: '请填写进展说明' }),
  },
  resolve: {
    from: ['in_progress'],
    by: ['staff', 'assignee'],
    to: 'resolved',
    needs: (i) =>
      !i.note || i.note.trim().length < 2
        ? { field: 'note', message: '请填写办理结果' }
        : !i.photoCount
          ? { field: 'photos', message: '请至少上传一张办理后的照片' }
          : null,
  },
  rate: {
    from: ['resolved'],
    by: ['author'],
    to: (i) => (isUnsatisfied(i) && (i.reopenCount ?? 0) < MAX_REOPENS ? 'reopened' : 'closed'),
    needs: (i) =>
      i.rating === undefined || !Number.isInteger(i.rating) || i.rating < 1 || i.rating > 5
        ? { field: 'rating', message: '请选择 1–5 星评价' }
        : null,
  },
  auto_close: { from: ['resolved'], by: ['system'], to: 'closed' },
}

export type TransitionCheck =
  | { ok: true; to: ConcernStatus }
  | { ok: false; code: 'TRANSITION_NOT_ALLOWED' | 'ROLE_NOT_ALLOWED' | 'INPUT_MISSING'; message: string; field?: string }

const actionLabels: Record<ConcernAction, string> = {
  accept: '受理',
  decline: '不予受理',
  merge: '合并',
  assign: '指派',
  start: '开始办理',
  send_to_council: '提交议事',
  deliberate: '议事决议',
  note: '添加进展',
  resolve: '办结',
  rate: '评价',
  auto_close: '自动结案',
}
export { actionLabels as concernActionLabels }

/** May `roles` do `action` to a concern in `status` with `input`? And what status follows? */
export function checkTransition(
  action: ConcernAction,
  status: ConcernStatus,
  roles: readonly ConcernRole[],
  input: TransitionInput = {},
): TransitionCheck {
  const rule = lifecycle[action]
  if (!rule.by.some((r) => roles.includes(r))) {
    return { ok: false, code: 'ROLE_NOT_ALLOWED', message: `您不能对这条诉求进行「${actionLabels[action]}」` }
  }
  if (!rule.from.includes(status)) {
    return { ok: false, code: 'TRANSITION_NOT_ALLOWED', message: `诉求当前状态不能「${actionLabels[action]}」` }
  }
  const missing = rule.needs?.(input)
  if (missing) return { ok: false, code: 'INPUT_MISSING', message: missing.message, field: missing.field }
  const to = rule.to === 'unchanged' ? status : typeof rule.to === 'function' ? rule.to(input) : rule.to
  return { ok: true, to }
}

/** The actions these roles could take now (inputs aside): what buttons to show. */
export function availableActions(status: ConcernStatus, roles: readonly ConcernRole[]): ConcernAction[] {
  return concernActions.filter((a) => lifecycle[a].from.includes(status) && lifecycle[a].by.some((r) => roles.includes(r)))
}
