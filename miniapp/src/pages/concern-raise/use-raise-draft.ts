import { useEffect, useRef, useState } from 'react'
import type { Category } from '@domain/concerns/categories.js'
import type { PhotoUploads } from '@/lib/photos/use-photo-uploads'
import { clearRaiseDraft, type RaiseDraftData, readRaiseDraft, saveRaiseDraft } from './raise-draft'

/**
 * The form kept on the phone as it is filled in (once a category is chosen and something is
 * typed or photographed), and the draft left last time offered back until the person continues
 * it, discards it or starts another.
 */
export function useRaiseDraft(f: {
  userId: string | undefined
  communityId: string | undefined
  category: Category | undefined
  description: string
  place: RaiseDraftData['place']
  isPublic: boolean
  anonymous: boolean
  photos: PhotoUploads
  idempotencyKey: string
}) {
  const [offer, setOffer] = useState<ReturnType<typeof readRaiseDraft>>(null)
  const looked = useRef(false)
  const sent = useRef(false)
  const { userId, communityId, category } = f
  useEffect(() => {
    if (looked.current || !userId || !communityId) return
    looked.current = true
    setOffer(readRaiseDraft(userId, communityId))
  }, [userId, communityId])

  const uploaded = f.photos.items.flatMap((p) => (p.status === 'done' && p.photoId && p.url ? [{ id: p.photoId, url: p.url }] : []))
  const photoKey = uploaded.map((p) => p.id).join()
  const { description, place, isPublic, anonymous, idempotencyKey } = f
  // biome-ignore lint/correctness/useExhaustiveDependencies: photoKey stands for the uploaded photos
  useEffect(() => {
    if (sent.current || offer || !userId || !communityId || !category) return
    saveRaiseDraft(userId, communityId, { category, description, place, isPublic, anonymous, photos: uploaded, idempotencyKey })
  }, [userId, communityId, category, description, place, isPublic, anonymous, photoKey, idempotencyKey, offer])

  return {
    offer,
    setOffer,
    discard: () => {
      clearRaiseDraft()
      setOffer(null)
    },
    /** Filed: nothing left to keep. */
    done: () => {
      sent.current = true
      clearRaiseDraft()
    },
  }
}
