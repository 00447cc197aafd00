import * as z from 'zod'
import type { ErrorCode } from '../errors.js'
import type { SessionStatus } from './lifecycle.js'
import { chinaTimeLabel } from './china-time.js'

/**
 * The rules of topic booking (议题申报), registration with a waiting list, check-in and
 * reminders. Pure: the server passes in the counts it read (or holds locked) and the time; the
 * database still keeps the counts right under concurrency (ARCHITECTURE.md, "Data").
 */

/** A refusal with a code from domain/errors.ts and a Chinese message for the person. */
export type Refusal<C extends ErrorCode> = { ok: false; code: C; message: string }

export const MAX_PENDING_TOPICS_PER_RESIDENT = 3

/** Booking closes `leadHours` hours before the start. */
export function bookingDeadlineFor(startsAt: Date, leadHours: number): Date {
  return new Date(startsAt.getTime() - leadHours * 3600_000)
}

// ——— Topic booking ———

export interface BookingContext {
  sessionStatus: SessionStatus
  bookingDeadline: Date
  now: Date
  /** Topics already accepted onto the agenda. */
  acceptedCount: number
  /** The session's agenda slots. */
  slots: number
  /** This resident's topics on this session still waiting for a decision. */
  residentPendingCount: number
  maxPendingPerResident?: number
  /** The linked concern is already an accepted or pending item of some session's agenda. */
  concernAlreadyOnAgenda?: boolean
}

export type BookingCheck =
  | { ok: true }
  | Refusal<'BOOKING_CLOSED' | 'BOOKING_DEADLINE_PASSED' | 'CONCERN_ALREADY_ON_AGENDA' | 'AGENDA_FULL' | 'TOO_MANY_PENDING_TOPICS'>

const bookingClosedMessages: Partial<Record<SessionStatus, string>> = {
  planned: '这场议事会还没有开放议题申报',
  agenda_fixed: '议程已经确定，这场议事会不再接受申报',
  cancelled: '这场议事会已取消',
}

/**
 * May a resident book a topic now? Open sessions only, strictly before the deadline (booking at
 * the deadline itself is late). Checked in this order: session, deadline, concern, slots, pending.
 */
export function canBookTopic(c: BookingContext): BookingCheck {
  if (c.sessionStatus !== 'open') {
    return { ok: false, code: 'BOOKING_CLOSED', message: bookingClosedMessages[c.sessionStatus] ?? '议事会已召开，不再接受申报' }
  }
  if (c.now.getTime() >= c.bookingDeadline.getTime()) {
    return {
      ok: false,
      code: 'BOOKING_DEADLINE_PASSED',
      message: `议题申报已于 ${chinaTimeLabel(c.bookingDeadline)} 截止，请申报下一次议事会`,
    }
  }
  if (c.concernAlreadyOnAgenda) {
    return { ok: false, code: 'CONCERN_ALREADY_ON_AGENDA', message: '这条诉求已经申报到议事会，不需要重复申报' }
  }
  if (c.acceptedCount >= c.slots) {
    return { ok: false, code: 'AGENDA_FULL', message: `议程已排满（共 ${c.slots} 项），请申报下一次议事会` }
  }
  const max = c.maxPendingPerResident ?? MAX_PENDING_TOPICS_PER_RESIDENT
  if (c.residentPendingCount >= max) {
    return { ok: false, code: 'TOO_MANY_PENDING_TOPICS', message: `您在这场议事会已有 ${max} 个待审核的议题，请等社区处理后再申报` }
  }
  return { ok: true }
}

/** Agenda slots still free. */
export function openSlots(slots: number, acceptedCount: number): number {
  return Math.max(0, slots - acceptedCount)
}

// ——— Registration and the waiting list ———

export const registrationStatuses = ['registered', 'waitlisted', 'checked_in', 'cancelled'] as const
export const RegistrationStatus = /*#__PURE__*/ z.enum(registrationStatuses)
export type RegistrationStatus = z.infer<typeof RegistrationStatus>

/** The statuses that hold a seat. */
export const seatedStatuses: readonly RegistrationStatus[] = ['registered', 'checked_in']

/** A new registration takes a seat while one is free, and waits otherwise. `registeredCount` counts the seated. */
export function registrationOutcome(c: { capacity: number; registeredCount: number }): 'registered' | 'waitlisted' {
  return c.registeredCount < c.capacity ? 'registered' : 'waitlisted'
}

export function seatsLeft(c: { capacity: number; registeredCount: number }): number {
  return Math.max(0, c.capacity - c.registeredCount)
}

export type RegistrationCheck = { ok: true } | Refusal<'REGISTRATION_NOT_OPEN' | 'REGISTRATION_CLOSED' | 'SESSION_CANCELLED'>

const registrationStatusesOpen: readonly SessionStatus[] = ['open', 'agenda_fixed']

function registrationWindow(c: { sessionStatus: SessionStatus; startsAt: Date; now: Date }, closed: string): RegistrationCheck {
  if (c.sessionStatus === 'cancelled') return { ok: false, code: 'SESSION_CANCELLED', message: '这场议事会已取消' }
  if (c.sessionStatus === 'planned') return { ok: false, code: 'REGISTRATION_NOT_OPEN', message: '这场议事会还没有开放报名' }
  if (!registrationStatusesOpen.includes(c.sessionStatus) || c.now.getTime() >= c.startsAt.getTime()) {
    return { ok: false, code: 'REGISTRATION_CLOSED', message: closed }
  }
  return { ok: true }
}

/** Registration is open on open sessions and on those with a fixed agenda, until the start (the start itself is too late). */
export function canRegister(c: { sessionStatus: SessionStatus; startsAt: Date; now: Date }): RegistrationCheck {
  return registrationWindow(c, '议事会已开始，报名已截止')
}

/** A registration (or a place on the waiting list) can be cancelled until the start. */
export function canCancelRegistration(c: { sessionStatus: SessionStatus; startsAt: Date; now: Date }): RegistrationCheck {
  return registrationWindow(c, '议事会已开始，不能再取消报名')
}

/** First come, first served: by registration time, then by id so that ties have one order everywhere. */
export function promotionOrder<T extends { id: string; createdAt: Date }>(waitlist: readonly T[]): T[] {
  return [...waitlist].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Who moves from the waiting list to a seat now that seats are free. */
export function toPromote<T extends { id: string; createdAt: Date }>(
  waitlist: readonly T[],
  c: { capacity: number; registeredCount: number },
): T[] {
  return promotionOrder(waitlist).slice(0, seatsLeft(c))
}

// ——— Check-in ———

export const CHECK_IN_CODE_LENGTH = 6
/** Check-in opens this long before the start and closes at the end. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 60

export type CheckInWindowCheck = { ok: true } | Refusal<'CHECK_IN_NOT_OPEN' | 'SESSION_CANCELLED'>

/**
 * Is check-in open? Whenever the session is in progress — staff may start it early or run over
 * its end time — and otherwise from an hour before the scheduled start until the scheduled end.
 * Registration is not required: a resident who walks in checks in too (the service decides
 * whether that also records a seat).
 */
export function canCheckIn(c: { sessionStatus: SessionStatus; startsAt: Date; endsAt: Date; now: Date }): CheckInWindowCheck {
  if (c.sessionStatus === 'cancelled') return { ok: false, code: 'SESSION_CANCELLED', message: '这场议事会已取消' }
  if (c.sessionStatus === 'in_session') return { ok: true }
  const opens = c.startsAt.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000
  if (c.sessionStatus === 'planned') return { ok: false, code: 'CHECK_IN_NOT_OPEN', message: '这场议事会还没有开放签到' }
  if (c.now.getTime() < opens) {
    return { ok: false, code: 'CHECK_IN_NOT_OPEN', message: `签到将于 ${chinaTimeLabel(new Date(opens))} 开始` }
  }
  if (!['open', 'agenda_fixed', 'in_session'].includes(c.sessionStatus) || c.now.getTime() >= c.endsAt.getTime()) {
    return { ok: false, code: 'CHECK_IN_NOT_OPEN', message: '议事会已结束，签到已关闭' }
  }
  return { ok: true }
}

/**
 * A six-digit check-in code from random input the caller drew: at least 4 random bytes (e.g.
 * `crypto.getRandomValues(new Uint8Array(4))`) or a non-negative integer. The first four bytes
 * are read as an unsigned 32-bit number, taken modulo 10⁶ (the bias, under 0.03 %, does not
 * matter for a code shown on a wall) and zero-padded.
 */
export function checkInCode(random: Uint8Array | number): string {
  let n: number
  if (typeof random === 'number') {
    if (!Number.isSafeInteger(random) || random < 0) throw new RangeError('checkInCode: a non-negative integer is required')
    n = random
  } else {
    if (random.length < 4) throw new RangeError('checkInCode: at least 4 random bytes are required')
    n = ((random[0] << 24) >>> 0) + (random[1] << 16) + (random[2] << 8) + random[3]
  }
  return String(n % 10 ** CHECK_IN_CODE_LENGTH).padStart(CHECK_IN_CODE_LENGTH, '0')
}

/** What a resident typed: full-width digits (１２３) become ASCII, spaces and dashes go. */
export function normalizeCheckInCode(typed: string): string {
  return typed.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)).replace(/[\s\-－]/g, '')
}

export function isCheckInCode(code: string): boolean {
  return /^\d{6}$/.test(code)
}

const PAYLOAD_PREFIX = 'linli:checkin:'

/** The text in the QR code staff show at the venue. */
export function checkInPayload(sessionId: string, code: string): string {
  return `${PAYLOAD_PREFIX}${sessionId}:${code}`
}

/** The session and code in a scanned QR code, or null when it is not a Linli check-in code. */
export function parseCheckInPayload(text: string): { sessionId: string; code: string } | null {
  const m = new RegExp(`^${PAYLOAD_PREFIX}([0-9a-f-]{36}):(\\d{6})$`).exec(text.trim())
  return m ? { sessionId: m[1], code: m[2] } : null
}

// ——— Reminders ———

export const REMINDER_HOURS_BEFORE = [24, 2] as const

/**
 * When to remind the registered: 24 h and 2 h before the start. With `now`, reminders whose time
 * has already come (at or before now) are left out, e.g. for someone registering an hour before.
 */
export function reminderTimes(startsAt: Date, now?: Date): Array<{ hoursBefore: (typeof REMINDER_HOURS_BEFORE)[number]; at: Date }> {
  return REMINDER_HOURS_BEFORE.map((hoursBefore) => ({ hoursBefore, at: new Date(startsAt.getTime() - hoursBefore * 3600_000) })).filter(
    (r) => !now || r.at.getTime() > now.getTime(),
  )
}
