import { describe, expect, it } from 'vitest'
import { chinaMinute, csvCell, csvFile, openDataFiles, openDataReadme } from './open-data.js'

describe('open data CSV', () => {
  it('quotes what RFC 4180 asks for and keeps Excel from running a formula', () => {
    expect(csvCell('3号楼')).toBe('3号楼')
    expect(csvCell('同意 1，反对 1')).toBe('同意 1，反对 1')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('说"好"')).toBe('"说""好"""')
    expect(csvCell('两行\n文字')).toBe('"两行\n文字"')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(null)).toBe('')
    expect(csvCell(true)).toBe('是')
  })

  it('writes a BOM, the header and CRLF lines; README lists every column', () => {
    const text = csvFile(openDataFiles.kpis, [['2026-11', '文安路社区', 1, 0, 0, '100.0%', '—', '—', '—', '']])
    expect(text.startsWith('\uFEFF月份,社区,受理数')).toBe(true)
    expect(text.split('\r\n')).toHaveLength(3)
    const readme = openDataReadme('文安路社区', '2026-11', { kpis: 1, concerns: 2, resolutions: 0, votes: 0 })
    for (const f of Object.values(openDataFiles)) for (const c of f.columns) expect(readme).toContain(`- ${c.header}：`)
    expect(readme).toContain('concerns.csv：诉求办理情况（2 行）')
  })

  it('writes times in China time to the minute', () => {
    expect(chinaMinute(new Date('2026-11-30T17:05:00Z'))).toBe('2026-12-01 01:05')
    expect(chinaMinute(null)).toBe('')
  })
})
