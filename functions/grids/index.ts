/** What other modules may use of grids: where a new concern goes, and the limits it is timed by. */
export { dispatchConcern, gridWorkerIds } from './dispatch.js'
export { milestoneLimitsOf } from './limits.js'
export { overdueNow } from './overdue.js'
