/** What other modules may use of concerns: a council moving a concern along, partner organisations, the scheduled jobs. */
export { partnerOrgs } from './access.js'
export { moveConcernByCouncil, type CouncilStep } from './council.js'
export { autoCloseResolved, noticeOverdue } from './jobs.js'
