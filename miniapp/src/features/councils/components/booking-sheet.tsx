import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { TOPIC_REASON_MAX, TOPIC_REASON_MIN, TOPIC_TITLE_MAX, TOPIC_TITLE_MIN } from '@domain/limits.js'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { Sheet } from '@/components/sheet'
import { ErrorLine } from '@/components/form-field'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { cx } from '@/lib/format'
import { useBookTopic } from '../api/book-topic'
import type { SessionDetailData } from '../api/get-session'
import { chinaMoment } from '../format'
import './sheets.scss'

type Field = 'title' | 'reason' | 'concernId'
type Errors = Partial<Record<Field, string>>

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0]
  return head === 'title' || head === 'reason' || head === 'concernId' ? head : null
}

/** A concern the resident may link: one of their own (or co-signed) open concerns. */
export interface LinkableConcern {
  id: string
  publicNo: string
  excerpt: string
  categoryLabel: string
}

export interface BookingSheetProps {
  session: SessionDetailData
  concerns: readonly LinkableConcern[]
  /** Preselected (opened from a concern). */
  concernId?: string
  onClose: () => void
  onDone: () => void
}

/** 议题申报: what to discuss, why it matters, optionally one of my concerns. */
export function BookingSheet({ session, concerns, concernId: initialConcern, onClose, onDone }: BookingSheetProps) {
  const [title, setTitle] = useState('')
  const [reason, setReason] = useState('')
  const [concernId, setConcernId] = useState<string | undefined>(initialConcern)
  const [errors, setErrors] = useState<Errors>({})
  const book = useBookTopic()

  function pickConcern(c: LinkableConcern | null) {
    setConcernId(c?.id)
    setErrors((e) => ({ ...e, concernId: undefined }))
    // A topic named after the concern is a good start; the resident can change it.
    if (c && !title.trim()) setTitle(c.excerpt.slice(0, 30))
  }

  async function submit() {
    const out: Errors = {}
    if (title.trim().length < TOPIC_TITLE_MIN) out.title = t.session.topicTitleTooShort(TOPIC_TITLE_MIN)
    if (reason.trim().length < TOPIC_REASON_MIN) out.reason = t.session.topicReasonTooShort(TOPIC_REASON_MIN)
    if (Object.keys(out).length > 0) return setErrors(out)
    try {
      await book.mutateAsync({ sessionId: session.id, body: { title: title.trim(), reason: reason.trim(), concernId } })
      void Taro.showToast({ title: t.session.bookDone, icon: 'success' })
      onDone()
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  return (
    <Sheet
      title={t.session.bookTitle}
      desc={t.session.bookSheetDesc(chinaMoment(session.bookingDeadline))}
      onClose={onClose}
      testId='booking-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='booking-submit'
          disabled={book.loading}
          onClick={() => void submit()}
        >
          {book.loading ? t.common.submitting : t.session.bookSubmit}
        </Button>
      }
    >
      <View
        className={cx('sheet-field', errors.title && 'sheet-field--error')}
        data-testid='field-title'
        data-invalid={errors.title ? 'true' : undefined}
      >
        <Text className='sheet-field__label'>{t.session.topicTitle}</Text>
        <Input
          className='text-input'
          data-testid='topic-title-input'
          value={title}
          maxlength={TOPIC_TITLE_MAX}
          placeholder={t.session.topicTitlePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            setTitle(e.detail.value)
            if (errors.title) setErrors((x) => ({ ...x, title: undefined }))
          }}
        />
        {errors.title ? <ErrorLine text={errors.title} /> : null}
      </View>

      <View
        className={cx('sheet-field', errors.reason && 'sheet-field--error')}
        data-testid='field-reason'
        data-invalid={errors.reason ? 'true' : undefined}
      >
        <Text className='sheet-field__label'>{t.session.topicReason}</Text>
        <Textarea
          className='textarea textarea--short'
          data-testid='topic-reason-input'
          value={reason}
          maxlength={TOPIC_REASON_MAX}
          fixed
          placeholder={t.session.topicReasonPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            setReason(e.detail.value)
            if (errors.reason) setErrors((x) => ({ ...x, reason: undefined }))
          }}
        />
        <View className='textarea__meta'>
          <Text>{t.common.chars(reason.length, 1000)}</Text>
        </View>
        {errors.reason ? <ErrorLine text={errors.reason} /> : null}
      </View>

      <LinkedConcernField concerns={concerns} concernId={concernId} error={errors.concernId} onPick={pickConcern} />
    </Sheet>
  )
}

/** One of the resident's open concerns to link to the topic, or none. */
function LinkedConcernField({
  concerns,
  concernId,
  error,
  onPick,
}: {
  concerns: readonly LinkableConcern[]
  concernId?: string
  error?: string
  onPick: (c: LinkableConcern | null) => void
}) {
  return (
    <View className='sheet-field' data-testid='topic-concerns'>
      <Text className='sheet-field__label'>{t.session.topicConcern}</Text>
      <Text className='sheet-field__hint'>{t.session.topicConcernHint}</Text>
      {concerns.length === 0 ? (
        <Text className='sheet-field__hint'>{t.session.topicConcernEmpty}</Text>
      ) : (
        <>
          <Option selected={!concernId} title={t.session.topicConcernNone} onClick={() => onPick(null)} testId='topic-concern-none' />
          {concerns.map((c) => (
            <Option
              key={c.id}
              selected={concernId === c.id}
              title={c.excerpt}
              desc={`${c.publicNo} · ${c.categoryLabel}`}
              onClick={() => onPick(c)}
              testId='topic-concern'
              publicNo={c.publicNo}
            />
          ))}
        </>
      )}
      {error ? <ErrorLine text={error} /> : null}
    </View>
  )
}

function Option(props: { selected: boolean; title: string; desc?: string; onClick: () => void; testId: string; publicNo?: string }) {
  return (
    <View
      className={cx('option-row', props.selected && 'option-row--selected')}
      hoverClass='cell--hover'
      onClick={props.onClick}
      data-testid={props.testId}
      data-public-no={props.publicNo}
      {...a11y({ role: 'button', pressed: props.selected })}
    >
      <View className='option-row__body'>
        <Text className='option-row__title'>{props.title}</Text>
        {props.desc ? <Text className='option-row__desc option-row__no'>{props.desc}</Text> : null}
      </View>
      {props.selected ? <Icon name='checkCircle' size={44} color={colors.brand} /> : null}
    </View>
  )
}
