import type { SessionDetailData } from '@/features/councils/api/get-session'
import { chinaDay } from '@/features/councils/format'
import { chinaClock } from '@/lib/china-date'
import { t } from '@/i18n/zh-cn'

/** What the resident's session page shows, read from the session alone (no screen, no clock but `now`). */
export function sessionView(s: SessionDetailData, verified: boolean, now: number = Date.now()) {
  const reg = s.viewer.registration
  const staff = s.viewer.actions.length > 0
  const beforeStart = now < Date.parse(s.startsAt)
  return {
    reg,
    staff,
    /** Registered or waiting, and the session has not started. */
    canCancel: (reg === 'registered' || reg === 'waitlisted') && (s.status === 'open' || s.status === 'agenda_fixed') && beforeStart,
    /** Not verified here: the page offers 认证 instead of registration. */
    showVerify: !verified && !staff && s.status !== 'cancelled' && s.status !== 'minutes_published' && s.status !== 'concluded',
    full: s.registeredCount >= s.capacity,
    /** Once held, the agenda with its resolutions is the news: it goes first. */
    held: s.status === 'in_session' || s.status === 'concluded' || s.status === 'minutes_published',
  }
}

/** Where the viewer stands, or why there is nothing to do yet (or any more). */
export function registrationText(s: SessionDetailData): string {
  const reg = s.viewer.registration
  if (reg === 'waitlisted') return t.session.status.waitlisted(s.viewer.waitlistPosition)
  if (reg !== 'none') return t.session.status[reg]
  if (s.status === 'planned') return t.session.notOpenYet
  if (s.viewer.canRegister || s.viewer.canCheckIn) return t.session.status.none
  return t.session.registerClosed
}

/** The card's title when a resident shares the session to a WeChat group (WeChat cuts at 60). */
export function shareTitle(s: SessionDetailData, now: Date = new Date()): string {
  return t.session.shareTitle(s.kindLabel, s.title, `${chinaDay(s.startsAt, now)} ${chinaClock(s.startsAt)}`).slice(0, 60)
}
