import { openDb } from '../db/client.js'
import { seedDemo } from '../db/seed.js'
import { seedHistory } from '../db/seed-history.js'
import { rebuildKpis } from '../functions/kpis/index.js'

/** `npm run db:seed`: the demo street, communities, households, people and a year of concerns. Idempotent. */
const handle = await openDb(process.env.DATABASE_URL)
try {
  await handle.migrate()
  const n = await seedDemo(handle.db)
  const history = await seedHistory(handle.db, { now: new Date() })
  if (history) await rebuildKpis(handle.db)
  console.log(`seeded ${n.households} households, ${n.users} demo people and ${history} concerns of history (${handle.kind})`)
} finally {
  await handle.close()
}
