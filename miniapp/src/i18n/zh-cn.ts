import { boardText } from './zh-cn.board'
import { commonText } from './zh-cn.common'
import { concernsText } from './zh-cn.concerns'
import { errandsText } from './zh-cn.errands'
import { councilsText } from './zh-cn.councils'
import { kpiCardText } from './zh-cn.kpis'
import { needsText } from './zh-cn.needs'
import { pointsText } from './zh-cn.points'
import { projectsText } from './zh-cn.projects'
import { streetText } from './zh-cn.street'
import { trackingText } from './zh-cn.tracking'
import { volunteeringText } from './zh-cn.volunteering'
import { votesText } from './zh-cn.votes'

/**
 * Every string the mini-program shows, zh-CN. Domain words (roles, relations, claim statuses)
 * come from domain/labels.ts. One file per part of the app (zh-cn.common, .concerns, .councils, .votes, .kpis, .board);
 * a second language is a second such set.
 */
export const zhCN = {
  ...commonText,
  ...concernsText,
  ...councilsText,
  ...votesText,
  ...streetText,
  ...kpiCardText,
  ...boardText,
  ...trackingText,
  ...needsText,
  ...pointsText,
  ...errandsText,
  ...volunteeringText,
  ...projectsText,
} as const

export const t = zhCN
