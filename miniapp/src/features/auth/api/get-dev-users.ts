import type { z } from 'zod'
import type { DevUserList } from '@domain/schemas/auth.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type DevUsers = z.infer<typeof DevUserList>
export type DevUserItem = DevUsers['items'][number]

/** GET /api/auth/dev/users — demo accounts; 404 (DEV_LOGIN_DISABLED) in production. */
export function getDevUsers(): Promise<DevUsers> {
  return apiRequest<DevUsers>('/auth/dev/users', { auth: false, toast: false })
}

export function useDevUsers() {
  return useQuery('auth/dev-users', getDevUsers)
}
