import { View, Text, Button, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { concernActionLabels } from '@domain/concerns/lifecycle.js'
import { TRANSITION_NOTE_MAX, TRANSITION_REASON_MAX } from '@domain/limits.js'
import { Sheet } from '@/components/sheet'
import { PhotoPicker } from '@/components/photos/photo-picker'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import { ErrorLine } from '@/components/form-field'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { cx } from '@/lib/format'
import { useFieldErrors } from '@/lib/use-field-errors'
import type { ConcernDetailData } from '../api/get-concern'
import { useTransitionConcern, type StaffAction, type TransitionBody } from '../api/transition-concern'
import { type Assignee, AssigneePicker, MergePicker } from './transition-pickers'
import './transition-sheet.scss'

type Field = 'reason' | 'note' | 'photos' | 'target' | 'assignee'
type Errors = Partial<Record<Field, string>>

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0]
  if (head === 'reason') return 'reason'
  if (head === 'note') return 'note'
  if (head === 'photoIds' || head === 'photos') return 'photos'
  if (head === 'targetId') return 'target'
  if (head === 'assignee') return 'assignee'
  return null
}

/** The text an action asks for (its label, placeholder, and whether it is required), or null for none. */
function textCopy(action: StaffAction) {
  return {
    decline: {
      label: t.staffConcern.reason,
      placeholder: t.staffConcern.reasonPlaceholder,
      tooShort: t.staffConcern.reasonTooShort,
      required: true,
    },
    note: {
      label: t.staffConcern.note,
      placeholder: t.staffConcern.notePlaceholder,
      tooShort: t.staffConcern.noteTooShort,
      required: true,
    },
    resolve: {
      label: t.staffConcern.resolveNote,
      placeholder: t.staffConcern.resolvePlaceholder,
      tooShort: t.staffConcern.resolveTooShort,
      required: true,
    },
    send_to_council: { label: t.staffConcern.councilNote, placeholder: t.staffConcern.councilPlaceholder, tooShort: '', required: false },
    assign: { label: t.staffConcern.optionalNote, placeholder: '', tooShort: '', required: false },
    merge: null,
  }[action as 'decline' | 'note' | 'resolve' | 'send_to_council' | 'assign' | 'merge']
}

export interface TransitionSheetProps {
  concern: ConcernDetailData
  /** An action that needs input: decline, merge, assign, send_to_council, note, resolve. */
  action: StaffAction
  onClose: () => void
  onDone: (detail: ConcernDetailData) => void
  /** The state moved on meanwhile (409): close and show the fresh concern. */
  onConflict: () => void
}

/** The input one staff action needs (a reason, a target, an assignee, a note with photos), then the POST. */
export function TransitionSheet({ concern, action, onClose, onDone, onConflict }: TransitionSheetProps) {
  const [text, setText] = useState('')
  const [assignee, setAssignee] = useState<Assignee>()
  const [targetId, setTargetId] = useState<string>()
  const photos = usePhotoUploads()
  const transition = useTransitionConcern({ onSuccess: onDone })

  // A photo added or removed answers the photo error.
  const { errors, setErrors } = useFieldErrors<Field>({ field: 'photos', state: String(photos.items.length) })

  const withPhotos = action === 'note' || action === 'resolve'
  const textField = action === 'decline' ? 'reason' : 'note'
  const copy = textCopy(action)

  function check(): Errors {
    const out: Errors = {}
    if (copy?.required && text.trim().length < 2) out[textField] = copy.tooShort
    if (action === 'resolve' && photos.photoIds.length === 0 && !photos.uploading) out.photos = t.staffConcern.resolveNeedsPhoto
    if (action === 'assign' && !assignee) out.assignee = t.staffConcern.assignPick
    if (action === 'merge' && !targetId) out.target = t.staffConcern.mergePick
    return out
  }

  async function submit() {
    const invalid = check()
    if (Object.keys(invalid).length > 0) return setErrors(invalid)
    if (photos.uploading) return setErrors({ photos: t.raise.photosUploading })
    if (photos.failed) return setErrors({ photos: t.raise.photosFailed })
    const body: TransitionBody = { action, photoIds: withPhotos ? photos.photoIds : [] }
    const note = text.trim()
    if (action === 'decline') body.reason = note
    else if (note) body.note = note
    if (action === 'assign') body.assignee = assignee
    if (action === 'merge') body.targetId = targetId
    try {
      await transition.mutateAsync({ concernId: concern.id, body })
    } catch (err) {
      if (!(err instanceof ApiError)) return
      if (err.status === 409) onConflict()
      else setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  const title =
    action === 'merge' ? t.staffConcern.mergeTitle : action === 'assign' ? t.staffConcern.assignTitle : concernActionLabels[action]

  return (
    <Sheet
      title={title}
      desc={action === 'merge' ? t.staffConcern.mergeDesc : `${concern.publicNo} · ${concern.categoryLabel}`}
      onClose={onClose}
      testId='transition-sheet'
      className='transition-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='transition-submit'
          disabled={transition.loading}
          onClick={() => void submit()}
        >
          {transition.loading ? t.common.submitting : `${t.common.confirm}${concernActionLabels[action]}`}
        </Button>
      }
    >
      <View data-action={action}>
        {action === 'merge' ? (
          <MergePicker
            concern={concern}
            value={targetId}
            onChange={(id) => {
              setTargetId(id)
              setErrors({})
            }}
          />
        ) : null}
        {action === 'assign' ? (
          <AssigneePicker
            communityId={concern.communityId}
            value={assignee}
            onChange={(a) => {
              setAssignee(a)
              setErrors({})
            }}
          />
        ) : null}
        {errors.target || errors.assignee ? <ErrorLine text={(errors.target ?? errors.assignee)!} /> : null}

        {copy ? (
          <NoteField
            action={action}
            copy={copy}
            value={text}
            error={errors[textField]}
            onInput={(value) => {
              setText(value)
              if (errors[textField]) setErrors((x) => ({ ...x, [textField]: undefined }))
            }}
          />
        ) : null}

        {withPhotos ? (
          <View className={cx('transition-field', errors.photos && 'transition-field--error')}>
            <Text className='transition-field__label'>{action === 'resolve' ? t.staffConcern.resolvePhotos : t.raise.photos}</Text>
            <PhotoPicker uploads={photos} />
            {errors.photos ? <ErrorLine text={errors.photos} /> : null}
          </View>
        ) : null}
      </View>
    </Sheet>
  )
}

/** The reason or note the action asks for. */
function NoteField(props: {
  action: StaffAction
  copy: NonNullable<ReturnType<typeof textCopy>>
  value: string
  error?: string
  onInput: (value: string) => void
}) {
  const { action, copy, error } = props
  return (
    <View className={cx('transition-field', error && 'transition-field--error')}>
      <Text className='transition-field__label'>{copy.label}</Text>
      <Textarea
        className='textarea textarea--short'
        data-testid={action === 'decline' ? 'transition-reason' : 'transition-note'}
        value={props.value}
        maxlength={action === 'decline' ? TRANSITION_REASON_MAX : TRANSITION_NOTE_MAX}
        fixed
        placeholder={copy.placeholder}
        placeholderClass='textarea__placeholder'
        onInput={(e) => props.onInput(e.detail.value)}
      />
      {error ? <ErrorLine text={error} /> : null}
    </View>
  )
}
