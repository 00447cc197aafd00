/** What other modules may use of councils: the session's event log and a topic's resolution (an approved vote), the scheduled jobs. */
export { noticeUnansweredTopics } from './answers.js'
export { logEvent } from './common.js'
export { applyResolution, type ResolutionFacts } from './resolutions.js'
export { ensureSessionsAhead, sendReminders } from './schedule.js'
export { offerTopic, type OfferedTopic } from './offered.js'
