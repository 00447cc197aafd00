import { type InvitedPartyKind, type SessionKind, sessionDefaults, sessionKindInfo } from '@domain/councils/kinds.js'
import { SESSION_TITLE_MIN } from '@domain/limits.js'
import type { SessionBody } from '@/features/councils/api/create-session'
import type { SessionDetailData } from '@/features/councils/api/get-session'
import { chinaClock, chinaDate, chinaIso } from '@/lib/china-date'
import { t } from '@/i18n/zh-cn'

/** The session form's rules, apart from the screen: its fields, defaults per kind, what it checks and sends. */

export type Field =
  | 'title'
  | 'startsAt'
  | 'endsAt'
  | 'venue'
  | 'onlineUrl'
  | 'capacity'
  | 'agendaSlots'
  | 'bookingDeadline'
  | 'invitedParties'
export type Errors = Partial<Record<Field, string>>

export interface SessionForm {
  kind: SessionKind
  title: string
  description: string
  date: string
  start: string
  end: string
  venue: string
  onlineUrl: string
  capacity: number
  agendaSlots: number
  deadlineDate: string
  deadlineTime: string
  invited: Array<{ kind: InvitedPartyKind; name: string }>
}

const DAY = 86_400_000
const fields: readonly Field[] = [
  'title',
  'startsAt',
  'endsAt',
  'venue',
  'onlineUrl',
  'capacity',
  'agendaSlots',
  'bookingDeadline',
  'invitedParties',
]

/** Which form field a server-side validation path belongs to. */
export function fieldOf(path: string): Field | null {
  const head = path.split('.')[0] as Field
  return fields.includes(head) ? head : null
}

/** The form for a new session of `kind`: a week from today at 19:00, the kind's usual length, seats and slots. */
export function defaultsFor(kind: SessionKind, title = '', now: number = Date.now()): SessionForm {
  const day = chinaDate(new Date(now + 7 * DAY).toISOString())
  return withKind(
    {
      kind,
      title,
      description: '',
      date: day,
      start: '19:00',
      end: '',
      venue: '',
      onlineUrl: '',
      capacity: 0,
      agendaSlots: 0,
      deadlineDate: '',
      deadlineTime: '',
      invited: [],
    },
    kind,
  )
}

/** The kind's defaults applied to a form: end, booking deadline, seats, slots, the parties section. */
export function withKind(form: SessionForm, kind: SessionKind): SessionForm {
  const startsAt = new Date(chinaIso(form.date, form.start))
  const d = sessionDefaults(kind, startsAt)
  return {
    ...form,
    kind,
    end: chinaClock(d.endsAt.toISOString()),
    capacity: d.capacity,
    agendaSlots: d.agendaSlots,
    deadlineDate: chinaDate(d.bookingDeadline.toISOString()),
    deadlineTime: chinaClock(d.bookingDeadline.toISOString()),
    invited: sessionKindInfo[kind].invitesParties && form.invited.length === 0 ? [{ kind: 'property_company', name: '' }] : form.invited,
  }
}

/** An existing session, as the form edits it. */
export function fromSession(s: SessionDetailData): SessionForm {
  return {
    kind: s.kind,
    title: s.title,
    description: s.description ?? '',
    date: chinaDate(s.startsAt),
    start: chinaClock(s.startsAt),
    end: chinaClock(s.endsAt),
    venue: s.venue ?? '',
    onlineUrl: s.onlineUrl ?? '',
    capacity: s.capacity,
    agendaSlots: s.agendaSlots,
    deadlineDate: chinaDate(s.bookingDeadline),
    deadlineTime: chinaClock(s.bookingDeadline),
    invited: s.invitedParties.map((p) => ({ kind: p.kind, name: p.name ?? '' })),
  }
}

/** The body of POST /communities/:id/sessions (and of PATCH /sessions/:id). */
export function toBody(f: SessionForm): SessionBody {
  const startsAt = chinaIso(f.date, f.start)
  // An end before the start is the next day (a session past midnight).
  let endsAt = chinaIso(f.date, f.end)
  if (Date.parse(endsAt) <= Date.parse(startsAt)) endsAt = new Date(Date.parse(endsAt) + DAY).toISOString()
  return {
    kind: f.kind,
    title: f.title.trim(),
    description: f.description.trim() || undefined,
    startsAt,
    endsAt,
    venue: f.venue.trim() || undefined,
    onlineUrl: f.onlineUrl.trim() || undefined,
    capacity: f.capacity,
    agendaSlots: f.agendaSlots,
    bookingDeadline: chinaIso(f.deadlineDate, f.deadlineTime),
    invitedParties: f.invited.map((p) => (p.name.trim() ? { kind: p.kind, name: p.name.trim() } : { kind: p.kind })),
  }
}

/** What the form can tell before the server does (the server checks everything again, naming the field). */
export function check(f: SessionForm, now: number = Date.now()): Errors {
  const out: Errors = {}
  const body = toBody(f)
  if (f.title.trim().length < SESSION_TITLE_MIN) out.title = t.sessionForm.errors.title(SESSION_TITLE_MIN)
  if (!f.venue.trim() && !f.onlineUrl.trim()) out.venue = t.sessionForm.errors.place
  if (f.onlineUrl.trim() && !/^https:\/\//.test(f.onlineUrl.trim())) out.onlineUrl = t.sessionForm.errors.onlineUrl
  if (Date.parse(body.startsAt) <= now) out.startsAt = t.sessionForm.errors.past
  if (Date.parse(body.bookingDeadline) > Date.parse(body.startsAt)) out.bookingDeadline = t.sessionForm.errors.deadline
  return out
}
