import { View, Text, Button, Textarea, Input } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { concernActionLabels, openStatuses } from '@domain/concerns/lifecycle.js'
import { roleLabels } from '@domain/labels.js'
import { TRANSITION_NOTE_MAX, TRANSITION_REASON_MAX } from '@domain/limits.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Sheet } from '@/components/sheet'
import { SkeletonList } from '@/components/skeleton'
import { PhotoPicker } from '@/components/photos/photo-picker'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import { ErrorLine } from '@/components/form-field'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { cx } from '@/lib/format'
import { useFieldErrors } from '@/lib/use-field-errors'
import type { ConcernDetailData } from '../api/get-concern'
import { useInbox } from '../api/get-inbox'
import { useStaffDirectory } from '../api/get-staff-directory'
import { useTransitionConcern, type StaffAction, type TransitionBody } from '../api/transition-concern'
import { ConcernStatusTag } from './concern-status-tag'
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

type Assignee = NonNullable<TransitionBody['assignee']>
const assigneeKey = (a: Assignee) => (a.kind === 'worker' ? `w:${a.userId}` : `p:${a.orgName}`)

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
  const copy = {
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
          <View className={cx('transition-field', errors[textField] && 'transition-field--error')}>
            <Text className='transition-field__label'>{copy.label}</Text>
            <Textarea
              className='textarea textarea--short'
              data-testid={action === 'decline' ? 'transition-reason' : 'transition-note'}
              value={text}
              maxlength={action === 'decline' ? TRANSITION_REASON_MAX : TRANSITION_NOTE_MAX}
              fixed
              placeholder={copy.placeholder}
              placeholderClass='textarea__placeholder'
              onInput={(e) => {
                setText(e.detail.value)
                if (errors[textField]) setErrors((x) => ({ ...x, [textField]: undefined }))
              }}
            />
            {errors[textField] ? <ErrorLine text={errors[textField]!} /> : null}
          </View>
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

function AssigneePicker(props: { communityId: string; value: Assignee | undefined; onChange: (a: Assignee) => void }) {
  const directory = useStaffDirectory(props.communityId)
  if (directory.loading) return <SkeletonList count={2} lines={1} />
  if (!directory.data)
    return directory.error ? <ErrorState compact error={directory.error} onRetry={() => void directory.refetch()} /> : null
  const { workers, partners } = directory.data
  if (workers.length === 0 && partners.length === 0) return <EmptyState compact icon='users' text={t.staffConcern.noAssignees} />
  const chosen = props.value ? assigneeKey(props.value) : undefined
  const option = (a: Assignee, title: string, desc: string) => (
    <View
      key={assigneeKey(a)}
      className={cx('pick-row', chosen === assigneeKey(a) && 'pick-row--selected')}
      hoverClass='cell--hover'
      onClick={() => props.onChange(a)}
      data-testid='assign-option'
      {...a11y({ role: 'button', selected: chosen === assigneeKey(a) })}
    >
      <View className='pick-row__body'>
        <Text className='pick-row__title'>{title}</Text>
        <Text className='pick-row__desc'>{desc}</Text>
      </View>
      <Icon
        name={chosen === assigneeKey(a) ? 'checkCircle' : 'chevronRight'}
        size={chosen === assigneeKey(a) ? 44 : 32}
        color={chosen === assigneeKey(a) ? colors.brand : colors.text3}
      />
    </View>
  )
  return (
    <View data-testid='assign-options'>
      {workers.length > 0 ? <Text className='pick-group'>{t.staffConcern.workers}</Text> : null}
      {workers.map((w) => option({ kind: 'worker', userId: w.userId }, w.name, roleLabels[w.role]))}
      {partners.length > 0 ? <Text className='pick-group'>{t.staffConcern.partners}</Text> : null}
      {partners.map((p) => option({ kind: 'partner', orgName: p.orgName }, p.orgName, roleLabels.partner))}
    </View>
  )
}

function MergePicker(props: { concern: ConcernDetailData; value: string | undefined; onChange: (id: string) => void }) {
  const [query, setQuery] = useState('')
  const inbox = useInbox(props.concern.communityId, 'all')
  const candidates = useMemo(() => {
    const q = query.trim().toUpperCase()
    const matches = inbox.items.filter(
      (c) =>
        c.id !== props.concern.id &&
        openStatuses.includes(c.status) &&
        (!q || c.publicNo.toUpperCase().includes(q) || c.excerpt.toUpperCase().includes(q)),
    )
    // Duplicates are most likely in the same category: those first, otherwise in inbox order.
    const same = (c: (typeof matches)[number]) => (c.category === props.concern.category ? 0 : 1)
    return matches
      .map((c, i) => ({ c, i }))
      .sort((a, b) => same(a.c) - same(b.c) || a.i - b.i)
      .map(({ c }) => c)
  }, [inbox.items, query, props.concern.id, props.concern.category])

  return (
    <View data-testid='merge-options'>
      <Input
        className='text-input'
        data-testid='merge-search'
        value={query}
        placeholder={t.staffConcern.mergeSearch}
        placeholderClass='textarea__placeholder'
        onInput={(e) => setQuery(e.detail.value)}
      />
      <View className='merge-list'>
        {inbox.loading ? (
          <SkeletonList count={2} lines={1} />
        ) : inbox.error && inbox.items.length === 0 ? (
          <ErrorState compact error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : candidates.length === 0 ? (
          <EmptyState compact icon='inbox' text={t.staffConcern.mergeEmpty} />
        ) : (
          candidates.map((c) => (
            <View
              key={c.id}
              className={cx('pick-row', props.value === c.id && 'pick-row--selected')}
              hoverClass='cell--hover'
              onClick={() => props.onChange(c.id)}
              data-testid='merge-option'
              data-public-no={c.publicNo}
              {...a11y({ role: 'button', selected: props.value === c.id })}
            >
              <View className='pick-row__body'>
                <View className='pick-row__top'>
                  <Text className='pick-row__no'>{c.publicNo}</Text>
                  <ConcernStatusTag status={c.status} />
                </View>
                <Text className='pick-row__desc pick-row__excerpt'>
                  {c.categoryLabel}
                  {t.common.separator}
                  {c.excerpt}
                </Text>
              </View>
              {props.value === c.id ? <Icon name='checkCircle' size={44} color={colors.brand} /> : null}
            </View>
          ))
        )}
        {inbox.hasMore ? (
          <View className='load-more'>
            <Button className='btn btn--plain btn--small' hoverClass='btn--hover' onClick={() => void inbox.loadMore()}>
              {inbox.loadingMore ? t.common.loadingMore : t.common.loadMore}
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  )
}
