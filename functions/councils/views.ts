import type { z } from 'zod'
import { openSlots } from '../../domain/councils/booking.js'
import { invitedPartyLabels, responsiblePartyLabels, sessionKindInfo } from '../../domain/councils/kinds.js'
import { sessionStatusLabels, topicStatusLabels } from '../../domain/councils/labels.js'
import { availableTopicActions, type SessionStatus, type TopicRole } from '../../domain/councils/lifecycle.js'
import type { ResolutionTracking } from '../../domain/schemas/tracking.js'
import type { CouncilSessionRow, CouncilTopicRow, InvitedPartyRow } from '../../db/schema/index.js'

export type ViewerRegistration = 'none' | 'registered' | 'waitlisted' | 'checked_in'

/** The registration status as the viewer sees it: a cancelled one is no registration. */
export function viewerRegistration(status: string | null | undefined): ViewerRegistration {
  return status === 'registered' || status === 'waitlisted' || status === 'checked_in' ? status : 'none'
}

/** Booking is open while the session is open and its deadline has not passed. */
export function bookingOpen(s: Pick<CouncilSessionRow, 'status' | 'bookingDeadline'>, now: Date): boolean {
  return s.status === 'open' && now.getTime() < s.bookingDeadline.getTime()
}

export function toSessionSummary(s: CouncilSessionRow, registration: string | null | undefined, now: Date) {
  return {
    id: s.id,
    communityId: s.communityId,
    kind: s.kind,
    kindLabel: sessionKindInfo[s.kind].label,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    venue: s.venue,
    onlineUrl: s.onlineUrl,
    status: s.status,
    statusLabel: sessionStatusLabels[s.status],
    capacity: s.capacity,
    registeredCount: s.registeredCount,
    waitlistCount: s.waitlistCount,
    agendaSlots: s.agendaSlots,
    openSlots: openSlots(s.agendaSlots, s.acceptedTopicCount),
    bookingDeadline: s.bookingDeadline.toISOString(),
    bookingOpen: bookingOpen(s, now),
    ruleId: s.ruleId,
    viewer: { registration: viewerRegistration(registration) },
  }
}

export function invitedPartiesView(parties: InvitedPartyRow[]) {
  return parties.map((p) => ({ kind: p.kind, kindLabel: invitedPartyLabels[p.kind], name: p.name ?? null }))
}

export function resolutionView(t: CouncilTopicRow, tracking: z.output<typeof ResolutionTracking> | null = null) {
  if (!t.resolvedAt || !t.resolutionText || !t.resolutionParty || !t.resolutionDeadline) return null
  return {
    text: t.resolutionText,
    responsibleParty: t.resolutionParty,
    responsiblePartyLabel: responsiblePartyLabels[t.resolutionParty],
    responsibleName: t.resolutionName,
    deadline: t.resolutionDeadline.toISOString(),
    recordedAt: t.resolvedAt.toISOString(),
    tracking,
  }
}

export interface TopicExtras {
  concernNo: string | null
  proposerName: string | null
  deferredTo: { sessionId: string; title: string; startsAt: Date } | null
}

export function toTopic(t: CouncilTopicRow, extras: TopicExtras, viewer: { userId: string; staff: boolean }, sessionStatus: SessionStatus) {
  const roles: TopicRole[] = []
  if (t.proposerId === viewer.userId) roles.push('proposer')
  if (viewer.staff) roles.push('staff')
  return {
    id: t.id,
    sessionId: t.sessionId,
    title: t.title,
    reason: t.reason,
    concern: t.concernId && extras.concernNo ? { id: t.concernId, publicNo: extras.concernNo } : null,
    status: t.status,
    statusLabel: topicStatusLabels[t.status],
    order: t.agendaOrder,
    minutes: t.minutesAllotted,
    decisionReason: t.decisionReason,
    deferredTo: extras.deferredTo
      ? { sessionId: extras.deferredTo.sessionId, title: extras.deferredTo.title, startsAt: extras.deferredTo.startsAt.toISOString() }
      : null,
    proposerName: viewer.staff ? extras.proposerName : null,
    createdAt: t.createdAt.toISOString(),
    mine: t.proposerId === viewer.userId,
    actions: availableTopicActions(t.status, sessionStatus, roles),
  }
}
