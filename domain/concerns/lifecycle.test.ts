import { describe, expect, it } from 'vitest'
import { addWorkingDays, categories, categoryKeys, dueAt } from './categories.js'
import {
  availableActions,
  checkTransition,
  concernActions,
  concernStatuses,
  lifecycle,
  type ConcernAction,
  type ConcernRole,
  type ConcernStatus,
  type TransitionInput,
} from './lifecycle.js'

/** A complete input for each action, so only status and role decide. */
const complete: Record<ConcernAction, TransitionInput> = {
  accept: {},
  decline: { reason: '不属于本社区管辖' },
  merge: { targetId: 'c-1' },
  assign: { assignee: { kind: 'partner', orgName: '安居物业' } },
  start: {},
  send_to_council: {},
  deliberate: {},
  note: { note: '已联系物业' },
  resolve: { note: '已更换灯泡', photoCount: 1 },
  rate: { rating: 5, solved: true },
  auto_close: {},
}

// The allowed (action, from) pairs, written out by hand from docs/product.md's "Concern lifecycle".
const allowed: Record<ConcernAction, ConcernStatus[]> = {
  accept: ['submitted'],
  decline: ['submitted'],
  merge: ['submitted', 'accepted'],
  assign: ['accepted', 'assigned', 'deliberated', 'reopened'],
  start: ['accepted', 'assigned', 'deliberated', 'reopened'],
  send_to_council: ['accepted', 'assigned'],
  deliberate: ['on_agenda'],
  note: ['accepted', 'assigned', 'on_agenda', 'deliberated', 'in_progress', 'reopened'],
  resolve: ['in_progress'],
  rate: ['resolved'],
  auto_close: ['resolved'],
}

const whoMay: Record<ConcernAction, ConcernRole[]> = {
  accept: ['staff'],
  decline: ['staff'],
  merge: ['staff'],
  assign: ['staff'],
  start: ['staff', 'assignee'],
  send_to_council: ['staff'],
  deliberate: ['staff'],
  note: ['staff', 'assignee'],
  resolve: ['staff', 'assignee'],
  rate: ['author'],
  auto_close: ['system'],
}

const roles: ConcernRole[] = ['author', 'staff', 'assignee', 'system']

describe('concern lifecycle', () => {
  const every = concernActions.flatMap((action) => concernStatuses.map((status) => ({ action, status })))
  it.each(every)('$action from $status', ({ action, status }) => {
    const actor = whoMay[action][0]
    const result = checkTransition(action, status, [actor], complete[action])
    expect(result.ok).toBe(allowed[action].includes(status))
    if (!result.ok) expect(result.code).toBe('TRANSITION_NOT_ALLOWED')
  })

  const roleCases = concernActions.flatMap((action) => roles.map((role) => ({ action, role })))
  it.each(roleCases)('$action by $role', ({ action, role }) => {
    const result = checkTransition(action, allowed[action][0], [role], complete[action])
    expect(result.ok).toBe(whoMay[action].includes(role))
    if (!result.ok) expect(result.code).toBe('ROLE_NOT_ALLOWED')
  })

  it('follows the paths of docs/product.md to their end', () => {
    const go = (a: ConcernAction, s: ConcernStatus, r: ConcernRole, i = complete[a]) => {
      const res = checkTransition(a, s, [r], i)
      if (!res.ok) throw new Error(`${a} from ${s}: ${res.message}`)
      return res.to
    }
    let s: ConcernStatus = 'submitted'
    s = go('accept', s, 'staff')
    s = go('assign', s, 'staff')
    s = go('start', s, 'assignee')
    s = go('resolve', s, 'assignee')
    expect(s).toBe('resolved')
    expect(go('rate', s, 'author')).toBe('closed')

    let c: ConcernStatus = go('accept', 'submitted', 'staff')
    c = go('send_to_council', c, 'staff')
    expect(c).toBe('on_agenda')
    c = go('deliberate', c, 'staff')
    c = go('start', c, 'staff')
    expect(c).toBe('in_progress')
  })

  it('needs a reason to decline, a target to merge, an assignee to assign', () => {
    expect(checkTransition('decline', 'submitted', ['staff'], { reason: ' ' })).toMatchObject({ ok: false, field: 'reason' })
    expect(checkTransition('merge', 'submitted', ['staff'])).toMatchObject({ ok: false, field: 'targetId' })
    expect(checkTransition('assign', 'accepted', ['staff'])).toMatchObject({ ok: false, field: 'assignee' })
  })

  it('needs a note and at least one photo to resolve', () => {
    expect(checkTransition('resolve', 'in_progress', ['staff'], { photoCount: 1 })).toMatchObject({ ok: false, field: 'note' })
    expect(checkTransition('resolve', 'in_progress', ['staff'], { note: '已修好', photoCount: 0 })).toMatchObject({
      ok: false,
      field: 'photos',
    })
  })

  it('keeps the status on a progress note', () => {
    expect(checkTransition('note', 'assigned', ['assignee'], { note: '明天上门' })).toEqual({ ok: true, to: 'assigned' })
  })

  it.each([
    [1, true, 0, 'reopened'],
    [2, true, 0, 'reopened'],
    [3, true, 0, 'closed'],
    [5, false, 0, 'reopened'],
    [5, true, 0, 'closed'],
    [1, false, 1, 'closed'],
  ] as const)('rating %i, solved %s, reopened %i times before → %s', (rating, solved, reopenCount, to) => {
    expect(checkTransition('rate', 'resolved', ['author'], { rating, solved, reopenCount })).toEqual({ ok: true, to })
  })

  it('refuses ratings outside 1–5', () => {
    for (const rating of [0, 6, 2.5]) {
      expect(checkTransition('rate', 'resolved', ['author'], { rating })).toMatchObject({ ok: false, field: 'rating' })
    }
  })

  it('offers staff the triage actions on a new concern, and the author nothing', () => {
    expect(availableActions('submitted', ['staff'])).toEqual(['accept', 'decline', 'merge'])
    expect(availableActions('submitted', ['author'])).toEqual([])
    expect(availableActions('resolved', ['author'])).toEqual(['rate'])
  })

  it('has a rule for every action', () => {
    expect(Object.keys(lifecycle).sort()).toEqual([...concernActions].sort())
  })
})

describe('categories and deadlines', () => {
  it('has ten categories, each with a label, icon and deadline', () => {
    expect(categoryKeys).toHaveLength(10)
    for (const k of categoryKeys) {
      expect(categories[k].label).toMatch(/\p{Script=Han}/u)
      expect(categories[k].dueWorkingDays).toBeGreaterThan(0)
    }
  })

  it('counts working days in China time, skipping the weekend', () => {
    // Friday 2026-11-20 18:00 in Beijing (10:00 UTC) + 1 working day → Monday 2026-11-23 18:00.
    expect(addWorkingDays(new Date('2026-11-20T10:00:00Z'), 1).toISOString()).toBe('2026-11-23T10:00:00.000Z')
    // Friday 23:30 in Beijing is still Friday there, though it is Friday 15:30 UTC.
    expect(addWorkingDays(new Date('2026-11-20T15:30:00Z'), 1).toISOString()).toBe('2026-11-23T15:30:00.000Z')
    // Saturday + 1 → Monday.
    expect(addWorkingDays(new Date('2026-11-21T02:00:00Z'), 1).toISOString()).toBe('2026-11-23T02:00:00.000Z')
    // Monday + 5 → next Monday.
    expect(addWorkingDays(new Date('2026-11-23T02:00:00Z'), 5).toISOString()).toBe('2026-11-30T02:00:00.000Z')
  })

  it('gives a safety hazard one working day', () => {
    expect(dueAt('safety', new Date('2026-11-23T02:00:00Z')).toISOString()).toBe('2026-11-24T02:00:00.000Z')
  })
})
