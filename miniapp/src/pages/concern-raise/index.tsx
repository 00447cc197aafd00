import { View, Text, Button, Textarea, Input, Switch } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { categories, categoryKeys, type Category } from '@domain/concerns/categories.js'
import type { z } from 'zod'
import type { Place } from '@domain/schemas/concerns.js'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { cosignConcern } from '@/features/concerns/api/cosign-concern'
import type { ConcernSummaryData } from '@/features/concerns/api/get-concern-board'
import { getSimilarConcerns } from '@/features/concerns/api/get-similar-concerns'
import { newIdempotencyKey, useRaiseConcern } from '@/features/concerns/api/raise-concern'
import { categoryIcon } from '@/features/concerns/components/category-badge'
import { SimilarSheet } from '@/features/concerns/components/similar-sheet'
import { useMe } from '@/features/me/api/get-me'
import { PhotoPicker } from '@/components/photos/photo-picker'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { cx } from '@/lib/format'
import { concernUrl } from '@/lib/routes'
import './index.scss'
import { askToSubscribe } from '@/lib/subscribe'

type PlaceKind = z.infer<typeof Place>['kind']
type Field = 'description' | 'photos' | 'place'
type FieldErrors = Partial<Record<Field, string>>

const MIN_DESCRIPTION = 5
const MAX_DESCRIPTION = 2000
const SIMILAR_DEBOUNCE_MS = 700
const isWeapp = process.env.TARO_ENV === 'weapp'

const placeKinds: ReadonlyArray<{ key: PlaceKind; label: string }> = [
  { key: 'household', label: t.raise.placeKinds.household },
  { key: 'building', label: t.raise.placeKinds.building },
  { key: 'text', label: t.raise.placeKinds.text },
]

/** Which form field a server-side validation path belongs to (`place.text` → place). */
function fieldOf(path: string): Field | null {
  const head = path.split('.')[0]
  if (head === 'description') return 'description'
  if (head === 'photoIds' || head === 'photos') return 'photos'
  if (head === 'place') return 'place'
  return null
}

/**
 * 反映诉求 in two screens: pick a category (one decision), then describe it, add photos, say
 * where, choose who sees it. Similar open concerns are offered before submitting (附议 instead of
 * a duplicate), and the submit carries one Idempotency-Key for the life of the form.
 */
export default function RaiseConcernPage() {
  const router = useRouter()
  const me = useMe()
  const communityId = router.params.communityId || me.data?.memberships[0]?.communityId
  const households = (me.data?.households ?? []).filter((h) => h.communityId === communityId)

  const [step, setStep] = useState<'category' | 'form'>('category')
  const [category, setCategory] = useState<Category>()
  const [description, setDescription] = useState('')
  const [placeKind, setPlaceKind] = useState<PlaceKind>()
  const [householdId, setHouseholdId] = useState<string>()
  const [buildingId, setBuildingId] = useState<string>()
  const [placeText, setPlaceText] = useState('')
  const [point, setPoint] = useState<{ latitude: number; longitude: number }>()
  const [isPublic, setIsPublic] = useState(true)
  const [anonymous, setAnonymous] = useState(true)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [similar, setSimilar] = useState<ConcernSummaryData[]>([])
  const [sheetOpen, setSheetOpen] = useState(false)
  const [checking, setChecking] = useState(false)
  const [cosigningId, setCosigningId] = useState<string>()
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  /** The query the resident already answered 「仍要提交」 for: not asked again unless it changes. */
  const [dismissedSimilar, setDismissedSimilar] = useState<string>()
  const photos = usePhotoUploads()
  const raise = useRaiseConcern()
  const buildings = useBuildings(placeKind === 'building' ? communityId : undefined)

  // A photo added, retried or removed answers the photo error.
  const photoState = photos.items.map((p) => p.status).join()
  useEffect(() => {
    setErrors((e) => (e.photos ? { ...e, photos: undefined } : e))
  }, [photoState])

  // Default place: the resident's own verified home, when there is exactly one choice to make.
  const firstHousehold = households[0]?.householdId
  useEffect(() => {
    if (placeKind || !firstHousehold) return
    setPlaceKind('household')
    setHouseholdId(firstHousehold)
  }, [placeKind, firstHousehold])

  const similarQuery = {
    communityId: communityId ?? '',
    category: category ?? 'other',
    description: description.trim(),
    buildingId: placeKind === 'building' ? buildingId : undefined,
    householdId: placeKind === 'household' ? householdId : undefined,
  }
  const similarKey = JSON.stringify(similarQuery)

  // Look for similar concerns while the resident types (debounced); a failure is silent.
  const lookup = useRef(0)
  useEffect(() => {
    if (!communityId || !category || similarQuery.description.length < MIN_DESCRIPTION) {
      setSimilar([])
      return undefined
    }
    const id = ++lookup.current
    const timer = setTimeout(() => {
      getSimilarConcerns(similarQuery)
        .then((res) => id === lookup.current && setSimilar(res.items))
        .catch(() => id === lookup.current && setSimilar([]))
    }, SIMILAR_DEBOUNCE_MS)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- similarKey stands for the query
  }, [similarKey])

  function clearError(field: Field) {
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  function currentPlace(): z.input<typeof Place> | null {
    if (placeKind === 'household' && householdId) return { kind: 'household', householdId }
    if (placeKind === 'building' && buildingId) return { kind: 'building', buildingId }
    if (placeKind === 'text' && placeText.trim()) return { kind: 'text', text: placeText.trim(), ...point }
    return null
  }

  function validate(): FieldErrors {
    const out: FieldErrors = {}
    if (description.trim().length < MIN_DESCRIPTION) out.description = t.raise.descriptionTooShort
    const place = currentPlace()
    if (!place) out.place = t.raise.placeMissing
    else if (place.kind === 'text' && place.text.length < 2) out.place = t.raise.placeTextTooShort
    return out
  }

  function showErrors(next: FieldErrors) {
    setErrors(next)
    const first = (['description', 'photos', 'place'] as const).find((f) => next[f])
    if (first) {
      void Taro.showToast({ title: next[first]!, icon: 'none', duration: 2500 })
      Taro.pageScrollTo({ selector: `#field-${first}`, duration: 200 }).catch(() => undefined)
    }
  }

  async function submit(skipSimilar = false) {
    if (!communityId || !category || raise.loading || checking) return
    const invalid = validate()
    if (Object.keys(invalid).length > 0) return showErrors(invalid)
    if (photos.uploading) return void Taro.showToast({ title: t.raise.photosUploading, icon: 'none' })
    if (photos.failed) return showErrors({ photos: t.raise.photosFailed })
    // Still inside the tap: ask before anything is awaited (WeChat's rule for this dialog).
    askToSubscribe('concern')

    if (skipSimilar) setDismissedSimilar(similarKey)
    else if (dismissedSimilar !== similarKey) {
      setChecking(true)
      const found = await getSimilarConcerns(similarQuery).catch(() => null)
      setChecking(false)
      if (found && found.items.length > 0) {
        setSimilar(found.items)
        setSheetOpen(true)
        return
      }
    }
    setSheetOpen(false)
    try {
      const detail = await raise.mutateAsync({
        idempotencyKey,
        body: {
          communityId,
          category,
          description: description.trim(),
          place: currentPlace()!,
          photoIds: photos.photoIds,
          visibility: isPublic ? 'public' : 'private',
          anonymous,
        },
      })
      void Taro.redirectTo({ url: concernUrl(detail.id, { created: 1 }) })
    } catch (err) {
      if (!(err instanceof ApiError)) return
      if (err.status === 400) {
        const fields = fieldErrorsOf(err, fieldOf)
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
      setPlaceText([loc.name, loc.address].filter(Boolean).join(' ').slice(0, 100))
      setPoint({ latitude: loc.latitude, longitude: loc.longitude })
      clearError('place')
    } catch {
      // cancelled, or location not authorised: the text field still works
    }
  }

  if (me.loading) {
    return (
      <Screen testId='page-raise'>
        <View className='step-head'>
          <SkeletonBox width='30%' height={28} />
          <SkeletonBox width='60%' height={48} className='skeleton--line' />
        </View>
        <SkeletonList count={3} lines={1} />
      </Screen>
    )
  }
  if (!me.data) {
    return <Screen testId='page-raise'>{me.error ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : null}</Screen>
  }
  if (!communityId) {
    return (
      <Screen testId='page-raise'>
        <EmptyState icon='megaphone' text={t.concerns.noCommunity} />
      </Screen>
    )
  }

  if (step === 'category' || !category) {
    return (
      // Keyed per step: the tap that picks a category must not bubble into the next step's nodes
      // (Taro re-renders during the event, and would reuse this step's nodes for the form).
      <Screen key='category' testId='page-raise' className='raise'>
        <View className='step-head' data-testid='raise-step-category'>
          <Text className='step-head__count'>{t.raise.stepOf(1, 2)}</Text>
          <Text className='step-head__title'>{t.raise.categoryTitle}</Text>
          <Text className='step-head__hint'>{t.raise.categoryHint}</Text>
        </View>
        <View className='category-grid' data-testid='choices-category'>
          {categoryKeys.map((key) => (
            <View
              key={key}
              className={cx('category-tile', category === key && 'category-tile--selected')}
              hoverClass='category-tile--hover'
              data-testid={`category-${key}`}
              onClick={(e) => {
                e.stopPropagation()
                setCategory(key)
                setStep('form')
                void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
              }}
              {...a11y({ role: 'button', selected: category === key })}
            >
              <View className='category-tile__icon'>
                <Icon name={categoryIcon(key)} size={56} color={colors.brand} />
              </View>
              <Text className='category-tile__label'>{categories[key].label}</Text>
              <Text className='category-tile__hint'>{categories[key].hint}</Text>
            </View>
          ))}
        </View>
      </Screen>
    )
  }

  const busy = raise.loading || checking
  const nativeCovered = isWeapp && sheetOpen

  return (
    <Screen key='form' testId='page-raise' className='raise raise--form'>
      <View className='step-head' data-testid='raise-step-form'>
        <View className='step-head__top'>
          <Text className='step-head__count'>{t.raise.stepOf(2, 2)}</Text>
          <View
            className='step-head__back'
            hoverClass='cell--hover'
            onClick={() => setStep('category')}
            {...a11y({ role: 'button', label: t.common.back })}
          >
            <Icon name='chevronLeft' size={28} color={colors.text2} />
            <Text>{t.common.back}</Text>
          </View>
        </View>
        <Text className='step-head__title'>{t.raise.formTitle}</Text>
      </View>

      <View
        className='raise-category'
        hoverClass='cell--hover'
        onClick={() => setStep('category')}
        data-testid='raise-category'
        {...a11y({ role: 'button' })}
      >
        <View className='category-tile__icon raise-category__icon'>
          <Icon name={categoryIcon(category)} size={44} color={colors.brand} />
        </View>
        <View className='raise-category__text'>
          <Text className='raise-category__label'>{categories[category].label}</Text>
          <Text className='raise-category__hint'>{categories[category].hint}</Text>
        </View>
        <Text className='raise-category__change'>{t.raise.change}</Text>
      </View>

      <FormField name='description' label={t.raise.description} error={errors.description}>
        {nativeCovered ? (
          // WeChat draws textarea natively above everything: show the text while the sheet is up.
          <View className='textarea raise-static'>{description}</View>
        ) : (
          <Textarea
            className='textarea'
            data-testid='concern-description-input'
            value={description}
            maxlength={MAX_DESCRIPTION}
            placeholder={t.raise.descriptionPlaceholder}
            placeholderClass='textarea__placeholder'
            onInput={(e) => {
              setDescription(e.detail.value)
              clearError('description')
            }}
          />
        )}
        <View className='textarea__meta'>
          <Text className={cx(description.trim().length > 0 && description.trim().length < MIN_DESCRIPTION && 'raise-count--short')}>
            {t.common.chars(description.length, MAX_DESCRIPTION)}
          </Text>
        </View>
        {similar.length > 0 && !sheetOpen ? (
          <View
            className='notice notice--info raise-similar'
            hoverClass='cell--hover'
            onClick={() => setSheetOpen(true)}
            data-testid='similar-hint'
            {...a11y({ role: 'button' })}
          >
            <Icon name='users' size={40} color={colors.info} />
            <View className='notice__body'>
              <View className='notice__desc raise-similar__text'>{t.raise.similarHint(similar.length)}</View>
            </View>
            <Text className='raise-similar__action'>{t.raise.similarHintAction}</Text>
          </View>
        ) : null}
      </FormField>

      <FormField name='photos' label={t.raise.photos} hint={t.raise.photosHint(photos.max)} error={errors.photos}>
        <PhotoPicker uploads={photos} />
      </FormField>

      <FormField name='place' label={t.raise.place} error={errors.place}>
        <Segmented
          items={placeKinds}
          value={placeKind ?? ('' as PlaceKind)}
          onChange={(k) => {
            setPlaceKind(k)
            clearError('place')
          }}
          testIdPrefix='place'
        />
        <View className='raise-place' data-testid='place-options'>
          {placeKind === 'household' ? (
            households.length > 0 ? (
              <>
                <Chips
                  items={households.map((h) => ({ key: h.householdId, label: h.address }))}
                  value={householdId}
                  onChange={(id) => {
                    setHouseholdId(id)
                    clearError('place')
                  }}
                  testIdPrefix='household'
                />
                <View className='raise-note'>
                  <Icon name='shieldCheck' size={32} color={colors.success} />
                  <Text>{t.raise.privacy}</Text>
                </View>
              </>
            ) : (
              <Text className='raise-place__empty'>{t.raise.noHousehold}</Text>
            )
          ) : null}
          {placeKind === 'building' ? (
            buildings.loading ? (
              <SkeletonBox height={64} />
            ) : buildings.error && !buildings.data ? (
              <ErrorState compact error={buildings.error} onRetry={() => void buildings.refetch()} />
            ) : buildings.data?.items.length ? (
              <Chips
                items={buildings.data.items.map((b) => ({ key: b.id, label: b.name }))}
                value={buildingId}
                onChange={(id) => {
                  setBuildingId(id)
                  clearError('place')
                }}
                testIdPrefix='building'
              />
            ) : (
              <Text className='raise-place__empty'>{t.raise.noBuildings}</Text>
            )
          ) : null}
          {placeKind === 'text' ? (
            <>
              {nativeCovered ? (
                <View className='text-input raise-static'>{placeText}</View>
              ) : (
                <Input
                  className='text-input'
                  data-testid='place-text-input'
                  value={placeText}
                  maxlength={100}
                  placeholder={t.raise.placeTextPlaceholder}
                  placeholderClass='textarea__placeholder'
                  onInput={(e) => {
                    setPlaceText(e.detail.value)
                    setPoint(undefined)
                    clearError('place')
                  }}
                />
              )}
              {isWeapp ? (
                <Button
                  className='btn btn--outline btn--small raise-place__map'
                  hoverClass='btn--hover'
                  onClick={() => void chooseLocation()}
                >
                  <Icon name='navigation' size={32} color={colors.brand} />
                  <Text className='raise-place__map-text'>{t.raise.chooseLocation}</Text>
                </Button>
              ) : null}
            </>
          ) : null}
        </View>
      </FormField>

      <FormField name='who' label={t.raise.who}>
        <View className='switch-row'>
          <View className='switch-row__text'>
            <Text className='switch-row__title'>{t.raise.visibility}</Text>
            <Text className='switch-row__desc'>{isPublic ? t.raise.visibilityOn : t.raise.visibilityOff}</Text>
          </View>
          <Switch
            className='switch-row__switch'
            data-testid='visibility-switch'
            checked={isPublic}
            color={colors.brand}
            onChange={(e) => setIsPublic(e.detail.value)}
            {...a11y({ label: t.raise.visibility })}
          />
        </View>
        <View className='switch-row'>
          <View className='switch-row__text'>
            <Text className='switch-row__title'>{t.raise.anonymous}</Text>
            <Text className='switch-row__desc'>{t.raise.anonymousDesc}</Text>
          </View>
          <Switch
            className='switch-row__switch'
            data-testid='anonymous-switch'
            checked={anonymous}
            color={colors.brand}
            onChange={(e) => setAnonymous(e.detail.value)}
            {...a11y({ label: t.raise.anonymous })}
          />
        </View>
      </FormField>

      <View className='raise-bar'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='concern-submit'
          disabled={busy}
          onClick={() => void submit()}
        >
          {checking ? t.raise.checking : raise.loading ? t.raise.submitting : t.raise.submit}
        </Button>
      </View>

      {sheetOpen && similar.length > 0 ? (
        <SimilarSheet
          items={similar}
          busyId={cosigningId}
          onCosign={(c) => void cosignInstead(c)}
          onSubmitAnyway={() => void submit(true)}
          onClose={() => setSheetOpen(false)}
        />
      ) : null}
    </Screen>
  )
}
