import type { Logger } from 'pino'
import type { DbHandle } from '../db/client.js'
import type { Config } from './config.js'
import type { Deps } from './context.js'
import { localStorage, reportingUnavailable, vercelBlobStorage } from './photos/storage.js'
import { createWechatClient } from './wechat/client.js'
import { localContentCheck, wechatContentCheck } from './wechat/content-check.js'

/** The real dependencies for a configuration: used by the deployed function, `npm start` and tests. */
export function buildDeps(config: Config, database: DbHandle, logger: Logger, now: () => Date = () => new Date()): Deps {
  const wechat = createWechatClient(config.wechat)
  return {
    config,
    database,
    wechat,
    contentCheck: config.contentCheck === 'wechat' ? wechatContentCheck(wechat) : localContentCheck,
    storage: reportingUnavailable(config.blobToken ? vercelBlobStorage(config.blobToken) : localStorage(config.uploadDir)),
    logger,
    now,
  }
}
