import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { PhotoPicker } from '@/components/photos/photo-picker'
import { Screen } from '@/components/screen'
import { Tag } from '@/components/tag'
import { useMe } from '@/features/me/api/get-me'
import { refreshPoints, reportGoodDeed, useGoodDeeds } from '@/features/points/api/points'
import { t } from '@/i18n/zh-cn'
import { nativeA11y } from '@/lib/a11y'
import type { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { useMutation } from '@/lib/api/use-mutation'
import { chinaDate } from '@/lib/china-date'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import '@/features/points/components/points.scss'

/** 好人好事: text and one photo; staff review it, and an approval earns the community's good-deed points. */
export default function GoodDeedPage() {
  const me = useMe()
  const communityId = useRouter().params.communityId || me.data?.households[0]?.communityId
  const deeds = useGoodDeeds(communityId)
  const photos = usePhotoUploads(1)
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const submit = useMutation(reportGoodDeed, { onSuccess: () => refreshPoints() })

  async function onSubmit() {
    if (!communityId) return
    const photoId = photos.photoIds[0]
    if (!photoId) {
      setErrors({ photoId: t.points.deedNeedPhoto })
      return
    }
    try {
      await submit.mutateAsync({ communityId, text, photoId })
      setText('')
      setErrors({})
      void Taro.showToast({ title: t.points.deedSubmitted, icon: 'none' })
    } catch (err) {
      const e = err as ApiError
      const fields = fieldErrorsOf(e, (path) => (path === 'text' || path === 'photoId' ? path : null))
      setErrors(Object.keys(fields).length ? fields : { text: e.message })
    }
  }

  return (
    <Screen testId='page-good-deed'>
      <View className='points-form'>
        <FormField name='text' label={t.points.deedText} error={errors.text}>
          <Textarea
            className='textarea'
            data-testid='deed-text'
            value={text}
            maxlength={500}
            placeholder={t.points.deedPlaceholder}
            placeholderClass='textarea__placeholder'
            onInput={(e) => setText(e.detail.value)}
            {...nativeA11y({ label: t.points.deedText })}
          />
        </FormField>
        <FormField name='photoId' label={t.points.deedPhoto} hint={t.points.deedPhotoHint} error={errors.photoId}>
          <PhotoPicker uploads={photos} />
        </FormField>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          loading={submit.loading}
          disabled={submit.loading || photos.uploading}
          onClick={() => void onSubmit()}
          data-testid='deed-submit'
        >
          {t.points.deedSubmit}
        </Button>
      </View>
      {deeds.data?.items.length ? (
        <>
          <View className='section-title'>{t.points.myDeeds}</View>
          <View className='card card--flush'>
            {deeds.data.items.map((d) => (
              <View key={d.id} className='points-row' data-testid='my-deed'>
                <View className='points-row__body'>
                  <Text className='points-row__title'>{d.text}</Text>
                  <Text className='points-row__desc'>{d.reviewReason ?? chinaDate(d.createdAt)}</Text>
                </View>
                <Tag tone={d.status === 'approved' ? 'success' : d.status === 'rejected' ? 'neutral' : 'info'}>
                  {d.points ? `+${d.points}` : t.points.deedStatus[d.status]}
                </Tag>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </Screen>
  )
}
