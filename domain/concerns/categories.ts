import * as z from 'zod'

/**
 * Concern categories: the urgent matters (急难愁盼) residents raise, each with the icon the
 * mini-program shows and the default deadline in working days from acceptance.
 */
export const categoryKeys = [
  'noise',
  'utilities',
  'sanitation',
  'parking',
  'property',
  'facilities',
  'renovation',
  'safety',
  'dispute',
  'other',
] as const
export const Category = /*#__PURE__*/ z.enum(categoryKeys)
export type Category = z.infer<typeof Category>

/** Photos on one concern, progress note or set of minutes (also what the mini-program lets you pick). */
export { MAX_PHOTOS } from '../limits.js'

export interface CategoryInfo {
  label: string
  hint: string
  /** An icon name from the mini-program's icon set. */
  icon: string
  dueWorkingDays: number
}

export const categories: Record<Category, CategoryInfo> = {
  noise: { label: '噪声扰民', hint: '装修、广场舞、商铺噪声', icon: 'volume', dueWorkingDays: 3 },
  utilities: { label: '水电气热', hint: '停水停电、燃气、供暖', icon: 'drop', dueWorkingDays: 2 },
  sanitation: { label: '环境卫生', hint: '垃圾清运、楼道杂物', icon: 'leaf', dueWorkingDays: 3 },
  parking: { label: '停车管理', hint: '乱停车、车位、充电桩', icon: 'car', dueWorkingDays: 5 },
  property: { label: '物业服务', hint: '保洁、门禁、维修响应', icon: 'building', dueWorkingDays: 5 },
  facilities: { label: '公共设施', hint: '路灯、道路、健身器材', icon: 'lamp', dueWorkingDays: 5 },
  renovation: { label: '老旧小区改造', hint: '加装电梯、外墙、管网', icon: 'hammer', dueWorkingDays: 20 },
  safety: { label: '安全隐患', hint: '消防通道、飞线充电、危树', icon: 'alert', dueWorkingDays: 1 },
  dispute: { label: '邻里纠纷', hint: '漏水、噪音、占用公共空间', icon: 'people', dueWorkingDays: 5 },
  other: { label: '其他', hint: '其他社区事务', icon: 'more', dueWorkingDays: 5 },
}

/**
 * The deadline: `days` working days (Mon–Fri) after `from`, at the same time of day, counted in
 * China Standard Time (UTC+8, no daylight saving). Public holidays are not modelled.
 */
export function addWorkingDays(from: Date, days: number): Date {
  const offset = 8 * 3600_000
  const local = new Date(from.getTime() + offset)
  let remaining = days
  while (remaining > 0) {
    local.setUTCDate(local.getUTCDate() + 1)
    const dow = local.getUTCDay()
    if (dow !== 0 && dow !== 6) remaining--
  }
  return new Date(local.getTime() - offset)
}

export function dueAt(category: Category, acceptedAt: Date): Date {
  return addWorkingDays(acceptedAt, categories[category].dueWorkingDays)
}
