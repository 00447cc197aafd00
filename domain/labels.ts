import type { ClaimStatus, HouseholdRelation, Role } from './roles.js'
import { type StreetRole, streetRoleLabels } from './streets/roles.js'

/**
 * Every user-facing word of the domain, zh-CN. The mini-program's own screen strings live in
 * miniapp/src/i18n/zh-cn.ts; a second language is a second pair of these files.
 */
export const roleLabels: Record<Role, string> = {
  resident: '居民',
  worker: '社区工作者',
  admin: '社区书记/主任',
  partner: '共建单位',
}

/** A community role or a street one (街道干部), as the dev login lists people. */
export const anyRoleLabels: Record<Role | StreetRole, string> = { ...roleLabels, ...streetRoleLabels }

export const relationLabels: Record<HouseholdRelation, string> = {
  owner: '业主',
  family: '家庭成员',
  tenant: '租户',
}

export const claimStatusLabels: Record<ClaimStatus, string> = {
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
  withdrawn: '已撤回',
}

/** "3号楼 2单元 302室" — the one place an address is spelled out. Never shown on public pages. */
export function householdAddress(parts: { building: string; unit: string; room?: string }): string {
  const room = parts.room ? ` ${parts.room}室` : ''
  return `${parts.building} ${parts.unit}${room}`
}

/** 首页 待办: what a count counts (the things themselves are named by their own titles). */
export const todoCountLabels = {
  notices: '条未读消息',
  new_concerns: '件新诉求待签收',
  overdue_concerns: '件诉求已超时',
  pending_claims: '份住户认证待审核',
  pending_topics: '个议题待审核',
} as const
