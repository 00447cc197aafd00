import { neonConfig } from '@neondatabase/serverless'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { driverFor, openDb, type DbHandle } from '../../db/client.js'
import { users } from '../../db/schema/index.js'
import { demo, seedDemo } from '../../db/seed.js'
import { createScratchDatabase } from '../helpers/db.js'
import { startWsRelay } from '../helpers/ws-relay.js'

// The production path (Neon's Pool over WebSocket), run against the local PostgreSQL server
// through a loopback relay.
let relay: Awaited<ReturnType<typeof startWsRelay>>
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>
let handle: DbHandle

beforeAll(async () => {
  relay = await startWsRelay()
  neonConfig.wsProxy = relay.proxy
  neonConfig.useSecureWebSocket = false
  neonConfig.pipelineConnect = false
  neonConfig.pipelineTLS = false
  neonConfig.forceDisablePgSSL = true
  scratch = await createScratchDatabase()
  const url = new URL(scratch.url)
  url.searchParams.set('driver', 'neon')
  handle = await openDb(url.toString())
})
afterAll(async () => {
  await handle?.close()
  await relay?.close()
  await scratch?.drop()
})

describe('the Neon serverless driver', () => {
  it('is the driver chosen for a Neon host', () => {
    expect(driverFor('postgres://u:p@ep-cool-1234.eu-central-1.aws.neon.tech/db')).toBe('neon')
    expect(driverFor('postgres://postgres@127.0.0.1/test')).toBe('pg')
    expect(driverFor(undefined)).toBe('pglite')
    expect(() => driverFor('mysql://x@y/z')).toThrow(/postgres/)
  })

  it('runs the committed migrations and the seed over WebSocket', async () => {
    expect(handle.kind).toBe('neon')
    await handle.migrate()
    await seedDemo(handle.db)
    const [wang] = await handle.db.select().from(users).where(eq(users.id, demo.user.wang))
    expect(wang.nickname).toBe('王秀英')
    expect(relay.connections).toBeGreaterThan(0)
  })

  it('rolls back an interactive transaction as a whole', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.update(users).set({ nickname: '改过的名字' }).where(eq(users.id, demo.user.li))
        const [inside] = await tx.select({ n: users.nickname }).from(users).where(eq(users.id, demo.user.li))
        expect(inside.n).toBe('改过的名字')
        await tx.execute(sql`select 1/0`)
      }),
    ).rejects.toThrow()
    const [after] = await handle.db.select({ n: users.nickname }).from(users).where(eq(users.id, demo.user.li))
    expect(after.n).toBe('李建国')
  })
})
