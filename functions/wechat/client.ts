import { AppError } from '../http/errors.js'

/** What Linli needs from WeChat's servers. One real implementation; tests point it at a fake on loopback. */
export interface WechatClient {
  /** jscode2session: a `Taro.login` code → openid. The session key stays inside this module. */
  codeToSession(code: string): Promise<{ openid: string; unionid?: string }>
}

interface WechatSettings {
  appId: string
  secret: string
  apiBase: string
  timeoutMs: number
}

/** WeChat error codes that mean the code itself is bad (not that WeChat is down). */
const badCode = new Set([40029, 40163, 40226, 41008])

export function createWechatClient(settings: WechatSettings): WechatClient {
  return {
    async codeToSession(code) {
      const url = new URL(`${settings.apiBase}/sns/jscode2session`)
      url.searchParams.set('appid', settings.appId)
      url.searchParams.set('secret', settings.secret)
      url.searchParams.set('js_code', code)
      url.searchParams.set('grant_type', 'authorization_code')
      let res: Response
      try {
        res = await fetch(url, { signal: AbortSignal.timeout(settings.timeoutMs) })
      } catch (err) {
        throw new AppError('WECHAT_UNAVAILABLE', undefined, { reason: err instanceof Error ? err.name : 'fetch failed' })
      }
      if (!res.ok) throw new AppError('WECHAT_UNAVAILABLE', undefined, { status: res.status })
      let body: { openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string }
      try {
        body = await res.json()
      } catch {
        throw new AppError('WECHAT_UNAVAILABLE', undefined, { reason: 'unreadable reply' })
      }
      if (body.errcode && badCode.has(body.errcode)) {
        throw new AppError('WECHAT_CODE_INVALID', undefined, { errcode: body.errcode })
      }
      if (body.errcode || !body.openid) {
        throw new AppError('WECHAT_UNAVAILABLE', undefined, { errcode: body.errcode ?? null })
      }
      // session_key is deliberately dropped: nothing in Linli decrypts WeChat data yet, and a key
      // that is never stored cannot leak.
      return { openid: body.openid, unionid: body.unionid }
    },
  }
}
