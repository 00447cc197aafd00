import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'
import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator'
import { sessionKindInfo } from '../../domain/councils/kinds.js'
import { sessionStatusLabels } from '../../domain/councils/labels.js'
import type { CouncilSessionRow } from '../../db/schema/index.js'

/**
 * Sessions as iCalendar (RFC 5545) in China time: every DTSTART/DTEND carries TZID=Asia/Shanghai
 * with its VTIMEZONE, whatever the server's own time zone. Imported only by the .ics routes, so
 * ical-generator stays out of every other request's cold start.
 */
dayjs.extend(utc)
dayjs.extend(timezone)

export const CHINA_TZ = 'Asia/Shanghai'

/** China Standard Time: UTC+8 all year, no daylight saving since 1991. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${CHINA_TZ}`,
  `X-LIC-LOCATION:${CHINA_TZ}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

function calendar(name: string): ICalCalendar {
  const cal = ical({ name, prodId: { company: 'linli', product: 'councils', language: 'ZH' } })
  cal.timezone({ name: CHINA_TZ, generator: () => VTIMEZONE })
  return cal
}

function addSession(cal: ICalCalendar, s: CouncilSessionRow, communityName: string, now: Date) {
  const kind = sessionKindInfo[s.kind].label
  const lines = [
    `${communityName} · ${kind}`,
    s.description ?? '',
    s.onlineUrl ? `线上参会：${s.onlineUrl}` : '',
    s.status === 'cancelled' && s.cancelReason ? `已取消：${s.cancelReason}` : '',
  ].filter(Boolean)
  cal.createEvent({
    id: `${s.id}@linli`,
    start: dayjs(s.startsAt).tz(CHINA_TZ),
    end: dayjs(s.endsAt).tz(CHINA_TZ),
    timezone: CHINA_TZ,
    stamp: now,
    lastModified: s.updatedAt,
    summary: `【${kind}】${s.title}${s.status === 'cancelled' ? `（${sessionStatusLabels.cancelled}）` : ''}`,
    description: lines.join('\n'),
    location: s.venue ?? s.onlineUrl ?? null,
    url: s.onlineUrl ?? null,
    status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  })
}

export function sessionsCalendar(name: string, sessions: CouncilSessionRow[], communityName: string, now: Date): string {
  const cal = calendar(name)
  for (const s of sessions) addSession(cal, s, communityName, now)
  return cal.toString()
}
