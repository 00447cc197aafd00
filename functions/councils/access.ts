import { can, hasRole, type Actor } from '../../domain/permissions.js'
import type { SessionRole } from '../../domain/councils/lifecycle.js'
import type { CouncilSessionRow } from '../../db/schema/index.js'

/**
 * Who sees a session: its community's staff and verified residents see them all; a partner organisation
 * (物业, 业委会) sees the sessions that invite it by name; people of other communities see none.
 */
export type SessionAudience = 'staff' | 'member' | 'invited' | 'none'

export function audienceOf(
  actor: Actor,
  session: Pick<CouncilSessionRow, 'communityId' | 'invitedParties'>,
  orgs: readonly string[],
): SessionAudience {
  if (can(actor, 'council.manage', session)) return 'staff'
  if (actor.verifiedIn.includes(session.communityId)) return 'member'
  if (orgs.length && session.invitedParties.some((p) => p.name && orgs.includes(p.name))) return 'invited'
  return 'none'
}

/** What the community sees of a session list: all of it, only the invitations, or nothing. */
export function listAudience(actor: Actor, communityId: string): 'all' | 'invited' | 'none' {
  if (can(actor, 'council.manage', { communityId })) return 'all'
  if (actor.verifiedIn.includes(communityId)) return 'all'
  if (hasRole(actor, communityId, 'partner')) return 'invited'
  return 'none'
}

export function sessionRoles(audience: SessionAudience): SessionRole[] {
  if (audience === 'staff') return ['staff']
  if (audience === 'member') return ['resident']
  if (audience === 'invited') return ['partner']
  return []
}
