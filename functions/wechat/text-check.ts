import { eq } from 'drizzle-orm'
import { users } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'

/** Residents' words go through the content check before anyone else can read them (CONTENT_REFUSED otherwise). */
export async function assertTextPasses(deps: Deps, userId: string, ...texts: (string | undefined | null)[]) {
  if (!texts.some(Boolean)) return
  const [u] = await deps.database.db.select({ openid: users.openid }).from(users).where(eq(users.id, userId))
  await assertTextPassesAs(deps, u?.openid ?? null, ...texts)
}

/** The same check when the caller already read the person's WeChat openid (with its own statement). */
export async function assertTextPassesAs(deps: Deps, openid: string | null, ...texts: (string | undefined | null)[]) {
  const text = texts.filter(Boolean).join('\n')
  if (!text) return
  let passes: boolean
  try {
    passes = await deps.contentCheck.textPasses(text, openid)
  } catch (err) {
    // Fail closed: unchecked words are never published. Say that nothing was saved.
    if (err instanceof AppError && err.code === 'WECHAT_UNAVAILABLE')
      throw new AppError('WECHAT_UNAVAILABLE', '暂时无法完成内容安全检查，这次提交没有保存，请稍后再试', err.details)
    throw err
  }
  if (!passes) throw new AppError('CONTENT_REFUSED')
}
