import { zhCN } from './i18n/zh-cn'

export default defineAppConfig({
  // Tab pages first (home is the launch page); staff flows live in the `staff` subpackage.
  pages: [
    'pages/home/index',
    'pages/concerns/index',
    'pages/councils/index',
    'pages/me/index',
    'pages/login/index',
    'pages/residency-claim/index',
    'pages/concern-raise/index',
    'pages/concern-detail/index',
    'pages/notifications/index',
    'pages/session-detail/index',
    'pages/votes/index',
    'pages/vote/index',
    'pages/tracked-item/index',
  ],
  subPackages: [
    {
      root: 'staff',
      pages: [
        'pages/index/index',
        'pages/inbox/index',
        'pages/concern/index',
        'pages/claims/index',
        'pages/sessions/index',
        'pages/session/index',
        'pages/session-form/index',
        'pages/session-run/index',
        'pages/rules/index',
        'pages/rule-form/index',
        'pages/votes/index',
        'pages/vote/index',
        'pages/vote-form/index',
        'pages/kpis/index',
        'pages/kpi-concerns/index',
        'pages/street/index',
        'pages/grids/index',
        'pages/tracked-items/index',
        'pages/tracked-item/index',
      ],
    },
  ],
  window: {
    // 'default' is WeChat's own title bar; in H5 it turns on Taro's title bar with 返回 / 首页.
    navigationStyle: 'default',
    navigationBarTitleText: zhCN.app.name,
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
    backgroundColorTop: '#f5f6f8',
    backgroundColorBottom: '#f5f6f8',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#5c6370',
    selectedColor: '#b8391a',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/home/index',
        text: zhCN.tabs.home,
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/concerns/index',
        text: zhCN.tabs.concerns,
        iconPath: 'assets/tabbar/concerns.png',
        selectedIconPath: 'assets/tabbar/concerns-active.png',
      },
      {
        pagePath: 'pages/councils/index',
        text: zhCN.tabs.councils,
        iconPath: 'assets/tabbar/councils.png',
        selectedIconPath: 'assets/tabbar/councils-active.png',
      },
      { pagePath: 'pages/me/index', text: zhCN.tabs.me, iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // 反映诉求 lets a resident pick where on a map (wx.chooseLocation must be declared).
  requiredPrivateInfos: ['chooseLocation'],
})
