/** What other modules may use of notifications: telling people inside the caller's transaction, and the outbox job. */
export { dispatchOutbox } from './dispatch.js'
export { concernNoticeParts, notify } from './service.js'
