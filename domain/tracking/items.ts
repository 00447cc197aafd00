import * as z from 'zod'
import { responsiblePartyLabels, type ResponsibleParty } from '../councils/kinds.js'
import { hasRole, isStreetAdmin, type Actor } from '../permissions.js'

/**
 * Tracked items (决议跟踪): every resolution of a council topic and every approved proposal is
 * followed to done — responsible party, deadline, status, progress and updates with photos.
 */
export const trackedStatuses = ['not_started', 'in_progress', 'done', 'shelved'] as const
export const TrackedStatus = /*#__PURE__*/ z.enum(trackedStatuses)
export type TrackedStatus = z.infer<typeof TrackedStatus>

export const trackedStatusLabels: Record<TrackedStatus, string> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  shelved: '已搁置',
}

/** The staff list's filters: 全部, 逾期, or one status. */
export const trackedFilters = ['all', 'overdue', ...trackedStatuses] as const
export const TrackedFilter = /*#__PURE__*/ z.enum(trackedFilters)
export type TrackedFilter = z.infer<typeof TrackedFilter>

export const trackedFilterLabels: Record<TrackedFilter, string> = { all: '全部', overdue: '逾期', ...trackedStatusLabels }

export const SHELVE_REASON_MIN = 4
export const SHELVE_REASON_MAX = 500
export const UPDATE_NOTE_MIN = 2
export const UPDATE_NOTE_MAX = 1000

/** The item as a rule needs it. */
export interface TrackedFacts {
  status: TrackedStatus
  progress: number
  deadline: Date
}

/** Late: not done, not shelved, deadline passed. */
export function isOverdue(item: Pick<TrackedFacts, 'status' | 'deadline'>, now: Date): boolean {
  return (item.status === 'not_started' || item.status === 'in_progress') && item.deadline.getTime() < now.getTime()
}

export interface TrackedChange {
  status?: TrackedStatus
  progress?: number
  reason?: string
}

export type ChangeCheck =
  | { ok: true; status: TrackedStatus; progress: number }
  | { ok: false; code: 'INPUT_MISSING' | 'TRACKED_TRANSITION_NOT_ALLOWED'; field?: string; message: string }

/**
 * Status and progress move together: 已搁置 needs a reason; 已完成 is 100 % and reopens only to
 * 进行中; 未开始 is 0 %; progress on a 未开始 item starts it, 100 % without a status finishes it;
 * a finished or shelved item takes progress only with a status that reopens it. Returns the
 * status and progress after the change.
 */
export function checkChange(item: TrackedFacts, change: TrackedChange): ChangeCheck {
  const to = change.status
  if (to === 'shelved' && !change.reason?.trim()) return { ok: false, code: 'INPUT_MISSING', field: 'reason', message: '搁置须填写原因' }
  if (item.status === 'done' && to && to !== 'done' && to !== 'in_progress')
    return { ok: false, code: 'TRACKED_TRANSITION_NOT_ALLOWED', message: '已完成的事项只能重新改为进行中' }
  if (!to && change.progress !== undefined && (item.status === 'done' || item.status === 'shelved'))
    return {
      ok: false,
      code: 'TRACKED_TRANSITION_NOT_ALLOWED',
      message: `事项${trackedStatusLabels[item.status]}，请先改为进行中再更新进度`,
    }
  if (to === 'not_started' && (change.progress ?? 0) > 0)
    return { ok: false, code: 'INPUT_MISSING', field: 'progress', message: '未开始的事项进度须为 0' }
  let status = to ?? item.status
  let progress = change.progress ?? (to === 'in_progress' && item.status === 'done' ? 90 : item.progress)
  if (!to && status === 'not_started' && progress > 0) status = 'in_progress'
  if (!to && status === 'in_progress' && progress === 100) status = 'done'
  if (status === 'done') progress = 100
  if (status === 'not_started') progress = 0
  return { ok: true, status, progress }
}

/** The responsible party as people read it: 物业（安居物业）; residents never see a worker's name. */
export function partyLabel(party: ResponsibleParty, name: string | null, workerName?: string | null): string {
  const extra = workerName ?? name
  return `${responsiblePartyLabels[party]}${extra ? `（${extra}）` : ''}`
}

/** Who may read a community's tracked items: its staff, partners and verified residents, and its street's officials. */
export function mayReadTracked(actor: Actor, ctx: { communityId: string; streetId?: string }): boolean {
  return (
    actor.verifiedIn.includes(ctx.communityId) ||
    hasRole(actor, ctx.communityId, 'worker', 'admin', 'partner') ||
    isStreetAdmin(actor, ctx.streetId)
  )
}

/** Who may change status and progress: the community's staff. */
export function mayManageTracked(actor: Actor, ctx: { communityId: string }): boolean {
  return hasRole(actor, ctx.communityId, 'worker', 'admin')
}

/**
 * Who may post a progress update: the staff, the worker named responsible, and a partner
 * organisation named as the party (安居物业 on a 物业 item naming 安居物业).
 */
export function mayPostUpdate(
  actor: Actor,
  item: { communityId: string; workerId: string | null; partyName: string | null },
  actorOrgs: readonly string[],
): boolean {
  if (mayManageTracked(actor, item)) return true
  if (item.workerId && item.workerId === actor.userId) return true
  return !!item.partyName && hasRole(actor, item.communityId, 'partner') && actorOrgs.includes(item.partyName)
}

export type { ResponsibleParty }
