import type { Context } from 'hono'
import type { Logger } from 'pino'
import type { AppEnv } from '../context.js'

/**
 * The request's logger: the process's, bound to the request's id and, once signed in, the person's —
 * made the first time something is logged, not for every request (a bound logger per request cost
 * 4 % of a ballot's server time in a profile; the access line passes the same fields itself).
 */
export function requestLog(c: Context<AppEnv>, base: Logger = c.var.deps.logger): Logger {
  let log = c.get('log')
  if (!log) {
    const userId = c.get('userId')
    log = base.child(userId ? { requestId: c.get('requestId'), userId } : { requestId: c.get('requestId') })
    c.set('log', log)
  }
  return log
}
