import { type SessionKind, sessionKindInfo } from '@domain/councils/kinds.js'
import { weekdayLabels } from '@domain/councils/labels.js'
import { SESSION_TITLE_MIN, VENUE_MIN } from '@domain/limits.js'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { type RuleBody, useCreateRule } from '@/features/councils/api/create-rule'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'

export type Freq = 'monthly' | 'weekly'
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7
export type Nth = 1 | 2 | 3 | 4 | -1
export type Field = 'title' | 'venue' | 'schedule'
export type Errors = Partial<Record<Field, string>>

export interface RuleForm {
  kind: SessionKind
  title: string
  freq: Freq
  /** Monthly: the nth weekday of the month (-1: the last). */
  nth: Nth
  weekday: Weekday
  /** Weekly: the days of the week. */
  days: Weekday[]
  time: string
  duration: number
  venue: string
  capacity: number
  slots: number
  lead: number
}

/** Changes some fields and clears the error of the field named in `clear`. */
export type SetRule = (next: Partial<RuleForm>, clear?: Field) => void

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0]
  if (head === 'title' || head === 'venue' || head === 'onlineUrl') return head === 'onlineUrl' ? 'venue' : head
  if (head === 'schedule') return 'schedule'
  return null
}

const initial: RuleForm = {
  kind: 'monthly_council',
  title: sessionKindInfo.monthly_council.label,
  freq: 'monthly',
  nth: 2,
  weekday: 5,
  days: [3],
  time: '19:00',
  duration: sessionKindInfo.monthly_council.defaultDurationMinutes,
  venue: '',
  capacity: sessionKindInfo.monthly_council.defaultCapacity,
  slots: sessionKindInfo.monthly_council.defaultAgendaSlots,
  lead: sessionKindInfo.monthly_council.defaultBookingLeadHours,
}

/** The rule form's state and submit: a kind brings its defaults, the schedule reads back as a sentence. */
export function useRuleForm() {
  const router = useRouter()
  const communityId = router.params.communityId || undefined
  const [form, setForm] = useState<RuleForm>(initial)
  const [errors, setErrors] = useState<Errors>({})
  const create = useCreateRule()

  const set: SetRule = (next, clear) => {
    setForm((f) => ({ ...f, ...next }))
    if (clear) setErrors((x) => ({ ...x, [clear]: undefined }))
  }

  /** Another kind: its usual frequency, length, seats, slots and booking lead; its name unless a title was written. */
  function pickKind(k: SessionKind) {
    const info = sessionKindInfo[k]
    setForm((f) => ({
      ...f,
      title: !f.title.trim() || f.title === sessionKindInfo[f.kind].label ? info.label : f.title,
      kind: k,
      freq: k === 'weekly_forum' ? 'weekly' : 'monthly',
      duration: info.defaultDurationMinutes,
      capacity: info.defaultCapacity,
      slots: info.defaultAgendaSlots,
      lead: info.defaultBookingLeadHours,
    }))
  }

  const { freq, nth, weekday, days, time, duration } = form
  const preview =
    freq === 'monthly'
      ? t.rules.previewMonthly(t.rules.nthLabels[nth], weekdayLabels[weekday], time)
      : t.rules.previewWeekly(
          [...days].sort((a, b) => a - b).map((d) => weekdayLabels[d]),
          time,
        )

  async function submit() {
    if (!communityId) return
    const { kind, title, venue, capacity, slots, lead } = form
    const out: Errors = {}
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

  return { communityId, form, errors, set, pickKind, preview, submit, busy: create.loading }
}
