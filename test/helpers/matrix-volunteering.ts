import { volunteerActivities } from '../../db/schema/index.js'
import { wenanId, type MatrixActor, type MatrixWorld } from './matrix.js'

/**
 * The 志愿活动 rows of test/api/matrix.test.ts and how to call them: the community's residents and
 * staff see its activities (others get 403 on the community's list, 404 on an activity); residents
 * sign up, staff manage and sign off.
 */
export const volunteeringRows = `
GET /api/communities/{communityId}/volunteering/activities        | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
POST /api/communities/{communityId}/volunteering/activities       | 401  | 403  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
GET /api/volunteering/activities/{activityId}                     | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
PATCH /api/volunteering/activities/{activityId}                   | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/volunteering/activities/{activityId}/cancel             | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/volunteering/activities/{activityId}/signup             | 401  | 200  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404
DELETE /api/volunteering/activities/{activityId}/signup           | 401  | 200  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404
POST /api/volunteering/activities/{activityId}/sign-off           | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404`

interface VolunteeringRecipe {
  path?: (w: MatrixWorld, a: MatrixActor) => string | Promise<string>
  body?: (w: MatrixWorld, a: MatrixActor) => unknown
}

const list = `/api/communities/${wenanId}/volunteering/activities`
const hour = 3600_000
let shared: string | undefined

function body(title: string) {
  const starts = new Date(Date.now() + 48 * hour)
  return {
    title,
    place: '社区服务站',
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 2 * hour).toISOString(),
    capacity: 20,
    hours: 2,
  }
}

async function fresh(w: MatrixWorld, title: string): Promise<string> {
  const res = await w.t.call('POST', list, { token: w.token.chen, body: body(title) })
  if (res.status !== 201) throw new Error(`activity for the matrix: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

/** One activity the reading, editing and sign-up rows share. */
async function activity(w: MatrixWorld): Promise<string> {
  shared ??= await fresh(w, '矩阵志愿活动')
  return shared
}

/** An activity that has already ended, with nobody signed up: written straight to the table (the API only takes future ones). */
async function ended(w: MatrixWorld): Promise<string> {
  const now = Date.now()
  const [row] = await w.t.database.db
    .insert(volunteerActivities)
    .values({
      communityId: wenanId,
      title: '矩阵已结束的志愿活动',
      place: '社区服务站',
      startsAt: new Date(now - 3 * hour),
      endsAt: new Date(now - hour),
      capacity: 5,
      creditedMinutes: 60,
    })
    .returning({ id: volunteerActivities.id })
  return row.id
}

const at = (suffix: string) => async (w: MatrixWorld) => `/api/volunteering/activities/${await activity(w)}${suffix}`

export const volunteeringRecipes: Record<string, VolunteeringRecipe> = {
  'POST /api/communities/{communityId}/volunteering/activities': { body: (_w, a) => body(`矩阵新活动${a}`) },
  'GET /api/volunteering/activities/{activityId}': { path: at('') },
  'PATCH /api/volunteering/activities/{activityId}': { path: at(''), body: () => ({ capacity: 30 }) },
  'POST /api/volunteering/activities/{activityId}/cancel': {
    path: async (w, a) => `/api/volunteering/activities/${await fresh(w, `矩阵待取消${a}`)}/cancel`,
    body: () => ({ reason: '矩阵测试取消' }),
  },
  'POST /api/volunteering/activities/{activityId}/signup': { path: at('/signup') },
  'DELETE /api/volunteering/activities/{activityId}/signup': { path: at('/signup') },
  'POST /api/volunteering/activities/{activityId}/sign-off': {
    path: async (w) => `/api/volunteering/activities/${await ended(w)}/sign-off`,
    body: () => ({ entries: [] }),
  },
}
