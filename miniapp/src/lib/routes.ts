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
  staffVotes: '/staff/pages/votes/index',
  staffVote: '/staff/pages/vote/index',
  voteForm: '/staff/pages/vote-form/index',
  staffKpis: '/staff/pages/kpis/index',
  kpiConcerns: '/staff/pages/kpi-concerns/index',
  street: '/staff/pages/street/index',
  staffGrids: '/staff/pages/grids/index',
  trackedItem: '/pages/tracked-item/index',
  staffTrackedItems: '/staff/pages/tracked-items/index',
  staffTrackedItem: '/staff/pages/tracked-item/index',
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
/** Send the person to the login page once, however many requests failed at the same moment. */
export function goToLogin() {
  if (redirecting) return
  const pages = Taro.getCurrentPages()
  const current = pages[pages.length - 1]?.route ?? ''
  if (current.includes('pages/login/index')) return
  redirecting = true
  void Taro.reLaunch({ url: routes.login }).finally(() => {
    setTimeout(() => {
      redirecting = false
    }, 500)
  })
}

/** The 三率 of a unit (a community by default); `category` narrows it to one category. */
export function openKpis(query: { scope?: string; id?: string; category?: string | null } = {}) {
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

/** A resolution's progress (决议进展), read-only: residents open it from the session page. */
export const trackedItemUrl = (itemId: string) => withQuery(routes.trackedItem, { id: itemId })
export const staffTrackedItemUrl = (itemId: string) => withQuery(routes.staffTrackedItem, { id: itemId })

/** 决议跟踪 (staff): the community's tracked items, or one session's. */
export function openStaffTrackedItems(communityId: string, sessionId?: string) {
  return Taro.navigateTo({ url: withQuery(routes.staffTrackedItems, { communityId, sessionId }) })
}
