import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { Session, WechatLoginInput } from '@domain/schemas/auth.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { saveSession } from '@/lib/session'
import { clearQueryCache } from '@/lib/api/use-query'

export type WechatLoginBody = z.input<typeof WechatLoginInput>
type SessionData = z.infer<typeof Session>

/** POST /api/auth/wechat — trade a `Taro.login` code for a session. */
export function loginWithWechatCode(body: WechatLoginBody, toast = true): Promise<SessionData> {
  return apiRequest<SessionData>('/auth/wechat', { method: 'POST', body, auth: false, toast })
}

let inFlight: Promise<SessionData> | null = null

/** `Taro.login` → code → session, stored. Concurrent callers share one sign-in. */
export function signInWithWechat(toast = true): Promise<SessionData> {
  if (!inFlight) {
    inFlight = (async () => {
      const { code } = await Taro.login()
      const session = await loginWithWechatCode({ code }, toast)
      saveSession(session)
      clearQueryCache()
      return session
    })().finally(() => {
      inFlight = null
    })
  }
  return inFlight
}

export function useWechatLogin() {
  return useMutation(() => signInWithWechat(true))
}
