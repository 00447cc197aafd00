/** The audit log of staff actions: recorded by a route middleware, read by admins. */
export { audited, type AuditSubject } from './record.js'
export { auditDocs, communityAuditReads } from './routes.js'
