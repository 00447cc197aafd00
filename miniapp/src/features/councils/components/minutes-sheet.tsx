import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { MIN_MINUTES_LENGTH } from '@domain/councils/lifecycle.js'
import { MINUTES_TEXT_MAX } from '@domain/limits.js'
import { Sheet } from '@/components/sheet'
import { PhotoPicker } from '@/components/photos/photo-picker'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { cx } from '@/lib/format'
import type { SessionDetailData } from '../api/get-session'
import { usePublishMinutes } from '../api/publish-minutes'
import { ErrorLine } from '@/components/form-field'
import { Stepper } from './stepper'
import './sheets.scss'

type Field = 'text' | 'attendeeCount' | 'photos'

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0]
  if (head === 'text' || head === 'attendeeCount') return head
  if (head === 'photoIds') return 'photos'
  return null
}

/** 发布会议纪要: what was settled, how many came, photos of the session. */
export function MinutesSheet({ session, onClose, onDone }: { session: SessionDetailData; onClose: () => void; onDone: () => void }) {
  const [text, setText] = useState('')
  const [attendees, setAttendees] = useState(Math.max(session.registeredCount, 1))
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const photos = usePhotoUploads()
  const publish = usePublishMinutes()

  async function submit() {
    if (text.trim().length < MIN_MINUTES_LENGTH) return setErrors({ text: t.staffSession.minutesTooShort(MIN_MINUTES_LENGTH) })
    if (photos.uploading) return setErrors({ photos: t.raise.photosUploading })
    if (photos.failed) return setErrors({ photos: t.raise.photosFailed })
    try {
      await publish.mutateAsync({ sessionId: session.id, body: { text: text.trim(), attendeeCount: attendees, photoIds: photos.photoIds } })
      void Taro.showToast({ title: t.staffSession.done.publish_minutes, icon: 'success' })
      onDone()
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  return (
    <Sheet
      title={t.staffSession.minutesTitle}
      desc={t.staffSession.minutesDesc}
      onClose={onClose}
      testId='minutes-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='minutes-submit'
          disabled={publish.loading}
          onClick={() => void submit()}
        >
          {publish.loading ? t.common.submitting : t.staffSession.publish}
        </Button>
      }
    >
      <View className={cx('sheet-field', errors.text && 'sheet-field--error')}>
        <Text className='sheet-field__label'>{t.staffSession.minutesText}</Text>
        <Textarea
          className='textarea'
          data-testid='minutes-input'
          value={text}
          maxlength={MINUTES_TEXT_MAX}
          fixed
          placeholder={t.staffSession.minutesPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            setText(e.detail.value)
            setErrors((x) => ({ ...x, text: undefined }))
          }}
        />
        <View className='textarea__meta'>
          <Text>{t.common.chars(text.length, 10000)}</Text>
        </View>
        {errors.text ? <ErrorLine text={errors.text} /> : null}
      </View>
      <View className='sheet-field'>
        <Text className='sheet-field__label'>{t.staffSession.attendeeCount}</Text>
        <Text className='sheet-field__hint'>{t.staffSession.attendeeHint(session.registeredCount)}</Text>
        <Stepper
          value={attendees}
          onChange={setAttendees}
          min={0}
          max={10000}
          unit={t.sessionForm.people}
          testId='minutes-attendees'
          editable
        />
        {errors.attendeeCount ? <ErrorLine text={errors.attendeeCount} /> : null}
      </View>
      <View className='sheet-field'>
        <Text className='sheet-field__label'>{t.staffSession.minutesPhotos}</Text>
        <PhotoPicker uploads={photos} />
        {errors.photos ? <ErrorLine text={errors.photos} /> : null}
      </View>
    </Sheet>
  )
}
