/** What other modules may use of notifications: telling people, inside the caller's transaction. */
export { notify } from './service.js'
