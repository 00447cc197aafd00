import Taro from '@tarojs/taro'

/** Every page path in one place (app.config.ts lists the same pages). */
export const routes = {
  home: '/pages/home/index',
  concerns: '/pages/concerns/index',
  councils: '/pages/councils/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  claim: '/pages/residency-claim/index',
  raise: '/pages/concern-raise/index',
  concern: '/pages/concern-detail/index',
  notifications: '/pages/notifications/index',
  session: '/pages/session-detail/index',
  workbench: '/staff/pages/index/index',
  staffInbox: '/staff/pages/inbox/index',
  staffConcern: '/staff/pages/concern/index',
  staffClaims: '/staff/pages/claims/index',
  staffSessions: '/staff/pages/sessions/index',
  staffSession: '/staff/pages/session/index',
  sessionForm: '/staff/pages/session-form/index',
  sessionRun: '/staff/pages/session-run/index',
  staffRules: '/staff/pages/rules/index',
  ruleForm: '/staff/pages/rule-form/index',
  votes: '/pages/votes/index',
  vote: '/pages/vote/index',
  board: '/pages/board/index',
  staffVotes: '/staff/pages/votes/index',
  staffVote: '/staff/pages/vote/index',
  voteForm: '/staff/pages/vote-form/index',
  staffKpis: '/staff/pages/kpis/index',
  kpiConcerns: '/staff/pages/kpi-concerns/index',
  street: '/staff/pages/street/index',
  staffGrids: '/staff/pages/grids/index',
  streetSettings: '/staff/pages/street-settings/index',
  limits: '/staff/pages/limits/index',
  trackedItem: '/pages/tracked-item/index',
  staffTrackedItems: '/staff/pages/tracked-items/index',
  staffTrackedItem: '/staff/pages/tracked-item/index',
  needs: '/pages/needs/index',
  resources: '/pages/resources/index',
  staffNeeds: '/staff/pages/needs/index',
  project: '/pages/project/index',
  staffProjects: '/staff/pages/projects/index',
  points: '/pages/points/index',
  pointsShop: '/pages/points-shop/index',
  goodDeed: '/pages/good-deed/index',
  staffPoints: '/staff/pages/points/index',
  staffRedeem: '/staff/pages/redeem/index',
  staffPointsAccount: '/staff/pages/points-account/index',
  errands: '/pages/errands/index',
  errandAsk: '/pages/errand-ask/index',
  errandHelper: '/pages/errand-helper/index',
  staffErrands: '/staff/pages/errands/index',
  volunteering: '/pages/volunteering/index',
  volunteerActivity: '/pages/volunteer-activity/index',
  staffVolunteering: '/staff/pages/volunteering/index',
  volunteerRoster: '/staff/pages/volunteer-roster/index',
} as const

type Query = Record<string, string | number | undefined>

export function withQuery(path: string, query: Query = {}): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

export function openClaimForm(communityId?: string) {
  return Taro.navigateTo({ url: withQuery(routes.claim, { communityId }) })
}

export function openStaffClaims(communityId?: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffClaims, { communityId }) })
}

export function openRaiseForm(communityId?: string) {
  return Taro.navigateTo({ url: withQuery(routes.raise, { communityId }) })
}

export const concernUrl = (concernId: string, extra: Query = {}) => withQuery(routes.concern, { id: concernId, ...extra })
export const staffConcernUrl = (concernId: string) => withQuery(routes.staffConcern, { id: concernId })

/** 公示栏 of a community (this month without `month`): what a shared card opens. */
export const boardUrl = (communityId: string, month?: string) => withQuery(routes.board, { communityId, month })

export function openBoard(communityId: string) {
  return Taro.navigateTo({ url: boardUrl(communityId) })
}

export function openConcern(concernId: string) {
  return Taro.navigateTo({ url: concernUrl(concernId) })
}

export function openStaffConcern(concernId: string) {
  return Taro.navigateTo({ url: staffConcernUrl(concernId) })
}

export function openWorkbench(communityId?: string) {
  return Taro.navigateTo({ url: withQuery(routes.workbench, { communityId }) })
}

export function openStaffInbox(communityId?: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffInbox, { communityId }) })
}

export function openNotifications() {
  return Taro.navigateTo({ url: routes.notifications })
}

export const sessionUrl = (sessionId: string) => withQuery(routes.session, { id: sessionId })

export function openSession(sessionId: string) {
  return Taro.navigateTo({ url: sessionUrl(sessionId) })
}

export function openStaffSessions(communityId?: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffSessions, { communityId }) })
}

export function openStaffSession(sessionId: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffSession, { id: sessionId }) })
}

/** The create form (with `communityId`) or the edit form of one session (with `id`). */
export function openSessionForm(query: { communityId?: string; id?: string }) {
  return Taro.navigateTo({ url: withQuery(routes.sessionForm, query) })
}

export function openSessionRun(sessionId: string) {
  return Taro.navigateTo({ url: withQuery(routes.sessionRun, { id: sessionId }) })
}

export function openStaffRules(communityId: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffRules, { communityId }) })
}

export function openRuleForm(communityId: string) {
  return Taro.navigateTo({ url: withQuery(routes.ruleForm, { communityId }) })
}

/** The community's votes (表决), or the votes of one agenda item (`topicId`). */
export function openVotes(query: { communityId?: string; topicId?: string } = {}) {
  return Taro.navigateTo({ url: withQuery(routes.votes, query) })
}

export const voteUrl = (proposalId: string) => withQuery(routes.vote, { id: proposalId })

export function openVote(proposalId: string) {
  return Taro.navigateTo({ url: voteUrl(proposalId) })
}

export function openStaffVotes(communityId: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffVotes, { communityId }) })
}

export function openStaffVote(proposalId: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffVote, { id: proposalId }) })
}

export function openVoteForm(communityId: string) {
  return Taro.navigateTo({ url: withQuery(routes.voteForm, { communityId }) })
}

/** The vote form filled with a draft, to change it before it is published. */
export function openVoteDraft(proposalId: string) {
  return Taro.navigateTo({ url: withQuery(routes.voteForm, { id: proposalId }) })
}

export function switchToTab(tab: 'home' | 'concerns' | 'councils' | 'me') {
  return Taro.switchTab({ url: routes[tab] })
}

let redirecting = false
/**
 * Send the person to the login page once, however many requests failed at the same moment,
 * remembering the page they were on (a shared link to a vote, say) to return to after signing in.
 */
export function goToLogin() {
  if (redirecting) return
  const here = currentPageUrl()
  if (here?.startsWith(routes.login)) return
  redirecting = true
  const next = here && !here.startsWith(routes.home) ? here : undefined
  void Taro.reLaunch({ url: withQuery(routes.login, { next }) }).finally(() => {
    setTimeout(() => {
      redirecting = false
    }, 500)
  })
}

/** The page on screen with its query, as a URL to open again (Taro's own markers left out). */
function currentPageUrl(): string | null {
  const router = Taro.getCurrentInstance().router
  if (!router?.path) return null
  const path = router.path.split('?')[0]!
  const query = Object.fromEntries(
    Object.entries(router.params ?? {}).filter(([k, v]) => !k.startsWith('$') && k !== 'stamp' && typeof v === 'string'),
  )
  return withQuery(path.startsWith('/') ? path : `/${path}`, query as Query)
}

/**
 * Where to go after signing in: the page the person was sent away from, if it is one of the
 * app's own pages (never another site, never the login page again), else 首页.
 */
export function afterSignIn(next: string | undefined): string {
  if (!next) return routes.home
  const url = next.includes('%') ? safeDecode(next) : next
  const ours = /^\/(pages|staff\/pages)\/[a-z-]+\/index(\?[^#]*)?$/.test(url) && !url.startsWith(routes.login)
  return ours ? url : routes.home
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return ''
  }
}

/**
 * The 三率 of a unit (a community by default); `category` narrows it to one category; `from`–`to`
 * (China days) opens it on that period instead of 本月.
 */
export function openKpis(query: { scope?: string; id?: string; category?: string | null; from?: string; to?: string } = {}) {
  return Taro.navigateTo({ url: withQuery(routes.staffKpis, { ...query, category: query.category ?? undefined }) })
}

/** The concerns behind one figure. */
export function openKpiConcerns(query: { scope: string; id: string; from: string; to: string; measure: string; category?: string | null }) {
  return Taro.navigateTo({ url: withQuery(routes.kpiConcerns, { ...query, category: query.category ?? undefined }) })
}

/** 街道工作台: the street's ranking and overdue list. */
export function openStreet(streetId?: string) {
  return Taro.navigateTo({ url: withQuery(routes.street, { streetId }) })
}

/** 网格管理 of a community. */
export function openGrids(communityId: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffGrids, { communityId }) })
}

/** 考核设置 of a street: the 综合 weights, the 基本满意 factor, the minimum sample. */
export function openStreetSettings(streetId: string) {
  return Taro.navigateTo({ url: withQuery(routes.streetSettings, { streetId }) })
}

/** 办理时限 of a community: each category's 签收 · 到场 · 办结 limits. */
export function openLimits(communityId: string) {
  return Taro.navigateTo({ url: withQuery(routes.limits, { communityId }) })
}

/** A resolution's progress (决议进展), read-only: residents open it from the session page. */
export const trackedItemUrl = (itemId: string) => withQuery(routes.trackedItem, { id: itemId })
export const staffTrackedItemUrl = (itemId: string) => withQuery(routes.staffTrackedItem, { id: itemId })

/** 决议跟踪 (staff): the community's tracked items, or one session's. */
export function openStaffTrackedItems(communityId: string, sessionId?: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffTrackedItems, { communityId, sessionId }) })
}

/** 需求清单 (residents) and its staff side (社区工作台). */
export function openNeeds(communityId: string) {
  return Taro.navigateTo({ url: withQuery(routes.needs, { communityId }) })
}

/** With a concern: the new-need form opens with it linked (整理为需求). */
export function openStaffNeeds(communityId: string, concernId?: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffNeeds, { communityId, concernId }) })
}

/** A 道德银行 page of a community: 我的积分, 爱心超市, 好人好事, or the staff's 积分管理 and 兑换核销. */
export function openPoints(page: 'points' | 'pointsShop' | 'goodDeed' | 'staffPoints' | 'staffRedeem', communityId: string) {
  return Taro.navigateTo({ url: withQuery(routes[page], { communityId }) })
}

/** 居民积分: one resident's account in 积分管理, with 更正. */
export function openPointsAccount(communityId: string, userId: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffPointsAccount, { communityId, userId }) })
}

/** 党员家庭代办站: 找人帮忙 (my errands), its form, 代办接单 for a helper, the staff's 代办站. */
export function openErrands(page: 'mine' | 'ask' | 'helper' | 'staff', communityId: string) {
  const path = { mine: routes.errands, ask: routes.errandAsk, helper: routes.errandHelper, staff: routes.staffErrands }[page]
  return Taro.navigateTo({ url: withQuery(path, { communityId }) })
}

/** 志愿活动: the list (residents), 志愿活动管理 (staff), by community. */
export function openVolunteering(page: 'volunteering' | 'staffVolunteering', communityId: string) {
  return Taro.navigateTo({ url: withQuery(routes[page], { communityId }) })
}

/** One activity: its detail (residents) or its roster and sign-off (staff). */
export function openVolunteerActivity(page: 'volunteerActivity' | 'volunteerRoster', id: string) {
  return Taro.navigateTo({ url: withQuery(routes[page], { id }) })
}

/** 项目清单: one project (residents and staff), and the staff's list with 新建项目. */
export function openProject(projectId: string) {
  return Taro.navigateTo({ url: withQuery(routes.project, { id: projectId }) })
}

export function openStaffProjects(communityId: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffProjects, { communityId }) })
}
