import { relations } from 'drizzle-orm'
import { districts, streets, communities, buildings, units, households } from './communities.js'
import { concerns } from './concerns.js'
import { councilRules, councilSessions, councilRegistrations, councilTopics } from './councils.js'
import { users, memberships, residencyClaims } from './users.js'

/** Relations, for drizzle's relational queries. */

export const streetsRelations = relations(streets, ({ one, many }) => ({
  district: one(districts, { fields: [streets.districtId], references: [districts.id] }),
  communities: many(communities),
}))

export const communitiesRelations = relations(communities, ({ one, many }) => ({
  street: one(streets, { fields: [communities.streetId], references: [streets.id] }),
  buildings: many(buildings),
}))

export const buildingsRelations = relations(buildings, ({ one, many }) => ({
  community: one(communities, { fields: [buildings.communityId], references: [communities.id] }),
  units: many(units),
}))

export const unitsRelations = relations(units, ({ one, many }) => ({
  building: one(buildings, { fields: [units.buildingId], references: [buildings.id] }),
  households: many(households),
}))

export const householdsRelations = relations(households, ({ one }) => ({
  unit: one(units, { fields: [households.unitId], references: [units.id] }),
  community: one(communities, { fields: [households.communityId], references: [communities.id] }),
}))

export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  community: one(communities, { fields: [memberships.communityId], references: [communities.id] }),
}))

export const residencyClaimsRelations = relations(residencyClaims, ({ one }) => ({
  user: one(users, { fields: [residencyClaims.userId], references: [users.id] }),
  household: one(households, { fields: [residencyClaims.householdId], references: [households.id] }),
}))

export const councilSessionsRelations = relations(councilSessions, ({ one, many }) => ({
  community: one(communities, { fields: [councilSessions.communityId], references: [communities.id] }),
  rule: one(councilRules, { fields: [councilSessions.ruleId], references: [councilRules.id] }),
  registrations: many(councilRegistrations),
  topics: many(councilTopics, { relationName: 'session_topics' }),
}))

export const councilRegistrationsRelations = relations(councilRegistrations, ({ one }) => ({
  session: one(councilSessions, { fields: [councilRegistrations.sessionId], references: [councilSessions.id] }),
  user: one(users, { fields: [councilRegistrations.userId], references: [users.id] }),
}))

export const councilTopicsRelations = relations(councilTopics, ({ one }) => ({
  session: one(councilSessions, { fields: [councilTopics.sessionId], references: [councilSessions.id], relationName: 'session_topics' }),
  proposer: one(users, { fields: [councilTopics.proposerId], references: [users.id] }),
  concern: one(concerns, { fields: [councilTopics.concernId], references: [concerns.id] }),
}))
