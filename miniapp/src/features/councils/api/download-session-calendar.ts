import { t } from '@/i18n/zh-cn'
import { ApiError, apiUrl } from '@/lib/api/client'
import { readToken } from '@/lib/session'

/**
 * GET /api/sessions/:sessionId/calendar.ics (h5 only): the one-event calendar file, fetched with
 * the bearer token and handed to the browser as a download (a plain link would carry no token).
 */
export async function downloadSessionCalendar(sessionId: string, fileName: string): Promise<void> {
  const token = readToken()
  let res: Response
  try {
    res = await fetch(apiUrl(`/sessions/${encodeURIComponent(sessionId)}/calendar.ics`), {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: t.errors.network })
  }
  if (!res.ok) throw new ApiError(res.status, { code: `HTTP_${res.status}`, message: t.errors.unknown })
  const blob = new Blob([await res.text()], { type: 'text/calendar;charset=utf-8' })
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  a.dataset.testid = 'calendar-download'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}
