/** What other modules may use of communities: who its staff are. */
export { staffIds } from './members.js'
