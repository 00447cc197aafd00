import { openDb } from '../db/client.js'
import { seedDemo } from '../db/seed.js'

/** `npm run db:seed`: the demo street, communities, households and people. Idempotent. */
const handle = await openDb(process.env.DATABASE_URL)
try {
  await handle.migrate()
  const n = await seedDemo(handle.db)
  console.log(`seeded ${n.households} households and ${n.users} demo people (${handle.kind})`)
} finally {
  await handle.close()
}
