import type { CategoryLimitsData, LimitData, LimitOverridesBody } from '@/features/grids/api/limits'

/**
 * A category's limits as the sheet edits them, and the overrides saved: only the milestones that
 * changed from what was in force go over the community's own ones (the rest keep the defaults).
 */
export const milestones = ['acknowledge', 'arrive', 'resolve'] as const
export type Milestone = (typeof milestones)[number]
/** `off`: 不计时 (到场 only). */
export type Unit = LimitData['unit'] | 'off'
export type Draft = { unit: Unit; amount: string }
export type Drafts = Record<Milestone, Draft>

const draftOf = (limit: LimitData | null): Draft =>
  limit ? { unit: limit.unit, amount: String(limit.amount) } : { unit: 'off', amount: '' }
const same = (a: Draft, b: Draft) => a.unit === b.unit && (a.unit === 'off' || a.amount.trim() === b.amount.trim())

/** What the sheet starts from: the limits in force. */
export function draftsOf(row: CategoryLimitsData): Drafts {
  return { acknowledge: draftOf(row.acknowledge), arrive: draftOf(row.arrive), resolve: draftOf(row.resolve) }
}

/** A draft as the API takes it: 不计时 is null; a blank amount travels as null for the server to name. */
function limitOf(d: Draft): LimitData | null {
  if (d.unit === 'off') return null
  return { unit: d.unit, amount: (d.amount.trim() === '' ? null : Number(d.amount.trim())) as number }
}

/** `overrides.utilities.arrive.amount` → arrive: the field the server's message belongs under. */
export function milestoneOf(path: string): Milestone | null {
  const m = path.split('.')[2] as Milestone
  return milestones.includes(m) ? m : null
}

/**
 * The community's overrides after saving `category`: its own overrides with the changed milestones
 * replaced; `restore` drops the category's overrides (back to the defaults).
 */
export function overridesAfter(
  overrides: LimitOverridesBody,
  category: string,
  shown: Drafts,
  drafts: Drafts,
  restore = false,
): LimitOverridesBody {
  const key = category as keyof LimitOverridesBody
  const out: LimitOverridesBody = { ...overrides }
  if (restore) {
    delete out[key]
    return out
  }
  const own: Record<string, LimitData | null> = { ...(overrides[key] ?? {}) }
  for (const m of milestones) if (!same(drafts[m], shown[m])) own[m] = limitOf(drafts[m])
  out[key] = own
  return out
}
