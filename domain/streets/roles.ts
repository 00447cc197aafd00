import * as z from 'zod'

/**
 * What a person is in a street office (街道). A street official oversees every community of the
 * street: the 三率 and their ranking, what is overdue, the grids — and, like a community admin,
 * reads residents' private data without changing it. Street roles are held per street, apart from
 * the per-community roles in ../roles.ts, so no community right follows from them by accident.
 */
export const streetRoles = ['street_admin'] as const
export const StreetRole = /*#__PURE__*/ z.enum(streetRoles)
export type StreetRole = z.infer<typeof StreetRole>

export const streetRoleLabels: Record<StreetRole, string> = {
  street_admin: '街道干部',
}

export interface StreetMembership {
  streetId: string
  role: StreetRole
}
