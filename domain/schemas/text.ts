import * as z from 'zod'
import { CANCEL_REASON_MAX, CANCEL_REASON_MIN } from '../limits.js'
import { graphemeLength, normalizeText, textProblem } from '../text.js'

export interface TextOptions {
  /** The field as a person knows it (e.g. 昵称): every message names it. */
  label: string
  /** Fewest characters after trimming; 0 (the default) lets an empty text through. */
  min?: number
  max: number
  /** Newlines and tabs are allowed only here. */
  multiline?: boolean
  /** Messages that say more than the defaults (e.g. why a minimum exists). */
  required?: string
  tooShort?: string
  tooLong?: string
}

/**
 * The one schema for free text a person types: Unicode NFC, `\r\n` → `\n`, trimmed; invisible control
 * characters refused (PostgreSQL cannot even store NUL); lengths counted as people count characters
 * (grapheme clusters: an emoji, 'é' or '中' is one).
 */
export function text(o: TextOptions) {
  const min = o.min ?? 0
  const tooShort = o.tooShort ?? (min <= 1 ? `${o.label}不能为空` : `${o.label}至少 ${min} 个字`)
  const tooLong = o.tooLong ?? `${o.label}最多 ${o.max} 字`
  return z
    .string({ error: (issue) => (issue.input === undefined ? (o.required ?? `请填写${o.label}`) : `${o.label}须是文字`) })
    .overwrite(normalizeText)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, o.multiline ?? false)
      if (problem === 'control') ctx.addIssue({ code: 'custom', message: `${o.label}含有不可见的控制字符，请删除后重试`, input: value })
      else if (problem === 'malformed') ctx.addIssue({ code: 'custom', message: `${o.label}含有无法识别的字符`, input: value })
      else {
        const length = graphemeLength(value)
        if (length < min) ctx.addIssue({ code: 'custom', message: tooShort, input: value })
        else if (length > o.max) ctx.addIssue({ code: 'custom', message: tooLong, input: value })
      }
    })
    .meta({
      description: `${o.label}：${min > 0 ? `${min}–${o.max}` : `最多 ${o.max}`} 个字（按看到的字符计，首尾空白会去掉${o.multiline ? '；可换行' : ''}；不能含控制字符）`,
      ...(min > 0 ? { minLength: min } : {}),
    })
}

/** Cancelling a session or a vote: the action with the reason everyone invited or on the roll is told. */
export function cancelWithReason() {
  return z.strictObject({
    action: z.literal('cancel'),
    reason: text({
      label: '取消的原因',
      min: CANCEL_REASON_MIN,
      max: CANCEL_REASON_MAX,
      multiline: true,
      tooShort: `请填写取消的原因（至少 ${CANCEL_REASON_MIN} 个字）`,
    }),
  })
}
