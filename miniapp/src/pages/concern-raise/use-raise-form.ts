import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { Category } from '@domain/concerns/categories.js'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { newIdempotencyKey, useRaiseConcern } from '@/features/concerns/api/raise-concern'
import { useMe } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import { concernUrl } from '@/lib/routes'
import { useFieldErrors } from '@/lib/use-field-errors'
import { askToSubscribe } from '@/lib/subscribe'
import { useRaiseDraft } from './use-raise-draft'
import { checkRaise, type RaiseErrors, type RaiseField, raiseBody, raiseFieldOf } from './raise-form'
import { usePlace } from './use-place'
import { useSimilarOffer } from './use-similar-offer'

const fieldOrder: readonly RaiseField[] = ['description', 'photos', 'place']

/**
 * The raise form's state and what its buttons do: the category, the text, the photos, the place,
 * who sees it; similar concerns offered before submitting (附议 instead of a duplicate); one
 * Idempotency-Key for the life of the form.
 */
export function useRaiseForm() {
  const router = useRouter()
  const me = useMe()
  const communityId = router.params.communityId || me.data?.memberships[0]?.communityId
  const households = (me.data?.households ?? []).filter((h) => h.communityId === communityId)

  const [step, setStep] = useState<'category' | 'form'>('category')
  const [category, setCategory] = useState<Category>()
  const [description, setDescription] = useState('')
  const [isPublic, setIsPublic] = useState(true)
  const [anonymous, setAnonymous] = useState(true)
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const photos = usePhotoUploads()
  const raise = useRaiseConcern()

  // A photo added, retried or removed answers the photo error.
  const { errors, setErrors, clearError } = useFieldErrors<RaiseField>({ field: 'photos', state: photos.items.map((p) => p.status).join() })

  const { place, changePlace, chooseLocation } = usePlace(households[0]?.householdId, () => clearError('place'))
  const draft = useRaiseDraft({
    userId: me.data?.user.id,
    communityId,
    category,
    description,
    place,
    isPublic,
    anonymous,
    photos,
    idempotencyKey,
  })

  /** 继续填写: the saved draft back in the form, with its key (a lost reply is not filed twice). */
  function resumeDraft() {
    const d = draft.offer
    if (!d) return
    setCategory(d.category)
    setDescription(d.description)
    changePlace(d.place)
    setIsPublic(d.isPublic)
    setAnonymous(d.anonymous)
    photos.preset(d.photos)
    setIdempotencyKey(d.idempotencyKey)
    draft.setOffer(null)
    setStep('form')
  }
  const buildings = useBuildings(place.kind === 'building' ? communityId : undefined)
  const similar = useSimilarOffer({
    communityId,
    category,
    description: description.trim(),
    buildingId: place.kind === 'building' ? place.buildingId : undefined,
    householdId: place.kind === 'household' ? place.householdId : undefined,
  })

  async function submit(skipSimilar = false) {
    if (!communityId || !category || raise.loading || similar.checking) return
    const invalid = checkRaise(description, place)
    if (Object.keys(invalid).length > 0) return showErrors(invalid, setErrors)
    if (photos.uploading) return void Taro.showToast({ title: t.raise.photosUploading, icon: 'none' })
    if (photos.failed) return showErrors({ photos: t.raise.photosFailed }, setErrors)
    // Still inside the tap: ask before anything is awaited (WeChat's rule for this dialog).
    askToSubscribe('concern')
    if (await similar.offer(skipSimilar)) return
    similar.setSheetOpen(false)
    try {
      const body = raiseBody({ communityId, category, description, place, photoIds: photos.photoIds, isPublic, anonymous })
      const detail = await raise.mutateAsync({ idempotencyKey, body })
      draft.done()
      void Taro.redirectTo({ url: concernUrl(detail.id, { created: 1 }) })
    } catch (err) {
      if (err instanceof ApiError) explainRaiseError(err, setErrors, () => setIdempotencyKey(newIdempotencyKey()))
    }
  }

  function pickCategory(key: Category) {
    draft.setOffer(null)
    setCategory(key)
    setStep('form')
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  return {
    me,
    communityId,
    households,
    buildings,
    step,
    setStep,
    category,
    pickCategory,
    description,
    setDescription: (value: string) => {
      setDescription(value)
      clearError('description')
    },
    place,
    changePlace,
    chooseLocation,
    isPublic,
    setIsPublic,
    anonymous,
    setAnonymous,
    photos,
    errors,
    similar: similar.items,
    sheetOpen: similar.sheetOpen,
    setSheetOpen: similar.setSheetOpen,
    checking: similar.checking,
    cosigningId: similar.cosigningId,
    cosignInstead: similar.cosignInstead,
    submitting: raise.loading,
    submit,
    draftOffer: draft.offer,
    resumeDraft,
    discardDraft: draft.discard,
  }
}

export type RaiseForm = ReturnType<typeof useRaiseForm>

/** The fields in error, the first one said in a toast and scrolled to. */
function showErrors(next: RaiseErrors, setErrors: (e: RaiseErrors) => void) {
  setErrors(next)
  const first = fieldOrder.find((f) => next[f])
  if (first) {
    void Taro.showToast({ title: next[first] ?? '', icon: 'none', duration: 2500 })
    Taro.pageScrollTo({ selector: `#field-${first}`, duration: 200 }).catch(() => undefined)
  }
}

/**
 * What a refused or lost submit tells the resident: a lost network that the concern is kept on
 * the phone; a 400 which fields; a key already used for other content opens that concern (if the
 * server says which) or makes the next tap file anew.
 */
function explainRaiseError(err: ApiError, setErrors: (e: RaiseErrors) => void, newKey: () => void) {
  const offline = err.code === 'NETWORK_ERROR' || err.code === 'TIMEOUT'
  void Taro.showToast({ title: offline ? t.raise.keptOffline : err.message, icon: 'none', duration: offline ? 3500 : 2500 })
  if (err.status === 400) {
    const fields = fieldErrorsOf(err, raiseFieldOf)
    if (Object.keys(fields).length > 0) setErrors(fields)
  } else if (err.code === 'IDEMPOTENCY_KEY_REUSED') {
    // An earlier try with this key was filed with other content (the reply was lost, then the
    // text changed). Open that one if the server says which; otherwise the next tap files anew.
    const existing = (err.details as { concernId?: string } | undefined)?.concernId
    if (existing) void Taro.redirectTo({ url: concernUrl(existing) })
    else newKey()
  }
}
