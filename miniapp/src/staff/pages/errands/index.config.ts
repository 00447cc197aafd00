import { zhCN } from '../../../i18n/zh-cn'

export default definePageConfig({ navigationBarTitleText: zhCN.errands.titles.staff, enablePullDownRefresh: true })
