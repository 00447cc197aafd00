import * as z from 'zod'

/**
 * 需求清单 and 资源清单: what residents need and what the community's units, property company,
 * owners' committee, volunteers and residents can offer. Pure rules; the server refuses with them
 * and the mini-program decides which buttons to show with the same functions.
 */

/** Who a need affects beyond buildings: a fixed list, so needs can be counted per group. */
export const affectedGroupKeys = ['elderly_alone', 'dual_income', 'disabled', 'children', 'all_residents'] as const
export const AffectedGroup = /*#__PURE__*/ z.enum(affectedGroupKeys)
export type AffectedGroup = z.infer<typeof AffectedGroup>
export const affectedGroupLabels: Record<AffectedGroup, string> = {
  elderly_alone: '独居老人',
  dual_income: '双职工家庭',
  disabled: '残障人士',
  children: '儿童',
  all_residents: '全体居民',
}

/** Needs reuse the concern categories where they fit and add the few a concern does not name. */
export const needCategoryKeys = [
  'facilities',
  'sanitation',
  'safety',
  'renovation',
  'elderly_care',
  'childcare',
  'culture',
  'other',
] as const
export const NeedCategory = /*#__PURE__*/ z.enum(needCategoryKeys)
export type NeedCategory = z.infer<typeof NeedCategory>
export const needCategoryLabels: Record<NeedCategory, string> = {
  facilities: '公共设施',
  sanitation: '环境卫生',
  safety: '安全隐患',
  renovation: '老旧小区改造',
  elderly_care: '为老服务',
  childcare: '儿童托管',
  culture: '文体活动',
  other: '其他',
}

/**
 * A need's life: a resident's need waits for staff review (`pending_review`); staff accept it
 * (`open`) or decline it with a reason; an open need offered as a council topic is `on_agenda`;
 * a need matched to a resource by a project (项目清单) is `in_project`, and `met` when the project's
 * tracked item is done (back to `in_project` if it is reopened); staff close it when no longer wanted.
 */
export const needStatusKeys = ['pending_review', 'open', 'declined', 'on_agenda', 'closed', 'in_project', 'met'] as const
export const NeedStatus = /*#__PURE__*/ z.enum(needStatusKeys)
export type NeedStatus = z.infer<typeof NeedStatus>
export const needStatusLabels: Record<NeedStatus, string> = {
  pending_review: '待审核',
  open: '征集中',
  declined: '未采纳',
  on_agenda: '已上议事会',
  closed: '已关闭',
  in_project: '项目实施中',
  met: '已解决',
}

/** Residents support and place dots only on needs still open for ranking. */
export const rankable = (s: NeedStatus) => s === 'open'
export const supportable = (s: NeedStatus) => s === 'open' || s === 'on_agenda'
export const reviewable = (s: NeedStatus) => s === 'pending_review'
/** A project may take a need that is open or offered to a council, not one already in a project. */
export const linkable = (s: NeedStatus) => s === 'open' || s === 'on_agenda'

/** Kinds of resource (资源清单) and who offers them. */
export const resourceKindKeys = ['space', 'money', 'skill', 'hours', 'goods'] as const
export const ResourceKind = /*#__PURE__*/ z.enum(resourceKindKeys)
export type ResourceKind = z.infer<typeof ResourceKind>
export const resourceKindLabels: Record<ResourceKind, string> = {
  space: '场地',
  money: '资金',
  skill: '技能',
  hours: '志愿时间',
  goods: '物资',
}

export const resourceOwnerKindKeys = ['unit', 'property_company', 'owners_committee', 'volunteer_team', 'resident'] as const
export const ResourceOwnerKind = /*#__PURE__*/ z.enum(resourceOwnerKindKeys)
export type ResourceOwnerKind = z.infer<typeof ResourceOwnerKind>
export const resourceOwnerKindLabels: Record<ResourceOwnerKind, string> = {
  unit: '驻区单位',
  property_company: '物业',
  owners_committee: '业委会',
  volunteer_team: '志愿者团队',
  resident: '居民',
}
