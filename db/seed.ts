import { createHash } from 'node:crypto'
import type { HouseholdRelation, Role } from '../domain/roles.js'
import type { Db, Tx } from './client.js'
import { seedErrands } from './seed-errands.js'
import { seedNeeds } from './seed-needs.js'
import { seedPoints } from './seed-points.js'
import { seedVolunteering } from './seed-volunteering.js'
import {
  buildings,
  communities,
  districts,
  gridBuildings,
  grids,
  gridWorkers,
  households,
  memberships,
  residencyClaims,
  streetMemberships,
  streets,
  units,
  users,
} from './schema/index.js'

/** A stable UUID from a name, so that seeding twice changes nothing and tests can name rows. */
export function seedId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('/')).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

type DemoCommunityKey = 'wenan' | 'minzhu' | 'xinghua'

interface DemoCommunity {
  key: string
  name: string
  code: string
  buildings: number
  unitsPerBuilding: number
  floors: number
}

const demoCommunities: DemoCommunity[] = [
  { key: 'wenan', name: '文安路社区', code: 'WA', buildings: 6, unitsPerBuilding: 2, floors: 6 },
  { key: 'minzhu', name: '民主社区', code: 'MZ', buildings: 4, unitsPerBuilding: 3, floors: 7 },
  { key: 'xinghua', name: '兴华社区', code: 'XH', buildings: 3, unitsPerBuilding: 2, floors: 6 },
]

interface DemoUser {
  key: string
  nickname: string
  community: string
  role: Role
  orgName?: string
  phone?: string
  note: string
  /** A household this person is a verified resident of: [building no, unit no, room]. */
  verified?: { at: [number, number, string]; relation: HouseholdRelation }
  /** A household this person has claimed, still waiting for a worker: [building no, unit no, room]. */
  pending?: { at: [number, number, string]; relation: HouseholdRelation }
}

const demoUserList: DemoUser[] = [
  {
    key: 'wang',
    nickname: '王秀英',
    community: 'wenan',
    role: 'resident',
    phone: '13804110001',
    note: '已认证业主 · 3号楼2单元302',
    verified: { at: [3, 2, '302'], relation: 'owner' },
  },
  {
    key: 'li',
    nickname: '李建国',
    community: 'wenan',
    role: 'resident',
    note: '新居民，认证待审核 · 2号楼1单元602',
    pending: { at: [2, 1, '602'], relation: 'owner' },
  },
  {
    key: 'zhao',
    nickname: '赵晓梅',
    community: 'wenan',
    role: 'resident',
    phone: '13904110002',
    note: '已认证租户 · 5号楼1单元501',
    verified: { at: [5, 1, '501'], relation: 'tenant' },
  },
  { key: 'liu', nickname: '刘网格', community: 'wenan', role: 'worker', note: '社区网格员（第一网格 1–3号楼）：审核房屋认证、签收诉求' },
  { key: 'chen', nickname: '陈书记', community: 'wenan', role: 'admin', note: '社区书记：安排议事、查看三率' },
  { key: 'anju', nickname: '安居物业-孙经理', community: 'wenan', role: 'partner', orgName: '安居物业', note: '共建单位：物业公司' },
  {
    key: 'zhou',
    nickname: '周桂兰',
    community: 'minzhu',
    role: 'resident',
    note: '已认证业主 · 2号楼3单元701',
    verified: { at: [2, 3, '701'], relation: 'owner' },
  },
  { key: 'wu', nickname: '吴网格', community: 'minzhu', role: 'worker', note: '社区网格员' },
  { key: 'zheng', nickname: '郑主任', community: 'minzhu', role: 'admin', note: '社区主任' },
  { key: 'ma', nickname: '马网格', community: 'wenan', role: 'worker', note: '社区网格员：第二网格（4–6号楼）' },
  { key: 'he', nickname: '何主任', community: 'xinghua', role: 'admin', note: '兴华社区主任' },
]

/** Street officials (街道干部): no community role, they oversee every community of the street. */
const demoOfficials = [{ key: 'wangjd', nickname: '王街道', note: '人民路街道干部：三率排名、超时清单、考核设置' }]

/** 文安路社区's grids: 刘网格 for 1–3号楼 (the demo's broken light in 3号楼 goes to him), 马网格 for 4–6号楼. */
const demoGrids = [
  { key: 'wenan-1', name: '第一网格', buildings: [1, 2, 3], workers: ['liu'] },
  { key: 'wenan-2', name: '第二网格', buildings: [4, 5, 6], workers: ['ma'] },
]

export const demo = {
  districtId: seedId('district', '中山区'),
  streetId: seedId('street', '人民路街道'),
  community: Object.fromEntries(demoCommunities.map((c) => [c.key, seedId('community', c.code)])) as Record<DemoCommunityKey, string>,
  user: Object.fromEntries([...demoUserList, ...demoOfficials].map((u) => [u.key, seedId('user', u.key)])) as Record<
    (typeof demoUserList)[number]['key'] | (typeof demoOfficials)[number]['key'],
    string
  >,
  grid: (key: (typeof demoGrids)[number]['key']) => seedId('grid', key),
  needId: (key: 'light' | 'meals' | 'childcare' | 'haircut') => seedId('need', key),
  resourceId: (key: 'room' | 'clinic' | 'haircut') => seedId('resource', key),
  /** The demo's 项目清单 project (上门义务理发). */
  projectId: seedId('project', 'haircut'),
  errandStation: seedId('errand-station', 'zhao'),
  building: (community: DemoCommunityKey, no: number) => seedId('building', community, String(no)),
  unit: (community: DemoCommunityKey, building: number, unit: number) => seedId('unit', community, String(building), String(unit)),
  household: (community: DemoCommunityKey, building: number, unit: number, room: string) =>
    seedId('household', community, String(building), String(unit), room),
}

/** Deterministic, plausible floor areas between 52 and 128 m². */
function areaFor(key: string): number {
  const n = parseInt(createHash('sha1').update(key).digest('hex').slice(0, 6), 16)
  return 52 + (n % 7600) / 100
}

/** Seeds one street with two communities, their buildings and households, and demo people. Idempotent. */
export async function seedDemo(db: Db): Promise<{ households: number; users: number }> {
  return db.transaction(async (tx) => {
    await tx.insert(districts).values({ id: demo.districtId, name: '中山区', city: '大连市' }).onConflictDoNothing()
    await tx.insert(streets).values({ id: demo.streetId, districtId: demo.districtId, name: '人民路街道' }).onConflictDoNothing()

    let householdCount = 0
    for (const c of demoCommunities) {
      const communityId = demo.community[c.key as DemoCommunityKey]
      await tx.insert(communities).values({ id: communityId, streetId: demo.streetId, name: c.name, code: c.code }).onConflictDoNothing()
      const bRows = [],
        uRows = [],
        hRows = []
      for (let b = 1; b <= c.buildings; b++) {
        const buildingId = demo.building(c.key as 'wenan', b)
        bRows.push({ id: buildingId, communityId, name: `${b}号楼`, sortKey: b })
        for (let u = 1; u <= c.unitsPerBuilding; u++) {
          const unitId = demo.unit(c.key as 'wenan', b, u)
          uRows.push({ id: unitId, buildingId, name: `${u}单元`, sortKey: u })
          for (let f = 1; f <= c.floors; f++) {
            for (const door of ['01', '02']) {
              const room = `${f}${door}`
              const id = demo.household(c.key as 'wenan', b, u, room)
              hRows.push({ id, unitId, communityId, room, areaM2: Math.round(areaFor(id) * 100) / 100 })
            }
          }
        }
      }
      await tx.insert(buildings).values(bRows).onConflictDoNothing()
      await tx.insert(units).values(uRows).onConflictDoNothing()
      await tx.insert(households).values(hRows).onConflictDoNothing()
      householdCount += hRows.length
    }

    for (const u of demoUserList) {
      const userId = demo.user[u.key]
      const communityId = demo.community[u.community as DemoCommunityKey]
      await tx
        .insert(users)
        .values({ id: userId, nickname: u.nickname, phone: u.phone ?? null, demoNote: u.note })
        .onConflictDoNothing()
      // Residents hold no membership: a verified claim is what makes them one (docs/decisions/016).
      if (u.role !== 'resident')
        await tx
          .insert(memberships)
          .values({ id: seedId('membership', u.key), userId, communityId, role: u.role, orgName: u.orgName ?? null })
          .onConflictDoNothing()
    }
    // Claims after everyone exists: a reviewer may be seeded after the resident they verified.
    for (const u of demoUserList) {
      const userId = demo.user[u.key]
      const communityId = demo.community[u.community as DemoCommunityKey]
      const claim = u.verified ?? u.pending
      if (!claim) continue
      const [b, un, room] = claim.at
      const reviewed = u.verified
        ? {
            status: 'verified' as const,
            reviewedAt: new Date('2026-01-05T02:00:00Z'),
            reviewedBy: demo.user[u.community === 'wenan' ? 'liu' : 'wu'],
          }
        : { status: 'pending' as const }
      await tx
        .insert(residencyClaims)
        .values({
          id: seedId('claim', u.key),
          userId,
          communityId,
          householdId: demo.household(u.community as 'wenan', b, un, room),
          relation: claim.relation,
          createdAt: new Date(u.verified ? '2026-01-04T02:00:00Z' : '2026-01-06T02:00:00Z'),
          ...reviewed,
        })
        .onConflictDoNothing()
    }
    for (const o of demoOfficials) {
      const userId = demo.user[o.key]
      await tx.insert(users).values({ id: userId, nickname: o.nickname, demoNote: o.note }).onConflictDoNothing()
      await tx
        .insert(streetMemberships)
        .values({ id: seedId('street-membership', o.key), userId, streetId: demo.streetId, role: 'street_admin' })
        .onConflictDoNothing()
    }
    for (const g of demoGrids) {
      const gridId = demo.grid(g.key)
      await tx.insert(grids).values({ id: gridId, communityId: demo.community.wenan, name: g.name }).onConflictDoNothing()
      await tx
        .insert(gridBuildings)
        .values(g.buildings.map((b) => ({ gridId, communityId: demo.community.wenan, buildingId: demo.building('wenan', b) })))
        .onConflictDoNothing()
      await tx
        .insert(gridWorkers)
        .values(g.workers.map((w) => ({ gridId, userId: demo.user[w] })))
        .onConflictDoNothing()
    }
    await seedCommunityLife(tx)
    return { households: householdCount, users: demoUserList.length + demoOfficials.length }
  })
}

/** 文安路社区's community life: needs and resources, 道德银行 points, a 代办站 and volunteer activities. */
async function seedCommunityLife(tx: Tx) {
  await seedNeeds(tx, {
    communityId: demo.community.wenan,
    staffId: demo.user.chen,
    residentId: demo.user.wang,
    supporters: [demo.user.zhao, demo.user.wang],
    building: (no) => demo.building('wenan', no),
    id: seedId,
  })
  await seedPoints(tx, {
    communityId: demo.community.wenan,
    wangId: demo.user.wang,
    householdId: demo.household('wenan', 3, 2, '302'),
    liuId: demo.user.liu,
    id: seedId,
  })
  await seedErrands(tx, {
    communityId: demo.community.wenan,
    helperId: demo.user.zhao,
    staffId: demo.user.chen,
    building: (no) => demo.building('wenan', no),
    id: seedId,
  })
  await seedVolunteering(tx, {
    communityId: demo.community.wenan,
    wangId: demo.user.wang,
    zhaoId: demo.user.zhao,
    liuId: demo.user.liu,
    id: seedId,
    now: new Date(),
  })
}
