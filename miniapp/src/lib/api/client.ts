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
 * - 10 s timeout; idempotent methods retry twice with backoff on network errors and 5xx; so does a
 *   POST marked `idempotent` (it carries an `Idempotency-Key` header, so a repeat files nothing twice)
 * - extra headers per call (`headers`), e.g. `Idempotency-Key`
 * - failures become `ApiError` with the server's Chinese `message`, shown as a toast by default
 * - `apiUpload` sends one file as multipart/form-data (`Taro.uploadFile`) with the same token and
 *   error handling, reporting progress
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
  /** Override the retry count (idempotent requests only). */
  retries?: number
  /** Extra request headers, e.g. `{ 'Idempotency-Key': key }`. */
  headers?: Record<string, string>
  /**
   * Safe to repeat although the method is not (the server deduplicates by `Idempotency-Key`):
   * retry it on network errors and 5xx like a GET.
   */
  idempotent?: boolean
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

/**
 * A URL the server gave for a file (a photo) made loadable: the local-storage server answers
 * with a path (`/api/files/…`), which the h5 build loads from its own origin but weapp must load
 * from the API's origin. Absolute URLs (Vercel Blob in production) pass through.
 */
export function mediaUrl(url: string): string {
  if (!url.startsWith('/') || url.startsWith('//')) return url
  const origin = /^https?:\/\/[^/]+/.exec(API_BASE)?.[0]
  return origin ? `${origin}${url}` : url
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
  const header: Record<string, string> = { accept: 'application/json', ...opts.headers }
  if (opts.body !== undefined) header['content-type'] = 'application/json'
  if (token) header.authorization = `Bearer ${token}`

  const retries = IDEMPOTENT.has(method) || opts.idempotent ? (opts.retries ?? MAX_RETRIES) : 0
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

/**
 * Runs `call` with the bearer token (signing in first when there is none), then turns every
 * failure into an `ApiError`: a 401 clears the session, and the message is shown as a toast.
 */
async function authorized<T>(opts: Pick<RequestOptions, 'auth' | 'toast'>, call: (token: string | null) => Promise<T>): Promise<T> {
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
    return await call(token)
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

/** Call the API and return the parsed JSON body typed as `T` (a `z.infer` of a domain schema). */
export function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  return authorized(opts, (token) => send<T>(path, opts, token))
}

export const UPLOAD_TIMEOUT_MS = 60_000

export interface UploadOptions {
  /** A local file path from `Taro.chooseImage` (a blob: URL in h5). */
  filePath: string
  /** The multipart field name. */
  name: string
  /** File name sent with the part (h5 only; weapp uses the temp file's name). */
  fileName?: string
  /** 0–100 as the bytes go out. */
  onProgress?: (percent: number) => void
  /** Called with an abort function as soon as the upload starts. */
  onStart?: (abort: () => void) => void
  toast?: boolean
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** POST one file as multipart/form-data (`Taro.uploadFile`); resolves with the parsed JSON reply. */
export function apiUpload<T>(path: string, opts: UploadOptions): Promise<T> {
  return authorized({ toast: opts.toast }, async (token) => {
    const header: Record<string, string> = { accept: 'application/json' }
    if (token) header.authorization = `Bearer ${token}`
    let res: Taro.uploadFile.SuccessCallbackResult
    try {
      const task = Taro.uploadFile({
        url: apiUrl(path),
        filePath: opts.filePath,
        name: opts.name,
        fileName: opts.fileName,
        header,
        timeout: UPLOAD_TIMEOUT_MS,
      })
      task.onProgressUpdate?.((p) => opts.onProgress?.(p.progress))
      opts.onStart?.(() => task.abort())
      res = await task
    } catch (err) {
      throw networkError(err)
    }
    const data = parseJson(res.data)
    if (res.statusCode >= 200 && res.statusCode < 300 && data !== undefined) return data as T
    const shape = toErrorShape(data)
    const status = res.statusCode
    throw new ApiError(status, shape ?? { code: `HTTP_${status}`, message: status >= 500 ? t.errors.unknown : t.errors.badResponse })
  })
}

export const DOWNLOAD_TIMEOUT_MS = 60_000

export interface DownloadOptions {
  query?: RequestOptions['query']
  /** The name the file is saved under in h5 (the server's Content-Disposition names it too). */
  fileName: string
  /** What WeChat's document viewer opens it as. */
  fileType: 'xlsx' | 'pdf' | 'docx'
  toast?: boolean
}

async function errorOfFailedDownload(status: number, body: unknown): Promise<ApiError> {
  const shape = toErrorShape(parseJson(body))
  return new ApiError(status, shape ?? { code: `HTTP_${status}`, message: status >= 500 ? t.errors.unknown : t.errors.badResponse })
}

/**
 * GET a file with the bearer token and hand it to the person: in weapp `Taro.downloadFile` then
 * `Taro.openDocument` (WeChat's viewer, whose menu forwards it or opens it in WPS); in h5 the reply
 * is saved under `fileName` (a link cannot carry the token). Errors come back as `ApiError` with
 * the server's message, like every other call.
 */
export function apiDownload(path: string, opts: DownloadOptions): Promise<void> {
  return authorized({ toast: opts.toast }, async (token) => {
    const url = apiUrl(path, opts.query)
    const header: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
    if (process.env.TARO_ENV === 'h5') {
      let res: Response
      try {
        res = await fetch(url, { headers: header })
      } catch (err) {
        throw networkError(err)
      }
      if (!res.ok) throw await errorOfFailedDownload(res.status, await res.text())
      const link = document.createElement('a')
      link.href = URL.createObjectURL(await res.blob())
      link.download = opts.fileName
      document.body.appendChild(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
      return
    }
    let res: Taro.downloadFile.FileSuccessCallbackResult
    try {
      res = await Taro.downloadFile({ url, header, timeout: DOWNLOAD_TIMEOUT_MS })
    } catch (err) {
      throw networkError(err)
    }
    if (res.statusCode !== 200) {
      // The error's JSON was written into the temporary file.
      let body: unknown
      try {
        body = Taro.getFileSystemManager().readFileSync(res.tempFilePath, 'utf8')
      } catch {
        body = undefined
      }
      throw await errorOfFailedDownload(res.statusCode, body)
    }
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: opts.fileType, showMenu: true })
  })
}
