import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { ErrorBody } from '@domain/schemas/common.js'
import { errorCatalog } from '@domain/errors.js'
import { t } from '@/i18n/zh-cn'
import { clearSession, readToken } from '@/lib/session'

/**
 * The one HTTP client of the mini-program, over `Taro.request` (wx.request in weapp, fetch in h5).
 *
 * - base URL: the compile-time `API_BASE` (`/api` in h5; `TARO_APP_API_BASE` in weapp)
 * - `Authorization: Bearer <token>` from storage; no token → `hooks.onMissingToken` (weapp signs in
 *   silently with `Taro.login`), 401 → token cleared and `hooks.onUnauthorized` (to the login page)
 * - 10 s timeout; idempotent methods retry twice with backoff on network errors and 5xx
 * - failures become `ApiError` with the server's Chinese `message`, shown as a toast by default
 */

type ErrorShape = z.infer<typeof ErrorBody>['error']

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  method?: HttpMethod
  query?: Record<string, string | number | boolean | null | undefined>
  body?: unknown
  /** Send the bearer token (default true). */
  auth?: boolean
  /** Show a toast with the error message on failure (default true). */
  toast?: boolean
  /** Override the retry count (idempotent methods only). */
  retries?: number
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details?: unknown
  readonly requestId?: string

  constructor(status: number, error: Pick<ErrorShape, 'code' | 'message'> & Partial<ErrorShape>) {
    super(error.message)
    this.name = 'ApiError'
    this.status = status
    this.code = error.code
    this.details = error.details
    this.requestId = error.requestId
  }

  get isNetwork(): boolean {
    return this.status === 0
  }
}

export const REQUEST_TIMEOUT_MS = 10_000
const MAX_RETRIES = 2
const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'PUT', 'DELETE'])

interface ClientHooks {
  /** Called when an authenticated call has no token; may sign in and return the new token. */
  onMissingToken?: () => Promise<string | null>
  /** Called after a 401 has cleared the stored token. */
  onUnauthorized?: () => void
}

let hooks: ClientHooks = {}

/** Wired once in app.tsx, so that lib/ does not import features/. */
export function configureApiClient(next: ClientHooks) {
  hooks = next
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const qs = query
    ? Object.entries(query)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
        .join('&')
    : ''
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`
}

function sleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms))
}

function toErrorShape(data: unknown): ErrorShape | null {
  if (!data || typeof data !== 'object' || !('error' in data)) return null
  const error = (data as { error: unknown }).error
  if (!error || typeof error !== 'object') return null
  const { code, message } = error as Record<string, unknown>
  if (typeof code !== 'string' || typeof message !== 'string') return null
  return error as ErrorShape
}

function networkError(err: unknown): ApiError {
  const text = String((err as { errMsg?: string; message?: string })?.errMsg ?? (err as Error)?.message ?? '')
  const timedOut = /timeout|timed out|abort/i.test(text)
  return new ApiError(0, timedOut ? { code: 'TIMEOUT', message: t.errors.timeout } : { code: 'NETWORK_ERROR', message: t.errors.network })
}

async function send<T>(path: string, opts: RequestOptions, token: string | null): Promise<T> {
  const method = opts.method ?? 'GET'
  const header: Record<string, string> = { accept: 'application/json' }
  if (opts.body !== undefined) header['content-type'] = 'application/json'
  if (token) header.authorization = `Bearer ${token}`

  const retries = IDEMPOTENT.has(method) ? (opts.retries ?? MAX_RETRIES) : 0
  let attempt = 0
  for (;;) {
    let res: Taro.request.SuccessCallbackResult<Record<string, unknown>>
    try {
      res = await Taro.request<Record<string, unknown>>({
        url: apiUrl(path, opts.query),
        method: method as keyof Taro.request.Method,
        header,
        data: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        dataType: 'json',
        timeout: REQUEST_TIMEOUT_MS,
      })
    } catch (err) {
      if (attempt < retries) {
        await sleep(400 * 2 ** attempt++)
        continue
      }
      throw networkError(err)
    }

    const status = res.statusCode
    if (status >= 200 && status < 300) return res.data as T
    if (status >= 500 && attempt < retries) {
      await sleep(400 * 2 ** attempt++)
      continue
    }
    const shape = toErrorShape(res.data)
    throw new ApiError(status, shape ?? { code: `HTTP_${status}`, message: status >= 500 ? t.errors.unknown : t.errors.badResponse })
  }
}

function showErrorToast(error: ApiError) {
  void Taro.showToast({ title: error.message || t.errors.unknown, icon: 'none', duration: 2500 })
}

/** Call the API and return the parsed JSON body typed as `T` (a `z.infer` of a domain schema). */
export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const auth = opts.auth ?? true
  const toast = opts.toast ?? true
  try {
    let token = auth ? readToken() : null
    if (auth && !token) {
      token = (await hooks.onMissingToken?.()) ?? null
      if (!token) {
        hooks.onUnauthorized?.()
        throw new ApiError(401, { code: 'UNAUTHENTICATED', message: errorCatalog.UNAUTHENTICATED.message })
      }
    }
    return await send<T>(path, opts, token)
  } catch (err) {
    const error = err instanceof ApiError ? err : new ApiError(0, { code: 'CLIENT_ERROR', message: t.errors.unknown })
    if (error.status === 401 && auth) {
      clearSession()
      hooks.onUnauthorized?.()
    }
    if (toast && !(error.status === 401 && error.code === 'UNAUTHENTICATED')) showErrorToast(error)
    throw error
  }
}
