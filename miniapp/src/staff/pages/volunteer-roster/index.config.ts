import { zhCN } from '../../../i18n/zh-cn'

export default definePageConfig({ navigationBarTitleText: zhCN.volunteering.titles.roster, enablePullDownRefresh: true })
