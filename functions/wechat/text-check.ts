import { eq } from 'drizzle-orm'
import { users } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'

/** Residents' words go through the content check before anyone else can read them (CONTENT_REFUSED otherwise). */
export async function assertTextPasses(deps: Deps, userId: string, ...texts: (string | undefined | null)[]) {
  const text = texts.filter(Boolean).join('\n')
  if (!text) return
  const [u] = await deps.database.db.select({ openid: users.openid }).from(users).where(eq(users.id, userId))
  if (!(await deps.contentCheck.textPasses(text, u?.openid ?? null))) throw new AppError('CONTENT_REFUSED')
}
