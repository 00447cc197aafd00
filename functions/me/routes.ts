import { and, asc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { householdAddress } from '../../domain/labels.js'
import { roles } from '../../domain/roles.js'
import { Me, Todo, UpdateMeInput } from '../../domain/schemas/me.js'
import { AccountDeleted, DeleteAccountInput, MyDataExport } from '../../domain/schemas/privacy.js'
import type { Actor } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import {
  buildings,
  communities,
  households,
  memberships,
  residencyClaims,
  streetMemberships,
  streets,
  units,
  users,
} from '../../db/schema/index.js'
import { publicUser } from '../auth/index.js'
import { requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../http/errors.js'
import { jsonBody } from '../http/validate.js'
import { op } from '../openapi.js'
import { deleteAccount } from './delete.js'
import { exportMyData } from './export.js'
import { loadTodo } from './todo.js'

export const me = new Hono<AppEnv>()
me.use('*', requireUser)

/**
 * Who I am, with names. The actor (loaded with the request) already says which of the parts exist,
 * so a resident with no role anywhere sends two statements, not four.
 */
async function loadMe(db: Db, actor: Actor) {
  const userId = actor.userId
  const none = Promise.resolve([])
  const [userRows, ms, verified, streetMs] = await Promise.all([
    db.select().from(users).where(eq(users.id, userId)).limit(1),
    !actor.memberships.length
      ? none
      : db
          .select({
            communityId: memberships.communityId,
            communityName: communities.name,
            streetName: streets.name,
            role: memberships.role,
            orgName: memberships.orgName,
            code: communities.code,
          })
          .from(memberships)
          .innerJoin(communities, eq(communities.id, memberships.communityId))
          .innerJoin(streets, eq(streets.id, communities.streetId))
          .where(eq(memberships.userId, userId))
          .orderBy(asc(communities.code), asc(memberships.role)),
    !actor.verifiedIn.length
      ? none
      : db
          .select({
            householdId: residencyClaims.householdId,
            communityId: residencyClaims.communityId,
            communityName: communities.name,
            streetName: streets.name,
            code: communities.code,
            relation: residencyClaims.relation,
            building: buildings.name,
            unit: units.name,
            room: households.room,
          })
          .from(residencyClaims)
          .innerJoin(households, eq(households.id, residencyClaims.householdId))
          .innerJoin(units, eq(units.id, households.unitId))
          .innerJoin(buildings, eq(buildings.id, units.buildingId))
          .innerJoin(communities, eq(communities.id, residencyClaims.communityId))
          .innerJoin(streets, eq(streets.id, communities.streetId))
          .where(and(eq(residencyClaims.userId, userId), eq(residencyClaims.status, 'verified'))),
    !actor.streetMemberships?.length
      ? none
      : db
          .select({ streetId: streetMemberships.streetId, streetName: streets.name, role: streetMemberships.role })
          .from(streetMemberships)
          .innerJoin(streets, eq(streets.id, streetMemberships.streetId))
          .where(and(eq(streetMemberships.userId, userId), eq(streetMemberships.role, 'street_admin')))
          .orderBy(asc(streets.name)),
  ])
  const user = userRows[0]
  if (!user) throw new AppError('UNAUTHENTICATED', '账号不存在或已注销，请重新登录')
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
    streets: streetMs.map((s) => ({ streetId: s.streetId, streetName: s.streetName, role: 'street_admin' as const })),
  }
}

me.get('/', async (c) => c.json(await loadMe(c.var.deps.database.db, c.var.actor)))

me.patch('/', jsonBody(UpdateMeInput), async (c) => {
  const input = c.req.valid('json')
  const { db } = c.var.deps.database
  await db.update(users).set(input).where(eq(users.id, c.var.actor.userId))
  return c.json(await loadMe(db, c.var.actor))
})

me.get('/todo', async (c) => c.json(await loadTodo(c.var.deps.database.db, c.var.actor, c.var.deps.now())))

me.get('/export', async (c) => {
  const { deps, actor } = c.var
  const data = await exportMyData(deps.database.db, actor.userId, deps.now())
  c.header('content-disposition', `attachment; filename="linli-my-data-${data.exportedAt.slice(0, 10)}.json"`)
  return c.json(data)
})

me.delete('/', jsonBody(DeleteAccountInput), async (c) => {
  const deletedAt = await deleteAccount(c.var.deps, c.var.actor.userId)
  c.var.log.info({ deletedAt }, 'account deleted')
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
