import type { MeData } from './api/get-me'

export interface WorkbenchCommunity {
  communityId: string
  communityName: string
  /** Workers and admins run the whole inbox; a partner (物业…) handles what is assigned to it. */
  kind: 'staff' | 'partner'
  orgName: string | null
}

/** The communities where this person has a 社区工作台: staff ones first, one entry per community. */
export function workbenchCommunities(me: MeData | undefined): WorkbenchCommunity[] {
  if (!me) return []
  const out: WorkbenchCommunity[] = []
  for (const m of me.memberships) {
    const kind = me.staffOf.includes(m.communityId) ? 'staff' : m.role === 'partner' ? 'partner' : null
    if (!kind) continue
    const existing = out.find((c) => c.communityId === m.communityId)
    if (existing) {
      if (kind === 'staff') existing.kind = 'staff'
      continue
    }
    out.push({ communityId: m.communityId, communityName: m.communityName, kind, orgName: m.orgName })
  }
  return out.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'staff' ? -1 : 1))
}
