import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Category } from '@domain/concerns/categories.js'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { cosignConcern } from '@/features/concerns/api/cosign-concern'
import type { ConcernSummaryData } from '@/features/concerns/api/get-concern-board'
import { getSimilarConcerns } from '@/features/concerns/api/get-similar-concerns'
import { newIdempotencyKey, useRaiseConcern } from '@/features/concerns/api/raise-concern'
import { useMe } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import { concernUrl } from '@/lib/routes'
import { useFieldErrors } from '@/lib/use-field-errors'
import { askToSubscribe } from '@/lib/subscribe'
import { checkRaise, type PlaceDraft, placeTextOf, type RaiseErrors, type RaiseField, raiseBody, raiseFieldOf } from './raise-form'
import { useSimilarConcerns } from './use-similar-concerns'

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
  const [place, setPlace] = useState<PlaceDraft>({ text: '' })
  const [isPublic, setIsPublic] = useState(true)
  const [anonymous, setAnonymous] = useState(true)
  const [sheetOpen, setSheetOpen] = useState(false)
  const [checking, setChecking] = useState(false)
  const [cosigningId, setCosigningId] = useState<string>()
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  /** The query the resident already answered 「仍要提交」 for: not asked again unless it changes. */
  const [dismissedSimilar, setDismissedSimilar] = useState<string>()
  const photos = usePhotoUploads()
  const raise = useRaiseConcern()
  const buildings = useBuildings(place.kind === 'building' ? communityId : undefined)
  const similar = useSimilarConcerns({
    communityId,
    category,
    description: description.trim(),
    buildingId: place.kind === 'building' ? place.buildingId : undefined,
    householdId: place.kind === 'household' ? place.householdId : undefined,
  })

  // A photo added, retried or removed answers the photo error.
  const { errors, setErrors, clearError } = useFieldErrors<RaiseField>({ field: 'photos', state: photos.items.map((p) => p.status).join() })

  // Default place: the resident's own verified home, when there is exactly one choice to make.
  const firstHousehold = households[0]?.householdId
  useEffect(() => {
    if (!firstHousehold) return
    setPlace((p) => (p.kind ? p : { ...p, kind: 'household', householdId: firstHousehold }))
  }, [firstHousehold])

  function changePlace(next: Partial<PlaceDraft>) {
    setPlace((p) => ({ ...p, ...next }))
    clearError('place')
  }

  function showErrors(next: RaiseErrors) {
    setErrors(next)
    const first = fieldOrder.find((f) => next[f])
    if (first) {
      void Taro.showToast({ title: next[first] ?? '', icon: 'none', duration: 2500 })
      Taro.pageScrollTo({ selector: `#field-${first}`, duration: 200 }).catch(() => undefined)
    }
  }

  /** Whether to stop and show similar concerns first (looked up again now, unless already answered). */
  async function offerSimilar(skipSimilar: boolean): Promise<boolean> {
    if (skipSimilar) {
      setDismissedSimilar(similar.key)
      return false
    }
    if (dismissedSimilar === similar.key || !similar.query) return false
    setChecking(true)
    const found = await getSimilarConcerns(similar.query).catch(() => null)
    setChecking(false)
    if (!found || found.items.length === 0) return false
    similar.setItems(found.items)
    setSheetOpen(true)
    return true
  }

  async function submit(skipSimilar = false) {
    if (!communityId || !category || raise.loading || checking) return
    const invalid = checkRaise(description, place)
    if (Object.keys(invalid).length > 0) return showErrors(invalid)
    if (photos.uploading) return void Taro.showToast({ title: t.raise.photosUploading, icon: 'none' })
    if (photos.failed) return showErrors({ photos: t.raise.photosFailed })
    // Still inside the tap: ask before anything is awaited (WeChat's rule for this dialog).
    askToSubscribe('concern')
    if (await offerSimilar(skipSimilar)) return
    setSheetOpen(false)
    try {
      const body = raiseBody({ communityId, category, description, place, photoIds: photos.photoIds, isPublic, anonymous })
      const detail = await raise.mutateAsync({ idempotencyKey, body })
      void Taro.redirectTo({ url: concernUrl(detail.id, { created: 1 }) })
    } catch (err) {
      if (!(err instanceof ApiError)) return
      if (err.status === 400) {
        const fields = fieldErrorsOf(err, raiseFieldOf)
        if (Object.keys(fields).length > 0) setErrors(fields)
      } else if (err.code === 'IDEMPOTENCY_KEY_REUSED') {
        // An earlier try with this key was filed with other content (the reply was lost, then the
        // text changed). Open that one if the server says which; otherwise the next tap files anew.
        const existing = (err.details as { concernId?: string } | undefined)?.concernId
        if (existing) void Taro.redirectTo({ url: concernUrl(existing) })
        else setIdempotencyKey(newIdempotencyKey())
      }
    }
  }

  async function cosignInstead(concern: ConcernSummaryData) {
    setCosigningId(concern.id)
    try {
      await cosignConcern(concern.id)
      void Taro.showToast({ title: t.similar.cosignDone, icon: 'success' })
      void Taro.redirectTo({ url: concernUrl(concern.id) })
    } catch {
      // the client showed the reason
    } finally {
      setCosigningId(undefined)
    }
  }

  async function chooseLocation() {
    try {
      const loc = await Taro.chooseLocation({})
      changePlace({ text: placeTextOf(loc), point: { latitude: loc.latitude, longitude: loc.longitude } })
    } catch {
      // cancelled, or location not authorised: the text field still works
    }
  }

  function pickCategory(key: Category) {
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
    sheetOpen,
    setSheetOpen,
    checking,
    cosigningId,
    cosignInstead,
    submitting: raise.loading,
    submit,
  }
}

export type RaiseForm = ReturnType<typeof useRaiseForm>
