import { describe, expect, it } from 'vitest'
import { concernNoticeName } from './labels.js'

describe('concernNoticeName', () => {
  it('names a concern by its category and the first words, as people count characters', () => {
    expect(concernNoticeName('公共设施', '3号楼东侧的路灯坏了一个星期，晚上很黑')).toBe('公共设施「3号楼东侧的路灯坏了一个…」')
    expect(concernNoticeName('环境卫生', '垃圾桶满了')).toBe('环境卫生「垃圾桶满了」')
    expect(concernNoticeName('噪音扰民', '楼上\n\n装修  太吵')).toBe('噪音扰民「楼上 装修 太吵」')
    expect(concernNoticeName('其他', `${'👨‍👩‍👧'.repeat(3)}一二三四五六七八九十`, 4)).toBe('其他「👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧一…」')
  })
})
