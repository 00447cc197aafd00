import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { Session } from '@domain/schemas/auth.js'

export type SessionData = z.infer<typeof Session>

const KEY = 'linli.session'

/** The signed-in session, kept in Taro storage (wx storage in weapp, localStorage in h5). */
export function readSession(): SessionData | null {
  try {
    const value = Taro.getStorageSync(KEY) as SessionData | '' | undefined
    if (!value || typeof value !== 'object' || !value.token) return null
    if (value.expiresAt && Date.parse(value.expiresAt) <= Date.now()) return null
    return value
  } catch {
    return null
  }
}

export function readToken(): string | null {
  return readSession()?.token ?? null
}

export function saveSession(session: SessionData) {
  Taro.setStorageSync(KEY, session)
}

export function clearSession() {
  try {
    Taro.removeStorageSync(KEY)
  } catch {
    // storage unavailable: nothing to clear
  }
}
