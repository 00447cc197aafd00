import Taro from '@tarojs/taro'
import { clearQueryCache } from '@/lib/api/use-query'
import { routes } from '@/lib/routes'
import { clearSession } from '@/lib/session'

/** Forget the session and every cached reply, then start again at the login page. */
export function signOut() {
  clearSession()
  clearQueryCache()
  return Taro.reLaunch({ url: routes.login })
}
