/** What the routes use of ledgers: the two downloads and the stream they write. */
export { communityLedger, type Ledger, streetLedger } from './ledger.js'
export { XLSX_TYPE } from './sheet.js'
