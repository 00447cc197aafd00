import { describe, expect, it } from 'vitest'
import { registrationStatusLabels, sessionStatusLabels, topicStatusLabels } from './labels.js'
import {
  availableSessionActions,
  availableTopicActions,
  checkSessionTransition,
  checkTopicTransition,
  finalSessionStatuses,
  sessionActionLabels,
  sessionActions,
  sessionLifecycle,
  sessionStatuses,
  topicActionLabels,
  topicActions,
  topicLifecycle,
  topicStatuses,
  type SessionAction,
  type SessionRole,
  type SessionStatus,
  type SessionTransitionInput,
  type TopicAction,
  type TopicRole,
  type TopicStatus,
  type TopicTransitionInput,
} from './lifecycle.js'
import { registrationStatuses } from './booking.js'

const han = /\p{Script=Han}/u

/** A complete input for each action, so only status and role decide. */
const completeSession: Record<SessionAction, SessionTransitionInput> = {
  open: {},
  edit: {},
  fix_agenda: { pendingTopicCount: 0 },
  start: {},
  conclude: {},
  publish_minutes: { minutesText: '会议议定了三号楼加装电梯的方案，物业负责下周公示。', attendeeCount: 32 },
  cancel: { reason: '台风预警，改期举行' },
}

// The allowed (action, from) pairs, written out by hand from the lifecycle.
const sessionAllowed: Record<SessionAction, SessionStatus[]> = {
  open: ['planned'],
  edit: ['planned', 'open', 'agenda_fixed'],
  fix_agenda: ['open'],
  start: ['agenda_fixed'],
  conclude: ['in_session'],
  publish_minutes: ['concluded'],
  cancel: ['planned', 'open', 'agenda_fixed'],
}

const sessionTo: Record<SessionAction, SessionStatus | 'unchanged'> = {
  open: 'open',
  edit: 'unchanged',
  fix_agenda: 'agenda_fixed',
  start: 'in_session',
  conclude: 'concluded',
  publish_minutes: 'minutes_published',
  cancel: 'cancelled',
}

const sessionWhoMay: Record<SessionAction, SessionRole[]> = {
  open: ['staff', 'system'],
  edit: ['staff'],
  fix_agenda: ['staff'],
  start: ['staff'],
  conclude: ['staff'],
  publish_minutes: ['staff'],
  cancel: ['staff'],
}

const sessionRoles: SessionRole[] = ['staff', 'resident', 'partner', 'system']

describe('session lifecycle', () => {
  const every = sessionActions.flatMap((action) => sessionStatuses.map((status) => ({ action, status })))
  it.each(every)('$action from $status', ({ action, status }) => {
    const result = checkSessionTransition(action, status, ['staff'], completeSession[action])
    const allowed = sessionAllowed[action].includes(status)
    expect(result.ok).toBe(allowed)
    if (result.ok) expect(result.to).toBe(sessionTo[action] === 'unchanged' ? status : sessionTo[action])
    else expect(result.code).toBe('TRANSITION_NOT_ALLOWED')
  })

  const roleCases = sessionActions.flatMap((action) => sessionRoles.map((role) => ({ action, role })))
  it.each(roleCases)('$action by $role', ({ action, role }) => {
    const result = checkSessionTransition(action, sessionAllowed[action][0], [role], completeSession[action])
    expect(result.ok).toBe(sessionWhoMay[action].includes(role))
    if (!result.ok) expect(result.code).toBe('ROLE_NOT_ALLOWED')
  })

  it('runs from planned to published minutes', () => {
    const path: SessionAction[] = ['open', 'fix_agenda', 'start', 'conclude', 'publish_minutes']
    let status: SessionStatus = 'planned'
    for (const action of path) {
      const result = checkSessionTransition(action, status, ['staff'], completeSession[action])
      if (!result.ok) throw new Error(`${action} from ${status}: ${result.message}`)
      status = result.to
    }
    expect(status).toBe('minutes_published')
  })

  it('cancels only a session that has not been held', () => {
    for (const status of sessionStatuses) {
      const result = checkSessionTransition('cancel', status, ['staff'], { reason: '场地临时停电' })
      expect(result.ok, status).toBe(['planned', 'open', 'agenda_fixed'].includes(status))
    }
  })

  it('needs a reason to cancel', () => {
    for (const reason of [undefined, '', '  ', '雨']) {
      expect(checkSessionTransition('cancel', 'open', ['staff'], { reason })).toMatchObject({
        ok: false,
        code: 'INPUT_MISSING',
        field: 'reason',
      })
    }
  })

  it('refuses to fix the agenda while topics wait for a decision, naming how many', () => {
    const result = checkSessionTransition('fix_agenda', 'open', ['staff'], { pendingTopicCount: 2 })
    expect(result).toMatchObject({ ok: false, code: 'TOPICS_PENDING', field: 'topics' })
    if (!result.ok) expect(result.message).toContain('2 个议题')
  })

  it('needs minutes of at least 20 characters and an attendee count to publish', () => {
    expect(checkSessionTransition('publish_minutes', 'concluded', ['staff'], { minutesText: '太短了', attendeeCount: 3 })).toMatchObject({
      ok: false,
      field: 'text',
    })
    expect(checkSessionTransition('publish_minutes', 'concluded', ['staff'], { minutesText: '甲'.repeat(20) })).toMatchObject({
      ok: false,
      field: 'attendeeCount',
    })
    expect(
      checkSessionTransition('publish_minutes', 'concluded', ['staff'], { minutesText: '甲'.repeat(20), attendeeCount: -1 }),
    ).toMatchObject({
      ok: false,
      field: 'attendeeCount',
    })
    expect(checkSessionTransition('publish_minutes', 'concluded', ['staff'], { minutesText: '甲'.repeat(20), attendeeCount: 0 })).toEqual({
      ok: true,
      to: 'minutes_published',
    })
  })

  it('keeps the status on an edit', () => {
    expect(checkSessionTransition('edit', 'agenda_fixed', ['staff'])).toEqual({ ok: true, to: 'agenda_fixed' })
  })

  it('checks the role before the status', () => {
    expect(checkSessionTransition('start', 'cancelled', ['resident'])).toMatchObject({ ok: false, code: 'ROLE_NOT_ALLOWED' })
  })

  it('offers staff what the status allows, residents nothing, and nothing after the end', () => {
    expect(availableSessionActions('planned', ['staff'])).toEqual(['open', 'edit', 'cancel'])
    expect(availableSessionActions('open', ['staff'])).toEqual(['edit', 'fix_agenda', 'cancel'])
    expect(availableSessionActions('in_session', ['staff'])).toEqual(['conclude'])
    expect(availableSessionActions('open', ['resident'])).toEqual([])
    expect(availableSessionActions('planned', ['system'])).toEqual(['open'])
    for (const status of finalSessionStatuses) expect(availableSessionActions(status, ['staff', 'system'])).toEqual([])
  })

  it('has a rule and a Chinese label for every action, and writes its refusals in Chinese', () => {
    expect(Object.keys(sessionLifecycle).sort()).toEqual([...sessionActions].sort())
    for (const a of sessionActions) expect(sessionActionLabels[a]).toMatch(han)
    const refusal = checkSessionTransition('conclude', 'planned', ['staff'])
    expect(refusal.ok).toBe(false)
    if (!refusal.ok) expect(refusal.message).toBe('议事会当前状态不能「结束议事」')
  })
})

const completeTopic: Record<TopicAction, TopicTransitionInput> = {
  accept: { order: 1, minutes: 15 },
  defer: { targetSessionId: 's-next', sessionId: 's-now' },
  decline: { reason: '属于物业日常维修，已转物业处理' },
  withdraw: {},
}

const topicAllowed: Record<TopicAction, TopicStatus[]> = {
  accept: ['pending'],
  defer: ['pending', 'accepted'],
  decline: ['pending'],
  withdraw: ['pending'],
}

const topicDuring: Record<TopicAction, SessionStatus[]> = {
  accept: ['open'],
  defer: ['open', 'agenda_fixed', 'in_session', 'cancelled'],
  decline: ['open', 'agenda_fixed'],
  withdraw: ['open', 'agenda_fixed'],
}

const topicTo: Record<TopicAction, TopicStatus> = { accept: 'accepted', defer: 'deferred', decline: 'declined', withdraw: 'withdrawn' }

const topicWhoMay: Record<TopicAction, TopicRole[]> = {
  accept: ['staff'],
  defer: ['staff'],
  decline: ['staff'],
  withdraw: ['proposer'],
}

const topicRoles: TopicRole[] = ['proposer', 'staff']

describe('topic lifecycle', () => {
  const every = topicActions.flatMap((action) => topicStatuses.map((status) => ({ action, status })))
  it.each(every)('$action from $status', ({ action, status }) => {
    const result = checkTopicTransition(action, status, topicDuring[action][0], topicWhoMay[action], completeTopic[action])
    expect(result.ok).toBe(topicAllowed[action].includes(status))
    if (result.ok) expect(result.to).toBe(topicTo[action])
    else expect(result.code).toBe('TRANSITION_NOT_ALLOWED')
  })

  const roleCases = topicActions.flatMap((action) => topicRoles.map((role) => ({ action, role })))
  it.each(roleCases)('$action by $role', ({ action, role }) => {
    const result = checkTopicTransition(action, topicAllowed[action][0], topicDuring[action][0], [role], completeTopic[action])
    expect(result.ok).toBe(topicWhoMay[action].includes(role))
    if (!result.ok) expect(result.code).toBe('ROLE_NOT_ALLOWED')
  })

  const sessionCases = topicActions.flatMap((action) => sessionStatuses.map((sessionStatus) => ({ action, sessionStatus })))
  it.each(sessionCases)('$action while the session is $sessionStatus', ({ action, sessionStatus }) => {
    const result = checkTopicTransition(action, topicAllowed[action][0], sessionStatus, topicWhoMay[action], completeTopic[action])
    expect(result.ok).toBe(topicDuring[action].includes(sessionStatus))
    if (!result.ok) expect(result.code).toBe('SESSION_NOT_ALLOWED')
  })

  it('needs an order and allotted minutes to accept', () => {
    expect(checkTopicTransition('accept', 'pending', 'open', ['staff'], { minutes: 10 })).toMatchObject({ ok: false, field: 'order' })
    expect(checkTopicTransition('accept', 'pending', 'open', ['staff'], { order: 0, minutes: 10 })).toMatchObject({
      ok: false,
      field: 'order',
    })
    expect(checkTopicTransition('accept', 'pending', 'open', ['staff'], { order: 1.5, minutes: 10 })).toMatchObject({
      ok: false,
      field: 'order',
    })
    expect(checkTopicTransition('accept', 'pending', 'open', ['staff'], { order: 1 })).toMatchObject({ ok: false, field: 'minutes' })
    expect(checkTopicTransition('accept', 'pending', 'open', ['staff'], { order: 1, minutes: 181 })).toMatchObject({
      ok: false,
      field: 'minutes',
    })
  })

  it('refuses to accept onto a full agenda, and accepts into the last free slot', () => {
    const full = checkTopicTransition('accept', 'pending', 'open', ['staff'], { order: 5, minutes: 10, acceptedCount: 4, slots: 4 })
    expect(full).toMatchObject({ ok: false, code: 'AGENDA_FULL' })
    if (!full.ok) expect(full.message).toContain('共 4 项')
    expect(checkTopicTransition('accept', 'pending', 'open', ['staff'], { order: 4, minutes: 10, acceptedCount: 3, slots: 4 })).toEqual({
      ok: true,
      to: 'accepted',
    })
  })

  it('needs a later session to defer to, not the same one', () => {
    expect(checkTopicTransition('defer', 'pending', 'open', ['staff'])).toMatchObject({ ok: false, field: 'targetSessionId' })
    expect(checkTopicTransition('defer', 'pending', 'open', ['staff'], { targetSessionId: 's-1', sessionId: 's-1' })).toMatchObject({
      ok: false,
      field: 'targetSessionId',
    })
  })

  it('needs a reason to decline', () => {
    expect(checkTopicTransition('decline', 'pending', 'open', ['staff'], { reason: ' 否 ' })).toMatchObject({ ok: false, field: 'reason' })
  })

  it('lets staff defer an accepted item the session did not reach', () => {
    expect(checkTopicTransition('defer', 'accepted', 'in_session', ['staff'], completeTopic.defer)).toEqual({ ok: true, to: 'deferred' })
  })

  it('offers staff the three decisions on a pending topic, the proposer only withdrawal', () => {
    expect(availableTopicActions('pending', 'open', ['staff'])).toEqual(['accept', 'defer', 'decline'])
    expect(availableTopicActions('pending', 'open', ['proposer'])).toEqual(['withdraw'])
    expect(availableTopicActions('accepted', 'agenda_fixed', ['staff', 'proposer'])).toEqual(['defer'])
    expect(availableTopicActions('declined', 'open', ['staff', 'proposer'])).toEqual([])
  })

  it('has a rule and a Chinese label for every action', () => {
    expect(Object.keys(topicLifecycle).sort()).toEqual([...topicActions].sort())
    for (const a of topicActions) expect(topicActionLabels[a]).toMatch(han)
  })
})

describe('status labels', () => {
  it('names every session, topic and registration status in Chinese', () => {
    for (const s of sessionStatuses) expect(sessionStatusLabels[s]).toMatch(han)
    for (const s of topicStatuses) expect(topicStatusLabels[s]).toMatch(han)
    for (const s of [...registrationStatuses, 'none' as const]) expect(registrationStatusLabels[s]).toMatch(han)
  })
})
