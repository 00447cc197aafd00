import { zhCN } from '../../i18n/zh-cn'

export default definePageConfig({
  navigationBarTitleText: zhCN.titles.home,
  navigationBarBackgroundColor: '#d9532a',
  navigationBarTextStyle: 'white',
  backgroundColorTop: '#d9532a',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
