import { View, Text, Button, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { MILESTONE_NOTE_MAX } from '@domain/limits.js'
import { ErrorLine } from '@/components/form-field'
import { PhotoPicker } from '@/components/photos/photo-picker'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import type { ConcernDetailData } from '../api/get-concern'
import { useRecordMilestone } from '../api/acknowledge-concern'
import './transition-sheet.scss'

export interface ArriveSheetProps {
  concern: ConcernDetailData
  onClose: () => void
  onDone: (detail: ConcernDetailData) => void
  /** The concern moved on meanwhile (409): close and show it fresh. */
  onConflict: () => void
}

/** 到场: the worker is on site — a note and an on-site photo, both optional. */
export function ArriveSheet({ concern, onClose, onDone, onConflict }: ArriveSheetProps) {
  const [note, setNote] = useState('')
  const [error, setError] = useState<string>()
  const photos = usePhotoUploads()
  const record = useRecordMilestone({ onSuccess: onDone })

  async function submit() {
    if (photos.uploading) return setError(t.raise.photosUploading)
    if (photos.failed) return setError(t.raise.photosFailed)
    const text = note.trim()
    try {
      await record.mutateAsync({
        concernId: concern.id,
        milestone: 'arrive',
        body: { photoIds: photos.photoIds, ...(text ? { note: text } : {}) },
      })
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onConflict()
      else if (err instanceof ApiError) setError(err.message)
    }
  }

  return (
    <Sheet
      title={t.milestones.arriveTitle}
      desc={`${concern.publicNo} · ${concern.categoryLabel}`}
      onClose={onClose}
      testId='arrive-sheet'
      className='transition-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='arrive-submit'
          disabled={record.loading}
          onClick={() => void submit()}
        >
          {record.loading ? t.common.submitting : t.milestones.arriveSubmit}
        </Button>
      }
    >
      <View className='transition-field'>
        <Text className='transition-field__label'>{t.milestones.arriveNote}</Text>
        <Textarea
          className='textarea textarea--short'
          data-testid='arrive-note'
          value={note}
          maxlength={MILESTONE_NOTE_MAX}
          fixed
          placeholder={t.milestones.arrivePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>
      <View className='transition-field'>
        <Text className='transition-field__label'>{t.milestones.arrivePhotos}</Text>
        <PhotoPicker uploads={photos} />
      </View>
      {error ? <ErrorLine text={error} /> : null}
    </Sheet>
  )
}
