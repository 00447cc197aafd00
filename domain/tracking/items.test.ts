import { describe, expect, it } from 'vitest'
import type { Actor } from '../permissions.js'
import { checkChange, isOverdue, mayManageTracked, mayPostUpdate, mayReadTracked, partyLabel } from './items.js'

const deadline = new Date('2026-12-31T16:00:00Z')
const item = (status: 'not_started' | 'in_progress' | 'done' | 'shelved', progress: number) => ({ status, progress, deadline })

describe('tracked items', () => {
  it('moves status and progress together', () => {
    expect(checkChange(item('not_started', 0), { progress: 30 })).toEqual({ ok: true, status: 'in_progress', progress: 30 })
    expect(checkChange(item('in_progress', 30), { progress: 100 })).toEqual({ ok: true, status: 'done', progress: 100 })
    expect(checkChange(item('in_progress', 30), { status: 'done' })).toEqual({ ok: true, status: 'done', progress: 100 })
    expect(checkChange(item('done', 100), { status: 'in_progress' })).toEqual({ ok: true, status: 'in_progress', progress: 90 })
    expect(checkChange(item('in_progress', 40), { status: 'shelved', reason: '资金未落实' })).toEqual({
      ok: true,
      status: 'shelved',
      progress: 40,
    })
  })

  it('refuses what does not make sense, naming the field where one is missing', () => {
    expect(checkChange(item('in_progress', 40), { status: 'shelved' })).toMatchObject({ ok: false, field: 'reason' })
    expect(checkChange(item('done', 100), { status: 'not_started' })).toMatchObject({ ok: false, code: 'TRACKED_TRANSITION_NOT_ALLOWED' })
    expect(checkChange(item('shelved', 40), { progress: 50 })).toMatchObject({ ok: false, code: 'TRACKED_TRANSITION_NOT_ALLOWED' })
    expect(checkChange(item('in_progress', 40), { status: 'not_started', progress: 20 })).toMatchObject({ ok: false, field: 'progress' })
  })

  it('is overdue only while unfinished past the deadline', () => {
    const after = new Date(deadline.getTime() + 1)
    expect(isOverdue(item('in_progress', 50), after)).toBe(true)
    expect(isOverdue(item('done', 100), after)).toBe(false)
    expect(isOverdue(item('shelved', 50), after)).toBe(false)
    expect(isOverdue(item('not_started', 0), deadline)).toBe(false)
  })

  it('labels the party, naming a worker only when asked', () => {
    expect(partyLabel('property_company', '安居物业')).toBe('物业（安居物业）')
    expect(partyLabel('community', null, '刘网格')).toBe('社区（刘网格）')
    expect(partyLabel('community', null)).toBe('社区')
  })

  it('lets staff manage, the named worker and partner post, residents and the street read', () => {
    const c = 'c1'
    const person = (over: Partial<Actor>): Actor => ({ userId: 'u', memberships: [], verifiedIn: [], ...over })
    const staff = person({ memberships: [{ communityId: c, role: 'worker' }] })
    const partner = person({ memberships: [{ communityId: c, role: 'partner' }] })
    const resident = person({ verifiedIn: [c] })
    const street = person({ streetMemberships: [{ streetId: 's1', role: 'street_admin' }] })
    const other = person({ verifiedIn: ['c2'] })
    const it1 = { communityId: c, workerId: null, partyName: '安居物业' }
    expect([staff, partner, resident, street, other].map((a) => mayReadTracked(a, { communityId: c, streetId: 's1' }))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ])
    expect([staff, partner, resident, street].map((a) => mayManageTracked(a, { communityId: c }))).toEqual([true, false, false, false])
    expect(mayPostUpdate(partner, it1, ['安居物业'])).toBe(true)
    expect(mayPostUpdate(partner, it1, ['别的物业'])).toBe(false)
    expect(mayPostUpdate(resident, { ...it1, workerId: 'u' }, [])).toBe(true)
    expect(mayPostUpdate(resident, it1, [])).toBe(false)
  })
})
