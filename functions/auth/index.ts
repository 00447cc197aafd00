/** What other modules may use of auth besides its middleware: a user as the API shows them. */
export { publicUser } from './service.js'
