import type { RegistrationStatus } from './booking.js'
import type { SessionStatus, TopicStatus } from './lifecycle.js'

export const sessionStatusLabels: Record<SessionStatus, string> = {
  planned: '筹备中',
  open: '接受申报',
  agenda_fixed: '议程已定',
  in_session: '议事中',
  concluded: '已结束',
  minutes_published: '纪要已发布',
  cancelled: '已取消',
}

export const topicStatusLabels: Record<TopicStatus, string> = {
  pending: '待审核',
  accepted: '已列入议程',
  deferred: '已顺延',
  declined: '未采纳',
  withdrawn: '已撤回',
}

export const registrationStatusLabels: Record<RegistrationStatus | 'none', string> = {
  none: '未报名',
  registered: '已报名',
  waitlisted: '候补中',
  checked_in: '已签到',
  cancelled: '已取消报名',
}

/** ISO weekday numbers: 1 is Monday, 7 is Sunday. */
export const weekdayLabels: Record<1 | 2 | 3 | 4 | 5 | 6 | 7, string> = {
  1: '周一',
  2: '周二',
  3: '周三',
  4: '周四',
  5: '周五',
  6: '周六',
  7: '周日',
}
