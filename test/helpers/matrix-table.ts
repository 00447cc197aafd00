import { errandsRows } from './matrix-errands.js'
import { pointsRows } from './matrix-points.js'
import { volunteeringRows } from './matrix-volunteering.js'
import { projectsRows } from './matrix-projects.js'
import { writeFileSync } from 'node:fs'

/** The matrix test's table: `operation | column | …` lines → header and rows by operation. */
export function parseTable(text: string) {
  const lines = text.trim().split('\n')
  const header = lines[0].split('|').map((s) => s.trim())
  const rows = new Map<string, Record<string, string>>()
  for (const line of lines.slice(1)) {
    const cells = line.split('|').map((s) => s.trim())
    rows.set(cells[0], Object.fromEntries(header.slice(1).map((h, i) => [h, cells[i + 1]])))
  }
  return { header: header.slice(1), rows }
}

/** Writes the observed statuses as a table (and the leaks found) to `file`, to review a change of rules. */
export function printObserved(file: string, observed: Map<string, Record<string, number>>, columns: string[], leaks: string[]) {
  const width = Math.max(...[...observed.keys()].map((o) => o.length)) + 1
  const lines = [`${'operation'.padEnd(width)} | ${columns.join(' | ')}`]
  for (const o of observed.keys()) {
    const s = observed.get(o)!
    lines.push(`${o.padEnd(width)} | ${columns.map((c) => String(s[c]).padEnd(c.length)).join(' | ')}`)
  }
  writeFileSync(file, `${lines.join('\n')}\n\n${leaks.join('\n')}\n`)
}

/**
 * The role × operation table that test/api/matrix.test.ts checks (its comment says how to read it):
 * one row per documented operation (and a few variants), one column per kind of person, the
 * status each one gets.
 */
export const expected = `
operation                                                         | anon | wang | zhou | pending | rejected | liu | chen | wu | zheng | anju | street
GET /api/health                                                   | 200  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/openapi.json                                             | 200  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
POST /api/auth/wechat                                             | 200  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/auth/dev/users                                           | 200  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
POST /api/auth/dev                                                | 200  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/me                                                       | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
PATCH /api/me                                                     | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/me/export                                                | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/me/todo                                                  | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
DELETE /api/me                                                    | 401  | 400  | 400  | 400     | 400      | 400 | 400  | 400 | 400   | 400  | 400
GET /api/communities/{communityId}/audit                          | 401  | 403  | 403  | 403     | 403      | 403 | 200  | 403 | 403   | 403  | 403
GET /api/communities                                              | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/communities/{communityId}                                | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/communities/{communityId}/buildings                      | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/communities/{communityId}/households                     | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/residency/claims/mine                                    | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
POST /api/residency/claims/{claimId}/withdraw                     | 401  | 404  | 404  | 200     | 404      | 404 | 404  | 404 | 404   | 404  | 404
POST /api/residency/claims/{claimId}/approve                      | 401  | 404  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/residency/claims/{claimId}/reject                       | 401  | 404  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
GET /api/communities/{communityId}/residency/claims               | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
GET /api/concerns/similar                                         | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
POST /api/concerns                                                | 401  | 201  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 201  | 403
GET /api/concerns/{concernId}                                     | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
POST /api/concerns/{concernId}/cosign                             | 401  | 409  | 403  | 403     | 403      | 403 | 403  | 403 | 403   | 403  | 403
DELETE /api/concerns/{concernId}/cosign                           | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
POST /api/concerns/{concernId}/follow                             | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
DELETE /api/concerns/{concernId}/follow                           | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
POST /api/concerns/{concernId}/transitions                        | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 200  | 403
POST /api/concerns/{concernId}/acknowledge                        | 401  | 403  | 403  | 403     | 403      | 409 | 409  | 403 | 403   | 403  | 403
POST /api/concerns/{concernId}/arrive                             | 401  | 403  | 403  | 403     | 403      | 200 | 409  | 403 | 403   | 409  | 403
POST /api/concerns/{concernId}/rating                             | 401  | 409  | 403  | 403     | 403      | 403 | 403  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/concerns                       | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/communities/{communityId}/inbox                          | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 200  | 403
GET /api/communities/{communityId}/staff                          | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
POST /api/communities/{communityId}/sessions                      | 401  | 403  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/sessions                       | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 200  | 403
POST /api/communities/{communityId}/rules                         | 401  | 403  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/rules                          | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
GET /api/sessions/{sessionId}                                     | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 200  | 404
PATCH /api/sessions/{sessionId}                                   | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 403  | 404
POST /api/sessions/{sessionId}/actions                            | 401  | 403  | 404  | 404     | 404      | 409 | 409  | 404 | 404   | 403  | 404
POST /api/sessions/{sessionId}/registration                       | 401  | 200  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 403  | 404
DELETE /api/sessions/{sessionId}/registration                     | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 200  | 404
POST /api/sessions/{sessionId}/check-in                           | 401  | 409  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 403  | 404
POST /api/sessions/{sessionId}/topics                             | 401  | 201  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 403  | 404
GET /api/sessions/{sessionId}/topics                              | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 200  | 404
POST /api/sessions/{sessionId}/minutes                            | 401  | 403  | 404  | 404     | 404      | 409 | 409  | 404 | 404   | 403  | 404
GET /api/topics/{topicId}                                         | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/topics/{topicId}/decision                               | 401  | 404  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/topics/{topicId}/withdraw                               | 401  | 200  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404
POST /api/topics/{topicId}/resolution                             | 401  | 403  | 404  | 404     | 404      | 409 | 409  | 404 | 404   | 404  | 404
GET /api/communities/{communityId}/calendar.ics                   | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 200  | 403
GET /api/communities/{communityId}/calendar-feed                  | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 200  | 403
GET /api/calendar/{communityId}/{scope}/{signature}/councils.ics  | 200  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/sessions/{sessionId}/calendar.ics                        | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 200  | 404
GET /api/sessions/{sessionId}/registrations                       | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 403  | 404
POST /api/communities/{communityId}/proposals                     | 401  | 403  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/proposals                      | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
GET /api/proposals/{proposalId}                                   | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
PATCH /api/proposals/{proposalId}                                 | 401  | 403  | 404  | 404     | 404      | 409 | 409  | 404 | 404   | 404  | 404
POST /api/proposals/{proposalId}/actions                          | 401  | 403  | 404  | 404     | 404      | 409 | 409  | 404 | 404   | 404  | 404
POST /api/proposals/{proposalId}/ballots                          | 401  | 200  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404
GET /api/proposals/{proposalId}/participation                     | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
GET /api/proposals/{proposalId}/result                            | 401  | 409  | 404  | 404     | 404      | 409 | 409  | 404 | 404   | 404  | 404
POST /api/photos                                                  | 401  | 201  | 201  | 201     | 201      | 201 | 201  | 201 | 201   | 201  | 201
POST /api/photos/{photoId}/review                                 | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
GET /api/files/{name}                                             | 200  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/wechat/events                                            | 401  | 401  | 401  | 401     | 401      | 401 | 401  | 401 | 401   | 401  | 401
POST /api/wechat/events                                           | 401  | 401  | 401  | 401     | 401      | 401 | 401  | 401 | 401   | 401  | 401
GET /api/notifications                                            | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
POST /api/notifications/read                                      | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/jobs/tick                                                | 401  | 401  | 401  | 401     | 401      | 401 | 401  | 401 | 401   | 401  | 401
GET /api/communities/{communityId}/grids                          | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 200
POST /api/communities/{communityId}/grids                         | 401  | 403  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
PATCH /api/grids/{gridId}                                         | 401  | 404  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 403
DELETE /api/grids/{gridId}                                        | 401  | 404  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 403
GET /api/communities/{communityId}/limits                         | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
PUT /api/communities/{communityId}/limits                         | 401  | 403  | 403  | 403     | 403      | 403 | 200  | 403 | 403   | 403  | 403
GET /api/overdue                                                  | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 200
GET /api/kpis                                                     | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 200
GET /api/kpis/ranking                                             | 401  | 403  | 403  | 403     | 403      | 403 | 403  | 403 | 403   | 403  | 200
GET /api/kpis/concerns                                            | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 200
GET /api/kpis/breakdown                                           | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 200
GET /api/kpis/trend                                               | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 200
GET /api/communities/{communityId}/kpis/monthly                   | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/communities/{communityId}/board                           | 401  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/communities/{communityId}/open-data.zip                  | 200  | 200  | 200  | 200     | 200      | 200 | 200  | 200 | 200   | 200  | 200
GET /api/streets/{streetId}/settings                              | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 200 | 200   | 403  | 200
PUT /api/streets/{streetId}/settings                              | 401  | 403  | 403  | 403     | 403      | 403 | 403  | 403 | 403   | 403  | 200
GET /api/communities/{communityId}/ledgers/{kind}.xlsx            | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 200
GET /api/streets/{streetId}/ledgers/{kind}.xlsx                   | 401  | 403  | 403  | 403     | 403      | 403 | 403  | 403 | 403   | 403  | 200
GET /api/communities/{communityId}/tracked-items                  | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 200  | 200
GET /api/tracked-items/{itemId}                                   | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 200
PATCH /api/tracked-items/{itemId}                                 | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 403
POST /api/tracked-items/{itemId}/updates                          | 401  | 403  | 404  | 404     | 404      | 201 | 201  | 404 | 404   | 404  | 403
GET /api/concerns/{concernId} · private                           | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/concerns/{concernId}/cosign · private                   | 401  | 409  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404
POST /api/concerns/{concernId}/follow · private                   | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/concerns/{concernId}/transitions · private              | 401  | 403  | 404  | 404     | 404      | 409 | 409  | 404 | 404   | 404  | 404
POST /api/concerns/{concernId}/rating · private                   | 401  | 409  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404
GET /api/topics/{topicId} · another's pending                     | 401  | 404  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
GET /api/proposals/{proposalId} · draft                           | 401  | 404  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
PATCH /api/proposals/{proposalId} · draft                         | 401  | 404  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/proposals/{proposalId}/actions · draft                  | 401  | 404  | 404  | 404     | 404      | 409 | 409  | 404 | 404   | 404  | 404
POST /api/proposals/{proposalId}/ballots · draft                  | 401  | 404  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404
POST /api/residency/claims                                        | 401  | 201  | 201  | 201     | 201      | 201 | 201  | 201 | 201   | 201  | 201
GET /api/communities/{communityId}/needs                           | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 200  | 403
POST /api/communities/{communityId}/needs                          | 401  | 201  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
GET /api/needs/{needId}                                           | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 200  | 404
POST /api/needs/{needId}/review                                   | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/needs/{needId}/support                                  | 401  | 200  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 403  | 404
DELETE /api/needs/{needId}/support                                | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 200  | 404
POST /api/communities/{communityId}/need-rounds                    | 401  | 403  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
GET /api/need-rounds/{roundId}                                    | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 200  | 404
PUT /api/need-rounds/{roundId}/dots/{needId}                      | 401  | 200  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 403  | 404
POST /api/need-rounds/{roundId}/offer                             | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 403  | 404
GET /api/communities/{communityId}/resources                       | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 200  | 403
PATCH /api/resources/{resourceId}                                  | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 403  | 404
POST /api/resources/{resourceId}/withdraw                          | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 403  | 404
POST /api/communities/{communityId}/resources                      | 401  | 201  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403${pointsRows}${errandsRows}${volunteeringRows}${projectsRows}
`
