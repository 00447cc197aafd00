import { Button, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { UPDATE_NOTE_MAX, UPDATE_NOTE_MIN } from '@domain/tracking/items.js'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { PhotoPicker } from '@/components/photos/photo-picker'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import type { TrackedItemData } from '../api/get-tracked-item'
import { usePostTrackedUpdate } from '../api/change-tracked-item'

type Field = 'note' | 'progress' | 'photos'

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0]
  if (head === 'note' || head === 'progress') return head
  if (head === 'photoIds') return 'photos'
  return null
}

/** The progress choices: 不改, then 10 % steps above the item's progress. */
export function progressChoices(current: number): Array<{ key: string; label: string }> {
  const steps = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].filter((n) => n > current)
  return [{ key: 'keep', label: t.tracking.keep }, ...steps.map((n) => ({ key: String(n), label: `${n}%` }))]
}

/** 发布进展: what was done, optionally a new progress, photos from the site. */
export function UpdateSheet({ item, onClose }: { item: TrackedItemData; onClose: () => void }) {
  const [note, setNote] = useState('')
  const [progress, setProgress] = useState('keep')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const photos = usePhotoUploads()
  const post = usePostTrackedUpdate()

  async function submit() {
    if (note.trim().length < UPDATE_NOTE_MIN) return setErrors({ note: t.tracking.noteTooShort })
    if (photos.uploading) return setErrors({ photos: t.raise.photosUploading })
    if (photos.failed) return setErrors({ photos: t.raise.photosFailed })
    try {
      await post.mutateAsync({
        id: item.id,
        body: { note: note.trim(), progress: progress === 'keep' ? undefined : Number(progress), photoIds: photos.photoIds },
      })
      void Taro.showToast({ title: t.tracking.posted, icon: 'success' })
      onClose()
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  return (
    <Sheet
      title={t.tracking.updateTitle}
      desc={t.tracking.updateDesc}
      onClose={onClose}
      testId='tracked-update-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='tracked-update-submit'
          disabled={post.loading}
          onClick={() => void submit()}
        >
          {post.loading ? t.common.submitting : t.tracking.submit}
        </Button>
      }
    >
      <FormField label={t.tracking.note} error={errors.note} name='note'>
        <Textarea
          className='textarea textarea--short'
          data-testid='tracked-note'
          value={note}
          maxlength={UPDATE_NOTE_MAX}
          fixed
          placeholder={t.tracking.notePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            setNote(e.detail.value)
            setErrors((x) => ({ ...x, note: undefined }))
          }}
        />
      </FormField>
      {item.status === 'done' || item.status === 'shelved' ? null : (
        <FormField label={t.tracking.newProgress} error={errors.progress} name='progress'>
          <Chips items={progressChoices(item.progress)} value={progress} onChange={setProgress} testIdPrefix='tracked-progress' scroll />
        </FormField>
      )}
      <FormField label={t.tracking.photos} error={errors.photos} name='photos'>
        <PhotoPicker uploads={photos} testId='tracked-photos' />
      </FormField>
    </Sheet>
  )
}
