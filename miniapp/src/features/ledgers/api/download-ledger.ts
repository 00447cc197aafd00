import { currentMonth } from '@domain/kpis/period.js'
import { type LedgerKind, ledgerFileName } from '@domain/ledgers/kinds.js'
import { apiDownload } from '@/lib/api/client'

/** A community (its staff, or an official of its street), or a whole street (its officials: a sheet per community). */
export interface LedgerUnit {
  scope: 'community' | 'street'
  id: string
  name: string
}

/**
 * GET /api/communities/:communityId/ledgers/:kind.xlsx or /api/streets/:streetId/ledgers/:kind.xlsx —
 * this month's ledger (China time), saved (h5) or opened in WeChat's document viewer (weapp).
 */
export function downloadLedger(unit: LedgerUnit, kind: LedgerKind, now = new Date()): Promise<void> {
  const { from, to } = currentMonth(now)
  const base = unit.scope === 'street' ? '/streets' : '/communities'
  return apiDownload(`${base}/${encodeURIComponent(unit.id)}/ledgers/${kind}.xlsx`, {
    query: { from, to },
    fileName: ledgerFileName(unit.name, kind, from, to),
    fileType: 'xlsx',
  })
}
