/**
 * 党员家庭代办站 (errand stations) and their errands: the vocabulary and the lifecycle rules. Pure;
 * the server refuses with them and the mini-program decides which buttons to show with them.
 *
 *   asked ──accept (a helper whose station serves the building)──▶ accepted
 *   accepted ──done (that helper)──▶ done ──confirm (the asker; points to the helper)──▶ confirmed
 *   asked | accepted ──cancel (the asker)──▶ cancelled
 */

/** What a station helps with, and what an errand is about. */
export const errandKinds = ['medicine', 'groceries', 'bills', 'parcel', 'escort', 'repair', 'other'] as const
export type ErrandKind = (typeof errandKinds)[number]

export const errandKindLabels: Record<ErrandKind, string> = {
  medicine: '代取药',
  groceries: '代买菜',
  bills: '代缴费',
  parcel: '代取快递',
  escort: '陪同就医',
  repair: '小修小补',
  other: '其他',
}

/** Who keeps a station: a party member's household (党员家庭) or a volunteer. */
export const stationLabels = ['party_member', 'volunteer'] as const
export type StationLabel = (typeof stationLabels)[number]

export const stationLabelNames: Record<StationLabel, string> = {
  party_member: '党员家庭',
  volunteer: '志愿者',
}

export const errandStatuses = ['asked', 'accepted', 'done', 'confirmed', 'cancelled'] as const
export type ErrandStatus = (typeof errandStatuses)[number]

export const errandStatusLabels: Record<ErrandStatus, string> = {
  asked: '等待接单',
  accepted: '已接单',
  done: '已办好，待确认',
  confirmed: '已确认完成',
  cancelled: '已取消',
}

export const errandActions = ['accept', 'done', 'confirm', 'cancel'] as const
export type ErrandAction = (typeof errandActions)[number]

/** How the person stands to one errand. `candidate`: keeps an active station that serves it (not yet accepted by anyone). */
export interface ErrandStanding {
  asker: boolean
  helper: boolean
  candidate: boolean
  staff: boolean
}

export interface StationFacts {
  active: boolean
  buildingIds: readonly string[]
  kinds: readonly string[]
}

/** A station serves an errand when it is active, covers the building, and helps with that kind ('other' goes to every station of the building). */
export function stationServes(station: StationFacts, errand: { buildingId: string; kind: string }): boolean {
  return (
    station.active && station.buildingIds.includes(errand.buildingId) && (errand.kind === 'other' || station.kinds.includes(errand.kind))
  )
}

const from: Record<ErrandAction, readonly ErrandStatus[]> = {
  accept: ['asked'],
  done: ['accepted'],
  confirm: ['done'],
  cancel: ['asked', 'accepted'],
}

export const errandActionTarget: Record<ErrandAction, ErrandStatus> = {
  accept: 'accepted',
  done: 'done',
  confirm: 'confirmed',
  cancel: 'cancelled',
}

/** Who may take each step: never the asker accepting their own errand. */
function allowed(action: ErrandAction, s: ErrandStanding): boolean {
  if (action === 'accept') return (s.candidate || s.helper) && !s.asker
  if (action === 'done') return s.helper
  return s.asker
}

export type ErrandRefusal = { ok: false; code: 'FORBIDDEN' | 'ERRAND_NOT_ALLOWED'; message: string }

const refusals: Record<ErrandAction, string> = {
  accept: '只有服务这栋楼的代办站可以接单',
  done: '只有接单的人可以标记办好',
  confirm: '只有提出代办的人可以确认完成',
  cancel: '只有提出代办的人可以取消',
}

/** May this person take this step now? A wrong person is FORBIDDEN (403); the wrong moment ERRAND_NOT_ALLOWED (409). */
export function checkErrandAction(action: ErrandAction, status: ErrandStatus, s: ErrandStanding): { ok: true } | ErrandRefusal {
  if (!allowed(action, s)) return { ok: false, code: 'FORBIDDEN', message: refusals[action] }
  if (!from[action].includes(status))
    return { ok: false, code: 'ERRAND_NOT_ALLOWED', message: `这件代办${errandStatusLabels[status]}，不能再这样操作` }
  return { ok: true }
}

/** The steps this person may take now (the buttons to show). */
export function availableErrandActions(status: ErrandStatus, s: ErrandStanding): ErrandAction[] {
  return errandActions.filter((a) => checkErrandAction(a, status, s).ok)
}

/** The address and phone (and, on behalf, the resident's name): only the asker, the helper who accepted, and staff. */
export function mayReadErrandContact(s: ErrandStanding): boolean {
  return s.asker || s.helper || s.staff
}
