import { openDb } from '../db/client.js'
import { createApp } from './app.js'
import { loadConfig } from './config.js'
import { buildDeps } from './deps.js'
import { createLogger } from './logger.js'

/**
 * The deployed app: configuration from the environment (a bad one stops the cold start with a
 * list of what is wrong), one database pool per warm instance. `api/index.ts` re-exports this.
 */
const config = loadConfig()
const logger = createLogger(config.logLevel)
const database = await openDb(config.databaseUrl)

const app = createApp(buildDeps(config, database, logger))

export default app
