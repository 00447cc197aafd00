import { describe, expect, it } from 'vitest'
import { CONCERN_TEXT_MIN, PLACE_TEXT_MAX, SESSION_TITLE_MIN, VOTE_TEXT_MIN, VOTE_TITLE_MIN } from '@domain/limits.js'
import { RaiseConcernInput } from '@domain/schemas/concerns.js'
import { SessionInput } from '@domain/schemas/councils.js'
import { ProposalInput } from '@domain/schemas/votes.js'
import { checkRaise, placeOf, placeTextOf, raiseBody, raiseFieldOf } from '@/pages/concern-raise/raise-form'
import * as sessionForm from '@/staff/pages/session-form/session-form'
import * as voteForm from '@/staff/pages/vote-form/vote-form'

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`

describe('the raise form', () => {
  const home = { kind: 'household' as const, householdId: id(1), text: '' }

  it('asks for a longer description, naming the minimum from domain/limits.ts', () => {
    const errors = checkRaise('灯坏了', home)
    expect(errors.description).toContain(String(CONCERN_TEXT_MIN))
    expect(errors.place).toBeUndefined()
  })

  it('asks where, and for more than one character of a typed place', () => {
    expect(checkRaise('楼道灯坏了一周', { kind: 'building', text: '' }).place).toBe('请选择或填写问题所在的位置')
    expect(checkRaise('楼道灯坏了一周', { kind: 'text', text: ' 东 ' }).place).toContain('至少')
    expect(checkRaise('楼道灯坏了一周', { kind: 'text', text: '小区东门' })).toEqual({})
  })

  it('sends what the API accepts: trimmed text, the chosen place, visibility', () => {
    const body = raiseBody({
      communityId: id(2),
      category: 'facilities',
      description: '  3号楼2单元楼道灯坏了一周  ',
      place: { kind: 'text', text: ' 3号楼北侧 ', point: { latitude: 39.1, longitude: 117.2 } },
      photoIds: [],
      isPublic: false,
      anonymous: true,
    })
    expect(body.description).toBe('3号楼2单元楼道灯坏了一周')
    expect(body.place).toEqual({ kind: 'text', text: '3号楼北侧', latitude: 39.1, longitude: 117.2 })
    expect(body.visibility).toBe('private')
    expect(RaiseConcernInput.safeParse(body).success).toBe(true)
  })

  it('keeps only the place of the chosen kind', () => {
    expect(placeOf({ kind: 'household', householdId: id(1), buildingId: id(3), text: 'x' })).toEqual({
      kind: 'household',
      householdId: id(1),
    })
    expect(placeOf({ text: '' })).toBeNull()
  })

  it('maps server paths to its fields, and cuts a map pick to the place limit', () => {
    expect(raiseFieldOf('place.text')).toBe('place')
    expect(raiseFieldOf('photoIds.3')).toBe('photos')
    expect(raiseFieldOf('visibility')).toBeNull()
    expect(placeTextOf({ name: '东门', address: '和平路 1 号' })).toBe('东门 和平路 1 号')
    expect(placeTextOf({ name: '长'.repeat(150) })).toHaveLength(PLACE_TEXT_MAX)
  })
})

describe('the vote form', () => {
  const now = Date.parse('2026-03-13T07:00:00Z')
  const valid = () => ({ ...voteForm.initialForm(now), title: '加装电梯', text: '3号楼2单元加装电梯，费用按楼层分摊' })

  it('starts as a valid draft once title and text are written', () => {
    expect(voteForm.check(valid(), now)).toEqual({})
  })

  it('names the minimum lengths from domain/limits.ts', () => {
    const errors = voteForm.check({ ...valid(), title: '电', text: '装' }, now)
    expect(errors.title).toBe(`标题至少 ${VOTE_TITLE_MIN} 个字`)
    expect(errors.text).toBe(`方案内容至少 ${VOTE_TEXT_MIN} 个字`)
  })

  it('refuses too few or repeated choices, an empty household scope, attendees without a topic', () => {
    const few = { ...valid(), optionKind: 'choice' as const, choices: [voteForm.newChoice('北侧'), voteForm.newChoice(' ')] }
    expect(voteForm.check(few, now).options).toBe('至少 2 个选项')
    const twice = { ...few, choices: [voteForm.newChoice('北侧'), voteForm.newChoice(' 北侧 ')] }
    expect(voteForm.check(twice, now).options).toBe('选项不能重复')
    expect(voteForm.check({ ...valid(), electorate: 'households' }, now).electorate).toBe('请至少选择一栋楼或一个单元')
    expect(voteForm.check({ ...valid(), electorate: 'attendees' }, now).electorate).toBe('到会居民表决须关联议事会的议题')
  })

  it('wants the vote to close after it opens, and after now', () => {
    const backwards = { ...valid(), closesDate: valid().opensDate, closesTime: '00:00', opensTime: '10:00' }
    expect(voteForm.check(backwards, now).window).toBe('截止时间须晚于开始时间')
    const past = { ...valid(), opensDate: '2026-03-01', opensTime: '08:00', closesDate: '2026-03-02', closesTime: '08:00' }
    expect(voteForm.check(past, now).window).toBe('截止时间须晚于现在')
  })

  it('sends a body the API accepts: trimmed choices, max choices within them, quorum only for simple majority', () => {
    const f = {
      ...valid(),
      optionKind: 'choice' as const,
      choices: [voteForm.newChoice(' 北侧 '), voteForm.newChoice('南侧'), voteForm.newChoice('')],
      maxChoices: 5,
      quorum: 30,
    }
    const body = voteForm.toBody(f, [])
    expect(body.options).toEqual({ kind: 'choice', choices: ['北侧', '南侧'], maxChoices: 2 })
    expect(body.quorumPercent).toBe(30)
    expect(body.opensAt).toMatch(/\+08:00$/)
    expect(ProposalInput.safeParse(body).success).toBe(true)
    expect(voteForm.toBody({ ...f, rule: 'council' }, []).quorumPercent).toBeUndefined()
  })

  it('turns an owner rule into one vote per household among chosen buildings', () => {
    const { next, clear } = voteForm.ruleChange({ ...valid(), quorum: 30 }, 'owners_major')
    expect(next).toMatchObject({ unit: 'household', electorate: 'households', quorum: 0 })
    expect(clear).toContain('electorate')
  })

  it('maps server paths to its fields and toggles ids', () => {
    expect(voteForm.fieldOf('quorumPercent')).toBe('quorum')
    expect(voteForm.fieldOf('closesAt')).toBe('window')
    expect(voteForm.fieldOf('nope')).toBeNull()
    expect(voteForm.toggle(['a', 'b'], 'a')).toEqual(['b'])
    expect(voteForm.toggle(['b'], 'a')).toEqual(['b', 'a'])
  })
})

describe('the session form', () => {
  const now = Date.parse('2026-03-13T07:00:00Z')
  const form = () => ({ ...sessionForm.defaultsFor('monthly_council', '三月议事会', now), venue: '睦邻议事厅' })

  it('starts from the kind defaults a week ahead at 19:00, valid once a place is given', () => {
    const f = form()
    expect(f.date).toBe('2026-03-20')
    expect(f.start).toBe('19:00')
    expect(sessionForm.check(f, now)).toEqual({})
    expect(SessionInput.safeParse(sessionForm.toBody(f)).success).toBe(true)
  })

  it('asks for a title, a place, an https link, a future start and a deadline before it', () => {
    const errors = sessionForm.check(
      { ...form(), title: '会', venue: '', onlineUrl: 'http://x', date: '2026-03-01', deadlineDate: '2026-03-02' },
      now,
    )
    expect(errors.title).toBe(`标题至少 ${SESSION_TITLE_MIN} 个字`)
    expect(errors.onlineUrl).toBeDefined()
    expect(errors.startsAt).toBe('开始时间须晚于现在')
    expect(errors.bookingDeadline).toBeDefined()
    expect(sessionForm.check({ ...form(), venue: ' ' }, now).venue).toBe('请填写地点（或线上会议链接）')
  })

  it('reads an end before the start as the next day', () => {
    const body = sessionForm.toBody({ ...form(), start: '22:00', end: '01:00' })
    expect(Date.parse(body.endsAt) - Date.parse(body.startsAt)).toBe(3 * 3600_000)
  })

  it('maps server paths to its fields', () => {
    expect(sessionForm.fieldOf('invitedParties.0.name')).toBe('invitedParties')
    expect(sessionForm.fieldOf('kind')).toBeNull()
  })
})
