import type { z } from 'zod'
import type { Category } from '@domain/concerns/categories.js'
import { CONCERN_TEXT_MIN, PLACE_TEXT_MAX, PLACE_TEXT_MIN } from '@domain/limits.js'
import type { Place, RaiseConcernInput } from '@domain/schemas/concerns.js'
import { t } from '@/i18n/zh-cn'

/** The raise form's rules, apart from the screen: what it checks before sending and what it sends. */

export type PlaceKind = z.infer<typeof Place>['kind']
export type PlaceInput = z.input<typeof Place>
export type RaiseField = 'description' | 'photos' | 'place'
export type RaiseErrors = Partial<Record<RaiseField, string>>

/** Where the concern is, as the form holds it while the resident chooses. */
export interface PlaceDraft {
  kind?: PlaceKind
  householdId?: string
  buildingId?: string
  text: string
  point?: { latitude: number; longitude: number }
}

export interface RaiseDraft {
  communityId: string
  category: Category
  description: string
  place: PlaceDraft
  photoIds: string[]
  isPublic: boolean
  anonymous: boolean
}

/** The place to send, or null while the chosen kind has nothing picked or typed. */
export function placeOf(d: PlaceDraft): PlaceInput | null {
  if (d.kind === 'household' && d.householdId) return { kind: 'household', householdId: d.householdId }
  if (d.kind === 'building' && d.buildingId) return { kind: 'building', buildingId: d.buildingId }
  const text = d.text.trim()
  if (d.kind === 'text' && text) return { kind: 'text', text, ...d.point }
  return null
}

/** What the form can tell before the server does (the server checks everything again, naming the field). */
export function checkRaise(description: string, place: PlaceDraft): RaiseErrors {
  const out: RaiseErrors = {}
  if (description.trim().length < CONCERN_TEXT_MIN) out.description = t.raise.descriptionTooShort(CONCERN_TEXT_MIN)
  const chosen = placeOf(place)
  if (!chosen) out.place = t.raise.placeMissing
  else if (chosen.kind === 'text' && chosen.text.length < PLACE_TEXT_MIN) out.place = t.raise.placeTextTooShort(PLACE_TEXT_MIN)
  return out
}

/** The body of POST /concerns; call after `checkRaise` found nothing. */
export function raiseBody(d: RaiseDraft): z.input<typeof RaiseConcernInput> {
  const place = placeOf(d.place)
  if (!place) throw new Error('raiseBody: no place (checkRaise first)')
  return {
    communityId: d.communityId,
    category: d.category,
    description: d.description.trim(),
    place,
    photoIds: d.photoIds,
    visibility: d.isPublic ? 'public' : 'private',
    anonymous: d.anonymous,
  }
}

/** Which form field a server-side validation path belongs to (`place.text` → place). */
export function raiseFieldOf(path: string): RaiseField | null {
  const head = path.split('.')[0]
  if (head === 'description') return 'description'
  if (head === 'photoIds' || head === 'photos') return 'photos'
  if (head === 'place') return 'place'
  return null
}

/** A place picked on the map, as the text the field shows. */
export function placeTextOf(loc: { name?: string; address?: string }): string {
  return [loc.name, loc.address].filter(Boolean).join(' ').slice(0, PLACE_TEXT_MAX)
}
