import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { wenan } from '../helpers/concerns.js'

/**
 * The board is a named statement (decision 037), and after five runs PostgreSQL may keep one
 * generic plan for it, made without the parameters' values. With its fixed values written into its
 * text (decision 044) that plan still walks the board's index backwards for one page; were
 * `visibility = 'public'` a parameter, it read and sorted every concern of the community. Here the
 * statement is prepared as the app sends it, the generic plan forced, over 3,000 concerns.
 */
let t: TestApp

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Parent Relationship'?: string; Plans?: PlanNode[] }

/** The nodes that make the page's rows, not those of per-row subqueries or the actor's InitPlan. */
function mainNodes(node: PlanNode): PlanNode[] {
  const below = (node.Plans ?? []).filter((p) => p['Parent Relationship'] !== 'SubPlan' && p['Parent Relationship'] !== 'InitPlan')
  return [node, ...below.flatMap(mainNodes)]
}

beforeAll(async () => {
  t = await startTestApp()
  await t.database.db.execute(sql`
    insert into concerns (community_id, public_no, author_id, category, description, place_text, visibility, anonymous, status,
      created_at, updated_at, acknowledge_due_at)
    select ${wenan}, 'PLAN-' || g, ${demo.user.wang}, 'facilities', '计划测试：楼道灯不亮 ' || g, '3号楼',
      case when g % 10 = 0 then 'private'::concern_visibility else 'public'::concern_visibility end, true,
      case when g % 3 = 0 then 'resolved'::concern_status else 'submitted'::concern_status end,
      now() - g * interval '1 minute', now(), now() + interval '1 day'
    from generate_series(1, 3000) g`)
  await t.database.db.execute(sql`analyze concerns`)
})
afterAll(async () => {
  await t?.close()
})

describe('the board’s generic plan', () => {
  it.each(['all', 'open'])('walks the board index for a page of status=%s, without sorting the community', async (status) => {
    const token = await t.tokenFor('wang')
    const statements = await t.statementsDuring(async () => {
      const res = await t.call('GET', `/api/communities/${wenan}/concerns?status=${status}&limit=20`, { token })
      expect(res.status).toBe(200)
      expect((await res.json()).items).toHaveLength(20)
    })
    expect(statements).toHaveLength(1)
    const text = statements[0]
    expect(text).toContain(`"visibility" = 'public'`)
    // Which parameter is which, as the statement uses them.
    const at = (pattern: RegExp) => Number(text.match(pattern)?.[1])
    const values: Record<number, string> = {
      [at(/u\.id = \$(\d+)/)]: `'${demo.user.wang}'`,
      [at(/"concerns"\."community_id" = \$(\d+)/)]: `'${wenan}'`,
      [at(/limit \$(\d+)/)]: '21',
    }
    expect(Object.keys(values).sort()).toEqual(['1', '2', '3'])
    const args = [1, 2, 3].map((n) => values[n]).join(', ')
    const plan = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`)
      await tx.execute(sql.raw(`prepare board_plan_probe as ${text}`))
      try {
        // every driver answers with `rows`
        const explained = (await tx.execute(sql.raw(`explain (format json) execute board_plan_probe(${args})`))) as unknown as {
          rows: Record<string, unknown>[]
        }
        const json = Object.values(explained.rows[0])[0]
        return (typeof json === 'string' ? JSON.parse(json) : json)[0].Plan as PlanNode
      } finally {
        await tx.execute(sql`deallocate board_plan_probe`)
      }
    })
    const nodes = mainNodes(plan)
    expect(nodes.some((n) => n['Index Name'] === 'concerns_board_idx' && n['Node Type'] === 'Index Scan')).toBe(true)
    expect(nodes.filter((n) => n['Node Type'] === 'Sort')).toEqual([])
  })
})
