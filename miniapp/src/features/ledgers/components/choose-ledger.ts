import Taro from '@tarojs/taro'
import { ledgerKinds, ledgerLabels } from '@domain/ledgers/kinds.js'
import { t } from '@/i18n/zh-cn'
import { downloadLedger, type LedgerUnit } from '../api/download-ledger'

/**
 * The 台账 entries of the 社区工作台 and the 街道工作台: which ledger (WeChat's action sheet, sized for 长辈模式 by app.scss),
 * then this month's file, with a loading mask while the server writes it. Errors are shown by the
 * client as a toast; cancelling the sheet does nothing.
 */
export async function chooseAndDownloadLedger(unit: LedgerUnit) {
  let index: number
  try {
    index = (await Taro.showActionSheet({ itemList: ledgerKinds.map((k) => ledgerLabels[k]) })).tapIndex
  } catch {
    return
  }
  void Taro.showLoading({ title: t.ledgers.downloading, mask: true })
  try {
    await downloadLedger(unit, ledgerKinds[index])
    Taro.hideLoading()
    if (process.env.TARO_ENV === 'h5') void Taro.showToast({ title: t.ledgers.done, icon: 'success' })
  } catch {
    Taro.hideLoading()
  }
}
