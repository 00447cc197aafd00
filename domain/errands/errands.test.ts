import { describe, expect, it } from 'vitest'
import { availableErrandActions, checkErrandAction, mayReadErrandContact, stationServes, type ErrandStanding } from './errands.js'

const none: ErrandStanding = { asker: false, helper: false, candidate: false, staff: false }
const asker = { ...none, asker: true }
const candidate = { ...none, candidate: true }
const helper = { ...none, helper: true }
const staff = { ...none, staff: true }

describe('errand stations', () => {
  const station = { active: true, buildingIds: ['b3', 'b4'], kinds: ['medicine', 'groceries'] }
  it('serve the buildings and kinds they cover; "other" goes to every station of the building', () => {
    expect(stationServes(station, { buildingId: 'b3', kind: 'medicine' })).toBe(true)
    expect(stationServes(station, { buildingId: 'b5', kind: 'medicine' })).toBe(false)
    expect(stationServes(station, { buildingId: 'b4', kind: 'parcel' })).toBe(false)
    expect(stationServes(station, { buildingId: 'b4', kind: 'other' })).toBe(true)
    expect(stationServes({ ...station, active: false }, { buildingId: 'b3', kind: 'medicine' })).toBe(false)
  })
})

describe('the errand lifecycle', () => {
  it('goes asked → accepted → done → confirmed, each step by its person', () => {
    expect(availableErrandActions('asked', candidate)).toEqual(['accept'])
    expect(availableErrandActions('accepted', helper)).toEqual(['done'])
    expect(availableErrandActions('done', asker)).toEqual(['confirm'])
    expect(availableErrandActions('confirmed', asker)).toEqual([])
    expect(availableErrandActions('confirmed', helper)).toEqual([])
  })

  it('lets the asker cancel before it is done, never after', () => {
    expect(availableErrandActions('asked', asker)).toEqual(['cancel'])
    expect(availableErrandActions('accepted', asker)).toEqual(['cancel'])
    expect(checkErrandAction('cancel', 'done', asker)).toMatchObject({ ok: false, code: 'ERRAND_NOT_ALLOWED' })
  })

  it('refuses the wrong person with FORBIDDEN and the wrong moment with ERRAND_NOT_ALLOWED', () => {
    expect(checkErrandAction('confirm', 'done', helper)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(checkErrandAction('confirm', 'done', staff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(checkErrandAction('done', 'accepted', candidate)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(checkErrandAction('accept', 'accepted', candidate)).toMatchObject({ ok: false, code: 'ERRAND_NOT_ALLOWED' })
    expect(checkErrandAction('confirm', 'accepted', asker)).toMatchObject({ ok: false, code: 'ERRAND_NOT_ALLOWED' })
  })

  it('never lets the asker accept their own errand, even when they keep a station', () => {
    expect(checkErrandAction('accept', 'asked', { ...asker, candidate: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('shows the contact to the asker, the accepting helper and staff only', () => {
    expect(mayReadErrandContact(asker)).toBe(true)
    expect(mayReadErrandContact(helper)).toBe(true)
    expect(mayReadErrandContact(staff)).toBe(true)
    expect(mayReadErrandContact(candidate)).toBe(false)
    expect(mayReadErrandContact(none)).toBe(false)
  })
})
