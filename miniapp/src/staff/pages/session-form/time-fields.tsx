import { Picker, Text, View } from '@tarojs/components'
import { FormField } from '@/components/form-field'
import { PickerValue } from '@/components/picker-value'
import { t } from '@/i18n/zh-cn'
import { chinaDate } from '@/lib/china-date'
import type { SectionProps } from './use-session-form'

/** The day of the session, from today on, and its start and end times. */
export function WhenField({ form, errors, patch }: SectionProps) {
  return (
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
  )
}

/** Until when residents may book a topic: a day and a time. */
export function DeadlineField({ form, errors, patch }: SectionProps) {
  return (
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
  )
}
