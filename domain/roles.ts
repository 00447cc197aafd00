import * as z from 'zod'

/** What a person is in one community. A person may hold several roles, one membership row each. */
export const roles = ['resident', 'worker', 'admin', 'partner'] as const
export const Role = /*#__PURE__*/ z.enum(roles)
export type Role = z.infer<typeof Role>

export const staffRoles: readonly Role[] = ['worker', 'admin']

/** How a resident relates to the household they claim. Owners are who owner votes (民法典 278) count. */
export const householdRelations = ['owner', 'family', 'tenant'] as const
export const HouseholdRelation = /*#__PURE__*/ z.enum(householdRelations)
export type HouseholdRelation = z.infer<typeof HouseholdRelation>

export const claimStatuses = ['pending', 'verified', 'rejected', 'withdrawn'] as const
export const ClaimStatus = /*#__PURE__*/ z.enum(claimStatuses)
export type ClaimStatus = z.infer<typeof ClaimStatus>
