import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { excerptOf, graphemeLength } from '../text.js'
import { text } from './text.js'

const nickname = text({ label: '昵称', min: 1, max: 20 })
const note = text({ label: '说明', max: 50, multiline: true })

function message(schema: ReturnType<typeof text>, input: unknown): string {
  const result = schema.safeParse(input)
  expect(result.success).toBe(false)
  return result.error?.issues[0]?.message ?? ''
}

/** Any character a person might paste, control characters and bidi overrides included. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\u0000',
      '\n',
      '\t',
      '\r',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u202e',
      '\u2067',
      '\ufeff',
      'é',
      'e\u0301',
      '中',
      '👨‍👩‍👧',
      ' ',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
})
const control = /[\p{Cc}\u202a-\u202e\u2066-\u2069\ufeff]/u

describe('text()', () => {
  it('refuses NUL and other control characters, naming the field in Chinese', () => {
    expect(message(nickname, 'a\u0000b')).toBe('昵称含有不可见的控制字符，请删除后重试')
    expect(message(nickname, '\u0007铃')).toContain('控制字符')
    expect(message(nickname, 'abc\u202etxt.exe')).toContain('控制字符')
    expect(message(nickname, '两\n行')).toContain('控制字符')
    expect(message(nickname, '\ud800')).toBe('昵称含有无法识别的字符')
  })

  it('lets newlines and tabs through only in multi-line fields, with \\r\\n made \\n', () => {
    expect(note.parse('第一行\r\n\t第二行')).toBe('第一行\n\t第二行')
    expect(message(note, '一\u0000二')).toContain('说明含有不可见的控制字符')
  })

  it('normalises to NFC and trims', () => {
    expect(nickname.parse('  Cafe\u0301 ')).toBe('Café')
    expect(message(nickname, '   ')).toBe('昵称不能为空')
  })

  it('counts characters as people do: an emoji, an accented letter or a CJK character is one', () => {
    expect(nickname.parse('👨‍👩‍👧'.repeat(20))).toHaveLength('👨‍👩‍👧'.length * 20)
    expect(message(nickname, '中'.repeat(21))).toBe('昵称最多 20 字')
    expect(nickname.parse('e\u0301'.repeat(20))).toBe('é'.repeat(20))
    expect(message(text({ label: '标题', min: 2, max: 60 }), '🏠')).toBe('标题至少 2 个字')
    expect(message(nickname, undefined)).toBe('请填写昵称')
    expect(message(nickname, 42)).toBe('昵称须是文字')
  })

  it('never accepts a string holding a control character (other than newline and tab in multi-line fields)', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        for (const [schema, allowed] of [
          [nickname, ''],
          [note, '\n\t'],
        ] as const) {
          const result = schema.safeParse(input)
          if (result.success) expect([...result.data].some((ch) => control.test(ch) && !allowed.includes(ch))).toBe(false)
        }
      }),
    )
  })

  it('accepts exactly the texts whose grapheme count is within bounds, and keeps them normalised', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = note.safeParse(input)
        if (!result.success) return
        expect(result.data).toBe(result.data.normalize('NFC').trim())
        const segments = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(result.data)].length
        expect(graphemeLength(result.data)).toBe(segments)
        expect(segments).toBeLessThanOrEqual(50)
      }),
    )
  })
})

describe('excerptOf()', () => {
  const segments = (v: string) => Array.from(new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(v), (s) => s.segment)

  it('keeps the first characters as people count them, with … only when it cut, never halving an emoji', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 12 }), (value, max) => {
        const chars = segments(value)
        const expected = chars.length > max ? `${chars.slice(0, max).join('')}…` : value
        expect(excerptOf(value, max)).toBe(expected)
      }),
    )
    expect(excerptOf('👨‍👩‍👧'.repeat(3), 2)).toBe('👨‍👩‍👧👨‍👩‍👧…')
    expect(excerptOf('三号楼楼道灯不亮', 60)).toBe('三号楼楼道灯不亮')
  })
})
