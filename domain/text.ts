/**
 * Free text as people write it: the checks every text field shares, with no dependencies so the
 * mini-program may use them too (zod stays out of its main package).
 */

/** Control characters (C0, DEL, C1), the bidirectional overrides that reorder what a reader sees, and U+FEFF. */
const forbidden = /[\p{Cc}\u202a-\u202e\u2066-\u2069\ufeff]/u
const forbiddenExceptLines = /(?![\n\t])[\p{Cc}\u202a-\u202e\u2066-\u2069\ufeff]/u

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

let segmenter: Intl.Segmenter | undefined

/** Characters as people count them: grapheme clusters, so 'é', '中' and '👨‍👩‍👧' each count 1. */
export function graphemeLength(value: string): number {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'grapheme' })
  let n = 0
  for (const _ of segmenter.segment(value)) n++
  return n
}

/** NFC, line breaks as `\n`, trimmed: how every stored text is kept. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').trim()
}

/**
 * Why a (normalised) text cannot be stored, or null when it can: invisible control characters
 * (newline and tab only in multi-line fields) and broken UTF-16 (a lone surrogate) are refused.
 */
export function textProblem(value: string, multiline: boolean): 'control' | 'malformed' | null {
  if (loneSurrogate.test(value)) return 'malformed'
  return (multiline ? forbiddenExceptLines : forbidden).test(value) ? 'control' : null
}

/**
 * The first `max` characters of a text (as people count them: an emoji family is one and is never
 * cut in half), with "…" when it was cut: what lists and notices show of a description.
 */
export function excerptOf(value: string, max = 60): string {
  // Every character is at least one UTF-16 unit: a text this short has no more than `max` of them.
  if (value.length <= max) return value
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'grapheme' })
  let n = 0
  for (const { index } of segmenter.segment(value)) {
    if (n === max) return `${value.slice(0, index)}…`
    n++
  }
  return value
}
