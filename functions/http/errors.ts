import type { z } from 'zod'
import { errorCatalog, fieldIssueMessage, type ErrorCode } from '../../domain/errors.js'

/** A failure the API reports on purpose: a stable code, a Chinese message, optional details. */
export class AppError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    /** Headers the reply carries (Retry-After on 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? errorCatalog[code].message)
    this.status = errorCatalog[code].status
  }
}

export function validationError(error: z.ZodError, where: 'body' | 'query' | 'params'): AppError {
  const fields = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys : undefined
    const expected = (issue as { expected?: string }).expected
    // Messages written in the schema (Chinese) win; zod's English defaults become a Chinese sentence.
    const message = keys?.length
      ? `不认识的字段：${keys.map((k) => `「${k}」`).join('、')}`
      : /[\u4e00-\u9fa5]/.test(issue.message)
        ? issue.message
        : fieldIssueMessage(path, issue.code, expected)
    return { path: keys?.length ? keys.join(',') : path, message }
  })
  const first = fields[0]?.message
  return new AppError('VALIDATION_FAILED', first, { where, fields })
}

/** The Postgres error code (e.g. 23505 unique_violation), through drizzle's and drivers' wrappers. */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * The database connection was lost or the server is going away: a connection exception (class
 * 08), an administrator or crash shutdown (57P01–57P03), or the driver seeing the socket close.
 * The transaction did not commit; the client may retry (with its Idempotency-Key where it has one).
 */
export function databaseUnavailable(err: unknown): boolean {
  const code = pgErrorCode(err)
  if (code) return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03'
  let e: unknown = err
  for (let depth = 0; e && depth < 5; depth++) {
    const message = (e as { message?: unknown }).message
    if (typeof message === 'string' && /Connection terminated|ECONNREFUSED|ECONNRESET|connection.*(closed|ended)/i.test(message))
      return true
    e = (e as { cause?: unknown }).cause
  }
  return false
}

/** One field of the request body is wrong: VALIDATION_FAILED (or a more specific code) naming it. */
export function fieldError(path: string, message: string, code: ErrorCode = 'VALIDATION_FAILED'): AppError {
  return new AppError(code, message, { where: 'body', fields: [{ path, message }] })
}

/** A domain rule's "no" (a lifecycle transition, a booking or ballot window), as the rules return it. */
export interface Refusal {
  ok: false
  code: ErrorCode | 'ROLE_NOT_ALLOWED' | 'INPUT_MISSING' | 'SESSION_NOT_ALLOWED'
  message: string
  field?: string
}

/**
 * The one mapping of a domain refusal to the API's error: a role the rules do not allow is
 * FORBIDDEN, missing input names its field, a state that does not allow the step is
 * `notAllowed` (each capability has its own code), and the codes the API shares with the
 * domain (AGENDA_FULL, VOTE_CLOSED, REGISTRATION_CLOSED …) pass through with the rule's message.
 */
export function refusal(r: Refusal, notAllowed: ErrorCode = 'TRANSITION_NOT_ALLOWED'): AppError {
  if (r.code === 'ROLE_NOT_ALLOWED') return new AppError('FORBIDDEN', r.message)
  if (r.code === 'INPUT_MISSING') return fieldError(r.field ?? 'body', r.message)
  if (r.code === 'TRANSITION_NOT_ALLOWED' || r.code === 'SESSION_NOT_ALLOWED') return new AppError(notAllowed, r.message)
  return new AppError(r.code, r.message)
}
