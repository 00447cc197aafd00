import { excerptOf } from '../text.js'
import type { ConcernStatus } from './lifecycle.js'

export const concernStatusLabels: Record<ConcernStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  declined: '不予受理',
  merged: '已合并',
  assigned: '已派单',
  on_agenda: '待议事',
  deliberated: '已议决',
  in_progress: '办理中',
  resolved: '已办结',
  reopened: '重新办理',
  closed: '已结案',
}

/** How each event reads in a timeline. */
export const concernEventLabels: Record<string, string> = {
  submit: '提交诉求',
  accept: '社区已受理',
  acknowledge: '网格员已签收',
  arrive: '工作人员已到场',
  decline: '不予受理',
  merge: '合并到其他诉求',
  merged_in: '合并了一条重复诉求',
  assign: '已派单',
  start: '开始办理',
  send_to_council: '提交社区议事',
  deliberate: '议事会形成决议',
  note: '办理进展',
  resolve: '已办结',
  rate: '居民评价',
  reopen: '居民不满意，重新办理',
  auto_close: '超时未评价，自动结案',
}

/**
 * How a notice names a concern: its category and the start of what was written, e.g.
 * 设施维修「3号楼东侧的路灯坏了一个…」— a number alone tells a resident nothing.
 */
export function concernNoticeName(categoryLabel: string, description: string, max = 12): string {
  return `${categoryLabel}「${excerptOf(description.replace(/\s+/g, ' ').trim(), max)}」`
}
