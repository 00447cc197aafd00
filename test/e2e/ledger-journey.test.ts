import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * 台账 in one tap, in a real browser on the H5 build: 陈书记 opens 社区工作台 → 台账下载, picks
 * 诉求办理台账 and gets this month's .xlsx of 文安路社区 (opened here with exceljs); 王街道 opens 街道工作台 →
 * 街道台账 and gets the street's 议事协商台账 with six sheets per community — in 长辈模式.
 */
const j = journey()

const month = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)

/** Taps `entry`, picks `label` in the action sheet, and returns the downloaded workbook and its file name. */
async function download(page: Page, entry: string, label: string, beforePicking?: () => Promise<void>) {
  await page.locator(`[data-testid="${entry}"]:visible`).click()
  const item = page.locator('.taro-actionsheet__cell', { hasText: label })
  await item.waitFor({ timeout: 20_000 })
  await beforePicking?.()
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), item.click()])
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(await file.path())
  return { name: file.suggestedFilename(), wb }
}

describe.skipIf(!haveChromium)('the ledger journey', () => {
  it('陈书记 downloads 文安路社区’s 诉求办理台账; 王街道 the street’s 议事协商台账, in 长辈模式', async () => {
    const page = await j.phone()
    await j.signIn(page, '陈书记')
    const bench = await j.openPage(page, 'staff/pages/index/index', 'page-workbench', 'open-ledgers')
    await j.shot(page, 'ledger-01-workbench', bench.locator('[data-testid="open-ledgers"]'))
    const concerns = await download(page, 'open-ledgers', '诉求办理台账')
    expect(concerns.name).toBe(`文安路社区-诉求办理台账-${month()}.xlsx`)
    expect(concerns.wb.worksheets.map((s) => s.name)).toEqual(['诉求办理台账'])
    expect(concerns.wb.worksheets[0].getRow(1).getCell(1).value).toBe('编号')

    const elder = await j.phone(true)
    await j.signIn(elder, '王街道')
    const street = await j.openPage(elder, 'staff/pages/street/index', 'page-street', 'open-street-ledgers')
    await j.shot(elder, 'ledger-02-street-elder', street.locator('[data-testid="open-street-ledgers"]'))
    const councils = await download(elder, 'open-street-ledgers', '议事协商台账', () => j.shot(elder, 'ledger-03-choose-elder'))
    expect(councils.name).toBe(`人民路街道-议事协商台账-${month()}.xlsx`)
    const sheets = ['议事会议', '议题', '决议', '项目', '未匹配资源的需求', '道德银行积分']
    expect(councils.wb.worksheets.map((s) => s.name).filter((n) => n.startsWith('文安路社区-'))).toEqual(
      sheets.map((n) => `文安路社区-${n}`),
    )
    expect(councils.wb.worksheets).toHaveLength(sheets.length * 3)
    expect([...page.errors, ...elder.errors]).toEqual([])
  }, 180_000)
})
