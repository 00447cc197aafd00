import type { Tx } from './client.js'
import { needs, needSupports, projectNeeds, projectResources, projects, resources, trackedItems, trackedUpdates } from './schema/index.js'

/** Who the demo's needs and resources belong to: ids made by the seed (passed in, so there is no import cycle). */
export interface NeedsSeedIds {
  communityId: string
  /** 陈书记, who raised the staff needs and recorded the resources. */
  staffId: string
  /** 王秀英, who proposed one need and offers a skill. */
  residentId: string
  /** Verified residents who support the needs. */
  supporters: string[]
  building: (no: number) => string
  id: (...parts: string[]) => string
}

/** Contacts of the demo's resources: staff see them; the matrix test checks residents never do. */
export const demoResourcePhones = ['13940110001', '024-23456789', '13940110003'] as const

/**
 * 文安路社区's 需求清单 (楼道照明, 独居老人助餐, 儿童托管, 老人理发) with supporters, its 资源清单, and one
 * project of its 项目清单 (上门义务理发: the haircut need met by the volunteer team, 40 % done).
 */
export async function seedNeeds(tx: Tx, s: NeedsSeedIds) {
  const at = new Date('2026-11-02T02:00:00Z')
  const list = demoNeeds(s)
  for (const n of list) {
    const needId = s.id('need', n.key)
    await tx
      .insert(needs)
      .values({
        id: needId,
        communityId: s.communityId,
        title: n.title,
        description: n.description,
        category: n.category,
        groups: n.groups,
        buildingIds: n.buildingIds,
        raisedBy: n.by,
        raisedByStaff: n.staff,
        status: n.key === 'haircut' ? 'in_project' : n.staff ? 'open' : 'pending_review',
        supporterCount: n.supporters.length,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
    if (n.supporters.length)
      await tx
        .insert(needSupports)
        .values(n.supporters.map((userId) => ({ needId, userId, createdAt: at })))
        .onConflictDoNothing()
  }
  const offered = [
    [
      'room',
      'property_company',
      '安居物业',
      'space',
      '物业会议室',
      '可容纳 30 人，有投影和白板，可用于议事和培训',
      '工作日 9:00–17:00，提前一天预约',
      '孙经理',
      demoResourcePhones[0],
    ],
    [
      'clinic',
      'unit',
      '社区卫生站',
      'skill',
      '义诊',
      '每月一次为老人量血压、测血糖，解答用药问题',
      '每月第一个周六上午',
      '李医生',
      demoResourcePhones[1],
    ],
    [
      'haircut',
      'volunteer_team',
      '文安志愿者服务队',
      'hours',
      '义务理发',
      '为行动不便的老人上门理发',
      '每周三下午',
      '张队长',
      demoResourcePhones[2],
    ],
  ] as const
  for (const [key, ownerKind, ownerName, kind, title, description, availability, contactName, contactPhone] of offered) {
    await tx
      .insert(resources)
      .values({
        id: s.id('resource', key),
        communityId: s.communityId,
        ownerKind,
        ownerName,
        kind,
        title,
        description,
        availability,
        contactName,
        contactPhone,
        createdBy: s.staffId,
        createdAt: at,
      })
      .onConflictDoNothing()
  }
  await seedProject(tx, s, new Date('2026-11-09T02:00:00Z'))
}

/** The demo's project: 行动不便老人理发难 matched to 义务理发, tracked (社区, a month) with one update. */
async function seedProject(tx: Tx, s: NeedsSeedIds, at: Date) {
  const projectId = s.id('project', 'haircut')
  await tx
    .insert(projects)
    .values({
      id: projectId,
      communityId: s.communityId,
      title: '上门义务理发',
      description: '文安志愿者服务队每周三下午为行动不便的老人上门理发，网格员提前登记需要的老人',
      budgetFen: 60_000,
      createdBy: s.staffId,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing()
  await tx
    .insert(projectNeeds)
    .values({ projectId, needId: s.id('need', 'haircut') })
    .onConflictDoNothing()
  await tx
    .insert(projectResources)
    .values({ projectId, resourceId: s.id('resource', 'haircut') })
    .onConflictDoNothing()
  const itemId = s.id('tracked', 'project-haircut')
  const updatedAt = new Date(at.getTime() + 7 * 86400_000)
  await tx
    .insert(trackedItems)
    .values({
      id: itemId,
      communityId: s.communityId,
      projectId,
      title: '上门义务理发',
      text: '文安志愿者服务队每周三下午为行动不便的老人上门理发，网格员提前登记需要的老人',
      party: 'community',
      partyName: null,
      deadline: new Date('2026-12-31T09:00:00Z'),
      status: 'in_progress',
      progress: 40,
      lastUpdateAt: updatedAt,
      createdAt: at,
      updatedAt,
    })
    .onConflictDoNothing()
  await tx
    .insert(trackedUpdates)
    .values({
      id: s.id('tracked-update', 'project-haircut'),
      itemId,
      authorId: s.staffId,
      authorRole: 'staff',
      note: '已为 4 号楼 5 位老人上门理发，下周三继续 5、6 号楼',
      fromStatus: 'not_started',
      status: 'in_progress',
      progress: 40,
      createdAt: updatedAt,
    })
    .onConflictDoNothing()
}

/** The demo's needs: three open or pending, one already taken up by the demo's project. */
function demoNeeds(s: NeedsSeedIds) {
  return [
    {
      key: 'light',
      title: '楼道照明改造',
      description: '1–3 号楼楼道灯老化，夜里经常不亮，老人上下楼容易摔倒，希望统一换成声控灯',
      category: 'facilities',
      groups: ['elderly_alone'],
      buildingIds: [s.building(1), s.building(2), s.building(3)],
      by: s.staffId,
      staff: true,
      supporters: s.supporters,
    },
    {
      key: 'meals',
      title: '独居老人助餐',
      description: '小区独居老人多，做饭不方便，希望社区食堂或周边餐馆能提供助餐和送餐',
      category: 'elderly_care',
      groups: ['elderly_alone', 'disabled'],
      buildingIds: [],
      by: s.staffId,
      staff: true,
      supporters: s.supporters.slice(0, 1),
    },
    {
      key: 'childcare',
      title: '儿童放学后托管',
      description: '双职工家庭孩子放学后没人照看，希望利用社区活动室开设四点半课堂',
      category: 'childcare',
      groups: ['children', 'dual_income'],
      buildingIds: [],
      by: s.residentId,
      staff: false,
      supporters: [],
    },
    {
      key: 'haircut',
      title: '行动不便老人理发难',
      description: '几位卧床和坐轮椅的老人出不了门，理发要等子女回来，希望有人能上门理发',
      category: 'elderly_care',
      groups: ['elderly_alone', 'disabled'],
      buildingIds: [s.building(4)],
      by: s.staffId,
      staff: true,
      supporters: s.supporters.slice(0, 1),
    },
  ]
}
