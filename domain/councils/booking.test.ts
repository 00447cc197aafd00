import { describe, expect, it } from 'vitest'
import { errorCatalog } from '../errors.js'
import {
  bookingDeadlineFor,
  canBookTopic,
  canCancelRegistration,
  canCheckIn,
  canRegister,
  checkInCode,
  checkInPayload,
  isCheckInCode,
  normalizeCheckInCode,
  openSlots,
  parseCheckInPayload,
  promotionOrder,
  registrationOutcome,
  reminderTimes,
  seatsLeft,
  toPromote,
  type BookingContext,
} from './booking.js'
import { sessionStatuses } from './lifecycle.js'

const deadline = new Date('2026-03-10T11:00:00Z') // 3月10日 19:00 in Beijing
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta)

const open: BookingContext = {
  sessionStatus: 'open',
  bookingDeadline: deadline,
  now: new Date('2026-03-09T02:00:00Z'),
  acceptedCount: 2,
  slots: 6,
  residentPendingCount: 0,
}

describe('canBookTopic', () => {
  it('lets a resident book onto an open session before the deadline', () => {
    expect(canBookTopic(open)).toEqual({ ok: true })
  })

  it.each(sessionStatuses.filter((s) => s !== 'open'))('refuses booking while the session is %s', (sessionStatus) => {
    expect(canBookTopic({ ...open, sessionStatus })).toMatchObject({ ok: false, code: 'BOOKING_CLOSED' })
  })

  it('accepts a booking one millisecond before the deadline', () => {
    expect(canBookTopic({ ...open, now: ms(deadline, -1) })).toEqual({ ok: true })
  })

  it('refuses a booking exactly at the deadline, saying when it closed in Beijing time', () => {
    const result = canBookTopic({ ...open, now: deadline })
    expect(result).toMatchObject({ ok: false, code: 'BOOKING_DEADLINE_PASSED' })
    if (!result.ok) expect(result.message).toContain('3月10日 19:00')
  })

  it('accepts a booking while one slot is free, and refuses it when the agenda is exactly full', () => {
    expect(canBookTopic({ ...open, acceptedCount: 5, slots: 6 })).toEqual({ ok: true })
    expect(canBookTopic({ ...open, acceptedCount: 6, slots: 6 })).toMatchObject({ ok: false, code: 'AGENDA_FULL' })
  })

  it('allows a third pending topic but not a fourth', () => {
    expect(canBookTopic({ ...open, residentPendingCount: 2 })).toEqual({ ok: true })
    expect(canBookTopic({ ...open, residentPendingCount: 3 })).toMatchObject({ ok: false, code: 'TOO_MANY_PENDING_TOPICS' })
  })

  it('takes another pending limit when given one', () => {
    expect(canBookTopic({ ...open, residentPendingCount: 1, maxPendingPerResident: 1 })).toMatchObject({
      ok: false,
      code: 'TOO_MANY_PENDING_TOPICS',
    })
  })

  it('does not book a concern that is already on an agenda', () => {
    expect(canBookTopic({ ...open, concernAlreadyOnAgenda: true })).toMatchObject({ ok: false, code: 'CONCERN_ALREADY_ON_AGENDA' })
  })

  it('reports the session being closed before anything else', () => {
    const everythingWrong: BookingContext = {
      ...open,
      sessionStatus: 'agenda_fixed',
      now: deadline,
      acceptedCount: 6,
      residentPendingCount: 3,
      concernAlreadyOnAgenda: true,
    }
    expect(canBookTopic(everythingWrong)).toMatchObject({ code: 'BOOKING_CLOSED' })
    expect(canBookTopic({ ...everythingWrong, sessionStatus: 'open' })).toMatchObject({ code: 'BOOKING_DEADLINE_PASSED' })
  })
})

describe('registration', () => {
  it('seats a registrant while a seat is free and puts them on the waiting list when exactly full', () => {
    expect(registrationOutcome({ capacity: 50, registeredCount: 49 })).toBe('registered')
    expect(registrationOutcome({ capacity: 50, registeredCount: 50 })).toBe('waitlisted')
    expect(registrationOutcome({ capacity: 1, registeredCount: 0 })).toBe('registered')
  })

  it('ends 200 registrations for 50 seats with 50 seated and 150 waiting', () => {
    let registeredCount = 0
    let waiting = 0
    for (let i = 0; i < 200; i++) {
      if (registrationOutcome({ capacity: 50, registeredCount }) === 'registered') registeredCount++
      else waiting++
    }
    expect([registeredCount, waiting]).toEqual([50, 150])
  })

  const startsAt = new Date('2026-03-13T11:00:00Z')

  it.each(sessionStatuses.map((sessionStatus) => ({ sessionStatus })))(
    'registration while the session is $sessionStatus',
    ({ sessionStatus }) => {
      const result = canRegister({ sessionStatus, startsAt, now: ms(startsAt, -3600_000) })
      expect(result.ok).toBe(sessionStatus === 'open' || sessionStatus === 'agenda_fixed')
      const expected =
        sessionStatus === 'cancelled' ? 'SESSION_CANCELLED' : sessionStatus === 'planned' ? 'REGISTRATION_NOT_OPEN' : 'REGISTRATION_CLOSED'
      if (!result.ok) expect(result.code).toBe(expected)
    },
  )

  it('accepts a registration one millisecond before the start and closes it at the start', () => {
    expect(canRegister({ sessionStatus: 'agenda_fixed', startsAt, now: ms(startsAt, -1) })).toEqual({ ok: true })
    expect(canRegister({ sessionStatus: 'agenda_fixed', startsAt, now: startsAt })).toMatchObject({
      ok: false,
      code: 'REGISTRATION_CLOSED',
    })
  })

  it('lets a registrant cancel until the start', () => {
    expect(canCancelRegistration({ sessionStatus: 'open', startsAt, now: ms(startsAt, -1) })).toEqual({ ok: true })
    const late = canCancelRegistration({ sessionStatus: 'open', startsAt, now: startsAt })
    expect(late).toMatchObject({ ok: false, code: 'REGISTRATION_CLOSED' })
    if (!late.ok) expect(late.message).toContain('不能再取消')
  })

  it('counts the seats left, never below zero', () => {
    expect(seatsLeft({ capacity: 50, registeredCount: 48 })).toBe(2)
    expect(seatsLeft({ capacity: 50, registeredCount: 52 })).toBe(0)
    expect(openSlots(6, 2)).toBe(4)
    expect(openSlots(6, 7)).toBe(0)
  })
})

describe('the waiting list', () => {
  const at = (iso: string) => new Date(iso)
  const list = [
    { id: 'c', createdAt: at('2026-03-01T10:00:00.002Z') },
    { id: 'b', createdAt: at('2026-03-01T10:00:00.001Z') },
    { id: 'a', createdAt: at('2026-03-01T10:00:00.002Z') },
  ]

  it('promotes first come first served, then by id on a tie', () => {
    expect(promotionOrder(list).map((w) => w.id)).toEqual(['b', 'a', 'c'])
  })

  it('leaves the given list as it was', () => {
    promotionOrder(list)
    expect(list.map((w) => w.id)).toEqual(['c', 'b', 'a'])
  })

  it('promotes as many as seats came free, and none when the session is still full', () => {
    expect(toPromote(list, { capacity: 50, registeredCount: 49 }).map((w) => w.id)).toEqual(['b'])
    expect(toPromote(list, { capacity: 50, registeredCount: 40 }).map((w) => w.id)).toEqual(['b', 'a', 'c'])
    expect(toPromote(list, { capacity: 50, registeredCount: 50 })).toEqual([])
  })
})

describe('check-in', () => {
  const startsAt = new Date('2026-03-13T11:00:00Z')
  const endsAt = new Date('2026-03-13T13:00:00Z')
  const window = (now: Date, sessionStatus: Parameters<typeof canCheckIn>[0]['sessionStatus'] = 'agenda_fixed') =>
    canCheckIn({ sessionStatus, startsAt, endsAt, now })

  it('opens an hour before the start and closes at the end', () => {
    expect(window(ms(startsAt, -3600_000 - 1))).toMatchObject({ ok: false, code: 'CHECK_IN_NOT_OPEN' })
    expect(window(ms(startsAt, -3600_000))).toEqual({ ok: true })
    expect(window(ms(endsAt, -1))).toEqual({ ok: true })
    expect(window(endsAt)).toMatchObject({ ok: false, code: 'CHECK_IN_NOT_OPEN' })
  })

  it('stays open whenever the session is in progress: started early, or running over', () => {
    expect(window(ms(startsAt, -3 * 3600_000), 'in_session')).toEqual({ ok: true })
    expect(window(ms(endsAt, 3600_000), 'in_session')).toEqual({ ok: true })
    expect(window(ms(endsAt, 3600_000), 'concluded')).toMatchObject({ ok: false, code: 'CHECK_IN_NOT_OPEN' })
  })

  it('tells an early resident when check-in opens', () => {
    const early = window(ms(startsAt, -2 * 3600_000))
    expect(early.ok).toBe(false)
    if (!early.ok) expect(early.message).toContain('3月13日 18:00')
  })

  it.each(sessionStatuses.map((sessionStatus) => ({ sessionStatus })))(
    'check-in at the start while the session is $sessionStatus',
    ({ sessionStatus }) => {
      expect(window(startsAt, sessionStatus).ok).toBe(['open', 'agenda_fixed', 'in_session'].includes(sessionStatus))
    },
  )

  it('formats six digits from four random bytes', () => {
    expect(checkInCode(new Uint8Array([0, 0, 0, 0]))).toBe('000000')
    expect(checkInCode(new Uint8Array([0, 0, 0, 42]))).toBe('000042')
    expect(checkInCode(new Uint8Array([0x00, 0x0f, 0x42, 0x40]))).toBe('000000') // 1 000 000
    expect(checkInCode(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toBe('967295') // 4 294 967 295
    expect(checkInCode(new Uint8Array([0x80, 0, 0, 0, 9, 9]))).toBe('483648') // 2 147 483 648; extra bytes ignored
  })

  it('formats six digits from a non-negative integer', () => {
    expect(checkInCode(123)).toBe('000123')
    expect(checkInCode(1_234_567)).toBe('234567')
  })

  it('refuses too little randomness', () => {
    expect(() => checkInCode(new Uint8Array([1, 2, 3]))).toThrow(RangeError)
    expect(() => checkInCode(-1)).toThrow(RangeError)
    expect(() => checkInCode(0.5)).toThrow(RangeError)
  })

  it('always gives six digits', () => {
    for (let i = 0; i < 1000; i++) {
      const bytes = new Uint8Array([(i * 97) & 255, (i * 31) & 255, (i * 7) & 255, i & 255])
      expect(isCheckInCode(checkInCode(bytes))).toBe(true)
    }
  })

  it('reads full-width digits, spaces and dashes as typed on a phone', () => {
    expect(normalizeCheckInCode('１２３ ４５６')).toBe('123456')
    expect(normalizeCheckInCode(' 123-456 ')).toBe('123456')
    expect(isCheckInCode(normalizeCheckInCode('12345'))).toBe(false)
  })

  it('puts the session and code in the QR text and reads them back', () => {
    const sessionId = '3f2b8c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f'
    expect(parseCheckInPayload(checkInPayload(sessionId, '004211'))).toEqual({ sessionId, code: '004211' })
    expect(parseCheckInPayload('https://example.com/x')).toBeNull()
    expect(parseCheckInPayload(`linli:checkin:${sessionId}:12345`)).toBeNull()
  })
})

describe('times', () => {
  const startsAt = new Date('2026-03-13T11:00:00Z')

  it('reminds 24 hours and 2 hours before the start', () => {
    expect(reminderTimes(startsAt).map((r) => [r.hoursBefore, r.at.toISOString()])).toEqual([
      [24, '2026-03-12T11:00:00.000Z'],
      [2, '2026-03-13T09:00:00.000Z'],
    ])
  })

  it('leaves out a reminder whose time has come for someone registering late', () => {
    expect(reminderTimes(startsAt, new Date('2026-03-12T20:00:00Z')).map((r) => r.hoursBefore)).toEqual([2])
    expect(reminderTimes(startsAt, new Date('2026-03-13T09:00:00Z'))).toEqual([])
  })

  it('closes booking the given hours before the start', () => {
    expect(bookingDeadlineFor(startsAt, 72).toISOString()).toBe('2026-03-10T11:00:00.000Z')
  })
})

describe('refusal codes', () => {
  it('are all in the error catalog', () => {
    const codes = [
      canBookTopic({ ...open, sessionStatus: 'planned' }),
      canBookTopic({ ...open, now: deadline }),
      canBookTopic({ ...open, concernAlreadyOnAgenda: true }),
      canBookTopic({ ...open, acceptedCount: 6 }),
      canBookTopic({ ...open, residentPendingCount: 3 }),
      canRegister({ sessionStatus: 'planned', startsAt: deadline, now: open.now }),
      canRegister({ sessionStatus: 'cancelled', startsAt: deadline, now: open.now }),
      canRegister({ sessionStatus: 'concluded', startsAt: deadline, now: open.now }),
      canCheckIn({ sessionStatus: 'planned', startsAt: deadline, endsAt: deadline, now: open.now }),
    ].map((r) => (r.ok ? 'ok' : r.code))
    for (const code of codes) expect(Object.keys(errorCatalog)).toContain(code)
  })
})
