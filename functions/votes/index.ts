/** What other modules may use of votes: the scheduled jobs. */
export { closeDueVotes, remindVoters } from './jobs.js'
export { sendQueuedVoteNotices } from './fanout.js'
