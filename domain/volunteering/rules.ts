/**
 * 志愿活动 (volunteering): the states of an activity and of a resident's sign-up, and the rules for
 * signing up, withdrawing, editing and signing off. Pure, with the time passed in: the server
 * refuses with them and the mini-program decides which button to show with the same functions.
 */

export const activityStatuses = ['open', 'cancelled'] as const
export type ActivityStatus = (typeof activityStatuses)[number]

/** Where an activity is for the people looking at it: derived from its status, times and sign-off. */
export const activityPhases = ['upcoming', 'ongoing', 'ended', 'signed_off', 'cancelled'] as const
export type ActivityPhase = (typeof activityPhases)[number]

export const activityPhaseLabels: Record<ActivityPhase, string> = {
  upcoming: '报名中',
  ongoing: '进行中',
  ended: '待签退',
  signed_off: '已签退',
  cancelled: '已取消',
}

export const signupStatuses = ['signed_up', 'withdrawn', 'attended', 'absent'] as const
export type SignupStatus = (typeof signupStatuses)[number]

export const signupStatusLabels: Record<SignupStatus, string> = {
  signed_up: '已报名',
  withdrawn: '已取消报名',
  attended: '已到场',
  absent: '未到场',
}

/** Bounds staff may set: places per activity, and hours credited (in half hours). */
export const CAPACITY_MAX = 500
export const HOURS_MAX = 12
export const HOURS_STEP = 0.5
/** An activity lasts at most this long (a day of service). */
export const ACTIVITY_HOURS_MAX = 24

export interface ActivityState {
  status: ActivityStatus
  startsAt: Date
  endsAt: Date
  signedOffAt: Date | null
}

export type Verdict = { ok: true } | { ok: false; code: VolunteerRefusal; message: string }
export type VolunteerRefusal = 'ACTIVITY_FULL' | 'ACTIVITY_STARTED' | 'ACTIVITY_CANCELLED' | 'ACTIVITY_NOT_ENDED' | 'ACTIVITY_SIGNED_OFF'

const ok: Verdict = { ok: true }
const no = (code: VolunteerRefusal, message: string): Verdict => ({ ok: false, code, message })

export function activityPhase(a: ActivityState, now: Date): ActivityPhase {
  if (a.status === 'cancelled') return 'cancelled'
  if (a.signedOffAt) return 'signed_off'
  if (now.getTime() < a.startsAt.getTime()) return 'upcoming'
  if (now.getTime() < a.endsAt.getTime()) return 'ongoing'
  return 'ended'
}

/** Places left; never below zero. */
export function placesLeft(a: { capacity: number; signedUpCount: number }): number {
  return Math.max(0, a.capacity - a.signedUpCount)
}

/** A resident may sign up while the activity has not started, is not cancelled and has a place. */
export function canSignUp(a: ActivityState & { capacity: number; signedUpCount: number }, now: Date): Verdict {
  if (a.status === 'cancelled') return no('ACTIVITY_CANCELLED', '这个志愿活动已取消')
  if (now.getTime() >= a.startsAt.getTime()) return no('ACTIVITY_STARTED', '活动已经开始，不能再报名了')
  if (a.signedUpCount >= a.capacity) return no('ACTIVITY_FULL', `名额已满（共 ${a.capacity} 人），请关注其他志愿活动`)
  return ok
}

/** Withdrawing is possible until the start: afterwards the organiser counts on the place. */
export function canWithdraw(a: ActivityState, now: Date): Verdict {
  if (a.status === 'cancelled') return no('ACTIVITY_CANCELLED', '这个志愿活动已取消')
  if (now.getTime() >= a.startsAt.getTime()) return no('ACTIVITY_STARTED', '活动已经开始，不能取消报名了，请联系组织者')
  return ok
}

/** Staff may edit or cancel an activity until it has started. */
export function canChange(a: ActivityState, now: Date): Verdict {
  if (a.status === 'cancelled') return no('ACTIVITY_CANCELLED', '这个志愿活动已取消')
  if (now.getTime() >= a.startsAt.getTime()) return no('ACTIVITY_STARTED', '活动已经开始，不能再修改或取消')
  return ok
}

/** Sign-off (签退, 确认时长) happens once, after the activity has ended. */
export function canSignOff(a: ActivityState, now: Date): Verdict {
  if (a.status === 'cancelled') return no('ACTIVITY_CANCELLED', '这个志愿活动已取消')
  if (a.signedOffAt) return no('ACTIVITY_SIGNED_OFF', '这个活动已经签退过了，积分已记入')
  if (now.getTime() < a.endsAt.getTime()) return no('ACTIVITY_NOT_ENDED', '活动结束后才能签退、确认时长')
  return ok
}

/** A new capacity may not leave anyone who signed up without a place. */
export function capacityProblem(capacity: number, signedUpCount: number): string | null {
  return capacity < signedUpCount ? `可报名人数不能少于已报名的 ${signedUpCount} 人` : null
}

/**
 * Points for a shift: the hours credited times the community's hourly rule, rounded to a whole
 * point and capped at the ledger's 1000 per event.
 */
export function shiftPoints(hours: number, perHour: number): number {
  return Math.min(1000, Math.max(0, Math.round(hours * perHour)))
}

/** Hours are whole or half hours, 0.5–12. */
export function validHours(hours: number): boolean {
  return Number.isFinite(hours) && hours >= HOURS_STEP && hours <= HOURS_MAX && Number.isInteger(hours / HOURS_STEP)
}

/** Hours are stored as minutes (an integer column); the API speaks hours. */
export const hoursToMinutes = (hours: number) => Math.round(hours * 60)
export const minutesToHours = (minutes: number) => minutes / 60
