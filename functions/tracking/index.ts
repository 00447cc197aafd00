/**
 * What other modules may use of tracking: starting to track a resolution or an approved proposal
 * (councils, votes), the 公示栏's de-identified read, and the overdue job.
 */
export { trackResolution, type TrackedSourceFacts } from './create.js'
export { noticeOverdueItems } from './jobs.js'
export { type PublicItemRow, publicItemFields, publicItemView, publicTrackedItems } from './public.js'
