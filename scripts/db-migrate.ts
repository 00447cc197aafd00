import { openDb } from '../db/client.js'

/** `npm run db:migrate`: applies db/migrations to DATABASE_URL (or the embedded .data/ database). */
const handle = await openDb(process.env.DATABASE_URL)
try {
  await handle.migrate()
  console.log(`migrated (${handle.kind})`)
} finally {
  await handle.close()
}
