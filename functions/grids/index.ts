/** What other modules may use of grids: where a new concern goes, and the limits it is timed by. */
export { type DispatchFacts, dispatchFacts, dispatchFrom, gridWorkerIds } from './dispatch.js'
export { limitOverridesValue, limitsFrom } from './limits.js'
export { overdueNow } from './overdue.js'
