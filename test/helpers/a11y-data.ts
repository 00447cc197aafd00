import sharp from 'sharp'
import type { journey } from './journey.js'

type Journey = ReturnType<typeof journey>

/** The ids the audited pages are opened with. */
export interface A11yData {
  community: string
  concern: string
  session: string
  running: string
  vote: string
  tracked: string
}

/**
 * What the accessibility checks open pages on, made through the API: a concern with a photo by
 * 王秀英, an open session she registered for, a session under way, an open multiple-choice vote,
 * and 李建国's claim waiting for staff.
 */
export async function makeA11yData(j: Journey): Promise<A11yData> {
  const wang = await j.tokenOf('王秀英')
  const chen = await j.tokenOf('陈书记')
  const communityId = (await j.api('GET', '/me', chen)).staffOf[0] as string
  const form = new FormData()
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#7a9a5b' } })
    .jpeg()
    .toBuffer()
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg')
  const uploaded = await fetch(`${j.url}/api/photos`, { method: 'POST', headers: { authorization: `Bearer ${wang}` }, body: form }).then(
    (r) => r.json(),
  )
  const concern = await j.api(
    'POST',
    '/concerns',
    wang,
    {
      communityId,
      category: 'facilities',
      description: '3号楼东侧的路灯坏了一个星期，晚上很黑，老人出门不方便',
      place: { kind: 'text', text: '3号楼东侧' },
      photoIds: [uploaded.id],
      visibility: 'public',
      anonymous: false,
    },
    { 'Idempotency-Key': `a11y-${Date.now()}` },
  )
  const start = new Date(Date.now() + 2 * 86400_000)
  const session = await j.api('POST', `/communities/${communityId}/sessions`, chen, {
    kind: 'monthly_council',
    title: '十二月每月一议',
    description: '议一议楼道堆物和加装电梯',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    venue: '睦邻议事厅',
    capacity: 50,
    bookingDeadline: new Date(start.getTime() - 3600_000).toISOString(),
    agendaSlots: 4,
  })
  await j.api('POST', `/sessions/${session.id}/actions`, chen, { action: 'open' })
  await j.api('POST', `/sessions/${session.id}/registration`, wang)
  // A second session already under way, for 现场主持.
  const running = { id: await j.runningSession(chen, communityId, '楼道堆物专题议事会') }
  const now = Date.now()
  const vote = await j.api('POST', `/communities/${communityId}/proposals`, chen, {
    title: '小区健身区改造方案',
    text: '社区微更新经费可用于健身区改造，请选出您最支持的方案（最多两项）。',
    options: { kind: 'choice', choices: ['更换健身器材', '铺设塑胶地面', '增加遮阳棚'], maxChoices: 2 },
    electorate: { kind: 'residents' },
    unit: 'resident',
    rule: 'simple_majority',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 3 * 86400_000).toISOString(),
  })
  await j.api('POST', `/proposals/${vote.id}/actions`, chen, { action: 'open' })
  // An approved standalone vote: a tracked item, with one progress update.
  const approved = await j.api('POST', `/communities/${communityId}/proposals`, chen, {
    title: '东门加装非机动车棚',
    text: '在东门内侧加装非机动车棚，费用由社区微更新经费承担。',
    options: { kind: 'yes_no' },
    electorate: { kind: 'residents' },
    unit: 'resident',
    rule: 'simple_majority',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 3 * 86400_000).toISOString(),
  })
  await j.api('POST', `/proposals/${approved.id}/actions`, chen, { action: 'open' })
  await j.api('POST', `/proposals/${approved.id}/ballots`, wang, { choices: ['yes'] })
  await j.api('POST', `/proposals/${approved.id}/actions`, chen, { action: 'close' })
  const tracked = (await j.api('GET', `/communities/${communityId}/tracked-items?limit=100`, chen)).items.find(
    (i: { source: { proposalId: string | null } }) => i.source.proposalId === approved.id,
  )
  await j.api('POST', `/tracked-items/${tracked.id}/updates`, chen, { note: '已联系施工单位，材料下周进场', progress: 30, photoIds: [] })
  // A claim waiting for staff (李建国 asks to join 王秀英's household).
  const household = (await j.api('GET', '/me', wang)).households[0]
  await j.api('POST', '/residency/claims', await j.tokenOf('李建国'), { householdId: household.householdId, relation: 'family' })
  return {
    community: communityId,
    concern: concern.id as string,
    session: session.id as string,
    running: running.id as string,
    vote: vote.id as string,
    tracked: tracked.id as string,
  }
}
