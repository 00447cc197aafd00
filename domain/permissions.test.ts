import { describe, expect, it } from 'vitest'
import { actions, can, type Action, type Actor } from './permissions.js'

const HOME = 'c-home'
const OTHER = 'c-other'

const people: Record<string, Actor> = {
  stranger: { userId: 'u0', memberships: [], verifiedIn: [] },
  // A `resident` membership without a verified household (what a bare claim once wrote) grants nothing.
  unverifiedResident: { userId: 'u1', memberships: [{ communityId: HOME, role: 'resident' }], verifiedIn: [] },
  verifiedResident: { userId: 'u2', memberships: [{ communityId: HOME, role: 'resident' }], verifiedIn: [HOME] },
  worker: { userId: 'u3', memberships: [{ communityId: HOME, role: 'worker' }], verifiedIn: [] },
  admin: { userId: 'u4', memberships: [{ communityId: HOME, role: 'admin' }], verifiedIn: [] },
  partner: { userId: 'u5', memberships: [{ communityId: HOME, role: 'partner' }], verifiedIn: [] },
  otherWorker: { userId: 'u6', memberships: [{ communityId: OTHER, role: 'worker' }], verifiedIn: [] },
}

// Expected answer for each person in HOME, one column per action.
const table: Record<Action, Record<keyof typeof people, boolean>> = {
  'community.view': {
    stranger: true,
    unverifiedResident: true,
    verifiedResident: true,
    worker: true,
    admin: true,
    partner: true,
    otherWorker: true,
  },
  'residency.claim': {
    stranger: true,
    unverifiedResident: true,
    verifiedResident: true,
    worker: true,
    admin: true,
    partner: true,
    otherWorker: true,
  },
  'residency.review': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'concern.raise': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: true,
    admin: true,
    partner: true,
    otherWorker: false,
  },
  'concern.cosign': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: false,
    admin: false,
    partner: false,
    otherWorker: false,
  },
  'resident.act': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: false,
    admin: false,
    partner: false,
    otherWorker: false,
  },
  'community.administer': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: false,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'council.manage': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'council.bookTopic': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: false,
    admin: false,
    partner: false,
    otherWorker: false,
  },
  'council.attend': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: false,
    admin: false,
    partner: false,
    otherWorker: false,
  },
  'council.viewInvited': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: true,
    otherWorker: false,
  },
  'vote.manage': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'vote.cast': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: false,
    admin: false,
    partner: false,
    otherWorker: false,
  },
  'vote.viewParticipation': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
}

describe('can(actor, action, community)', () => {
  it('has an expectation for every action', () => {
    expect(Object.keys(table).sort()).toEqual([...actions].sort())
  })

  const cases = actions.flatMap((action) => Object.entries(table[action]).map(([who, allowed]) => ({ action, who, allowed })))
  it.each(cases)('$who may $action: $allowed', ({ action, who, allowed }) => {
    expect(can(people[who], action, { communityId: HOME })).toBe(allowed)
  })

  it('gives a worker of another community no staff rights here', () => {
    expect(can(people.otherWorker, 'residency.review', { communityId: OTHER })).toBe(true)
    expect(can(people.otherWorker, 'residency.review', { communityId: HOME })).toBe(false)
  })
})
