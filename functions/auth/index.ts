/** What other modules may use of auth besides its middleware: a user as the API shows them, the actor inside a read's own statement. */
export { type ActorColumns, actorFrom, actorJson, actorOf } from './middleware.js'
export { publicUser } from './service.js'
