/**
 * What other modules may use of the points bank: paying the community's points for a verified
 * event inside their transaction (errands, volunteering) and the rule that prices it, the scheduled expiry of redemptions, and
 * the ledger's totals for the 议事协商台账 (functions/ledgers/points.ts).
 */
export { awardPoints, ruleAmount, type AwardInput } from './ledger.js'
export { expireRedemptions } from './close.js'
export { pointsTotalsFrom, pointsTotalsPart } from './balance.js'
