import { describe, expect, it } from 'vitest'
import {
  activityPhase,
  canChange,
  canSignOff,
  canSignUp,
  canWithdraw,
  capacityProblem,
  hoursToMinutes,
  minutesToHours,
  placesLeft,
  shiftPoints,
  validHours,
} from './rules.js'

const startsAt = new Date('2026-12-05T01:00:00Z')
const endsAt = new Date('2026-12-05T03:00:00Z')
const open = { status: 'open' as const, startsAt, endsAt, signedOffAt: null, capacity: 3, signedUpCount: 1 }
const before = new Date('2026-12-04T12:00:00Z')
const during = new Date('2026-12-05T02:00:00Z')
const after = new Date('2026-12-05T04:00:00Z')

describe('volunteer activities', () => {
  it('moves through its phases with time, sign-off and cancellation', () => {
    expect(activityPhase(open, before)).toBe('upcoming')
    expect(activityPhase(open, during)).toBe('ongoing')
    expect(activityPhase(open, endsAt)).toBe('ended')
    expect(activityPhase({ ...open, signedOffAt: after }, after)).toBe('signed_off')
    expect(activityPhase({ ...open, status: 'cancelled' }, before)).toBe('cancelled')
  })

  it('takes sign-ups before the start while places are left', () => {
    expect(canSignUp(open, before)).toEqual({ ok: true })
    expect(canSignUp({ ...open, signedUpCount: 3 }, before)).toMatchObject({ ok: false, code: 'ACTIVITY_FULL' })
    expect(canSignUp(open, startsAt)).toMatchObject({ ok: false, code: 'ACTIVITY_STARTED' })
    expect(canSignUp({ ...open, status: 'cancelled' }, before)).toMatchObject({ ok: false, code: 'ACTIVITY_CANCELLED' })
    expect(placesLeft(open)).toBe(2)
    expect(placesLeft({ capacity: 2, signedUpCount: 5 })).toBe(0)
  })

  it('lets a resident withdraw and staff change it only before the start', () => {
    expect(canWithdraw(open, before).ok).toBe(true)
    expect(canWithdraw(open, during)).toMatchObject({ ok: false, code: 'ACTIVITY_STARTED' })
    expect(canChange(open, before).ok).toBe(true)
    expect(canChange(open, during)).toMatchObject({ ok: false, code: 'ACTIVITY_STARTED' })
    expect(canChange({ ...open, status: 'cancelled' }, before)).toMatchObject({ ok: false, code: 'ACTIVITY_CANCELLED' })
  })

  it('is signed off once, after it has ended', () => {
    expect(canSignOff(open, during)).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_ENDED' })
    expect(canSignOff(open, endsAt)).toEqual({ ok: true })
    expect(canSignOff({ ...open, signedOffAt: after }, after)).toMatchObject({ ok: false, code: 'ACTIVITY_SIGNED_OFF' })
    expect(canSignOff({ ...open, status: 'cancelled' }, after)).toMatchObject({ ok: false, code: 'ACTIVITY_CANCELLED' })
  })

  it('refuses a capacity below the sign-ups, naming how many', () => {
    expect(capacityProblem(2, 3)).toContain('3')
    expect(capacityProblem(3, 3)).toBeNull()
  })

  it('pays hours × the hourly rule, rounded and capped at 1000', () => {
    expect(shiftPoints(2, 10)).toBe(20)
    expect(shiftPoints(1.5, 15)).toBe(23)
    expect(shiftPoints(12, 1000)).toBe(1000)
    expect(shiftPoints(3, 0)).toBe(0)
  })

  it('accepts whole and half hours from 0.5 to 12', () => {
    for (const h of [0.5, 1, 2.5, 12]) expect(validHours(h)).toBe(true)
    for (const h of [0, 0.25, 12.5, Number.NaN, -1]) expect(validHours(h)).toBe(false)
    expect(minutesToHours(hoursToMinutes(2.5))).toBe(2.5)
  })
})
