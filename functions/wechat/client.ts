import { AppError } from '../http/errors.js'

/** What Linli needs from WeChat's servers. One real implementation; tests point it at a fake on loopback. */
export interface WechatClient {
  /** jscode2session: a `Taro.login` code → openid. The session key stays inside this module. */
  codeToSession(code: string): Promise<{ openid: string; unionid?: string }>
  /** msg_sec_check v2: only `pass` passes. */
  checkText(content: string, openid: string, scene: TextScene): Promise<'pass' | 'review' | 'risky'>
  /** media_check_async v2: the verdict arrives later at /api/wechat/events with this trace id. */
  submitMediaCheck(mediaUrl: string, openid: string): Promise<{ traceId: string }>
  /** subscribeMessage.send. `undeliverable` means retrying cannot help (no subscription, bad user). */
  sendSubscribeMessage(message: SubscribeMessage): Promise<'sent' | 'undeliverable'>
}

/** WeChat's scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export type TextScene = 1 | 2 | 3 | 4

export interface SubscribeMessage {
  openid: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

interface WechatSettings {
  appId: string
  secret: string
  apiBase: string
  timeoutMs: number
}

/** WeChat error codes that mean the code itself is bad (not that WeChat is down). */
const badCode = new Set([40029, 40163, 40226, 41008])
/** Access token expired or invalid: fetch a new one and try once more. */
const staleToken = new Set([40001, 40014, 42001])
/** subscribeMessage errors that no retry fixes: user refused or never subscribed, bad openid/template. */
const undeliverable = new Set([43101, 40003, 40037, 47003])

type WechatReply = { errcode?: number; errmsg?: string } & Record<string, unknown>

export function createWechatClient(settings: WechatSettings): WechatClient {
  let token: { value: string; expiresAt: number } | null = null

  async function call(path: string, init: { method?: 'GET' | 'POST'; query?: Record<string, string>; body?: unknown } = {}) {
    const url = new URL(`${settings.apiBase}${path}`)
    for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v)
    let res: Response
    try {
      res = await fetch(url, {
        method: init.method ?? 'GET',
        headers: init.body ? { 'content-type': 'application/json' } : undefined,
        body: init.body ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(settings.timeoutMs),
      })
    } catch (err) {
      throw new AppError('WECHAT_UNAVAILABLE', undefined, { reason: err instanceof Error ? err.name : 'fetch failed' })
    }
    if (!res.ok) throw new AppError('WECHAT_UNAVAILABLE', undefined, { status: res.status })
    try {
      return (await res.json()) as WechatReply
    } catch {
      throw new AppError('WECHAT_UNAVAILABLE', undefined, { reason: 'unreadable reply' })
    }
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value
    const body = await call('/cgi-bin/token', {
      query: { grant_type: 'client_credential', appid: settings.appId, secret: settings.secret },
    })
    if (typeof body.access_token !== 'string') throw new AppError('WECHAT_UNAVAILABLE', undefined, { errcode: body.errcode ?? null })
    // Renew five minutes early so a token never expires mid-request.
    token = { value: body.access_token, expiresAt: Date.now() + (Number(body.expires_in ?? 7200) - 300) * 1000 }
    return token.value
  }

  /** A call that needs the access token; a stale token is replaced once. */
  async function authed(path: string, body: unknown): Promise<WechatReply> {
    for (let attempt = 0; ; attempt++) {
      const reply = await call(path, { method: 'POST', query: { access_token: await accessToken() }, body })
      if (reply.errcode && staleToken.has(reply.errcode) && attempt === 0) {
        token = null
        continue
      }
      return reply
    }
  }

  return {
    async codeToSession(code) {
      const body = await call('/sns/jscode2session', {
        query: { appid: settings.appId, secret: settings.secret, js_code: code, grant_type: 'authorization_code' },
      })
      if (body.errcode && badCode.has(body.errcode)) {
        throw new AppError('WECHAT_CODE_INVALID', undefined, { errcode: body.errcode })
      }
      if (body.errcode || typeof body.openid !== 'string') {
        throw new AppError('WECHAT_UNAVAILABLE', undefined, { errcode: body.errcode ?? null })
      }
      // session_key is deliberately dropped: nothing in Linli decrypts WeChat data yet, and a key
      // that is never stored cannot leak.
      return { openid: body.openid, unionid: typeof body.unionid === 'string' ? body.unionid : undefined }
    },

    async checkText(content, openid, scene) {
      const reply = await authed('/wxa/msg_sec_check', { content, version: 2, scene, openid })
      if (reply.errcode) throw new AppError('WECHAT_UNAVAILABLE', undefined, { errcode: reply.errcode })
      const suggest = (reply.result as { suggest?: string } | undefined)?.suggest
      return suggest === 'pass' ? 'pass' : suggest === 'review' ? 'review' : 'risky'
    },

    async submitMediaCheck(mediaUrl, openid) {
      const reply = await authed('/wxa/media_check_async', { media_url: mediaUrl, media_type: 2, version: 2, scene: 3, openid })
      if (reply.errcode || typeof reply.trace_id !== 'string') {
        throw new AppError('WECHAT_UNAVAILABLE', undefined, { errcode: reply.errcode ?? null })
      }
      return { traceId: reply.trace_id }
    },

    async sendSubscribeMessage(message) {
      const reply = await authed('/cgi-bin/message/subscribe/send', {
        touser: message.openid,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      })
      if (!reply.errcode) return 'sent'
      if (undeliverable.has(reply.errcode)) return 'undeliverable'
      throw new AppError('WECHAT_UNAVAILABLE', undefined, { errcode: reply.errcode })
    },
  }
}
