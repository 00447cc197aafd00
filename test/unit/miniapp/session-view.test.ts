import { describe, expect, it } from 'vitest'
import type { SessionDetailData } from '@/features/councils/api/get-session'
import { t } from '@/i18n/zh-cn'
import { registrationText, sessionView, shareTitle } from '@/pages/session-detail/session-view'

const startsAt = '2026-03-20T11:00:00Z'
const before = Date.parse('2026-03-13T07:00:00Z')

function session(over: Partial<SessionDetailData> = {}, viewer: Partial<SessionDetailData['viewer']> = {}): SessionDetailData {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    communityId: '00000000-0000-4000-8000-000000000002',
    kind: 'monthly_council',
    kindLabel: '每月一议',
    title: '三月议事会',
    startsAt,
    endsAt: '2026-03-20T13:00:00Z',
    venue: '睦邻议事厅',
    onlineUrl: null,
    status: 'open',
    statusLabel: '报名中',
    capacity: 40,
    registeredCount: 12,
    waitlistCount: 0,
    agendaSlots: 4,
    openSlots: 2,
    bookingDeadline: '2026-03-19T11:00:00Z',
    bookingOpen: true,
    ruleId: null,
    description: null,
    invitedParties: [],
    cancelReason: null,
    agenda: [],
    minutes: null,
    checkInCode: null,
    ...over,
    viewer: {
      registration: 'none',
      waitlistPosition: null,
      canRegister: true,
      canCheckIn: false,
      canBookTopic: false,
      bookingBlockedReason: null,
      myTopics: [],
      actions: [],
      ...viewer,
    },
  }
}

describe('what a resident sees on a session page', () => {
  it('lets a registered resident cancel before the start, not after', () => {
    expect(sessionView(session({}, { registration: 'registered' }), true, before).canCancel).toBe(true)
    expect(sessionView(session({}, { registration: 'registered' }), true, Date.parse(startsAt) + 1).canCancel).toBe(false)
    expect(sessionView(session({ status: 'in_session' }, { registration: 'registered' }), true, before).canCancel).toBe(false)
  })

  it('offers 认证 to an unverified resident until the session is over, never to staff', () => {
    expect(sessionView(session(), false, before).showVerify).toBe(true)
    expect(sessionView(session({ status: 'concluded' }), false, before).showVerify).toBe(false)
    expect(sessionView(session({}, { actions: ['start'] }), false, before).showVerify).toBe(false)
  })

  it('puts the agenda first once the session is held, and knows when it is full', () => {
    expect(sessionView(session({ status: 'minutes_published' }), true, before).held).toBe(true)
    expect(sessionView(session(), true, before).held).toBe(false)
    expect(sessionView(session({ registeredCount: 40 }), true, before).full).toBe(true)
  })

  it('says where the resident stands, or why there is nothing to do', () => {
    expect(registrationText(session({}, { registration: 'waitlisted', waitlistPosition: 3 }))).toContain('3')
    expect(registrationText(session({ status: 'planned' }, { canRegister: false }))).toBe(t.session.notOpenYet)
    expect(registrationText(session({ status: 'concluded' }, { canRegister: false }))).toBe(t.session.registerClosed)
  })

  it('shares a card title of at most 60 characters with kind, title and time', () => {
    const title = shareTitle(session(), new Date(before))
    expect(title).toBe('【每月一议】三月议事会 · 3月20日 周五 19:00')
    expect(shareTitle(session({ title: '长'.repeat(80) }), new Date(before))).toHaveLength(60)
  })
})
