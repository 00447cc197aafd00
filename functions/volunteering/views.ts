import type { z } from 'zod'
import { activityPhase, activityPhaseLabels, minutesToHours, placesLeft, type SignupStatus } from '../../domain/volunteering/rules.js'
import type { ActivityDetail, ActivitySummary, MySignup, RosterEntry } from '../../domain/schemas/volunteering.js'
import type { VolunteerActivityRow } from '../../db/schema/index.js'

/** Rows of the volunteering tables as the API shows them. */

export interface SignupRow {
  id: string
  userId: string
  status: SignupStatus
  creditedMinutes: number | null
  createdAt: Date
}

/** A sign-up with the points it earned (from the ledger), or null before sign-off. */
export function mySignupView(s: SignupRow | null | undefined, points: number | null): z.output<typeof MySignup> | null {
  if (!s || s.status === 'withdrawn') return null
  return { id: s.id, status: s.status, hours: s.creditedMinutes === null ? null : minutesToHours(s.creditedMinutes), points }
}

export function summaryView(a: VolunteerActivityRow, mine: z.output<typeof MySignup> | null, now: Date): z.output<typeof ActivitySummary> {
  const phase = activityPhase(a, now)
  return {
    id: a.id,
    communityId: a.communityId,
    title: a.title,
    place: a.place,
    organiser: a.organiser,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    capacity: a.capacity,
    hours: minutesToHours(a.creditedMinutes),
    signedUpCount: a.signedUpCount,
    placesLeft: phase === 'upcoming' ? placesLeft(a) : 0,
    phase,
    phaseLabel: activityPhaseLabels[phase],
    mine,
  }
}

export function detailView(
  a: VolunteerActivityRow,
  mine: z.output<typeof MySignup> | null,
  now: Date,
  pointsPerHour: number,
  roster: z.output<typeof RosterEntry>[] | null,
): z.output<typeof ActivityDetail> {
  return {
    ...summaryView(a, mine, now),
    description: a.description,
    cancelReason: a.cancelReason,
    signedOffAt: a.signedOffAt?.toISOString() ?? null,
    pointsPerHour,
    roster,
  }
}
