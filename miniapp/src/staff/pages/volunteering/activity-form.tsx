import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CAPACITY_MAX, HOURS_MAX, HOURS_STEP } from '@domain/volunteering/rules.js'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { PickerValue } from '@/components/picker-value'
import { Stepper } from '@/features/councils/components/stepper'
import { createActivity, refreshVolunteering } from '@/features/volunteering/api/volunteering'
import { t } from '@/i18n/zh-cn'
import { nativeA11y } from '@/lib/a11y'
import type { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { chinaDate, chinaIso } from '@/lib/china-date'
import { useFieldErrors } from '@/lib/use-field-errors'

const f = t.volunteering.form
type Field = 'title' | 'place' | 'organiser' | 'startsAt' | 'endsAt' | 'capacity' | 'hours' | 'description'
const fields: Field[] = ['title', 'place', 'organiser', 'startsAt', 'endsAt', 'capacity', 'hours', 'description']

const blank = () => ({
  title: '',
  place: '',
  organiser: '',
  description: '',
  date: chinaDate(new Date(Date.now() + 2 * 86_400_000).toISOString()),
  start: '09:00',
  end: '11:00',
  capacity: 10,
  hours: 2,
})

function TextField(props: {
  name: Field
  label: string
  hint?: string
  value: string
  error?: string
  placeholder?: string
  max: number
  onInput: (v: string) => void
}) {
  return (
    <FormField name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <Input
        className='text-input'
        value={props.value}
        maxlength={props.max}
        placeholder={props.placeholder}
        placeholderClass='textarea__placeholder'
        data-testid={`vol-input-${props.name}`}
        onInput={(e) => props.onInput(e.detail.value)}
        {...nativeA11y({ label: props.label })}
      />
    </FormField>
  )
}

/** 发布志愿活动: name, place, organiser, day and times (China time), places, hours credited, what it is. */
export function ActivityForm({ communityId }: { communityId: string }) {
  const { form, errors, busy, patch, submit } = useActivityForm(communityId)
  return (
    <View className='points-form' data-testid='vol-form'>
      <TextField
        name='title'
        label={f.title}
        placeholder={f.titlePlaceholder}
        max={40}
        value={form.title}
        error={errors.title}
        onInput={(v) => patch({ title: v }, 'title')}
      />
      <TextField
        name='place'
        label={f.place}
        placeholder={f.placePlaceholder}
        max={60}
        value={form.place}
        error={errors.place}
        onInput={(v) => patch({ place: v }, 'place')}
      />
      <TextField
        name='organiser'
        label={f.organiser}
        hint={f.organiserHint}
        max={40}
        value={form.organiser}
        error={errors.organiser}
        onInput={(v) => patch({ organiser: v }, 'organiser')}
      />
      <FormField name='startsAt' label={f.date} error={errors.startsAt ?? errors.endsAt}>
        <Picker
          mode='date'
          value={form.date}
          start={chinaDate(new Date().toISOString())}
          onChange={(e) => patch({ date: String(e.detail.value) }, 'startsAt')}
        >
          <PickerValue icon='calendar' text={form.date} testId='vol-date' />
        </Picker>
        <View className='vol-roster__controls vol-form__times'>
          <Text>{f.start}</Text>
          <Picker mode='time' value={form.start} onChange={(e) => patch({ start: String(e.detail.value) }, 'startsAt')}>
            <PickerValue icon='clock' text={form.start} testId='vol-start' />
          </Picker>
          <Text>{f.end}</Text>
          <Picker mode='time' value={form.end} onChange={(e) => patch({ end: String(e.detail.value) }, 'endsAt')}>
            <PickerValue icon='clock' text={form.end} testId='vol-end' />
          </Picker>
        </View>
      </FormField>
      <FormField name='capacity' label={f.capacity} error={errors.capacity}>
        <Stepper
          value={form.capacity}
          min={1}
          max={CAPACITY_MAX}
          editable
          label={f.capacity}
          testId='vol-capacity'
          onChange={(n) => patch({ capacity: n }, 'capacity')}
        />
      </FormField>
      <FormField name='hours' label={f.hours} hint={f.hoursHint} error={errors.hours}>
        <Stepper
          value={form.hours}
          min={HOURS_STEP}
          max={HOURS_MAX}
          step={HOURS_STEP}
          label={f.hours}
          testId='vol-hours'
          onChange={(n) => patch({ hours: n }, 'hours')}
        />
      </FormField>
      <FormField name='description' label={f.description} hint={f.descriptionHint} error={errors.description}>
        <Textarea
          className='textarea'
          value={form.description}
          maxlength={1000}
          autoHeight
          data-testid='vol-input-description'
          onInput={(e) => patch({ description: e.detail.value }, 'description')}
          {...nativeA11y({ label: f.description })}
        />
      </FormField>
      <Button
        className='btn btn--primary btn--block'
        hoverClass='btn--hover'
        loading={busy}
        onClick={() => void submit()}
        data-testid='vol-submit'
      >
        {f.submit}
      </Button>
    </View>
  )
}

/** The form's state, its field errors from the server, and sending it. */
function useActivityForm(communityId: string) {
  const [form, setForm] = useState(blank)
  const [busy, setBusy] = useState(false)
  const { errors, setErrors, clearError } = useFieldErrors<Field>({ field: 'title', state: '' })
  const patch = (p: Partial<ReturnType<typeof blank>>, field: Field) => {
    setForm((x) => ({ ...x, ...p }))
    clearError(field)
  }
  async function submit() {
    setBusy(true)
    try {
      await createActivity({
        communityId,
        form: {
          title: form.title,
          place: form.place,
          organiser: form.organiser || undefined,
          description: form.description || undefined,
          startsAt: chinaIso(form.date, form.start),
          endsAt: chinaIso(form.date, form.end),
          capacity: form.capacity,
          hours: form.hours,
        },
      })
      refreshVolunteering()
      setForm(blank())
      setErrors({})
      void Taro.showToast({ title: f.created, icon: 'success' })
    } catch (err) {
      const e = err as ApiError
      const found = fieldErrorsOf<Field>(e, (p) => fields.find((x) => p === x || p.startsWith(`${x}.`)) ?? null)
      setErrors(Object.keys(found).length ? found : { title: e.message })
    } finally {
      setBusy(false)
    }
  }
  return { form, errors, busy, patch, submit }
}
