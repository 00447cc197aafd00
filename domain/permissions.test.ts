import { describe, expect, it } from 'vitest'
import { actions, can, canInStreet, streetActions, type Action, type Actor } from './permissions.js'

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
  'concern.readPrivate': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'kpi.view': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'grid.view': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'grid.manage': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'overdue.view': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'ledger.download': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'limits.configure': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: false,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'needs.view': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: true,
    admin: true,
    partner: true,
    otherWorker: false,
  },
  'needs.participate': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: false,
    admin: false,
    partner: false,
    otherWorker: false,
  },
  'needs.manage': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'resources.manage': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'points.hold': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: false,
    admin: false,
    partner: false,
    otherWorker: false,
  },
  'points.view': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'points.manage': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'errands.ask': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: false,
    admin: false,
    partner: false,
    otherWorker: false,
  },
  'volunteer.view': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'volunteer.join': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: true,
    worker: false,
    admin: false,
    partner: false,
    otherWorker: false,
  },
  'errands.manage': {
    stranger: false,
    unverifiedResident: false,
    verifiedResident: false,
    worker: true,
    admin: true,
    partner: false,
    otherWorker: false,
  },
  'volunteer.manage': {
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

describe('the street office', () => {
  const STREET = 's-home'
  const streetAdmin: Actor = {
    userId: 'u7',
    memberships: [],
    verifiedIn: [],
    streetMemberships: [{ streetId: STREET, role: 'street_admin' }],
  }
  const otherStreetAdmin: Actor = {
    userId: 'u8',
    memberships: [],
    verifiedIn: [],
    streetMemberships: [{ streetId: 's-other', role: 'street_admin' }],
  }
  const home = { communityId: HOME, streetId: STREET }

  // What a street official may do in a community of their street: look, never act.
  const allowed: Action[] = [
    'community.view',
    'residency.claim',
    'concern.readPrivate',
    'kpi.view',
    'grid.view',
    'overdue.view',
    'ledger.download',
  ]

  it.each(actions)('a street official in a community of the street may look, never act: %s', (action) => {
    expect(can(streetAdmin, action, home)).toBe(allowed.includes(action))
  })

  it.each(actions.filter((a) => a !== 'community.view' && a !== 'residency.claim'))(
    'gives another street’s official nothing: %s',
    (action) => {
      expect(can(otherStreetAdmin, action, home)).toBe(false)
    },
  )

  it('denies a street official when the community’s street is not known', () => {
    expect(can(streetAdmin, 'kpi.view', { communityId: HOME })).toBe(false)
  })

  it.each(streetActions)('allows %s to the street’s own officials only', (action) => {
    expect(canInStreet(streetAdmin, action, { streetId: STREET })).toBe(true)
    expect(canInStreet(otherStreetAdmin, action, { streetId: STREET })).toBe(false)
    expect(canInStreet(people.admin, action, { streetId: STREET })).toBe(false)
    expect(canInStreet(people.worker, action, { streetId: STREET })).toBe(false)
    expect(canInStreet(people.verifiedResident, action, { streetId: STREET })).toBe(false)
  })
})
