import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import { CHINA_OFFSET_MS } from '../../domain/councils/china-time.js'

/**
 * What every ledger shares: a workbook streamed row by row into a writable (the HTTP response), so
 * a community-year of concerns never sits in memory; Chinese headers, China-time dates, a frozen
 * header row, column widths and a filter on the header.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export type Cell = string | number | Date | null | undefined

export interface Column {
  header: string
  /** Width in characters (a CJK character counts about two). */
  width: number
  /** A time: shown as `yyyy-mm-dd hh:mm` in China time. */
  time?: boolean
  /** A day: shown as `yyyy-mm-dd` in China time. */
  day?: boolean
}

export interface SheetSpec {
  name: string
  columns: readonly Column[]
  /** Rows in column order, produced a page at a time. */
  rows: () => AsyncIterable<readonly Cell[]>
}

/**
 * A column of the outer query, written with its table, for a correlated subquery: drizzle writes a
 * bare column name in a single-table select, which inside the subquery would name the inner table's.
 */
export function outer(table: string, column: string): SQL {
  return sql`${sql.identifier(table)}.${sql.identifier(column)}`
}

/**
 * The community a sheet's part reads: its id, or in a street's read the column of the street's
 * communities (`communities.id`), so that the part is read once for each community in turn.
 */
export type CommunityKey = string | SQLWrapper

/** A sheet's rows, all read with the check (the small sheets: a few sessions or projects a month). */
export const fromList = (make: () => Cell[][]) =>
  async function* () {
    yield* make()
  }

/**
 * Rows read a page at a time by keyset: at most `size` rows of a query in memory at once. The
 * first page came with the read that checked the person's right (one statement, decision 039);
 * the next is asked for only when that one was full.
 */
export async function* paged<T>(first: T[], fetchPage: (after: T) => Promise<T[]>, size: number): AsyncIterable<T> {
  let page = first
  for (;;) {
    yield* page
    if (page.length < size) return
    page = await fetchPage(page[page.length - 1])
  }
}

/**
 * Excel has no time zones: a cell shows the wall-clock fields of the serial number it holds. The
 * instant moved by eight hours shows China time wherever the file is opened.
 */
export function chinaCell(instant: Date | null | undefined): Date | null {
  return instant ? new Date(instant.getTime() + CHINA_OFFSET_MS) : null
}

/** Excel's limits on a sheet's name: 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const clean = name.replace(/[:\\/?*[\]]/g, '·').slice(0, 31) || '表'
  let candidate = clean
  for (let n = 2; taken.has(candidate); n++) candidate = `${clean.slice(0, 31 - String(n).length - 1)}-${n}`
  taken.add(candidate)
  return candidate
}

function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/** exceljs' buffer for one sheet's XML (its `StreamBuf`): what it still holds, and where it writes. */
interface SheetBuffer {
  pipes: Array<Writable & { _writableState?: { needDrain?: boolean } }>
  buffers: unknown[]
}

/**
 * exceljs writes a sheet's XML into the zip without waiting for the zip to take it (its StreamBuf
 * ignores `write()` returning false), so rows written faster than they are compressed and sent
 * would pile up in memory. Called after every few hundred rows: waits until the stream that takes
 * the sheet (archiver's PassThrough, of readable-stream 2: `_writableState`) has drained — which it
 * does only as fast as the response is read, since the zip is piped into it — and, before the zip
 * has reached this sheet, until it does. Relies on exceljs 4.4's StreamBuf (`pipes`, `buffers`).
 */
async function caughtUp(sheet: { stream: unknown }, out: Writable) {
  const buffer = sheet.stream as SheetBuffer
  while (buffer.pipes.length === 0 && buffer.buffers.length > 2 && !out.destroyed) await new Promise((r) => setTimeout(r, 5))
  for (const pipe of buffer.pipes) {
    // A client that goes away never drains the zip: stop at once instead of waiting for ever.
    if (!pipe._writableState?.needDrain || out.destroyed) continue
    const stop = new AbortController()
    try {
      await Promise.race([once(pipe, 'drain', { signal: stop.signal }), once(out, 'close', { signal: stop.signal })])
    } finally {
      stop.abort() // removes the listener that did not fire
    }
  }
  if (out.destroyed) throw new Error('ledger: the client went away')
}

/** How many rows are written between two waits for the zip. */
const ROWS_PER_WAIT = 200

const headerFill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1FB' } } as const

/**
 * Writes the sheets into `out` as one .xlsx and ends it. exceljs is loaded on the first ledger
 * (it stays outside the function bundle, like sharp). Each row is committed as soon as it is
 * written: the writer keeps no rows, only the zip stream's small buffer.
 */
export async function writeWorkbook(out: Writable, sheets: AsyncIterable<SheetSpec> | Iterable<SheetSpec>, creator: string) {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  workbook.creator = creator
  workbook.created = new Date()
  const taken = new Set<string>()
  for await (const spec of sheets) {
    const last = columnLetter(spec.columns.length - 1)
    const sheet = workbook.addWorksheet(sheetName(spec.name, taken), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
      properties: { defaultRowHeight: 18 },
    })
    sheet.autoFilter = `A1:${last}1`
    sheet.columns = spec.columns.map((c, i) => ({
      key: String(i),
      width: c.width,
      style: c.time
        ? { numFmt: 'yyyy-mm-dd hh:mm' }
        : c.day
          ? { numFmt: 'yyyy-mm-dd' }
          : { alignment: { vertical: 'top', wrapText: c.width >= 30 } },
    }))
    const header = sheet.getRow(1)
    header.values = spec.columns.map((c) => c.header)
    header.font = { bold: true }
    header.fill = headerFill
    header.commit()
    let written = 0
    for await (const row of spec.rows()) {
      sheet.addRow(row.map((v) => v ?? null)).commit()
      if (++written % ROWS_PER_WAIT === 0) await caughtUp(sheet as unknown as { stream: unknown }, out)
    }
    sheet.commit()
  }
  await workbook.commit()
}
