import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromChinaLocal } from '../councils/china-time.js'
import { categoryKeys, dueAt as categoryDueAt } from './categories.js'
import {
  addLimit,
  arrivalTransition,
  deadlines,
  defaultLimits,
  dueAt,
  LimitOverrides,
  lateText,
  limitsFor,
  limitsText,
  type MilestoneState,
  overdue,
  overdueMilestones,
  overdueToNotify,
} from './milestones.js'

// Friday 13 March 2026, 19:00 in Beijing.
const friday = fromChinaLocal(2026, 3, 13, 19, 0)
const at = (h: number, m = 0, day = 13) => fromChinaLocal(2026, 3, day, h, m)

describe('default limits', () => {
  it('times 水电气热 and 安全隐患 in minutes: 20 to acknowledge, 20 to arrive, 30 to fix', () => {
    for (const c of ['utilities', 'safety'] as const) {
      expect(defaultLimits[c]).toEqual({
        acknowledge: { unit: 'minutes', amount: 20 },
        arrive: { unit: 'minutes', amount: 20 },
        resolve: { unit: 'minutes', amount: 30 },
      })
    }
  })

  it('keeps every other category’s resolution deadline exactly as before, arrival untimed', () => {
    for (const c of categoryKeys.filter((k) => k !== 'utilities' && k !== 'safety')) {
      const limits = defaultLimits[c]
      expect(limits.arrive).toBeNull()
      expect(limits.acknowledge).toEqual({ unit: 'working_days', amount: 1 })
      expect(dueAt('resolve', friday, limits)).toEqual(categoryDueAt(c, friday))
    }
  })
})

describe('deadlines', () => {
  it('counts minutes on the clock, through the night and the weekend', () => {
    expect(addLimit(at(23, 50), { unit: 'minutes', amount: 20 })).toEqual(at(0, 10, 14))
  })

  it('counts working days from Friday evening to the next Monday, same time', () => {
    expect(addLimit(friday, { unit: 'working_days', amount: 1 })).toEqual(at(19, 0, 16))
  })

  it('gives the Panjin loop: acknowledge by 19:20, arrive 20 minutes after 签收, fixed 30 minutes after that', () => {
    const limits = defaultLimits.utilities
    const d = deadlines(limits, friday, at(19, 5))
    expect(d).toEqual({ acknowledge: at(19, 20), arrive: at(19, 25), resolve: at(19, 55) })
  })

  it('knows only the acknowledgement deadline before 签收', () => {
    expect(deadlines(defaultLimits.noise, friday, null)).toEqual({ acknowledge: at(19, 0, 16), arrive: null, resolve: null })
  })

  it('has no arrival deadline when arrival is untimed', () => {
    expect(dueAt('arrive', friday, defaultLimits.parking)).toBeNull()
  })

  it('describes the limits in one line', () => {
    expect(limitsText(defaultLimits.safety)).toBe('签收：反映后 20 分钟内；到场：签收后 20 分钟内；办结：到场时限后再 30 分钟内')
    expect(limitsText(defaultLimits.renovation)).toBe('签收：反映后 1 个工作日内；办结：签收后 20 个工作日内')
  })

  it('never puts a deadline before its start', () => {
    const limit = fc.oneof(
      fc.record({ unit: fc.constant('minutes' as const), amount: fc.integer({ min: 1, max: 10080 }) }),
      fc.record({ unit: fc.constant('working_days' as const), amount: fc.integer({ min: 1, max: 60 }) }),
    )
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        limit,
        limit,
        limit,
        (from, a, b, c) => {
          const d = deadlines({ acknowledge: a, arrive: b, resolve: c }, from, from)
          return d.acknowledge > from && d.arrive! > from && d.resolve! > d.arrive!
        },
      ),
    )
  })
})

describe('community overrides', () => {
  it('replaces only the milestones given and can switch arrival timing off', () => {
    const overrides = LimitOverrides.parse({
      noise: { acknowledge: { unit: 'minutes', amount: 120 } },
      utilities: { arrive: null, resolve: { unit: 'working_days', amount: 1 } },
    })
    expect(limitsFor('noise', overrides)).toEqual({ ...defaultLimits.noise, acknowledge: { unit: 'minutes', amount: 120 } })
    expect(limitsFor('utilities', overrides)).toEqual({
      acknowledge: { unit: 'minutes', amount: 20 },
      arrive: null,
      resolve: { unit: 'working_days', amount: 1 },
    })
    expect(limitsFor('parking', overrides)).toBe(defaultLimits.parking)
    expect(limitsFor('parking')).toBe(defaultLimits.parking)
  })

  it('rejects limits out of range with the field named and a Chinese message', () => {
    const r = LimitOverrides.safeParse({ noise: { resolve: { unit: 'minutes', amount: 20000 } } })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0].path).toEqual(['noise', 'resolve', 'amount'])
    expect(r.error!.issues[0].message).toContain('更长请改用工作日')
    expect(LimitOverrides.safeParse({ noise: { resolve: { unit: 'working_days', amount: 0 } } }).success).toBe(false)
    expect(LimitOverrides.safeParse({ noise: { resolve: { unit: 'hours', amount: 2 } } }).success).toBe(false)
    expect(LimitOverrides.safeParse({ weather: {} }).success).toBe(false)
  })
})

function urgent(over: Partial<MilestoneState> = {}): MilestoneState {
  const acknowledgedAt = over.acknowledgedAt === undefined ? null : over.acknowledgedAt
  return {
    status: 'submitted',
    receivedAt: friday,
    acknowledgedAt,
    arrivedAt: null,
    resolvedAt: null,
    deadlines: deadlines(defaultLimits.utilities, friday, acknowledgedAt),
    ...over,
  }
}

describe('overdue, per milestone', () => {
  it('is waiting before the deadline and overdue after it, counting the minutes late', () => {
    expect(overdue(urgent(), at(19, 20)).acknowledge.standing).toBe('waiting')
    const late = overdue(urgent(), at(19, 45)).acknowledge
    expect(late).toMatchObject({ standing: 'overdue', minutesLate: 25, dueAt: at(19, 20) })
    expect(lateText('acknowledge', late.minutesLate)).toBe('签收已超时 25 分钟')
  })

  it('waits on 到场 and 办结 until 签收 fixes their deadlines', () => {
    const r = overdue(urgent(), at(23, 0))
    expect(r.arrive.standing).toBe('waiting')
    expect(r.resolve.standing).toBe('waiting')
    expect(overdueMilestones(urgent(), at(23, 0))).toEqual(['acknowledge'])
  })

  it('marks a late acknowledgement late, and then times the arrival and the fix from it', () => {
    const c = urgent({ status: 'assigned', acknowledgedAt: at(19, 30) })
    const r = overdue(c, at(20, 10))
    expect(r.acknowledge).toMatchObject({ standing: 'late', minutesLate: 10 })
    expect(r.arrive).toMatchObject({ standing: 'overdue', dueAt: at(19, 50), minutesLate: 20 })
    expect(r.resolve).toMatchObject({ standing: 'waiting', dueAt: at(20, 20), minutesLate: 0 })
  })

  it('does not call an arrival overdue once the concern is resolved, nor anything on a closed concern', () => {
    const resolved = urgent({ status: 'resolved', acknowledgedAt: at(19, 5), resolvedAt: at(19, 40) })
    const r = overdue(resolved, at(22, 0))
    expect(r.arrive.standing).toBe('untimed')
    expect(r.resolve.standing).toBe('on_time')
    expect(overdueMilestones(urgent({ status: 'declined' }), at(23, 0))).toEqual([])
  })

  it('never makes an untimed arrival overdue', () => {
    const c: MilestoneState = {
      status: 'in_progress',
      receivedAt: friday,
      acknowledgedAt: at(20, 0),
      arrivedAt: null,
      resolvedAt: null,
      deadlines: deadlines(defaultLimits.parking, friday, at(20, 0)),
    }
    expect(overdue(c, fromChinaLocal(2026, 4, 30)).arrive.standing).toBe('untimed')
    expect(overdueMilestones(c, fromChinaLocal(2026, 4, 30))).toEqual(['resolve'])
    expect(lateText('resolve', 2 * 1440 + 180)).toBe('办结已超时 2 天 3 小时')
    expect(lateText('acknowledge', 0)).toBe('签收已超时 不到 1 分钟')
  })

  it('notifies each overdue milestone once', () => {
    const c = urgent({ status: 'assigned', acknowledgedAt: at(19, 30) })
    expect(overdueToNotify(c, at(21, 0), [])).toEqual(['arrive', 'resolve'])
    expect(overdueToNotify(c, at(21, 0), ['arrive'])).toEqual(['resolve'])
    expect(overdueToNotify(c, at(21, 0), ['arrive', 'resolve'])).toEqual([])
  })
})

describe('arrival', () => {
  it('starts the work on a concern waiting for it, and is refused before 签收 or after 办结', () => {
    expect(arrivalTransition('assigned')).toBe('in_progress')
    expect(arrivalTransition('in_progress')).toBe('in_progress')
    expect(arrivalTransition('submitted')).toBeNull()
    expect(arrivalTransition('resolved')).toBeNull()
    expect(arrivalTransition('closed')).toBeNull()
  })
})
