import Taro from '@tarojs/taro'
import { clearQueryCache } from '@/lib/api/use-query'
import { clearAllDrafts } from '@/lib/drafts'
import { routes } from '@/lib/routes'
import { clearSession } from '@/lib/session'

/** Forget the session, every cached reply and every unsent draft, then start again at the login page. */
export function signOut() {
  clearSession()
  clearAllDrafts()
  clearQueryCache()
  return Taro.reLaunch({ url: routes.login })
}
