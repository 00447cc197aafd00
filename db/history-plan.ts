import type { Category } from '../domain/concerns/categories.js'
import type { ConcernStatus } from '../domain/concerns/lifecycle.js'
import { addLimit, deadlines, defaultLimits, urgentCategories } from '../domain/concerns/milestones.js'
import { categoryOf, type Rng } from './history-random.js'
import { historyText } from './history-text.js'

/**
 * The plan of a year of concerns for the demo: pure and deterministic (a seeded PRNG, the clock
 * passed in), so the same seed and `now` give the same rows. Each concern is a run of steps in
 * time order — 反映, 签收 (or 不予受理 / 合并), 指派, 到场 or 开始办理, 办结, 评价 (reopening once on a bad
 * one), 自动结案 — cut at `now`: what has not happened yet stays undone, so the last days are open.
 * Timings follow the category's limits (domain/concerns/milestones.ts): mostly on time, some late,
 * a few never reached.
 */

/** Who works in a community, as the plan needs them (ids of seeded users). */
export interface HistoryCommunity {
  key: string
  buildings: number
  /** Building number → its grid and the grid's worker. */
  grids: Record<number, { gridId: string; workerId: string }>
  /** Who signs for concerns outside any grid, and their role. */
  desk: { userId: string; role: 'worker' | 'admin' }
  /** A worker concerns may be assigned to (the worker's figures count them). */
  assignWorker?: string
  partner?: { orgName: string; userId: string }
  /** How often milestones are late, relative to the usual (1): communities differ, so the ranking means something. */
  lateness: number
  /** Residents who raise the concerns. */
  authors: readonly string[]
  count: number
}

export interface PlannedEvent {
  actorId: string | null
  actorRole: 'author' | 'staff' | 'partner' | 'system'
  action: string
  fromStatus: ConcernStatus | null
  toStatus: ConcernStatus
  note: string | null
  data: Record<string, unknown> | null
  createdAt: Date
}

/** The concern row's fields the plan decides (the seed adds ids, numbers and the community). */
export interface PlannedConcern {
  authorId: string
  category: Category
  description: string
  buildingNo: number | null
  placeText: string | null
  visibility: 'public' | 'private'
  anonymous: boolean
  gridId: string | null
  status: ConcernStatus
  reopenCount: number
  assigneeUserId: string | null
  assigneeOrg: string | null
  mergedInto: number | null
  rating: number | null
  ratingComment: string | null
  solved: boolean | null
  createdAt: Date
  acceptedAt: Date | null
  acknowledgedAt: Date | null
  arrivedAt: Date | null
  acknowledgeDueAt: Date
  arriveDueAt: Date | null
  dueAt: Date | null
  resolvedAt: Date | null
  closedAt: Date | null
  ratedAt: Date | null
  updatedAt: Date
  events: PlannedEvent[]
}

const MINUTE = 60_000
const later = (t: Date, minutes: number) => new Date(t.getTime() + Math.round(minutes * MINUTE))

/** Minutes from receipt to 签收: urgent ones within 20 minutes mostly, the others within a working day mostly. */
function ackDelay(rng: Rng, urgent: boolean, late: boolean): number {
  if (urgent) return late ? rng.between(21, 150) : rng.between(2, 19)
  return late ? rng.between(26 * 60, 60 * 60) : rng.between(10, 8 * 60)
}

interface Step {
  at: Date
  apply: (c: PlannedConcern) => void
  event: Omit<PlannedEvent, 'createdAt' | 'fromStatus'>
}

/** Applies the steps that happened by `now`, in order, writing each one's event as the server does. */
function play(c: PlannedConcern, steps: Step[], now: Date) {
  for (const s of steps) {
    if (s.at.getTime() > now.getTime()) break
    const from = c.status
    s.apply(c)
    c.updatedAt = s.at
    c.events.push({ ...s.event, fromStatus: from, createdAt: s.at })
  }
}

export interface PlanContext {
  rng: Rng
  community: HistoryCommunity
  now: Date
  /** Open concerns of the same community a new one may be merged into: index → category, received, acknowledged. */
  mergeTarget: (category: Category, at: Date) => number | null
}

/** One concern: its receipt, then the steps that follow, cut at `now`. */
export function planConcern(ctx: PlanContext, receivedAt: Date): PlannedConcern {
  const { rng, community: cm, now } = ctx
  const category = categoryOf(rng, receivedAt)
  const urgent = urgentCategories.includes(category)
  const limits = defaultLimits[category]
  const inBuilding = rng.chance(0.82)
  const buildingNo = inBuilding ? 1 + Math.floor(rng.next() * cm.buildings) : null
  const text = historyText(rng, category, buildingNo)
  const grid = buildingNo ? cm.grids[buildingNo] : undefined
  const c: PlannedConcern = {
    authorId: rng.pick(cm.authors),
    category,
    description: text.description,
    buildingNo,
    placeText: buildingNo ? null : text.place,
    visibility: rng.chance(0.85) ? 'public' : 'private',
    anonymous: rng.chance(0.6),
    gridId: grid?.gridId ?? null,
    status: 'submitted',
    reopenCount: 0,
    assigneeUserId: null,
    assigneeOrg: null,
    mergedInto: null,
    rating: null,
    ratingComment: null,
    solved: null,
    createdAt: receivedAt,
    acceptedAt: null,
    acknowledgedAt: null,
    arrivedAt: null,
    acknowledgeDueAt: addLimit(receivedAt, limits.acknowledge),
    arriveDueAt: null,
    dueAt: null,
    resolvedAt: null,
    closedAt: null,
    ratedAt: null,
    updatedAt: receivedAt,
    events: [
      {
        actorId: null,
        actorRole: 'author',
        action: 'submit',
        fromStatus: null,
        toStatus: 'submitted',
        note: null,
        data: null,
        createdAt: receivedAt,
      },
    ],
  }
  c.events[0].actorId = c.authorId
  const signer = grid ? { userId: grid.workerId, role: 'worker' as const } : cm.desk
  const staff = (action: string, toStatus: ConcernStatus, note: string | null = null, extra: Record<string, unknown> = {}) => ({
    actorId: signer.userId,
    actorRole: 'staff' as const,
    action,
    toStatus,
    note,
    data: { staffRole: signer.role, ...extra },
  })
  const steps: Step[] = []
  const t1 = later(receivedAt, ackDelay(rng, urgent, rng.chance((urgent ? 0.13 : 0.1) * cm.lateness)))
  const first = rng.weighted([
    ['never', 0.02],
    ['decline', 0.05],
    ['merge', 0.03],
    ['accept', 0.9],
  ] as const)
  if (first === 'never') return c
  if (first === 'merge') {
    const target = ctx.mergeTarget(category, t1)
    if (target !== null) {
      steps.push({
        at: t1,
        apply: (x) => Object.assign(x, { status: 'merged', mergedInto: target, acknowledgedAt: t1 }),
        event: staff('merge', 'merged', null, { target: { index: target } }),
      })
      play(c, steps, now)
      return c
    }
  }
  if (first !== 'accept') {
    const reason = text.declineReason
    steps.push({
      at: t1,
      apply: (x) => Object.assign(x, { status: 'declined', acknowledgedAt: t1 }),
      event: staff('decline', 'declined', reason),
    })
    play(c, steps, now)
    return c
  }
  const due = deadlines(limits, receivedAt, t1)
  steps.push({
    at: t1,
    apply: (x) =>
      Object.assign(x, {
        status: 'accepted',
        acceptedAt: t1,
        acknowledgedAt: t1,
        arriveDueAt: due.arrive,
        dueAt: due.resolve,
        assigneeUserId: grid ? grid.workerId : null,
      }),
    event: staff('accept', 'accepted', rng.chance(0.3) ? text.ackNote : null),
  })
  work(ctx, c, steps, { t1, urgent, due, staff, text })
  play(c, steps, now)
  return c
}

type StaffEvent = (action: string, toStatus: ConcernStatus, note?: string | null, extra?: Record<string, unknown>) => Step['event']

/** 指派, 到场 / 开始办理, 办结 and the rating that follows, appended to `steps`. */
function work(
  ctx: PlanContext,
  c: PlannedConcern,
  steps: Step[],
  o: { t1: Date; urgent: boolean; due: ReturnType<typeof deadlines>; staff: StaffEvent; text: ReturnType<typeof historyText> },
) {
  const { rng, community: cm } = ctx
  let t = o.t1
  let actor: Pick<Step['event'], 'actorId' | 'actorRole' | 'data'> = o.staff('start', 'in_progress')
  const partnerKind = ['property', 'sanitation', 'facilities', 'parking'].includes(c.category)
  if (cm.partner && partnerKind && rng.chance(0.45)) {
    const p = cm.partner
    t = later(t, rng.between(5, 90))
    steps.push({
      at: t,
      apply: (x) => Object.assign(x, { status: 'assigned', assigneeOrg: p.orgName, assigneeUserId: null }),
      event: o.staff('assign', 'assigned', null, { assignee: { kind: 'partner', orgName: p.orgName } }),
    })
    actor = { actorId: p.userId, actorRole: 'partner', data: { orgName: p.orgName } }
  } else if (cm.assignWorker && !c.gridId && rng.chance(0.6)) {
    const w = cm.assignWorker
    t = later(t, rng.between(5, 60))
    steps.push({
      at: t,
      apply: (x) => Object.assign(x, { status: 'assigned', assigneeUserId: w, assigneeOrg: null }),
      event: o.staff('assign', 'assigned', null, { assignee: { kind: 'worker', userId: w } }),
    })
    actor = { actorId: w, actorRole: 'staff', data: { staffRole: 'worker' } }
  }
  const span = (o.due.resolve!.getTime() - o.t1.getTime()) / MINUTE
  if (o.urgent || rng.chance(0.4)) {
    const arrive = o.urgent ? (rng.chance(0.85) ? rng.between(4, 19) : rng.between(21, 70)) : rng.between(60, span * 0.4)
    t = new Date(Math.max(t.getTime() + MINUTE, o.t1.getTime() + arrive * MINUTE))
    const at = t
    steps.push({
      at,
      apply: (x) => Object.assign(x, { status: 'in_progress', arrivedAt: at }),
      event: { ...actor, action: 'arrive', toStatus: 'in_progress', note: null },
    })
  } else {
    t = later(t, rng.between(10, Math.min(600, span * 0.2)))
    steps.push({
      at: t,
      apply: (x) => Object.assign(x, { status: 'in_progress' }),
      event: { ...actor, action: 'start', toStatus: 'in_progress', note: null },
    })
  }
  if (rng.chance(0.04)) return
  const late = rng.chance((o.urgent ? 0.2 : 0.12) * cm.lateness)
  const fromAck = late ? span * rng.between(1.05, o.urgent ? 8 : 2.2) : span * rng.between(0.25, 0.97)
  t = new Date(Math.max(t.getTime() + 5 * MINUTE, o.t1.getTime() + fromAck * MINUTE))
  const resolved = t
  steps.push({
    at: t,
    apply: (x) => Object.assign(x, { status: 'resolved', resolvedAt: resolved }),
    event: { ...actor, action: 'resolve', toStatus: 'resolved', note: o.text.resolution },
  })
  rate(ctx, c, steps, { at: t, actor, text: o.text })
}

const AUTO_CLOSE_DAYS = 7

/** The author's rating (a bad one reopens once, then it is fixed again), or the auto-close a week later. */
function rate(
  ctx: PlanContext,
  c: PlannedConcern,
  steps: Step[],
  o: { at: Date; actor: Pick<Step['event'], 'actorId' | 'actorRole' | 'data'>; text: ReturnType<typeof historyText>; again?: boolean },
) {
  const { rng } = ctx
  if (!rng.chance(o.again ? 0.6 : 0.72)) {
    const at = later(o.at, AUTO_CLOSE_DAYS * 1440 + rng.between(1, 5))
    steps.push({
      at,
      apply: (x) => Object.assign(x, { status: 'closed', closedAt: at }),
      event: {
        actorId: null,
        actorRole: 'system',
        action: 'auto_close',
        toStatus: 'closed',
        note: `办结后 ${AUTO_CLOSE_DAYS} 天未评价，视为确认`,
        data: null,
      },
    })
    return
  }
  const stars = o.again
    ? rng.weighted([
        [5, 30],
        [4, 30],
        [3, 25],
        [2, 10],
        [1, 5],
      ] as const)
    : rng.weighted([
        [5, 55],
        [4, 24],
        [3, 10],
        [2, 6],
        [1, 5],
      ] as const)
  const solved = stars >= 3 && !(stars === 3 && rng.chance(0.15))
  const at = later(o.at, rng.between(20, 3 * 1440))
  const comment = rng.chance(0.5) ? (solved ? rng.pick(o.text.praise) : rng.pick(o.text.complaints)) : null
  const reopen = !solved && !o.again
  const author = { actorId: c.authorId, actorRole: 'author' as const, action: 'rate', note: comment, data: { rating: stars, solved } }
  steps.push({
    at,
    apply: (x) =>
      Object.assign(x, {
        rating: stars,
        ratingComment: comment,
        ratedAt: at,
        solved,
        ...(reopen ? { status: 'reopened', reopenCount: x.reopenCount + 1, resolvedAt: null } : { status: 'closed', closedAt: at }),
      }),
    event: { ...author, toStatus: reopen ? 'reopened' : 'closed' },
  })
  if (!reopen) return
  const restart = later(at, rng.between(60, 24 * 60))
  steps.push({
    at: restart,
    apply: (x) => Object.assign(x, { status: 'in_progress' }),
    event: { ...o.actor, action: 'start', toStatus: 'in_progress', note: null },
  })
  const again = later(restart, rng.between(6 * 60, 3 * 1440))
  steps.push({
    at: again,
    apply: (x) => Object.assign(x, { status: 'resolved', resolvedAt: again }),
    event: { ...o.actor, action: 'resolve', toStatus: 'resolved', note: o.text.resolution },
  })
  rate(ctx, c, steps, { ...o, at: again, again: true })
}
