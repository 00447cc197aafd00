import { eq, getTableColumns, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { householdAddress } from '../../domain/labels.js'
import { type HouseholdRelation, type Role, roles } from '../../domain/roles.js'
import { Me, Todo, UpdateMeInput } from '../../domain/schemas/me.js'
import { AccountDeleted, DeleteAccountInput, MyDataExport } from '../../domain/schemas/privacy.js'
import type { Db } from '../../db/client.js'
import { users } from '../../db/schema/index.js'
import { publicUser } from '../auth/index.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../http/errors.js'
import { requestLog } from '../http/log.js'
import { jsonBody } from '../http/validate.js'
import { op } from '../openapi.js'
import { deleteAccount } from './delete.js'
import { exportMyData } from './export.js'
import { loadTodo } from './todo.js'

export const me = new Hono<AppEnv>()

type Place = { communityId: string; communityName: string; streetName: string; code: string }
type RoleRow = Place & { role: Role; orgName: string | null }
type HomeRow = Place & { householdId: string; relation: HouseholdRelation; building: string; unit: string; room: string }

/**
 * Who I am, with names, in one statement (decision 037): the account (none when deleted: 401), the
 * roles granted with their community and street, the verified households with their address, the
 * street offices. Plain SQL in the subqueries (tables named in db/schema/users.ts, communities.ts,
 * streets.ts).
 */
async function loadMe(db: Db, userId: string) {
  const [row] = await db
    .select({
      ...getTableColumns(users),
      granted: sql<RoleRow[]>`coalesce((select json_agg(json_build_object('communityId', m.community_id, 'communityName', c.name,
        'streetName', s.name, 'code', c.code, 'role', m.role, 'orgName', m.org_name) order by c.code, m.role)
        from memberships m join communities c on c.id = m.community_id join streets s on s.id = c.street_id
        where m.user_id = users.id), '[]'::json)`,
      verified: sql<HomeRow[]>`coalesce((select json_agg(json_build_object('householdId', rc.household_id,
        'communityId', rc.community_id, 'communityName', c.name, 'streetName', s.name, 'code', c.code, 'relation', rc.relation,
        'building', b.name, 'unit', u.name, 'room', h.room))
        from residency_claims rc join households h on h.id = rc.household_id join units u on u.id = h.unit_id
        join buildings b on b.id = u.building_id join communities c on c.id = rc.community_id join streets s on s.id = c.street_id
        where rc.user_id = users.id and rc.status = 'verified'), '[]'::json)`,
      offices: sql<{ streetId: string; streetName: string }[]>`coalesce((select json_agg(json_build_object('streetId', sm.street_id,
        'streetName', s.name) order by s.name) from street_memberships sm join streets s on s.id = sm.street_id
        where sm.user_id = users.id and sm.role = 'street_admin'), '[]'::json)`,
    })
    .from(users)
    .where(sql`users.id = ${userId} and users.deleted_at is null`)
  if (!row) throw new AppError('UNAUTHENTICATED', '账号不存在或已注销，请重新登录')
  const { granted: ms, verified, offices, ...user } = row
  // A resident of each community where a household is verified: residency is the claim, not a row (docs/decisions/016).
  const residentOf = new Map(verified.map((v) => [v.communityId, { ...v, role: 'resident' as const, orgName: null }]))
  const all = [...residentOf.values(), ...ms].sort((a, b) => a.code.localeCompare(b.code) || roles.indexOf(a.role) - roles.indexOf(b.role))
  return {
    user: publicUser(user),
    memberships: all.map((m) => ({
      communityId: m.communityId,
      communityName: m.communityName,
      streetName: m.streetName,
      role: m.role,
      orgName: m.orgName,
    })),
    households: verified.map((v) => ({
      householdId: v.householdId,
      communityId: v.communityId,
      relation: v.relation,
      address: householdAddress(v),
    })),
    staffOf: [...new Set(ms.filter((m) => m.role === 'worker' || m.role === 'admin').map((m) => m.communityId))],
    streets: offices.map((o) => ({ streetId: o.streetId, streetName: o.streetName, role: 'street_admin' as const })),
  }
}

// Who I am reads the person with everything else (decision 037): before the middleware that loads them alone.
me.get('/', requireSignedIn, async (c) => c.json(await loadMe(c.var.deps.database.db, c.var.userId)))
// 首页 待办 too: the actor is a column of its one statement.
me.get('/todo', requireSignedIn, async (c) => c.json(await loadTodo(c.var.deps.database.db, c.var.userId, c.var.deps.now())))
// My data's export too: the actor and every kind of row in one statement (decision 039).
me.get('/export', requireSignedIn, async (c) => {
  const { deps } = c.var
  const data = await exportMyData(deps.database.db, c.var.userId, deps.now())
  c.header('content-disposition', `attachment; filename="linli-my-data-${data.exportedAt.slice(0, 10)}.json"`)
  return c.json(data)
})
me.use('*', requireUser)

me.patch('/', jsonBody(UpdateMeInput), async (c) => {
  const input = c.req.valid('json')
  const { db } = c.var.deps.database
  await db.update(users).set(input).where(eq(users.id, c.var.actor.userId))
  return c.json(await loadMe(db, c.var.actor.userId))
})

me.delete('/', jsonBody(DeleteAccountInput), async (c) => {
  const deletedAt = await deleteAccount(c.var.deps, c.var.actor.userId)
  requestLog(c).info({ deletedAt }, 'account deleted')
  return c.json({ deleted: true as const, deletedAt: deletedAt.toISOString() })
})

export const meDocs = [
  op({ method: 'get', path: '/api/me', tag: 'me', summary: '当前用户、身份与已认证房屋', auth: true, response: Me }),
  op({
    method: 'patch',
    path: '/api/me',
    tag: 'me',
    summary: '修改昵称或手机号',
    auth: true,
    body: UpdateMeInput,
    example: { nickname: '王阿姨' },
    response: Me,
  }),
  op({
    method: 'get',
    path: '/api/me/todo',
    tag: 'me',
    summary: '首页待办',
    description:
      '居民：每个已认证社区里本户未投的投票、待评价的诉求、7 天内报名的议事会、审核中的住户认证、未读消息数；社区工作者和书记：所服务社区的新诉求（未签收）、超时诉求、待审核的住户认证和议题、今天的议事会、48 小时内截止的投票。badge 为未读消息与居民待办之和（标签栏角标）。',
    auth: true,
    response: Todo,
  }),
  op({
    method: 'get',
    path: '/api/me/export',
    tag: 'me',
    summary: '下载我的个人信息（JSON）',
    description:
      '个人信息保护法第四十五条：本人的资料、社区身份、房屋认证、反映的诉求、附议与关注、上传的照片、申报的议题、议事会报名、本人投出的票（含本人的选择，只有本人看得到）和消息，一次下载。',
    auth: true,
    response: MyDataExport,
  }),
  op({
    method: 'delete',
    path: '/api/me',
    tag: 'me',
    summary: '注销账号',
    description:
      '个人信息保护法第四十七条：删除本人的个人信息。需在 confirm 中填写「注销」。反映的诉求和申报的议题保留，作者显示为「已注销用户」；投出的票仍计入结果，但不再与本人关联；已登录的设备全部失效；用同一微信再次登录会得到一个新账号。不可撤销。',
    auth: true,
    body: DeleteAccountInput,
    example: { confirm: '注销' },
    response: AccountDeleted,
  }),
]
