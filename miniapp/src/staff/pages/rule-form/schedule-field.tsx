import { Picker, Text, View } from '@tarojs/components'
import { weekdayLabels } from '@domain/councils/labels.js'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { PickerValue } from '@/components/picker-value'
import { Segmented } from '@/components/segmented'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import type { Freq, Nth, RuleForm, SetRule, Weekday } from './use-rule-form'

const weekdays = ([1, 2, 3, 4, 5, 6, 7] as const).map((d) => ({ key: String(d), label: weekdayLabels[d] }))
const nths = ([1, 2, 3, 4, -1] as const).map((n) => ({ key: String(n), label: t.rules.nthLabels[n] }))
const durations = [60, 90, 120, 150, 180].map((n) => ({ key: String(n), label: t.rules.durationMinutes(n) }))

/** When the sessions recur: monthly (the nth weekday) or weekly (some days), at a time, for a length. */
export function ScheduleField({ form, error, set }: { form: RuleForm; error?: string; set: SetRule }) {
  const { freq, nth, weekday, days, time, duration } = form
  return (
    <FormField label={t.rules.schedule} error={error}>
      <Segmented
        items={[
          { key: 'monthly' as Freq, label: t.rules.freq.monthly },
          { key: 'weekly' as Freq, label: t.rules.freq.weekly },
        ]}
        value={freq}
        onChange={(f) => set({ freq: f })}
        testIdPrefix='freq'
      />
      {freq === 'monthly' ? (
        <>
          <Text className='session-form__sublabel session-form__sublabel--gap'>{t.rules.nth}</Text>
          <Chips items={nths} value={String(nth)} onChange={(k) => set({ nth: Number(k) as Nth })} testIdPrefix='nth' />
          <Text className='session-form__sublabel session-form__sublabel--gap'>{t.rules.weekday}</Text>
          <Chips items={weekdays} value={String(weekday)} onChange={(k) => set({ weekday: Number(k) as Weekday })} testIdPrefix='weekday' />
        </>
      ) : (
        <>
          <Text className='session-form__sublabel session-form__sublabel--gap'>{t.rules.weekdays}</Text>
          <View className='chips'>
            {weekdays.map((d) => {
              const n = Number(d.key) as Weekday
              const on = days.includes(n)
              return (
                <View
                  key={d.key}
                  className={cx('chip', on && 'chip--active')}
                  hoverClass='chip--hover'
                  data-testid={`weekdays-${d.key}`}
                  onClick={() => set({ days: on ? days.filter((x) => x !== n) : [...days, n] }, 'schedule')}
                  {...a11y({ role: 'button', pressed: on })}
                >
                  <Text>{d.label}</Text>
                </View>
              )
            })}
          </View>
        </>
      )}
      <Text className='session-form__sublabel session-form__sublabel--gap'>{t.rules.time}</Text>
      <Picker mode='time' value={time} onChange={(e) => set({ time: String(e.detail.value) })}>
        <PickerValue icon='clock' text={time} testId='rule-time' />
      </Picker>
      <Text className='session-form__sublabel session-form__sublabel--gap'>{t.rules.duration}</Text>
      <Chips items={durations} value={String(duration)} onChange={(k) => set({ duration: Number(k) })} testIdPrefix='duration' />
    </FormField>
  )
}
