import type { NeedStatus } from '../needs/needs.js'
import type { TrackedStatus } from '../tracking/items.js'

/**
 * 项目清单: a project matches one or more needs to one or more resources and is tracked like a
 * council resolution (decision 033). Pure rules shared by the server and the mini-program.
 */

export const PROJECT_TITLE_MIN = 4
export const PROJECT_TITLE_MAX = 40
export const PROJECT_DESCRIPTION_MIN = 10
export const PROJECT_DESCRIPTION_MAX = 1000
/** At most a million yuan, in fen: a community project, not a construction budget. */
export const PROJECT_BUDGET_MAX_FEN = 100_000_000
export const PROJECT_LINKS_MAX = 10

/** What a linked need becomes as its project's tracked item moves: 已解决 once done, else 项目实施中. */
export function needStatusFor(tracked: TrackedStatus): Extract<NeedStatus, 'in_project' | 'met'> {
  return tracked === 'done' ? 'met' : 'in_project'
}

/** A budget as people read it: ¥12,800 or ¥12,800.50; 无预算 when there is none. */
export function budgetLabel(fen: number | null): string {
  if (fen === null) return '无预算'
  const yuan = Math.floor(fen / 100)
  const cents = fen % 100
  const whole = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return cents ? `¥${whole}.${String(cents).padStart(2, '0')}` : `¥${whole}`
}

/** Yuan typed into a form (「12800」「12800.5」) → fen; null for empty, undefined when it does not read as money. */
export function parseYuan(input: string): number | null | undefined {
  const s = input.trim()
  if (!s) return null
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(s)) return undefined
  const [whole, frac = ''] = s.split('.')
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'))
}
