import { View, Text, Button, Input, Textarea, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { invitedPartyKinds, invitedPartyLabels, sessionKindInfo, sessionKinds } from '@domain/councils/kinds.js'
import { MAX_AGENDA_SLOTS } from '@domain/councils/lifecycle.js'
import { ONLINE_URL_MAX, ORG_NAME_MAX, SESSION_DESCRIPTION_MAX, SESSION_TITLE_MAX, VENUE_MAX } from '@domain/limits.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useCreateSession } from '@/features/councils/api/create-session'
import { useEditSession } from '@/features/councils/api/edit-session'
import { useSession } from '@/features/councils/api/get-session'
import { FormField } from '@/components/form-field'
import { PickerValue } from '@/components/picker-value'
import { kindIcon } from '@/features/councils/components/session-tags'
import { Stepper } from '@/features/councils/components/stepper'
import { chinaDate } from '@/lib/china-date'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { cx } from '@/lib/format'
import { routes, withQuery } from '@/lib/routes'
import { check, defaultsFor, type Errors, type Field, fieldOf, fromSession, type SessionForm, toBody, withKind } from './session-form'
import '../../shell.scss'
import './index.scss'

/** 安排议事会 (one-off) or 修改议事会: kind, title, time, place, seats, topic slots, booking deadline, invited parties. */
export default function SessionFormPage() {
  const router = useRouter()
  const id = router.params.id || undefined
  const communityId = router.params.communityId || undefined
  const existing = useSession(id)
  const [form, setForm] = useState<SessionForm>(() => defaultsFor('monthly_council', sessionKindInfo.monthly_council.label))
  const [ready, setReady] = useState(!id)
  const [errors, setErrors] = useState<Errors>({})
  const create = useCreateSession()
  const edit = useEditSession()
  const busy = create.loading || edit.loading

  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: t.titles.sessionEdit })
  }, [id])
  useEffect(() => {
    if (!ready && existing.data) {
      setForm(fromSession(existing.data))
      setReady(true)
    }
  }, [ready, existing.data])

  const patch = (next: Partial<SessionForm>, clear: Field[] = []) => {
    setForm((f) => ({ ...f, ...next }))
    if (clear.length) setErrors((e) => ({ ...e, ...Object.fromEntries(clear.map((c) => [c, undefined])) }))
  }

  async function submit() {
    const invalid = check(form)
    if (Object.keys(invalid).length > 0) {
      setErrors(invalid)
      void Taro.showToast({ title: t.sessionForm.fixFields, icon: 'none' })
      return
    }
    try {
      if (id) {
        await edit.mutateAsync({ sessionId: id, body: toBody(form) })
        void Taro.showToast({ title: t.sessionForm.saved, icon: 'success' })
        setTimeout(() => void Taro.navigateBack(), 500)
      } else if (communityId) {
        const created = await create.mutateAsync({ communityId, body: toBody(form) })
        void Taro.showToast({ title: t.sessionForm.created, icon: 'none' })
        void Taro.redirectTo({ url: withQuery(routes.staffSession, { id: created.id }) })
      }
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  if (id && !ready) {
    return (
      <Screen testId='page-session-form'>
        {existing.error ? (
          <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />
        ) : (
          <SkeletonList count={3} lines={2} />
        )}
      </Screen>
    )
  }
  if (!id && !communityId) {
    return (
      <Screen testId='page-session-form'>
        <EmptyState icon='alert' text={t.workbench.notStaff} />
      </Screen>
    )
  }

  return (
    <Screen testId='page-session-form' className='staff session-form'>
      <FormField label={t.sessionForm.kind}>
        <View className='kind-options' data-testid='kind-options'>
          {sessionKinds.map((k) => (
            <View
              key={k}
              className={cx('kind-option', form.kind === k && 'kind-option--selected')}
              hoverClass='cell--hover'
              data-testid={`form-kind-${k}`}
              onClick={() => {
                if (form.kind === k) return
                const label = sessionKindInfo[form.kind].label
                setForm((f) => withKind({ ...f, title: !f.title.trim() || f.title === label ? sessionKindInfo[k].label : f.title }, k))
              }}
              {...a11y({ role: 'button', selected: form.kind === k })}
            >
              <Icon name={kindIcon(k)} size={44} color={form.kind === k ? colors.brand : colors.info} />
              <Text className='kind-option__label'>{sessionKindInfo[k].label}</Text>
            </View>
          ))}
        </View>
        <Text className='session-form__note'>{sessionKindInfo[form.kind].description}</Text>
      </FormField>

      <FormField label={t.sessionForm.title} error={errors.title} name='title'>
        <Input
          className='text-input'
          data-testid='session-title-input'
          value={form.title}
          maxlength={SESSION_TITLE_MAX}
          placeholder={t.sessionForm.titlePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => patch({ title: e.detail.value }, ['title'])}
        />
      </FormField>

      <FormField label={t.sessionForm.date} error={errors.startsAt ?? errors.endsAt} name='startsAt'>
        <Picker
          mode='date'
          value={form.date}
          start={chinaDate(new Date().toISOString())}
          onChange={(e) => patch({ date: String(e.detail.value) }, ['startsAt'])}
        >
          <PickerValue icon='calendar' text={form.date} testId='session-date' />
        </Picker>
        <View className='session-form__row'>
          <View className='session-form__half'>
            <Text className='session-form__sublabel'>{t.sessionForm.start}</Text>
            <Picker mode='time' value={form.start} onChange={(e) => patch({ start: String(e.detail.value) }, ['startsAt', 'endsAt'])}>
              <PickerValue icon='clock' text={form.start} testId='session-start' />
            </Picker>
          </View>
          <View className='session-form__half'>
            <Text className='session-form__sublabel'>{t.sessionForm.end}</Text>
            <Picker mode='time' value={form.end} onChange={(e) => patch({ end: String(e.detail.value) }, ['endsAt'])}>
              <PickerValue icon='clock' text={form.end} testId='session-end' />
            </Picker>
          </View>
        </View>
      </FormField>

      <FormField label={t.sessionForm.place} error={errors.venue ?? errors.onlineUrl} name='venue'>
        <Input
          className='text-input'
          data-testid='session-venue-input'
          value={form.venue}
          maxlength={VENUE_MAX}
          placeholder={t.sessionForm.venuePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => patch({ venue: e.detail.value }, ['venue'])}
        />
        <Text className='session-form__sublabel session-form__sublabel--gap'>{t.sessionForm.onlineUrl}</Text>
        <Input
          className='text-input'
          data-testid='session-online-input'
          value={form.onlineUrl}
          maxlength={ONLINE_URL_MAX}
          placeholder={t.sessionForm.onlinePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => patch({ onlineUrl: e.detail.value }, ['venue', 'onlineUrl'])}
        />
      </FormField>

      <FormField label={t.sessionForm.capacity} error={errors.capacity} name='capacity'>
        <Stepper
          value={form.capacity}
          onChange={(capacity) => patch({ capacity }, ['capacity'])}
          min={1}
          max={2000}
          step={5}
          unit={t.sessionForm.people}
          testId='session-capacity'
          editable
        />
      </FormField>

      <FormField label={t.sessionForm.slots} error={errors.agendaSlots} name='agendaSlots'>
        <Stepper
          value={form.agendaSlots}
          onChange={(agendaSlots) => patch({ agendaSlots }, ['agendaSlots'])}
          min={1}
          max={MAX_AGENDA_SLOTS}
          unit={t.sessionForm.items}
          testId='session-slots'
        />
      </FormField>

      <FormField label={t.sessionForm.deadline} hint={t.sessionForm.deadlineHint} error={errors.bookingDeadline} name='bookingDeadline'>
        <View className='session-form__row'>
          <View className='session-form__half'>
            <Picker
              mode='date'
              value={form.deadlineDate}
              onChange={(e) => patch({ deadlineDate: String(e.detail.value) }, ['bookingDeadline'])}
            >
              <PickerValue icon='calendar' text={form.deadlineDate} testId='session-deadline-date' />
            </Picker>
          </View>
          <View className='session-form__half'>
            <Picker
              mode='time'
              value={form.deadlineTime}
              onChange={(e) => patch({ deadlineTime: String(e.detail.value) }, ['bookingDeadline'])}
            >
              <PickerValue icon='clock' text={form.deadlineTime} testId='session-deadline-time' />
            </Picker>
          </View>
        </View>
      </FormField>

      <FormField label={t.sessionForm.invited} hint={t.sessionForm.invitedHint} error={errors.invitedParties} name='invitedParties'>
        <View className='chips'>
          {invitedPartyKinds.map((k) => {
            const on = form.invited.some((p) => p.kind === k)
            return (
              <View
                key={k}
                className={cx('chip', on && 'chip--active')}
                hoverClass='chip--hover'
                data-testid={`invite-${k}`}
                onClick={() =>
                  patch({ invited: on ? form.invited.filter((p) => p.kind !== k) : [...form.invited, { kind: k, name: '' }] }, [
                    'invitedParties',
                  ])
                }
                {...a11y({ role: 'button', selected: on })}
              >
                <Text>{invitedPartyLabels[k]}</Text>
              </View>
            )
          })}
        </View>
        {form.invited.map((p, i) => (
          <View key={p.kind} className='session-form__invite'>
            <Text className='session-form__sublabel'>{t.sessionForm.invitedName(invitedPartyLabels[p.kind])}</Text>
            <Input
              className='text-input'
              value={p.name}
              maxlength={ORG_NAME_MAX}
              placeholder={p.kind === 'property_company' ? t.sessionForm.propertyPlaceholder : ''}
              placeholderClass='textarea__placeholder'
              onInput={(e) => patch({ invited: form.invited.map((q, j) => (j === i ? { ...q, name: e.detail.value } : q)) })}
            />
          </View>
        ))}
      </FormField>

      <FormField label={t.sessionForm.description}>
        <Textarea
          className='textarea textarea--short'
          value={form.description}
          maxlength={SESSION_DESCRIPTION_MAX}
          placeholder={t.sessionForm.descriptionPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => patch({ description: e.detail.value })}
        />
      </FormField>

      <View className='session-form__bar'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='session-submit'
          disabled={busy}
          onClick={() => void submit()}
        >
          {busy ? t.common.submitting : id ? t.sessionForm.submitEdit : t.sessionForm.submitCreate}
        </Button>
      </View>
    </Screen>
  )
}
