import type { Tx } from './client.js'
import { volunteerActivities, volunteerSignups } from './schema/index.js'

const hour = 3600_000
const day = 24 * hour

/** 09:00 China time (01:00 UTC) on the first Saturday at least two days after `now`. */
export function nextSaturdayMorning(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 1) + 2 * day)
  while (new Date(d.getTime() + 8 * hour).getUTCDay() !== 6) d.setTime(d.getTime() + day)
  return d
}

/**
 * The demo's 志愿活动 in 文安路社区: a past one, signed off, whose hour 王秀英's seeded 志愿服务 points
 * came from, and an upcoming one (the next Saturday morning after seeding) that 赵 has signed up for.
 * Idempotent: fixed ids.
 */
export async function seedVolunteering(
  tx: Tx,
  ids: { communityId: string; wangId: string; zhaoId: string; liuId: string; id: (...parts: string[]) => string; now: Date },
) {
  const past = ids.id('volunteer-activity', 'national-day')
  const upcoming = ids.id('volunteer-activity', 'leaflets')
  const starts = nextSaturdayMorning(ids.now)
  await tx
    .insert(volunteerActivities)
    .values([
      {
        id: past,
        communityId: ids.communityId,
        title: '国庆小区环境整治',
        description: '清理绿化带的垃圾和楼道杂物，迎接国庆。',
        place: '小区南门集合',
        organiser: '文安路社区志愿服务队',
        startsAt: new Date('2026-10-01T23:00:00Z'),
        endsAt: new Date('2026-10-02T00:00:00Z'),
        capacity: 20,
        creditedMinutes: 60,
        signedUpCount: 1,
        signedOffAt: new Date('2026-10-02T01:00:00Z'),
        signedOffBy: ids.liuId,
        createdBy: ids.liuId,
        createdAt: new Date('2026-09-25T02:00:00Z'),
      },
      {
        id: upcoming,
        communityId: ids.communityId,
        title: '楼道小广告清理',
        description: '清理 1–3 号楼楼道里的小广告，社区提供铲刀和手套。',
        place: '社区服务站门口集合',
        organiser: '文安路社区志愿服务队',
        startsAt: starts,
        endsAt: new Date(starts.getTime() + 2 * hour),
        capacity: 10,
        creditedMinutes: 120,
        signedUpCount: 1,
        createdBy: ids.liuId,
        createdAt: new Date(starts.getTime() - 7 * day),
      },
    ])
    .onConflictDoNothing()
  await tx
    .insert(volunteerSignups)
    .values([
      {
        id: ids.id('volunteer-signup', 'national-day', 'wang'),
        activityId: past,
        communityId: ids.communityId,
        userId: ids.wangId,
        status: 'attended',
        creditedMinutes: 60,
        createdAt: new Date('2026-09-26T02:00:00Z'),
        signedOffAt: new Date('2026-10-02T01:00:00Z'),
      },
      {
        id: ids.id('volunteer-signup', 'leaflets', 'zhao'),
        activityId: upcoming,
        communityId: ids.communityId,
        userId: ids.zhaoId,
        createdAt: new Date(starts.getTime() - 6 * day),
      },
    ])
    .onConflictDoNothing()
}
