import { View, Text, Button, Input, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { sessionKindInfo, sessionKinds, type SessionKind } from '@domain/councils/kinds.js'
import { weekdayLabels } from '@domain/councils/labels.js'
import { MAX_AGENDA_SLOTS } from '@domain/councils/lifecycle.js'
import { SESSION_TITLE_MAX, SESSION_TITLE_MIN, VENUE_MAX, VENUE_MIN } from '@domain/limits.js'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { useCreateRule, type RuleBody } from '@/features/councils/api/create-rule'
import { FormField } from '@/components/form-field'
import { PickerValue } from '@/components/picker-value'
import { Stepper } from '@/features/councils/components/stepper'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { cx } from '@/lib/format'
import '../../shell.scss'
import '../session-form/index.scss'

type Freq = 'monthly' | 'weekly'
type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7
type Nth = 1 | 2 | 3 | 4 | -1
type Field = 'title' | 'venue' | 'schedule'

const weekdays = ([1, 2, 3, 4, 5, 6, 7] as const).map((d) => ({ key: String(d), label: weekdayLabels[d] }))
const nths = ([1, 2, 3, 4, -1] as const).map((n) => ({ key: String(n), label: t.rules.nthLabels[n] }))
const durations = [60, 90, 120, 150, 180].map((n) => ({ key: String(n), label: t.rules.durationMinutes(n) }))
const leads = [24, 48, 72, 168].map((h) => ({ key: String(h), label: t.rules.leadHours(h) }))

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0]
  if (head === 'title' || head === 'venue' || head === 'onlineUrl') return head === 'onlineUrl' ? 'venue' : head
  if (head === 'schedule') return 'schedule'
  return null
}

/** 新建固定安排: 每月第二个周五 19:00 每月一议, 每周三 19:30 邻里事周议 … The next eight weeks are scheduled at once. */
export default function RuleFormPage() {
  const router = useRouter()
  const communityId = router.params.communityId || undefined
  const [kind, setKind] = useState<SessionKind>('monthly_council')
  const [title, setTitle] = useState(sessionKindInfo.monthly_council.label)
  const [freq, setFreq] = useState<Freq>('monthly')
  const [nth, setNth] = useState<Nth>(2)
  const [weekday, setWeekday] = useState<Weekday>(5)
  const [days, setDays] = useState<Weekday[]>([3])
  const [time, setTime] = useState('19:00')
  const [duration, setDuration] = useState(sessionKindInfo.monthly_council.defaultDurationMinutes)
  const [venue, setVenue] = useState('')
  const [capacity, setCapacity] = useState(sessionKindInfo.monthly_council.defaultCapacity)
  const [slots, setSlots] = useState(sessionKindInfo.monthly_council.defaultAgendaSlots)
  const [lead, setLead] = useState(sessionKindInfo.monthly_council.defaultBookingLeadHours)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const create = useCreateRule()

  function pickKind(k: SessionKind) {
    const info = sessionKindInfo[k]
    if (!title.trim() || title === sessionKindInfo[kind].label) setTitle(info.label)
    setKind(k)
    setFreq(k === 'weekly_forum' ? 'weekly' : 'monthly')
    setDuration(info.defaultDurationMinutes)
    setCapacity(info.defaultCapacity)
    setSlots(info.defaultAgendaSlots)
    setLead(info.defaultBookingLeadHours)
  }

  const preview =
    freq === 'monthly'
      ? t.rules.previewMonthly(t.rules.nthLabels[nth], weekdayLabels[weekday], time)
      : t.rules.previewWeekly(
          [...days].sort((a, b) => a - b).map((d) => weekdayLabels[d]),
          time,
        )

  async function submit() {
    if (!communityId) return
    const out: Partial<Record<Field, string>> = {}
    if (title.trim().length < SESSION_TITLE_MIN) out.title = t.sessionForm.errors.title(SESSION_TITLE_MIN)
    if (venue.trim().length < VENUE_MIN) out.venue = t.sessionForm.errors.venue(VENUE_MIN)
    if (freq === 'weekly' && days.length === 0) out.schedule = t.sessionForm.errors.weekdays
    if (Object.keys(out).length > 0) return setErrors(out)
    const schedule: RuleBody['schedule'] =
      freq === 'monthly'
        ? { freq, nth, weekday, time, durationMinutes: duration }
        : { freq, weekdays: days, time, durationMinutes: duration }
    try {
      await create.mutateAsync({
        communityId,
        body: { kind, title: title.trim(), venue: venue.trim(), capacity, agendaSlots: slots, bookingLeadHours: lead, schedule },
      })
      void Taro.showToast({ title: t.rules.created, icon: 'none' })
      setTimeout(() => void Taro.navigateBack(), 600)
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  if (!communityId) {
    return (
      <Screen testId='page-rule-form'>
        <EmptyState icon='alert' text={t.workbench.notStaff} />
      </Screen>
    )
  }

  return (
    <Screen testId='page-rule-form' className='staff session-form'>
      <FormField label={t.sessionForm.kind}>
        <Chips
          items={sessionKinds.map((k) => ({ key: k, label: sessionKindInfo[k].label }))}
          value={kind}
          onChange={pickKind}
          testIdPrefix='rule-kind'
        />
      </FormField>
      <FormField label={t.sessionForm.title} error={errors.title}>
        <Input
          className='text-input'
          data-testid='rule-title-input'
          value={title}
          maxlength={SESSION_TITLE_MAX}
          onInput={(e) => {
            setTitle(e.detail.value)
            setErrors((x) => ({ ...x, title: undefined }))
          }}
        />
      </FormField>
      <FormField label={t.rules.preview}>
        <View className='rule-preview' data-testid='rule-preview'>
          <Icon name='repeat' size={40} color={colors.brand} />
          <Text className='rule-preview__text'>{preview}</Text>
        </View>
      </FormField>
      <FormField label={t.rules.schedule} error={errors.schedule}>
        <Segmented
          items={[
            { key: 'monthly' as Freq, label: t.rules.freq.monthly },
            { key: 'weekly' as Freq, label: t.rules.freq.weekly },
          ]}
          value={freq}
          onChange={setFreq}
          testIdPrefix='freq'
        />
        {freq === 'monthly' ? (
          <>
            <Text className='session-form__sublabel session-form__sublabel--gap'>{t.rules.nth}</Text>
            <Chips items={nths} value={String(nth)} onChange={(k) => setNth(Number(k) as Nth)} testIdPrefix='nth' />
            <Text className='session-form__sublabel session-form__sublabel--gap'>{t.rules.weekday}</Text>
            <Chips items={weekdays} value={String(weekday)} onChange={(k) => setWeekday(Number(k) as Weekday)} testIdPrefix='weekday' />
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
                    onClick={() => {
                      setDays(on ? days.filter((x) => x !== n) : [...days, n])
                      setErrors((x) => ({ ...x, schedule: undefined }))
                    }}
                    {...a11y({ role: 'button', selected: on })}
                  >
                    <Text>{d.label}</Text>
                  </View>
                )
              })}
            </View>
          </>
        )}
        <Text className='session-form__sublabel session-form__sublabel--gap'>{t.rules.time}</Text>
        <Picker mode='time' value={time} onChange={(e) => setTime(String(e.detail.value))}>
          <PickerValue icon='clock' text={time} testId='rule-time' />
        </Picker>
        <Text className='session-form__sublabel session-form__sublabel--gap'>{t.rules.duration}</Text>
        <Chips items={durations} value={String(duration)} onChange={(k) => setDuration(Number(k))} testIdPrefix='duration' />
      </FormField>
      <FormField label={t.sessionForm.place} error={errors.venue}>
        <Input
          className='text-input'
          data-testid='rule-venue-input'
          value={venue}
          maxlength={VENUE_MAX}
          placeholder={t.sessionForm.venuePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            setVenue(e.detail.value)
            setErrors((x) => ({ ...x, venue: undefined }))
          }}
        />
      </FormField>
      <FormField label={t.sessionForm.capacity}>
        <Stepper value={capacity} onChange={setCapacity} min={1} max={2000} step={5} unit={t.sessionForm.people} editable />
      </FormField>
      <FormField label={t.sessionForm.slots}>
        <Stepper value={slots} onChange={setSlots} min={1} max={MAX_AGENDA_SLOTS} unit={t.sessionForm.items} />
      </FormField>
      <FormField label={t.rules.lead}>
        <Chips items={leads} value={String(lead)} onChange={(k) => setLead(Number(k))} testIdPrefix='lead' />
      </FormField>
      <View className='session-form__bar'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='rule-submit'
          disabled={create.loading}
          onClick={() => void submit()}
        >
          {create.loading ? t.common.submitting : t.rules.submit}
        </Button>
      </View>
    </Screen>
  )
}
