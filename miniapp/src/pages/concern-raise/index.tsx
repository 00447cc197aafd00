import { Button, View } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { FormField } from '@/components/form-field'
import { PhotoPicker } from '@/components/photos/photo-picker'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { SimilarSheet } from '@/features/concerns/components/similar-sheet'
import { t } from '@/i18n/zh-cn'
import { CategoryStep, FormHead } from './category-step'
import { PlaceField } from './place-field'
import { DescriptionField, WhoField } from './text-fields'
import { useRaiseForm } from './use-raise-form'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * 反映诉求 in two screens: pick a category (one decision), then describe it, add photos, say
 * where, choose who sees it. Similar open concerns are offered before submitting (附议 instead of
 * a duplicate), and the submit carries one Idempotency-Key for the life of the form.
 */
export default function RaiseConcernPage() {
  const form = useRaiseForm()
  const { me, category } = form

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
  if (!form.communityId) {
    return (
      <Screen testId='page-raise'>
        <EmptyState icon='megaphone' text={t.concerns.noCommunity} />
      </Screen>
    )
  }
  if (form.step === 'category' || !category) {
    const offer = { draft: form.draftOffer, onResume: form.resumeDraft, onDiscard: form.discardDraft }
    return <CategoryStep value={category} onPick={form.pickCategory} offer={offer} />
  }

  // WeChat draws inputs natively above everything: while the sheet is up, they show as text.
  const nativeCovered = isWeapp && form.sheetOpen

  return (
    <Screen key='form' testId='page-raise' className='raise raise--form'>
      <FormHead category={category} onBack={() => form.setStep('category')} />
      <DescriptionField form={form} nativeCovered={nativeCovered} />
      <FormField name='photos' label={t.raise.photos} hint={t.raise.photosHint(form.photos.max)} error={form.errors.photos}>
        <PhotoPicker uploads={form.photos} />
      </FormField>
      <PlaceField form={form} nativeCovered={nativeCovered} />
      <WhoField form={form} />

      <View className='raise-bar'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='concern-submit'
          disabled={form.submitting || form.checking}
          onClick={() => void form.submit()}
        >
          {form.checking ? t.raise.checking : form.submitting ? t.raise.submitting : t.raise.submit}
        </Button>
      </View>

      {form.sheetOpen && form.similar.length > 0 ? (
        <SimilarSheet
          items={form.similar}
          busyId={form.cosigningId}
          onCosign={(c) => void form.cosignInstead(c)}
          onSubmitAnyway={() => void form.submit(true)}
          onClose={() => form.setSheetOpen(false)}
        />
      ) : null}
    </Screen>
  )
}
