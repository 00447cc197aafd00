import type { ConcernRole } from '../../domain/concerns/lifecycle.js'
import { hasRole, type Actor } from '../../domain/permissions.js'
import type { ConcernRow } from '../../db/schema/index.js'

/** The partner organisations the actor represents in a community (物业, 业委会 …), from their memberships. */
export function partnerOrgs(actor: Actor, communityId: string): string[] {
  return actor.memberships.flatMap((m) => (m.communityId === communityId && m.role === 'partner' && m.orgName ? [m.orgName] : []))
}

/** Who the actor is to this concern: author, staff of its community, its assignee. */
export function rolesFor(
  actor: Actor,
  concern: Pick<ConcernRow, 'authorId' | 'communityId' | 'assigneeUserId' | 'assigneeOrg'>,
  orgs: string[],
): ConcernRole[] {
  const roles: ConcernRole[] = []
  if (concern.authorId === actor.userId) roles.push('author')
  if (hasRole(actor, concern.communityId, 'worker', 'admin')) roles.push('staff')
  if (concern.assigneeUserId === actor.userId || (concern.assigneeOrg && orgs.includes(concern.assigneeOrg))) roles.push('assignee')
  return roles
}

/** Public concerns are for everyone signed in; private ones for the author, staff and the assignee. */
export function maySee(concern: Pick<ConcernRow, 'visibility'>, roles: ConcernRole[]): boolean {
  return concern.visibility === 'public' || roles.length > 0
}

/** A resident as others see them: never a full name on shared pages. */
export function residentName(nickname: string, opts: { anonymous: boolean; viewerIsAuthor: boolean; viewerIsStaff: boolean }): string {
  if (opts.viewerIsAuthor) return '我'
  if (opts.viewerIsStaff) return nickname
  if (opts.anonymous) return '匿名居民'
  const first = [...nickname][0] ?? '居'
  return `${first}**`
}
