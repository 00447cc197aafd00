import { sql } from 'drizzle-orm'
import type { EarningKind } from '../domain/points/kinds.js'
import type { Tx } from './client.js'
import { pointsAccounts, pointsEntries, pointsItems, pointsRules } from './schema/index.js'

/**
 * The demo's 道德银行 and 爱心超市 in 文安路社区: its rules, three items on the shelf, and a few months
 * of 王秀英's points (80 by now: enough for a 理发券). Idempotent: fixed ids, and the account is set
 * to the sum of the entries.
 */
export async function seedPoints(
  tx: Tx,
  ids: { communityId: string; wangId: string; householdId: string; liuId: string; id: (...parts: string[]) => string },
) {
  const { communityId } = ids
  const rules: [EarningKind, number][] = [
    ['council_check_in', 10],
    ['good_deed', 20],
    ['errand', 10],
    ['volunteer', 10],
  ]
  await tx
    .insert(pointsRules)
    .values(
      rules.map(([kind, amount]) => ({ communityId, kind, amount, updatedBy: ids.liuId, updatedAt: new Date('2026-01-05T02:00:00Z') })),
    )
    .onConflictDoNothing()
  const items = [
    { key: 'rice', name: '大米 5kg', description: '东北大米一袋', price: 200, stock: 10 },
    { key: 'detergent', name: '洗衣液', description: '2kg 装', price: 120, stock: 15 },
    { key: 'haircut', name: '理发券', description: '社区理发室单次理发', price: 50, stock: 20 },
  ]
  await tx
    .insert(pointsItems)
    .values(
      items.map(({ key, ...i }) => ({ id: ids.id('points-item', key), communityId, ...i, createdAt: new Date('2026-01-05T02:00:00Z') })),
    )
    .onConflictDoNothing()
  const history: [EarningKind, number, string, string][] = [
    ['council_check_in', 10, '2026-08-14T11:00:00Z', '议事会签到：8月每月一议'],
    ['good_deed', 20, '2026-09-03T03:00:00Z', '好人好事：帮邻居收晾晒的被子'],
    ['council_check_in', 10, '2026-09-11T11:00:00Z', '议事会签到：9月每月一议'],
    ['volunteer', 10, '2026-10-02T01:00:00Z', '志愿服务：国庆小区环境整治'],
    ['council_check_in', 10, '2026-10-09T11:00:00Z', '议事会签到：10月每月一议'],
    ['errand', 10, '2026-11-06T02:00:00Z', '代办服务：帮独居的张奶奶取药'],
    ['council_check_in', 10, '2026-11-13T11:00:00Z', '议事会签到：11月每月一议'],
  ]
  await tx
    .insert(pointsEntries)
    .values(
      history.map(([kind, amount, at, reason], n) => ({
        id: ids.id('points-entry', 'wang', String(n)),
        communityId,
        userId: ids.wangId,
        householdId: ids.householdId,
        amount,
        kind,
        // The 国庆 clean-up's hour comes from its signed-off sign-up (db/seed-volunteering.ts).
        sourceType: kind === 'volunteer' ? 'volunteer_signup' : 'demo',
        sourceId: kind === 'volunteer' ? ids.id('volunteer-signup', 'national-day', 'wang') : ids.id('points-source', 'wang', String(n)),
        reason,
        createdBy: kind === 'council_check_in' ? null : ids.liuId,
        createdAt: new Date(at),
      })),
    )
    .onConflictDoNothing()
  await tx.insert(pointsAccounts).values({ communityId, userId: ids.wangId, balance: 0 }).onConflictDoNothing()
  await tx.execute(
    sql`update points_accounts a set balance = (select coalesce(sum(amount), 0) from points_entries e
        where e.community_id = a.community_id and e.user_id = a.user_id) where a.community_id = ${communityId}`,
  )
}
