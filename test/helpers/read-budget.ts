/**
 * How many statements each read (GET) may send to the database, checked for every person who gets
 * 200 in the role × operation matrix (test/api/matrix.test.ts). One is the rule (issue 14, decision
 * 039): the actor and everything the page shows in one round trip. A read listed here sends
 * exactly its number today (the test fails when it sends more, and when it sends fewer, so the
 * table is lowered with the change that earns it).
 */
export const readStatements: Record<string, number> = {
  // The open data is one read, but its rate limit counts the hit first (functions/http/rate-limit.ts):
  // a write that must refuse a flood of anonymous downloads before the month's data is read, so it
  // cannot ride in the read's statement.
  'GET /api/communities/{communityId}/open-data.zip': 2,
}
