import type { Role } from './roles.js'
import type { StreetMembership } from './streets/roles.js'

/**
 * Who may do what, in which community. Pure: the server loads the actor's memberships once per
 * request and asks `can`; the mini-program asks the same function to decide what to show.
 */
export interface Membership {
  communityId: string
  role: Role
  /** A partner's organisation (物业, 业委会 …). */
  orgName?: string | null
}

export interface Actor {
  userId: string
  /**
   * The roles granted in a community: worker, admin, partner. Not residency: a `resident` entry
   * (as `/api/me` lists one) grants nothing here — only `verifiedIn` does (docs/decisions/016).
   */
  memberships: ReadonlyArray<Membership>
  /** Communities where this person has a verified household: the only thing that makes them a resident there. */
  verifiedIn: readonly string[]
  /** Street offices this person works in (街道干部); absent for most people. */
  streetMemberships?: readonly StreetMembership[]
}

export interface CommunityContext {
  communityId: string
  /** The community's street: needed for the actions a street official may take in it (else denied). */
  streetId?: string
}

/** Staff of the community, or an official of its street. */
const staffOrStreet = (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'worker', 'admin') || isStreetAdmin(a, c.streetId)

const rules = {
  /** See a community's page and its public content. Anyone signed in. */
  'community.view': () => true,
  /** Claim a household in a community (becoming its resident once verified). Anyone signed in. */
  'residency.claim': () => true,
  /** List, approve and reject residency claims. */
  'residency.review': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'worker', 'admin'),
  /** Raise a concern: the community's verified residents, and its staff and partners (who file what they find). */
  'concern.raise': (a: Actor, c: CommunityContext) =>
    a.verifiedIn.includes(c.communityId) || hasRole(a, c.communityId, 'worker', 'admin', 'partner'),
  /** Co-sign (附议) a public concern: a count of residents' support, so verified residents only. */
  'concern.cosign': (a: Actor, c: CommunityContext) => a.verifiedIn.includes(c.communityId),
  /** Act as a verified resident: book topics, vote (later issues build on this). */
  'resident.act': (a: Actor, c: CommunityContext) => a.verifiedIn.includes(c.communityId),
  /** Schedule councils, open and close votes, see the three rates. */
  'community.administer': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'admin'),
  /** Create and edit sessions and recurring rules, decide topics, run sessions, publish minutes. */
  'council.manage': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'worker', 'admin'),
  /** Book a topic onto a session (议题申报). */
  'council.bookTopic': (a: Actor, c: CommunityContext) => a.verifiedIn.includes(c.communityId),
  /** Register for a session, cancel, check in: attendance is what attendee-only votes count. */
  'council.attend': (a: Actor, c: CommunityContext) => a.verifiedIn.includes(c.communityId),
  /** See a session's staff view (agenda items owned, deadlines); partners only where invited, checked by the service. */
  'council.viewInvited': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'partner', 'worker', 'admin'),
  /** Draft proposals (方案), open, close and cancel votes. */
  'vote.manage': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'worker', 'admin'),
  /** Cast a ballot; whether this person is on the vote's roll is checked by the service. */
  'vote.cast': (a: Actor, c: CommunityContext) => a.verifiedIn.includes(c.communityId),
  /** See who (which households) have voted — never how. */
  'vote.viewParticipation': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'worker', 'admin'),
  /** Read a concern's private details (who raised it, the household) — read-only for the street office. */
  'concern.readPrivate': staffOrStreet,
  /** See the community's 三率 and the figures of its grids, workers and partners, and the lists behind them. */
  'kpi.view': staffOrStreet,
  /** See the community's grids: their buildings and grid workers. */
  'grid.view': staffOrStreet,
  /** Create, rename and delete grids; assign buildings and grid workers. */
  'grid.manage': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'worker', 'admin'),
  /** See what is overdue, per milestone (签收, 到场, 办结). */
  'overdue.view': staffOrStreet,
  /** Download the community's ledgers (台账): concerns, councils, votes, as .xlsx. */
  'ledger.download': staffOrStreet,
  /** See the community's 需求清单 and 资源清单 (resources without their contact): its residents, staff and partners. */
  'needs.view': (a: Actor, c: CommunityContext) =>
    a.verifiedIn.includes(c.communityId) || hasRole(a, c.communityId, 'worker', 'admin', 'partner'),
  /** Propose a need (it waits for review), support it, place dots in a round: verified residents. */
  'needs.participate': (a: Actor, c: CommunityContext) => a.verifiedIn.includes(c.communityId),
  /** Raise needs from concerns and topics, review residents' needs, open dot rounds, offer needs as topics. */
  'needs.manage': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'worker', 'admin'),
  /** Record a resource (资源清单) and see every resource's contact: staff. Residents offer their own. */
  'resources.manage': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'worker', 'admin'),
  /** Set the community's milestone limits per category. */
  'limits.configure': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'admin'),
  /** Hold points (道德银行), redeem at the 爱心超市, report a good deed: the community's verified residents. */
  'points.hold': (a: Actor, c: CommunityContext) => a.verifiedIn.includes(c.communityId),
  /** See the 爱心超市 and the points rules: its residents and its staff. */
  'points.view': (a: Actor, c: CommunityContext) => a.verifiedIn.includes(c.communityId) || hasRole(a, c.communityId, 'worker', 'admin'),
  /** Set the points rules, manage items, hand over redemptions, review good deeds, correct entries. */
  'points.manage': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'worker', 'admin'),
  /** See the community's 代办站 (stations without their helper's name) and ask for an errand: its verified residents. */
  'errands.ask': (a: Actor, c: CommunityContext) => a.verifiedIn.includes(c.communityId),
  /** Set up and edit 代办站, ask on behalf of a resident without a phone, see every errand with its contact. */
  'errands.manage': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'worker', 'admin'),
  /** See the community's 志愿活动 (a count of who signed up, never names): its residents and its staff. */
  'volunteer.view': (a: Actor, c: CommunityContext) => a.verifiedIn.includes(c.communityId) || hasRole(a, c.communityId, 'worker', 'admin'),
  /** Sign up for a 志愿活动 and withdraw: the community's verified residents. */
  'volunteer.join': (a: Actor, c: CommunityContext) => a.verifiedIn.includes(c.communityId),
  /** Create, edit and cancel activities, see the roster with names, sign off attendance (which pays points). */
  'volunteer.manage': (a: Actor, c: CommunityContext) => hasRole(a, c.communityId, 'worker', 'admin'),
} satisfies Record<string, (actor: Actor, ctx: CommunityContext) => boolean>

export type Action = keyof typeof rules
export const actions = Object.keys(rules) as Action[]

export function can(actor: Actor, action: Action, ctx: CommunityContext): boolean {
  return rules[action](actor, ctx)
}

export function hasRole(actor: Actor, communityId: string, ...wanted: Role[]): boolean {
  return actor.memberships.some((m) => m.communityId === communityId && wanted.includes(m.role))
}

export function isStaffAnywhere(actor: Actor): boolean {
  return actor.memberships.some((m) => m.role === 'worker' || m.role === 'admin')
}

export function isStreetAdmin(actor: Actor, streetId: string | undefined): boolean {
  return !!streetId && (actor.streetMemberships ?? []).some((m) => m.streetId === streetId && m.role === 'street_admin')
}

export interface StreetContext {
  streetId: string
}

/** What the street office may do across its street; only its own officials, never another street's. */
const streetRules = {
  /** The street's figures, summed over its communities, and their 12-month trend. */
  'street.viewKpis': (a: Actor, s: StreetContext) => isStreetAdmin(a, s.streetId),
  /** The ranking of the street's communities, grids or workers. */
  'street.ranking': (a: Actor, s: StreetContext) => isStreetAdmin(a, s.streetId),
  /** Everything overdue in the street, per community and milestone. */
  'street.viewOverdue': (a: Actor, s: StreetContext) => isStreetAdmin(a, s.streetId),
  /** The street's ledgers (台账), one sheet per community. */
  'street.ledgers': (a: Actor, s: StreetContext) => isStreetAdmin(a, s.streetId),
  /** The street's assessment settings: the 综合 weights, the 基本满意 factor, the minimum sample. */
  'street.configure': (a: Actor, s: StreetContext) => isStreetAdmin(a, s.streetId),
} satisfies Record<string, (actor: Actor, ctx: StreetContext) => boolean>

export type StreetAction = keyof typeof streetRules
export const streetActions = Object.keys(streetRules) as StreetAction[]

export function canInStreet(actor: Actor, action: StreetAction, ctx: StreetContext): boolean {
  return streetRules[action](actor, ctx)
}
