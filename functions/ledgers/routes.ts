import { PassThrough, Readable } from 'node:stream'
import type { Context } from 'hono'
import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { isLedgerKind, type LedgerKind, ledgerKinds } from '../../domain/ledgers/kinds.js'
import { attachmentHeader } from '../../domain/ledgers/kinds.js'
import { Id } from '../../domain/schemas/common.js'
import { PeriodQuery } from '../../domain/schemas/kpis.js'
import { requireSignedIn } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../http/errors.js'
import { requestLog } from '../http/log.js'
import { paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { communityLedger, type Ledger, streetLedger, XLSX_TYPE } from './index.js'

/** `concerns.xlsx` → `concerns`; anything else names no ledger: 404 (after a malformed id, before the period and rights). */
function kindOf(c: Context<AppEnv>): LedgerKind {
  const file = c.req.param('kind.xlsx') ?? ''
  const kind = file.endsWith('.xlsx') ? file.slice(0, -'.xlsx'.length) : file
  if (!isLedgerKind(kind)) throw new AppError('NOT_FOUND', `没有「${kind}」台账（可选：${ledgerKinds.map((k) => `${k}.xlsx`).join('、')}）`)
  return kind
}

const knownKind = async (c: Context<AppEnv>, next: () => Promise<void>) => {
  kindOf(c)
  await next()
}

/**
 * The workbook is written into the reply as it is generated: the first bytes leave before the last
 * rows are read. A failure half-way can no longer change the status; it is logged and the stream
 * is cut, so the client sees a broken download, never a file that looks complete.
 */
function xlsxReply(c: Context<AppEnv>, ledger: Ledger) {
  const out = new PassThrough()
  ledger.write(out).catch((err) => {
    requestLog(c).error({ err }, 'ledger: writing the workbook failed')
    out.destroy(err as Error)
  })
  c.header('content-type', XLSX_TYPE)
  c.header('content-disposition', attachmentHeader(ledger.fileName, ledger.asciiName))
  c.header('cache-control', 'private, no-store')
  return c.body(Readable.toWeb(out) as unknown as ReadableStream)
}

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))
const StreetParams = onFirstUse(() => z.object({ streetId: Id }))

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): the actor, the community and the sheets' data in one statement (decision 039).
 */
export const communityLedgerReads = new Hono<AppEnv>()
communityLedgerReads.get('/ledgers/:kind.xlsx', requireSignedIn, paramsOf(CommunityParams), knownKind, queryOf(PeriodQuery), async (c) =>
  xlsxReply(c, await communityLedger(c.var.deps, c.var.userId, c.req.valid('param').communityId, kindOf(c), c.req.valid('query'))),
)

/** Mounted at /api/streets before the sub-app there that loads the actor on its own: the street's roll-up in one statement. */
export const streetLedgers = new Hono<AppEnv>()
streetLedgers.get('/:streetId/ledgers/:kind.xlsx', requireSignedIn, paramsOf(StreetParams), knownKind, queryOf(PeriodQuery), async (c) =>
  xlsxReply(c, await streetLedger(c.var.deps, c.var.userId, c.req.valid('param').streetId, kindOf(c), c.req.valid('query'))),
)

const LedgerFile = z.string().meta({ description: 'Office Open XML 工作簿（.xlsx），文件名见 Content-Disposition' })
const kinds = '台账：concerns（诉求办理台账）、councils（议事协商台账：会议、议题、决议三张表）、votes（投票表决台账）'
const t = 'ledgers' as const
export const ledgersDocs = [
  op({
    method: 'get',
    path: '/api/communities/:communityId/ledgers/:kind.xlsx',
    tag: t,
    summary: '社区台账（Excel）：一段时间内的诉求办理、议事协商或投票表决台账',
    description: `${kinds}。本社区工作人员和所属街道的街道干部可以下载。表头为中文，时间为北京时间，首行冻结并带筛选；地点只到楼栋，不含房号和电话，投票台账不含任何人的选择。未知的台账 404；没有权限 403；区间超过 3 年或结束早于开始 400（指出字段）。`,
    auth: true,
    query: PeriodQuery,
    response: LedgerFile,
    contentType: XLSX_TYPE,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/streets/:streetId/ledgers/:kind.xlsx',
    tag: t,
    summary: '街道汇总台账（Excel）：每个社区一张表（议事协商台账每个社区三张）',
    description: `${kinds}。本街道的街道干部可以下载。其他同社区台账。`,
    auth: true,
    query: PeriodQuery,
    response: LedgerFile,
    contentType: XLSX_TYPE,
    errors: [403, 404],
  }),
]
