import { describe, expect, it } from 'vitest'
import { attachmentHeader, ledgerFileName, periodTag, scrubText } from './kinds.js'

describe('ledger file names', () => {
  it('writes a whole month, a whole year and any other period the way people file them', () => {
    expect(periodTag('2026-11-01', '2026-11-30')).toBe('2026-11')
    expect(periodTag('2026-02-01', '2026-02-28')).toBe('2026-02')
    expect(periodTag('2026-01-01', '2026-12-31')).toBe('2026')
    expect(periodTag('2026-11-03', '2026-12-02')).toBe('2026-11-03至2026-12-02')
    expect(ledgerFileName('文安路社区', 'concerns', '2026-11-01', '2026-11-30')).toBe('文安路社区-诉求办理台账-2026-11.xlsx')
  })

  it('encodes the name for Content-Disposition (RFC 5987) with an ASCII fallback', () => {
    const header = attachmentHeader('文安路社区-诉求办理台账-2026-11.xlsx', 'ledger-concerns-2026-11.xlsx')
    expect(header).toBe(
      `attachment; filename="ledger-concerns-2026-11.xlsx"; filename*=UTF-8''${encodeURIComponent('文安路社区-诉求办理台账-2026-11.xlsx')}`,
    )
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('文安路社区-诉求办理台账-2026-11.xlsx')
  })
})

describe('scrubText', () => {
  it.each([
    ['我家302室楼上漏水', '我家＊＊＊楼上漏水'],
    ['3号楼2单元302漏水', '3号楼2单元＊＊＊漏水'],
    ['住 3-2-302，电话 13804110001', '住 ＊＊＊，电话 ＊＊＊'],
    ['联系 138 0411 0001 或 024-88886666', '联系 ＊＊＊ 或 ＊＊＊'],
    ['+86 13804110001', '＊＊＊'],
  ])('%s → %s', (text, expected) => {
    expect(scrubText(text)).toBe(expected)
  })

  it('keeps the building, counts and dates', () => {
    expect(scrubText('3号楼门口路灯坏了 3 天，2026年11月')).toBe('3号楼门口路灯坏了 3 天，2026年11月')
    expect(scrubText('2026-11-30 起停水，编号 WA-2026-000123')).toBe('2026-11-30 起停水，编号 WA-2026-000123')
  })
})
