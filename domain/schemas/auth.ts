import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { Id } from './common.js'
import { Role } from '../roles.js'
import { StreetRole } from '../streets/roles.js'

export const WechatLoginInput = onFirstUse(() =>
  z.strictObject({
    code: z.string().min(1, '缺少微信登录凭证').max(128),
  }),
)

export const DevLoginInput = onFirstUse(() => z.strictObject({ userId: Id }))

export const UserPublic = onFirstUse(() =>
  z
    .object({
      id: Id,
      nickname: z.string(),
      avatarUrl: z.string().nullable(),
      /** Always masked (138****5678); the full number never leaves the server. */
      phoneMasked: z.string().nullable(),
    })
    .meta({ id: 'User' }),
)

export const Session = onFirstUse(() => z.object({ token: z.string(), expiresAt: z.string(), user: UserPublic }).meta({ id: 'Session' }))

export const DevUser = onFirstUse(() =>
  z.object({
    id: Id,
    nickname: z.string(),
    /** The community — or, for a street official, the street. */
    communityName: z.string(),
    role: z.union([Role, StreetRole]),
    orgName: z.string().nullable(),
    note: z.string(),
  }),
)
export const DevUserList = onFirstUse(() => z.object({ items: z.array(DevUser) }))
