import type { Logger } from 'pino'
import type { Actor } from '../domain/permissions.js'
import type { DbHandle } from '../db/client.js'
import type { Config } from './config.js'
import type { PhotoStorage } from './photos/storage.js'
import type { WechatClient } from './wechat/client.js'
import type { ContentCheck } from './wechat/content-check.js'

/** Everything a request handler may use, created once per process (one warm instance serves all). */
export interface Deps {
  config: Config
  database: DbHandle
  wechat: WechatClient
  contentCheck: ContentCheck
  storage: PhotoStorage
  logger: Logger
  now: () => Date
}

export interface AppEnv {
  Variables: {
    deps: Deps
    /** The request's logger once made: use `requestLog(c)` (functions/http/log.ts). */
    log?: Logger
    requestId: string
    /** Set by `requireSignedIn` (from the token) and by `requireUser`. */
    userId: string
    /** Set by `requireUser`; the reads that load it in their own statement have `userId` alone. */
    actor: Actor
  }
}
