import { type Category, categoryKeys } from '@domain/concerns/categories.js'
import { clearDraft, readDraft, saveDraft } from '@/lib/drafts'
import type { PlaceDraft } from './raise-form'

/**
 * A concern being written: the text, the place, who sees it, the photos already uploaded (by id
 * and address; a photo still on its way is picked again) and the form's Idempotency-Key, so that
 * sending it later, after a lost reply, cannot file it twice.
 */
export interface RaiseDraftData {
  category: Category
  description: string
  place: PlaceDraft
  isPublic: boolean
  anonymous: boolean
  photos: { id: string; url: string }[]
  idempotencyKey: string
}

const NAME = 'raise'

/** Worth keeping and offering back: words typed or a photo added (a category alone is not). */
export function draftHasContent(d: Pick<RaiseDraftData, 'description' | 'photos'>): boolean {
  return d.description.trim().length > 0 || d.photos.length > 0
}

/** The draft `userId` left for `communityId`, if it is one (a stored value of another shape is not). */
export function readRaiseDraft(userId: string, communityId: string): (RaiseDraftData & { savedAt: string }) | null {
  const saved = readDraft<RaiseDraftData>(NAME, userId, communityId)
  const d = saved?.data
  if (!saved || !d || !categoryKeys.includes(d.category) || typeof d.description !== 'string' || !Array.isArray(d.photos)) return null
  if (typeof d.idempotencyKey !== 'string' || typeof d.place !== 'object' || !draftHasContent(d)) return null
  return { ...d, savedAt: saved.savedAt }
}

export function saveRaiseDraft(userId: string, communityId: string, d: RaiseDraftData) {
  if (draftHasContent(d)) saveDraft(NAME, userId, communityId, d)
  else clearDraft(NAME)
}

export function clearRaiseDraft() {
  clearDraft(NAME)
}
