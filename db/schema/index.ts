/** The database schema, one file per capability; drizzle-kit and the app read it from here. */
export * from './communities.js'
export * from './concerns.js'
export * from './councils.js'
export * from './notifications.js'
export * from './photos.js'
export * from './relations.js'
export * from './users.js'
export * from './votes.js'
