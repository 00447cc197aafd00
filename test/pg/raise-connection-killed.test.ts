import { and, eq, like, sql } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { concernEvents, concerns, idempotencyKeys } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { raise, wenan } from '../helpers/concerns.js'
import { serverUrl } from '../helpers/db.js'

/**
 * The database connection dies in the middle of a raise. A pause point makes "the middle"
 * exact: another connection holds the community's counter row, so the raise waits there with
 * its concern, follow, event and idempotency key written but not committed; its backend is then
 * terminated (pg_terminate_backend). PostgreSQL only: PGlite has no second backend to kill.
 */
let t: TestApp
let admin: pg.Client
let observer: pg.Client

beforeAll(async () => {
  t = await startTestApp()
  const result = (await t.database.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] }
  const [{ name }] = result.rows
  const url = new URL(serverUrl())
  url.pathname = `/${name}`
  admin = new pg.Client({ connectionString: url.toString(), application_name: 'linli-fault-injector' })
  observer = new pg.Client({ connectionString: url.toString(), application_name: 'linli-fault-observer' })
  await Promise.all([admin.connect(), observer.connect()])
})
afterAll(async () => {
  await admin?.end()
  await observer?.end()
  await t?.close()
})

describe('connection killed during a raise', () => {
  it('leaves nothing half-written, and the retry with the same Idempotency-Key makes exactly one concern', {
    timeout: 120_000,
  }, async () => {
    const key = `killed-${Date.now()}`
    const description = '2号楼地下室进水了，电表箱可能有危险'
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
    await admin.query('begin')
    await admin.query(
      `insert into concern_counters (community_id, year, last) values ($1, $2, 0)
       on conflict (community_id, year) do update set last = concern_counters.last`,
      [wenan, year],
    )
    const pending = raise(t, 'wang', { description }, key)
    let pid: number | undefined
    for (let i = 0; i < 400 && !pid; i++) {
      // pg_stat_activity is a snapshot per transaction: the locker's open one would see a frozen view.
      const waiting = await observer.query(
        `select pid from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock' and application_name not like 'linli-fault-%'`,
      )
      pid = waiting.rows[0]?.pid
      if (!pid) await new Promise((r) => setTimeout(r, 50))
    }
    expect(pid, 'the raise never reached the pause point').toBeDefined()
    await admin.query('select pg_terminate_backend($1)', [pid])
    await admin.query('rollback')

    const failed = await pending
    expect(failed.status).toBe(503)
    expect((await failed.json()).error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' })

    const { db } = t.database
    expect(await db.select().from(concerns).where(like(concerns.description, description))).toEqual([])
    expect(
      await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, demo.user.wang), eq(idempotencyKeys.key, key))),
    ).toEqual([])

    const retried = await raise(t, 'wang', { description }, key)
    expect(retried.status).toBe(201)
    const again = await raise(t, 'wang', { description }, key)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const ids = [(await retried.json()).id, (await again.json()).id]
    expect(ids[0]).toBe(ids[1])
    const stored = await db.select({ id: concerns.id }).from(concerns).where(like(concerns.description, description))
    expect(stored).toEqual([{ id: ids[0] }])
    expect(await db.select().from(concernEvents).where(eq(concernEvents.concernId, ids[0]))).toHaveLength(1)
  })
})
