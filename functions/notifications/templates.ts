import { eq } from 'drizzle-orm'
import { toChinaLocal } from '../../domain/councils/china-time.js'
import { councilSessions, proposals } from '../../db/schema/index.js'
import type { Deps } from '../context.js'

/**
 * What an outbox row's payload says (written by `notify`): which subscribe-message template and
 * the facts it needs. The session's time and venue are read when sending, so a moved session is
 * announced with its new time.
 */
export type OutboxPayload =
  | { template: 'concern_status'; concernId?: string | null; publicNo: string; statusLabel: string; title: string; at: string }
  | { template: 'council_session'; sessionId: string; statusLabel: string; title: string; at: string }
  | { template: 'vote'; proposalId: string; statusLabel: string; title: string; at: string }

/** WeChat's limits on subscribe-message values: `thing` ≤ 20 characters, `phrase` ≤ 5 (Chinese only). */
export function thing(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`
}
export function phrase(text: string): string {
  return [...text.replace(/[^\u4e00-\u9fa5]/g, '')].slice(0, 5).join('') || '更新'
}
/** WeChat's `time` value, in China time: 2026年11月22日 19:30. */
export function wechatTime(instant: Date): string {
  const t = toChinaLocal(instant)
  return `${t.year}年${t.month}月${t.day}日 ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`
}

export interface RenderedMessage {
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

/**
 * One payload as a subscribe message. Field keys follow the templates chosen in the WeChat
 * console (README lists them): 诉求进度, 议事会通知 and 投票通知.
 */
export async function renderSubscribeMessage(deps: Deps, payload: OutboxPayload): Promise<RenderedMessage | null> {
  if (payload.template === 'vote') {
    const [p] = await deps.database.db
      .select({ title: proposals.title, closesAt: proposals.closesAt })
      .from(proposals)
      .where(eq(proposals.id, payload.proposalId))
    if (!p) return null
    return {
      templateId: deps.config.subscribeTemplateVote,
      page: `pages/vote/index?id=${payload.proposalId}`,
      data: {
        thing1: { value: thing(p.title) },
        time2: { value: wechatTime(p.closesAt) },
        phrase3: { value: phrase(payload.statusLabel) },
        thing4: { value: thing(payload.title) },
      },
    }
  }
  if (payload.template === 'council_session') {
    const [s] = await deps.database.db
      .select({
        title: councilSessions.title,
        startsAt: councilSessions.startsAt,
        venue: councilSessions.venue,
        onlineUrl: councilSessions.onlineUrl,
      })
      .from(councilSessions)
      .where(eq(councilSessions.id, payload.sessionId))
    if (!s) return null
    return {
      templateId: deps.config.subscribeTemplateCouncil,
      page: `pages/session-detail/index?id=${payload.sessionId}`,
      data: {
        thing1: { value: thing(s.title) },
        time2: { value: wechatTime(s.startsAt) },
        thing3: { value: thing(s.venue ?? (s.onlineUrl ? '线上会议' : '另行通知')) },
        phrase4: { value: phrase(payload.statusLabel) },
        thing5: { value: thing(payload.title) },
      },
    }
  }
  return {
    templateId: deps.config.subscribeTemplateConcern,
    page: payload.concernId ? `pages/concern-detail/index?id=${payload.concernId}` : 'pages/home/index',
    data: {
      character_string1: { value: payload.publicNo.slice(0, 32) },
      phrase2: { value: phrase(payload.statusLabel) },
      thing3: { value: thing(payload.title) },
      time4: { value: wechatTime(new Date(payload.at)) },
    },
  }
}
