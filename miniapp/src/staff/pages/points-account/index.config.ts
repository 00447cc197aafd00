import { zhCN } from '../../../i18n/zh-cn'

export default definePageConfig({ navigationBarTitleText: zhCN.points.titles.account, enablePullDownRefresh: true })
