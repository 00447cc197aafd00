import { demo } from '../../db/seed.js'
import type { TestApp } from './app.js'
import { needBody } from './needs.js'

/**
 * The 项目清单 part of the matrix: the seeded project (上门义务理发) to read, and for each create a
 * fresh open need of 文安路社区 (raised by 陈书记), so every permitted create succeeds.
 */
export const projectsRows = `
GET /api/communities/{communityId}/projects                        | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 200  | 403
POST /api/communities/{communityId}/projects                       | 401  | 403  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
GET /api/projects/{projectId}                                     | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 200  | 404
PUT /api/projects/{projectId}/links                               | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 403  | 404`

let n = 0

/** `app()` is the matrix's app, started after the recipes are written down. */
export function projectsRecipes(app: () => TestApp) {
  return {
    // The seeded project's own links, unchanged: every permitted call succeeds and changes nothing.
    'PUT /api/projects/{projectId}/links': {
      body: () => ({ needIds: [demo.needId('haircut')], resourceIds: [demo.resourceId('haircut')] }),
    },
    'POST /api/communities/{communityId}/projects': {
      send: async (w: { token: Record<string, string | undefined> }, token: string | undefined) => {
        const t = app()
        const need = await t.call('POST', `/api/communities/${demo.community.wenan}/needs`, {
          token: w.token.chen,
          body: needBody({ title: `矩阵项目需求${n++}号` }),
        })
        const needId = ((await need.json()) as { id: string }).id
        return t.call('POST', `/api/communities/${demo.community.wenan}/projects`, {
          token,
          body: {
            title: '矩阵里的项目',
            description: '矩阵测试建立的项目，用物业会议室',
            needIds: [needId],
            resourceIds: [demo.resourceId('room')],
            responsibleParty: 'community',
            deadline: new Date(Date.now() + 30 * 86400_000).toISOString(),
          },
        })
      },
    },
  }
}
