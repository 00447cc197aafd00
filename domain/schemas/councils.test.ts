import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import {
  CheckInInput,
  MinutesInput,
  RecurringRuleInput,
  ResolutionInput,
  SessionActionInput,
  SessionDetail,
  SessionInput,
  SessionPage,
  SessionsQuery,
  TopicDecisionInput,
  TopicInput,
  TopicPage,
  RecurringRule,
} from './councils.js'

const han = /\p{Script=Han}/u
const ID = '3f2b8c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f'

const session = {
  kind: 'monthly_council',
  title: '三月每月一议',
  startsAt: '2026-03-13T19:00:00+08:00',
  endsAt: '2026-03-13T21:00:00+08:00',
  venue: '睦邻议事厅',
  capacity: 60,
  bookingDeadline: '2026-03-10T19:00:00+08:00',
  agendaSlots: 6,
}

/** The issues of a failed parse, as { path: message }. */
function issues(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input)
  expect(result.success).toBe(false)
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
}

describe('SessionInput', () => {
  it('accepts a complete session and defaults the invited parties to none', () => {
    expect(SessionInput.parse(session).invitedParties).toEqual([])
  })

  it('rejects an end before the start, on endsAt, naming the end time in Chinese', () => {
    expect(issues(SessionInput, { ...session, endsAt: '2026-03-13T18:00:00+08:00' })).toEqual({ endsAt: '结束时间须晚于开始时间' })
  })

  it('rejects an end equal to the start', () => {
    expect(issues(SessionInput, { ...session, endsAt: session.startsAt })).toHaveProperty('endsAt')
  })

  it('compares instants, not clock readings, across offsets', () => {
    // 11:30 UTC is 19:30 in Beijing: after a 19:00 +08:00 start although "11:30" < "19:00".
    expect(SessionInput.safeParse({ ...session, endsAt: '2026-03-13T11:30:00Z' }).success).toBe(true)
  })

  it('rejects a session longer than twelve hours', () => {
    expect(issues(SessionInput, { ...session, endsAt: '2026-03-14T08:00:00+08:00' }).endsAt).toContain('12 小时')
  })

  it('rejects a booking deadline after the start and accepts one exactly at it', () => {
    expect(issues(SessionInput, { ...session, bookingDeadline: '2026-03-13T19:00:01+08:00' })).toEqual({
      bookingDeadline: '议题申报截止时间不能晚于开始时间',
    })
    expect(SessionInput.safeParse({ ...session, bookingDeadline: session.startsAt }).success).toBe(true)
  })

  it('needs a venue or an online link', () => {
    const { venue: _venue, ...noPlace } = session
    expect(issues(SessionInput, noPlace)).toEqual({ venue: '请填写地点（或线上会议链接）' })
    expect(SessionInput.safeParse({ ...noPlace, onlineUrl: 'https://meeting.tencent.com/dm/abc123' }).success).toBe(true)
  })

  it('takes only https links', () => {
    expect(issues(SessionInput, { ...session, onlineUrl: 'http://meeting.example.com/1' }).onlineUrl).toMatch(han)
  })

  it('rejects times without an offset', () => {
    expect(issues(SessionInput, { ...session, startsAt: '2026-03-13T19:00:00' }).startsAt).toContain('开始时间')
  })

  it.each([
    ['title', '议', '至少 2 个字'],
    ['title', '议'.repeat(61), '最多 60 字'],
    ['capacity', 0, '至少 1 人'],
    ['capacity', 2001, '最多 2000 人'],
    ['capacity', 10.5, '整数'],
    ['agendaSlots', 0, '至少安排 1 个'],
    ['agendaSlots', 31, '最多安排 30 个'],
  ])('rejects %s = %o: “%s”', (field, value, words) => {
    expect(issues(SessionInput, { ...session, [field]: value })[field]).toContain(words)
  })

  it('accepts the bounds themselves', () => {
    for (const patch of [
      { title: '议事' },
      { title: '议'.repeat(60) },
      { capacity: 1 },
      { capacity: 2000 },
      { agendaSlots: 1 },
      { agendaSlots: 30 },
    ]) {
      expect(SessionInput.safeParse({ ...session, ...patch }).success, JSON.stringify(patch)).toBe(true)
    }
  })

  it('takes invited parties, named or not, and refuses an unknown kind', () => {
    const invitedParties = [{ kind: 'property_company', name: '安居物业' }, { kind: 'designer' }]
    expect(SessionInput.parse({ ...session, kind: 'special_topic', invitedParties }).invitedParties).toEqual(invitedParties)
    expect(SessionInput.safeParse({ ...session, invitedParties: [{ kind: 'bank' }] }).success).toBe(false)
  })

  it('refuses unknown fields', () => {
    expect(SessionInput.safeParse({ ...session, status: 'open' }).success).toBe(false)
  })
})

describe('RecurringRuleInput', () => {
  const rule = {
    kind: 'weekly_forum',
    title: '邻里事周议',
    venue: '3号楼架空层',
    capacity: 30,
    agendaSlots: 4,
    bookingLeadHours: 24,
    schedule: { freq: 'weekly', weekdays: [3], time: '19:30', durationMinutes: 90 },
  }

  it('accepts every Wednesday at 19:30, active by default', () => {
    expect(RecurringRuleInput.parse(rule).active).toBe(true)
  })

  it('reports a bad schedule at its own field', () => {
    expect(issues(RecurringRuleInput, { ...rule, schedule: { ...rule.schedule, time: '19点半' } })).toEqual({
      'schedule.time': '时间格式应为「时:分」，例如 19:00',
    })
  })

  it('needs a venue or an online link', () => {
    const { venue: _venue, ...noPlace } = rule
    expect(issues(RecurringRuleInput, noPlace)).toEqual({ venue: '请填写地点（或线上会议链接）' })
  })
})

describe('topics', () => {
  it('bounds the title at 4–60 and the reason at 10–1000 characters', () => {
    const ok = { title: '加装电梯', reason: '三号楼二单元老人多，上下楼困难。' }
    expect(TopicInput.safeParse(ok).success).toBe(true)
    expect(issues(TopicInput, { ...ok, title: '电梯' }).title).toBe('议题至少 4 个字')
    expect(issues(TopicInput, { ...ok, reason: '老人上下楼困难' }).reason).toBe('请至少用 10 个字说明为什么要议')
    expect(issues(TopicInput, { ...ok, concernId: 'WA-2026-000123' })).toHaveProperty('concernId')
  })

  it('decides a topic in one of three ways, each with what it needs', () => {
    expect(TopicDecisionInput.parse({ action: 'accept', order: 1, minutes: 20 })).toEqual({ action: 'accept', order: 1, minutes: 20 })
    expect(TopicDecisionInput.safeParse({ action: 'defer', targetSessionId: ID }).success).toBe(true)
    expect(TopicDecisionInput.safeParse({ action: 'decline', reason: '不属于议事范围' }).success).toBe(true)
    expect(issues(TopicDecisionInput, { action: 'accept', order: 1 }).minutes).toBe('请填写安排的时长（分钟）')
    expect(issues(TopicDecisionInput, { action: 'accept', order: 31, minutes: 10 }).order).toContain('30')
    expect(issues(TopicDecisionInput, { action: 'decline', reason: ' ' }).reason).toMatch(han)
    expect(issues(TopicDecisionInput, { action: 'approve' }).action).toBe('请选择：列入议程、顺延或不予采纳')
  })

  it('needs a reason to cancel a session, and nothing else to move it along', () => {
    expect(SessionActionInput.safeParse({ action: 'fix_agenda' }).success).toBe(true)
    expect(issues(SessionActionInput, { action: 'cancel' }).reason).toBe('请填写取消的原因')
    expect(SessionActionInput.safeParse({ action: 'publish_minutes' }).success).toBe(false)
  })
})

describe('resolutions, minutes and check-in', () => {
  it('records a resolution with a responsible party from the list and an optional name', () => {
    const ok = {
      text: '物业两周内更换三号楼路灯',
      responsibleParty: 'property_company',
      responsibleName: '安居物业',
      deadline: '2026-03-27T18:00:00+08:00',
    }
    expect(ResolutionInput.safeParse(ok).success).toBe(true)
    expect(ResolutionInput.safeParse({ ...ok, responsibleName: undefined, responsibleParty: 'community' }).success).toBe(true)
    expect(ResolutionInput.safeParse({ ...ok, responsibleParty: 'designer' }).success).toBe(false)
    expect(issues(ResolutionInput, { ...ok, deadline: '下周五' }).deadline).toContain('完成期限')
  })

  it('needs minutes of at least 20 characters and at most nine photos', () => {
    const ok = { text: '本次议事会共议定三项议题，形成决议如下，请各责任方按期办理。', attendeeCount: 28 }
    expect(MinutesInput.parse(ok).photoIds).toEqual([])
    expect(issues(MinutesInput, { ...ok, text: '甲'.repeat(19) }).text).toBe('会议纪要至少 20 个字')
    expect(issues(MinutesInput, { ...ok, photoIds: Array(10).fill(ID) }).photoIds).toBe('最多上传 9 张照片')
    expect(issues(MinutesInput, { ...ok, attendeeCount: -1 }).attendeeCount).toBe('参会人数不能为负')
  })

  it('takes a six-digit check-in code, as typed with full-width digits or spaces', () => {
    expect(CheckInInput.parse({ code: '004211' })).toEqual({ code: '004211' })
    expect(CheckInInput.parse({ code: '００４ ２１１' })).toEqual({ code: '004211' })
    expect(issues(CheckInInput, { code: '12345' }).code).toBe('请输入 6 位数字签到码')
    expect(issues(CheckInInput, { code: 'abcdef' }).code).toBe('请输入 6 位数字签到码')
  })
})

describe('lists and responses', () => {
  it('lists upcoming sessions by default and reads the limit from the query string', () => {
    expect(SessionsQuery.parse({ limit: '10' })).toEqual({ when: 'upcoming', limit: 10 })
    expect(SessionsQuery.safeParse({ limit: '51' }).success).toBe(false)
  })

  it('converts every response and input to JSON Schema for the OpenAPI document', () => {
    for (const schema of [SessionDetail, SessionPage, TopicPage, RecurringRule]) {
      expect(() => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', reused: 'inline' })).not.toThrow()
    }
    for (const schema of [SessionInput, RecurringRuleInput, TopicInput, TopicDecisionInput, ResolutionInput, MinutesInput, CheckInInput]) {
      expect(() => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline' })).not.toThrow()
    }
  })

  it('names the main response objects for the OpenAPI components', () => {
    const json = JSON.stringify(z.toJSONSchema(SessionPage, { io: 'output', unrepresentable: 'any' }))
    expect(json).toContain('CouncilSession')
  })
})
