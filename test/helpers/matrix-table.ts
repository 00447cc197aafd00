import { writeFileSync } from 'node:fs'

/** The matrix test's table: `operation | column | …` lines → header and rows by operation. */
export function parseTable(text: string) {
  const lines = text.trim().split('\n')
  const header = lines[0].split('|').map((s) => s.trim())
  const rows = new Map<string, Record<string, string>>()
  for (const line of lines.slice(1)) {
    const cells = line.split('|').map((s) => s.trim())
    rows.set(cells[0], Object.fromEntries(header.slice(1).map((h, i) => [h, cells[i + 1]])))
  }
  return { header: header.slice(1), rows }
}

/** Writes the observed statuses as a table (and the leaks found) to `file`, to review a change of rules. */
export function printObserved(file: string, observed: Map<string, Record<string, number>>, columns: string[], leaks: string[]) {
  const width = Math.max(...[...observed.keys()].map((o) => o.length)) + 1
  const lines = [`${'operation'.padEnd(width)} | ${columns.join(' | ')}`]
  for (const o of observed.keys()) {
    const s = observed.get(o)!
    lines.push(`${o.padEnd(width)} | ${columns.map((c) => String(s[c]).padEnd(c.length)).join(' | ')}`)
  }
  writeFileSync(file, `${lines.join('\n')}\n\n${leaks.join('\n')}\n`)
}
