import { zhCN } from '../../i18n/zh-cn'

export default definePageConfig({
  navigationBarTitleText: zhCN.projects.title,
  enablePullDownRefresh: true,
})
