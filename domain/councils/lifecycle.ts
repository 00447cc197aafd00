import * as z from 'zod'

/**
 * The council session lifecycle and the topic (议题) lifecycle: every status, every transition,
 * who may make it and what it needs. Pure, like the concern lifecycle: the server asks
 * `checkSessionTransition` / `checkTopicTransition` before writing; the mini-program asks
 * `availableSessionActions` / `availableTopicActions` which buttons to show.
 */
export const sessionStatuses = ['planned', 'open', 'agenda_fixed', 'in_session', 'concluded', 'minutes_published', 'cancelled'] as const
export const SessionStatus = /*#__PURE__*/ z.enum(sessionStatuses)
export type SessionStatus = z.infer<typeof SessionStatus>

/** Not yet held: the session can still be edited or cancelled (registrants are then notified). */
export const upcomingStatuses: readonly SessionStatus[] = ['planned', 'open', 'agenda_fixed']
/** Nothing follows these. */
export const finalSessionStatuses: readonly SessionStatus[] = ['minutes_published', 'cancelled']

export const sessionActions = ['open', 'edit', 'fix_agenda', 'start', 'conclude', 'publish_minutes', 'cancel'] as const
export const SessionAction = /*#__PURE__*/ z.enum(sessionActions)
export type SessionAction = z.infer<typeof SessionAction>

/** Who is acting on a session. `staff` is a worker or admin of its community. */
export type SessionRole = 'staff' | 'resident' | 'partner' | 'system'

export interface SessionTransitionInput {
  /** Why it is cancelled (told to everyone registered). */
  reason?: string
  /** Topics still waiting for a decision; the agenda can be fixed only when there are none. */
  pendingTopicCount?: number
  minutesText?: string
  attendeeCount?: number
}

/** The shortest minutes accepted, in characters (the same bound as the MinutesInput schema). */
export const MIN_MINUTES_LENGTH = 20

interface SessionRule {
  from: readonly SessionStatus[]
  by: readonly SessionRole[]
  to: SessionStatus | 'unchanged'
  /** Returns the problem in Chinese, or null when the input is complete. */
  needs?: (input: SessionTransitionInput) => { code: 'INPUT_MISSING' | 'TOPICS_PENDING'; field: string; message: string } | null
}

export const sessionLifecycle: Record<SessionAction, SessionRule> = {
  /** Opens topic booking and registration. The scheduled job may open the sessions it created. */
  open: { from: ['planned'], by: ['staff', 'system'], to: 'open' },
  edit: { from: upcomingStatuses, by: ['staff'], to: 'unchanged' },
  fix_agenda: {
    from: ['open'],
    by: ['staff'],
    to: 'agenda_fixed',
    needs: (i) =>
      (i.pendingTopicCount ?? 0) > 0
        ? { code: 'TOPICS_PENDING', field: 'topics', message: `还有 ${i.pendingTopicCount} 个议题待处理，请先接受、顺延或不予采纳` }
        : null,
  },
  start: { from: ['agenda_fixed'], by: ['staff'], to: 'in_session' },
  conclude: { from: ['in_session'], by: ['staff'], to: 'concluded' },
  publish_minutes: {
    from: ['concluded'],
    by: ['staff'],
    to: 'minutes_published',
    needs: (i) =>
      !i.minutesText || i.minutesText.trim().length < MIN_MINUTES_LENGTH
        ? { code: 'INPUT_MISSING', field: 'text', message: `请填写会议纪要（至少 ${MIN_MINUTES_LENGTH} 个字）` }
        : i.attendeeCount === undefined || !Number.isInteger(i.attendeeCount) || i.attendeeCount < 0
          ? { code: 'INPUT_MISSING', field: 'attendeeCount', message: '请填写参会人数' }
          : null,
  },
  cancel: {
    from: upcomingStatuses,
    by: ['staff'],
    to: 'cancelled',
    needs: (i) =>
      i.reason && i.reason.trim().length >= 2
        ? null
        : { code: 'INPUT_MISSING', field: 'reason', message: '请填写取消的原因，会通知已报名的居民' },
  },
}

export const sessionActionLabels: Record<SessionAction, string> = {
  open: '开放申报和报名',
  edit: '修改',
  fix_agenda: '确定议程',
  start: '开始议事',
  conclude: '结束议事',
  publish_minutes: '发布会议纪要',
  cancel: '取消议事会',
}

export type SessionTransitionCheck =
  | { ok: true; to: SessionStatus }
  | {
      ok: false
      code: 'TRANSITION_NOT_ALLOWED' | 'ROLE_NOT_ALLOWED' | 'INPUT_MISSING' | 'TOPICS_PENDING'
      message: string
      field?: string
    }

/** May `roles` do `action` to a session in `status` with `input`? And what status follows? */
export function checkSessionTransition(
  action: SessionAction,
  status: SessionStatus,
  roles: readonly SessionRole[],
  input: SessionTransitionInput = {},
): SessionTransitionCheck {
  const rule = sessionLifecycle[action]
  if (!rule.by.some((r) => roles.includes(r))) {
    return { ok: false, code: 'ROLE_NOT_ALLOWED', message: `您不能对这场议事会进行「${sessionActionLabels[action]}」` }
  }
  if (!rule.from.includes(status)) {
    return { ok: false, code: 'TRANSITION_NOT_ALLOWED', message: `议事会当前状态不能「${sessionActionLabels[action]}」` }
  }
  const missing = rule.needs?.(input)
  if (missing) return { ok: false, code: missing.code, message: missing.message, field: missing.field }
  return { ok: true, to: rule.to === 'unchanged' ? status : rule.to }
}

/** The session actions these roles could take now (inputs aside): what buttons to show. */
export function availableSessionActions(status: SessionStatus, roles: readonly SessionRole[]): SessionAction[] {
  return sessionActions.filter((a) => sessionLifecycle[a].from.includes(status) && sessionLifecycle[a].by.some((r) => roles.includes(r)))
}

// ——— Topics (议题) ———

export const topicStatuses = ['pending', 'accepted', 'deferred', 'declined', 'withdrawn'] as const
export const TopicStatus = /*#__PURE__*/ z.enum(topicStatuses)
export type TopicStatus = z.infer<typeof TopicStatus>

export const topicActions = ['accept', 'defer', 'decline', 'withdraw'] as const
export const TopicAction = /*#__PURE__*/ z.enum(topicActions)
export type TopicAction = z.infer<typeof TopicAction>

/** Who is acting on a topic: the resident who booked it, or staff of the session's community. */
export type TopicRole = 'proposer' | 'staff'

export interface TopicTransitionInput {
  /** Place on the agenda, 1-based. */
  order?: number
  /** Minutes allotted on the agenda. */
  minutes?: number
  /** The later session a deferred topic moves to. */
  targetSessionId?: string
  /** The session the topic is on now (a topic is not deferred to the same session). */
  sessionId?: string
  reason?: string
  /** Topics already accepted onto this session and its number of agenda slots: pass both to check room. */
  acceptedCount?: number
  slots?: number
}

export const MAX_AGENDA_SLOTS = 30
export const MAX_TOPIC_MINUTES = 180

interface TopicRule {
  from: readonly TopicStatus[]
  by: readonly TopicRole[]
  /** The session statuses in which this decision can be taken. */
  during: readonly SessionStatus[]
  to: TopicStatus
  needs?: (input: TopicTransitionInput) => { code: 'INPUT_MISSING' | 'AGENDA_FULL'; field: string; message: string } | null
}

const whole = (n: number | undefined, min: number, max: number) => n !== undefined && Number.isInteger(n) && n >= min && n <= max

export const topicLifecycle: Record<TopicAction, TopicRule> = {
  accept: {
    from: ['pending'],
    by: ['staff'],
    during: ['open'],
    to: 'accepted',
    needs: (i) =>
      !whole(i.order, 1, MAX_AGENDA_SLOTS)
        ? { code: 'INPUT_MISSING', field: 'order', message: '请填写议题在议程中的顺序' }
        : !whole(i.minutes, 1, MAX_TOPIC_MINUTES)
          ? { code: 'INPUT_MISSING', field: 'minutes', message: `请填写为议题安排的时长（1–${MAX_TOPIC_MINUTES} 分钟）` }
          : i.acceptedCount !== undefined && i.slots !== undefined && i.acceptedCount >= i.slots
            ? { code: 'AGENDA_FULL', field: 'order', message: `议程已排满（共 ${i.slots} 项），请顺延到下一次议事会` }
            : null,
  },
  /** Pending topics, accepted ones the session did not reach, and those of a cancelled session move on. */
  defer: {
    from: ['pending', 'accepted'],
    by: ['staff'],
    during: ['open', 'agenda_fixed', 'in_session', 'cancelled'],
    to: 'deferred',
    needs: (i) =>
      !i.targetSessionId
        ? { code: 'INPUT_MISSING', field: 'targetSessionId', message: '请选择顺延到哪一次议事会' }
        : i.targetSessionId === i.sessionId
          ? { code: 'INPUT_MISSING', field: 'targetSessionId', message: '请选择之后的另一次议事会' }
          : null,
  },
  decline: {
    from: ['pending'],
    by: ['staff'],
    during: ['open', 'agenda_fixed'],
    to: 'declined',
    needs: (i) =>
      i.reason && i.reason.trim().length >= 2
        ? null
        : { code: 'INPUT_MISSING', field: 'reason', message: '请填写不予采纳的原因，会告知申报的居民' },
  },
  withdraw: { from: ['pending'], by: ['proposer'], during: ['open', 'agenda_fixed'], to: 'withdrawn' },
}

export const topicActionLabels: Record<TopicAction, string> = {
  accept: '列入议程',
  defer: '顺延',
  decline: '不予采纳',
  withdraw: '撤回',
}

export type TopicTransitionCheck =
  | { ok: true; to: TopicStatus }
  | {
      ok: false
      code: 'TRANSITION_NOT_ALLOWED' | 'ROLE_NOT_ALLOWED' | 'SESSION_NOT_ALLOWED' | 'INPUT_MISSING' | 'AGENDA_FULL'
      message: string
      field?: string
    }

/**
 * May `roles` do `action` to a topic in `status`, on a session in `sessionStatus`, with `input`?
 * Checked in this order: role, topic status, session status, input.
 */
export function checkTopicTransition(
  action: TopicAction,
  status: TopicStatus,
  sessionStatus: SessionStatus,
  roles: readonly TopicRole[],
  input: TopicTransitionInput = {},
): TopicTransitionCheck {
  const rule = topicLifecycle[action]
  const label = topicActionLabels[action]
  if (!rule.by.some((r) => roles.includes(r))) {
    return { ok: false, code: 'ROLE_NOT_ALLOWED', message: `您不能对这个议题进行「${label}」` }
  }
  if (!rule.from.includes(status)) {
    return { ok: false, code: 'TRANSITION_NOT_ALLOWED', message: `议题当前状态不能「${label}」` }
  }
  if (!rule.during.includes(sessionStatus)) {
    return { ok: false, code: 'SESSION_NOT_ALLOWED', message: `议事会当前状态下不能对议题进行「${label}」` }
  }
  const missing = rule.needs?.(input)
  if (missing) return { ok: false, code: missing.code, message: missing.message, field: missing.field }
  return { ok: true, to: rule.to }
}

/** The topic actions these roles could take now (inputs aside). */
export function availableTopicActions(status: TopicStatus, sessionStatus: SessionStatus, roles: readonly TopicRole[]): TopicAction[] {
  return topicActions.filter((a) => {
    const rule = topicLifecycle[a]
    return rule.from.includes(status) && rule.during.includes(sessionStatus) && rule.by.some((r) => roles.includes(r))
  })
}
