import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { MAX_AGENDA_SLOTS, MAX_TOPIC_MINUTES } from '@domain/councils/lifecycle.js'
import { DECLINE_REASON_MAX, DECLINE_REASON_MIN } from '@domain/limits.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Sheet } from '@/components/sheet'
import { SkeletonList } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { cx } from '@/lib/format'
import type { TopicData } from '../api/book-topic'
import { useDecideTopic } from '../api/decide-topic'
import type { SessionDetailData } from '../api/get-session'
import { useSessions } from '../api/get-sessions'
import { sessionWhen } from '../format'
import { ErrorLine } from '@/components/form-field'
import { ReasonSheet } from './reason-sheet'
import { Stepper } from './stepper'
import './sheets.scss'

export type TopicDecision = 'accept' | 'defer' | 'decline'

export interface TopicDecisionSheetProps {
  session: SessionDetailData
  topic: TopicData
  decision: TopicDecision
  onClose: () => void
  onDone: () => void
}

/** Staff decide a topic: onto the agenda (place and minutes), to a later session, or declined with a reason. */
export function TopicDecisionSheet({ session, topic, decision, onClose, onDone }: TopicDecisionSheetProps) {
  const decide = useDecideTopic()
  const [error, setError] = useState<string>()
  const [order, setOrder] = useState(Math.min(session.agenda.length + 1, session.agendaSlots))
  const [minutes, setMinutes] = useState(20)
  const [target, setTarget] = useState<string>()
  const [answer, setAnswer] = useState('')

  async function send(body: Parameters<typeof decide.mutateAsync>[0]['body']) {
    try {
      await decide.mutateAsync({ topicId: topic.id, body })
      void Taro.showToast({ title: t.staffSession.decided[body.action], icon: 'success' })
      onDone()
    } catch (err) {
      if (err instanceof ApiError) setError(err.message)
    }
  }

  if (decision === 'decline') {
    return (
      <ReasonSheet
        testId='decision-sheet'
        title={t.staffSession.declineTitle}
        desc={topic.title}
        label={t.staffSession.declineReason}
        placeholder={t.staffSession.declinePlaceholder}
        min={DECLINE_REASON_MIN}
        max={DECLINE_REASON_MAX}
        tooShort={t.staffSession.declineTooShort(DECLINE_REASON_MIN)}
        submitLabel={`${t.common.confirm}${t.staffSession.decline}`}
        busy={decide.loading}
        error={error}
        onClose={onClose}
        onSubmit={(reason) => void send({ action: 'decline', reason })}
      />
    )
  }

  const submit = () => {
    // The written answer to the proposer is optional here (a decline's reason is its answer).
    const written = answer.trim() ? answer.trim() : undefined
    if (decision === 'accept') return void send({ action: 'accept', order, minutes, answer: written })
    if (!target) return setError(t.staffSession.deferPick)
    void send({ action: 'defer', targetSessionId: target, answer: written })
  }

  return (
    <Sheet
      title={decision === 'accept' ? t.staffSession.acceptTitle : t.staffSession.deferTitle}
      desc={topic.title}
      onClose={onClose}
      testId='decision-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='decision-submit'
          disabled={decide.loading}
          onClick={submit}
        >
          {decide.loading
            ? t.common.submitting
            : `${t.common.confirm}${decision === 'accept' ? t.staffSession.accept : t.staffSession.defer}`}
        </Button>
      }
    >
      <View data-decision={decision}>
        {decision === 'accept' ? (
          <>
            <View className='sheet-field'>
              <Text className='sheet-field__label'>{t.staffSession.order}</Text>
              <Stepper
                value={order}
                onChange={setOrder}
                min={1}
                max={Math.min(MAX_AGENDA_SLOTS, session.agendaSlots)}
                testId='accept-order'
              />
            </View>
            <View className='sheet-field'>
              <Text className='sheet-field__label'>{t.staffSession.minutes}</Text>
              <Stepper
                value={minutes}
                onChange={setMinutes}
                min={5}
                max={MAX_TOPIC_MINUTES}
                step={5}
                unit={t.sessionForm.minutes}
                testId='accept-minutes'
              />
            </View>
          </>
        ) : (
          <DeferTargets
            session={session}
            value={target}
            onChange={(id) => {
              setTarget(id)
              setError(undefined)
            }}
          />
        )}
        <View className='sheet-field'>
          <Text className='sheet-field__label'>{t.staffSession.answer}</Text>
          <Textarea
            className='textarea textarea--short'
            data-testid='decision-answer'
            value={answer}
            maxlength={DECLINE_REASON_MAX}
            fixed
            placeholder={t.staffSession.answerPlaceholder}
            placeholderClass='textarea__placeholder'
            onInput={(e) => setAnswer(e.detail.value)}
          />
        </View>
        {error ? <ErrorLine text={error} /> : null}
      </View>
    </Sheet>
  )
}

function DeferTargets(props: { session: SessionDetailData; value: string | undefined; onChange: (id: string) => void }) {
  const list = useSessions(props.session.communityId, 'upcoming')
  const targets = list.items.filter(
    (s) => s.id !== props.session.id && Date.parse(s.startsAt) > Date.parse(props.session.startsAt) && s.status !== 'cancelled',
  )
  if (list.loading) return <SkeletonList count={2} lines={1} />
  if (list.error && list.items.length === 0) return <ErrorState compact error={list.error} onRetry={() => void list.refetch()} />
  if (targets.length === 0) return <EmptyState compact icon='calendar' text={t.staffSession.deferEmpty} />
  return (
    <View data-testid='defer-options'>
      {targets.map((s) => (
        <View
          key={s.id}
          className={cx('option-row', props.value === s.id && 'option-row--selected')}
          hoverClass='cell--hover'
          onClick={() => props.onChange(s.id)}
          data-testid='defer-option'
          data-session-id={s.id}
          {...a11y({ role: 'button', pressed: props.value === s.id })}
        >
          <View className='option-row__body'>
            <Text className='option-row__title'>{s.title}</Text>
            <Text className='option-row__desc'>
              {s.kindLabel} · {sessionWhen(s.startsAt, s.endsAt)}
            </Text>
          </View>
          {props.value === s.id ? <Icon name='checkCircle' size={44} color={colors.brand} /> : null}
        </View>
      ))}
    </View>
  )
}
