import { demo } from '../../db/seed.js'
import { residencyClaims, users } from '../../db/schema/index.js'
import { wenanId, type MatrixActor, type MatrixWorld } from './matrix.js'

/**
 * The 党员家庭代办站 rows of test/api/matrix.test.ts and how to call them. The errands are 王秀英's
 * (3号楼, 代取药); the seeded station is 赵晓梅's, who is no column: so every column but the asker and
 * staff gets 404 on an errand, and staff, who see it, get 403 for the asker's and helper's steps.
 */
export const errandsRows = `
GET /api/communities/{communityId}/errand-stations                | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/errand-stations/candidates     | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
POST /api/communities/{communityId}/errand-stations               | 401  | 403  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
PATCH /api/errand-stations/{stationId}                            | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
GET /api/communities/{communityId}/errands                        | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
POST /api/communities/{communityId}/errands                       | 401  | 201  | 403  | 403     | 403      | 403 | 403  | 403 | 403   | 403  | 403
POST /api/communities/{communityId}/errands/on-behalf             | 401  | 403  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
GET /api/errands/{errandId}                                       | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/errands/{errandId}/accept                               | 401  | 403  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404
POST /api/errands/{errandId}/done                                 | 401  | 403  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404
POST /api/errands/{errandId}/confirm                              | 401  | 409  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404
POST /api/errands/{errandId}/cancel                               | 401  | 200  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404`

/** The errands' contact: only 王秀英 (the asker) and 文安's staff may ever read these. */
export const errandSecrets = { phone: '13912340099', address: '矩阵门牌9栋9单元909' }

interface ErrandsRecipe {
  path?: (w: MatrixWorld, a: MatrixActor) => string | Promise<string>
  body?: (w: MatrixWorld, a: MatrixActor) => unknown
}

const errandBody = () => ({
  kind: 'medicine',
  what: '帮忙去卫生站取降压药',
  when: '周三上午',
  buildingId: demo.building('wenan', 3),
  address: errandSecrets.address,
  contactPhone: errandSecrets.phone,
})
const base = `/api/communities/${wenanId}`
let errandId: string | undefined

async function askAsWang(w: MatrixWorld): Promise<string> {
  const res = await w.t.call('POST', `${base}/errands`, { token: w.token.wang, body: errandBody() })
  if (res.status !== 201) throw new Error(`errand: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

/** A fresh verified resident of 文安路社区 nobody has made a station for. */
async function freshResident(w: MatrixWorld): Promise<string> {
  const [u] = await w.t.database.db
    .insert(users)
    .values({ nickname: `矩阵助手${Math.random().toString(36).slice(2, 6)}` })
    .returning({ id: users.id })
  await w.t.database.db.insert(residencyClaims).values({
    userId: u.id,
    householdId: demo.household('wenan', 1, 1, '101'),
    communityId: wenanId,
    relation: 'family',
    status: 'verified',
    reviewedAt: new Date(),
  })
  return u.id
}

let helperId = ''
const errandPath = (step: string) => async (w: MatrixWorld) => {
  errandId ??= await askAsWang(w)
  return `/api/errands/${errandId}${step}`
}

export const errandsRecipes: Record<string, ErrandsRecipe> = {
  'POST /api/communities/{communityId}/errand-stations': {
    path: async (w) => {
      helperId = await freshResident(w)
      return `${base}/errand-stations`
    },
    body: () => ({ helperId, name: '矩阵代办站', label: 'volunteer', buildingIds: [demo.building('wenan', 6)], kinds: ['parcel'] }),
  },
  'PATCH /api/errand-stations/{stationId}': {
    path: () => `/api/errand-stations/${demo.errandStation}`,
    body: () => ({ note: '周末在家' }),
  },
  'POST /api/communities/{communityId}/errands': { body: () => errandBody() },
  'POST /api/communities/{communityId}/errands/on-behalf': { body: () => ({ ...errandBody(), residentName: '张奶奶' }) },
  'GET /api/errands/{errandId}': { path: errandPath('') },
  'POST /api/errands/{errandId}/accept': { path: errandPath('/accept') },
  'POST /api/errands/{errandId}/done': { path: errandPath('/done') },
  'POST /api/errands/{errandId}/confirm': { path: errandPath('/confirm'), body: () => ({ thanks: '谢谢' }) },
  // A fresh errand for every person, so one cancellation does not decide the next person's answer.
  'POST /api/errands/{errandId}/cancel': { path: async (w) => `/api/errands/${await askAsWang(w)}/cancel` },
}
