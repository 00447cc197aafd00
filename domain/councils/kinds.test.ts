import { describe, expect, it } from 'vitest'
import {
  invitedPartyKinds,
  invitedPartyLabels,
  responsiblePartyKinds,
  responsiblePartyLabels,
  sessionDefaults,
  sessionKindInfo,
  sessionKinds,
} from './kinds.js'

const han = /\p{Script=Han}/u

describe('session kinds', () => {
  it('has the four kinds of the issue with their Chinese names', () => {
    expect(Object.fromEntries(sessionKinds.map((k) => [k, sessionKindInfo[k].label]))).toEqual({
      monthly_council: '每月一议',
      weekly_forum: '邻里事周议',
      special_topic: '专题议事会',
      round_table: '民情恳谈会',
    })
  })

  it.each(sessionKinds)('gives %s a description and sensible defaults', (kind) => {
    const info = sessionKindInfo[kind]
    expect(info.description).toMatch(han)
    expect(info.defaultCapacity).toBeGreaterThanOrEqual(1)
    expect(info.defaultCapacity).toBeLessThanOrEqual(2000)
    expect(info.defaultAgendaSlots).toBeGreaterThanOrEqual(1)
    expect(info.defaultAgendaSlots).toBeLessThanOrEqual(30)
    expect(info.defaultDurationMinutes).toBeGreaterThanOrEqual(15)
    expect(info.defaultBookingLeadHours).toBeGreaterThanOrEqual(0)
  })

  it('opens a special-topic session with its invited parties', () => {
    expect(sessionKinds.filter((k) => sessionKindInfo[k].invitesParties)).toEqual(['special_topic'])
  })

  it('fills a new monthly council from its defaults', () => {
    const startsAt = new Date('2026-03-13T11:00:00Z')
    expect(sessionDefaults('monthly_council', startsAt)).toEqual({
      endsAt: new Date('2026-03-13T13:00:00Z'),
      bookingDeadline: new Date('2026-03-10T11:00:00Z'),
      capacity: 60,
      agendaSlots: 6,
    })
  })
})

describe('parties', () => {
  it('names the parties that may be invited', () => {
    expect(invitedPartyKinds.map((k) => invitedPartyLabels[k])).toEqual(['物业', '业委会', '街道部门', '设计单位', '施工单位'])
  })

  it('names the parties that may carry out a resolution', () => {
    expect(responsiblePartyKinds.map((k) => responsiblePartyLabels[k])).toEqual(['社区', '物业', '业委会', '街道部门'])
  })
})
