import { daysInMonth } from '../councils/china-time.js'

/**
 * The ledgers (台账) the street asks each community for, generated from the facts Linli already
 * holds ("一表通": entered once, reported everywhere). Pure: names, file names and the scrubbing
 * of free text that a ledger leaving the community must never carry.
 */
export const ledgerKinds = ['concerns', 'councils', 'votes'] as const
export type LedgerKind = (typeof ledgerKinds)[number]

export const ledgerLabels: Record<LedgerKind, string> = {
  concerns: '诉求办理台账',
  councils: '议事协商台账',
  votes: '投票表决台账',
}

export function isLedgerKind(value: string): value is LedgerKind {
  return (ledgerKinds as readonly string[]).includes(value)
}

/** How a period is written in a file name: `2026-11` for a whole month, `2026` for a whole year, else `2026-11-03至2026-12-02`. */
export function periodTag(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number)
  const [ty, tm, td] = to.split('-').map(Number)
  if (fy === ty && fd === 1 && td === daysInMonth(ty, tm)) {
    if (fm === 1 && tm === 12) return String(fy)
    if (fm === tm) return from.slice(0, 7)
  }
  return `${from}至${to}`
}

/** `文安路社区-诉求办理台账-2026-11.xlsx`. */
export function ledgerFileName(unitName: string, kind: LedgerKind, from: string, to: string): string {
  return `${unitName}-${ledgerLabels[kind]}-${periodTag(from, to)}.xlsx`
}

/**
 * `Content-Disposition` for a file name in any script (RFC 6266 + RFC 5987): an ASCII fallback
 * for old clients, and the UTF-8 name that Excel, WPS, browsers and WeChat show.
 */
export function attachmentHeader(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`
}

// Mobile numbers (with optional +86 and separators), landlines with an area code, rooms (302室,
// 3-2-302, 302房, 302号房), anything written as a room after a building and unit.
const phone = /(?:\+?86[\s-]?)?(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g
const landline = /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g
const dashedRoom = /(?<!\d)\d{1,3}\s*[-－—]\s*\d{1,2}\s*[-－—]\s*\d{2,4}(?!\d)\s*(?:室|房|号)?/g
const room = /(?<!\d)\d{2,5}\s*(?:室|号房|房间|房)/g
const unitRoom = /(单元)\s*\d{2,5}(?!\d)/g

/**
 * Free text as it may leave the community in a ledger: phone numbers and room numbers replaced by
 * ＊＊＊ (the building is kept: it is the ledger's place). What a resident wrote stays otherwise as
 * written — the street reads the concern, not who lives behind which door.
 */
export function scrubText(text: string): string {
  return text
    .replace(phone, '＊＊＊')
    .replace(landline, '＊＊＊')
    .replace(dashedRoom, '＊＊＊')
    .replace(room, '＊＊＊')
    .replace(unitRoom, '$1＊＊＊')
}
