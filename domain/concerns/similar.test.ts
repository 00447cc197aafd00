import { describe, expect, it } from 'vitest'
import { rankSimilar, textSimilarity } from './similar.js'

describe('textSimilarity', () => {
  it('is 1 for the same words and 0 for unrelated ones', () => {
    expect(textSimilarity('3号楼门口路灯坏了', '3号楼门口路灯坏了')).toBe(1)
    expect(textSimilarity('路灯不亮', '垃圾没人清运')).toBe(0)
  })

  it('finds the same problem told in other words', () => {
    const a = '小区东门的路灯坏了好几天，晚上特别黑'
    const b = '东门路灯坏了，晚上出门很黑'
    const c = '楼上装修噪音太大，中午也不停'
    expect(textSimilarity(a, b)).toBeGreaterThan(0.3)
    expect(textSimilarity(a, c)).toBeLessThan(0.1)
  })
})

describe('rankSimilar', () => {
  const base = { sameBuilding: false, cosignCount: 0 }
  it('keeps only similar ones, best first, at most five', () => {
    const candidates = [
      { id: 'noise', description: '楼上装修噪音太大', ...base },
      { id: 'lamp-far', description: '东门路灯坏了', ...base },
      { id: 'lamp-near', description: '东门路灯坏了', ...base, sameBuilding: true },
      ...Array.from({ length: 6 }, (_, i) => ({ id: `dup${i}`, description: '东门的路灯坏了晚上很黑', ...base })),
    ]
    const ranked = rankSimilar('东门路灯坏了，晚上很黑', candidates)
    expect(ranked).toHaveLength(5)
    expect(ranked.map((r) => r.id)).not.toContain('noise')
    expect(ranked[0].id).toBe('lamp-near')
  })
})
