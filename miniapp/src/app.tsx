import { useDidShow } from '@tarojs/taro'
import { type PropsWithChildren, useEffect } from 'react'
import { signInWithWechat } from '@/features/auth/api/login-wechat'
import { configureApiClient } from '@/lib/api/client'
import { applyToTabBar } from '@/lib/elder-mode'
import { labelH5Chrome } from '@/lib/h5-chrome'
import { goToLogin } from '@/lib/routes'
import './app.scss'

/**
 * Session wiring: in WeChat an authenticated call without a token signs in silently with
 * `Taro.login`; in the browser (h5) it goes to the demo-account picker. A 401 always clears the
 * token and goes to the login page.
 */
configureApiClient({
  onMissingToken: async () => {
    if (process.env.TARO_ENV !== 'weapp') return null
    try {
      const session = await signInWithWechat(false)
      return session.token
    } catch {
      return null
    }
  },
  onUnauthorized: () => goToLogin(),
})

export default function App({ children }: PropsWithChildren) {
  useEffect(() => labelH5Chrome(), [])
  useDidShow(() => applyToTabBar())
  return children
}
