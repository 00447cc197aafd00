import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { anyRoleLabels } from '@domain/labels.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useDevUsers, type DevUserItem } from '@/features/auth/api/get-dev-users'
import { useDevLogin } from '@/features/auth/api/login-dev'
import { useWechatLogin } from '@/features/auth/api/login-wechat'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx, initialOf } from '@/lib/format'
import { afterSignIn } from '@/lib/routes'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** In, to the page a shared link opened (kept in `next` when it sent the person here), or 首页. */
function enterApp() {
  void Taro.showToast({ title: t.login.welcome, icon: 'success', duration: 800 })
  void Taro.reLaunch({ url: afterSignIn(Taro.getCurrentInstance().router?.params.next) })
}

export default function LoginPage() {
  return (
    <Screen testId='page-login' className='login'>
      <View className='login-brand'>
        <View className='login-brand__logo'>
          <Icon name='users' size={72} color={colors.white} strokeWidth={1.6} />
        </View>
        <Text className='login-brand__name'>{t.app.name}</Text>
        <Text className='login-brand__tagline'>{t.app.tagline}</Text>
      </View>
      {isWeapp ? <WechatLogin /> : <DevLogin />}
    </Screen>
  )
}

function WechatLogin() {
  const login = useWechatLogin()
  return (
    <View className='login-wechat'>
      <Button
        className='btn btn--primary btn--block'
        hoverClass='btn--hover'
        disabled={login.loading}
        onClick={async () => {
          if (await login.mutate(undefined)) enterApp()
        }}
      >
        {login.loading ? t.login.signingIn : t.login.wechatButton}
      </Button>
      <Text className='login-wechat__hint'>{t.login.wechatHint}</Text>
    </View>
  )
}

function DevLogin() {
  const users = useDevUsers()
  const login = useDevLogin()
  const [pickedId, setPickedId] = useState<string>()

  async function pick(user: DevUserItem) {
    setPickedId(user.id)
    const session = await login.mutate({ userId: user.id })
    if (session) enterApp()
    else setPickedId(undefined)
  }

  if (users.loading) {
    return (
      <View className='login-list'>
        <View className='section-title'>{t.login.devListTitle}</View>
        <SkeletonList count={4} lines={1} avatar />
      </View>
    )
  }

  if (users.error && !users.data) {
    if (users.error.status === 404) {
      return (
        <View className='card login-wechat-only' data-testid='wechat-only'>
          <View className='login-wechat-only__icon'>
            <Icon name='phone' size={56} color={colors.success} />
          </View>
          <Text className='card__title'>{t.login.wechatOnlyTitle}</Text>
          <Text className='login-wechat-only__desc'>{t.login.wechatOnlyDesc}</Text>
        </View>
      )
    }
    return <ErrorState error={users.error} onRetry={() => void users.refetch()} />
  }

  const items = users.data?.items ?? []
  return (
    <View className='login-list'>
      <View className='section-title'>
        <Text>{t.login.devListTitle}</Text>
        <Text className='login-list__count'>{t.login.subtitle}</Text>
      </View>
      {items.length === 0 ? (
        <EmptyState icon='users' text={t.login.devEmpty} />
      ) : (
        <View className='card card--flush'>
          {items.map((user) => (
            <View
              key={user.id}
              className={cx('dev-user', pickedId === user.id && 'dev-user--busy')}
              hoverClass='cell--hover'
              data-testid='dev-user'
              data-user-id={user.id}
              onClick={() => void pick(user)}
              {...a11y({ role: 'button', label: user.nickname })}
            >
              <View className={cx('dev-user__avatar', user.role !== 'resident' && 'dev-user__avatar--staff')}>
                <Text>{initialOf(user.nickname)}</Text>
              </View>
              <View className='dev-user__body'>
                <View className='dev-user__line'>
                  <Text className='dev-user__name'>{user.nickname}</Text>
                  <Text className={cx('tag', user.role === 'resident' ? 'tag--neutral' : 'tag--brand')}>{anyRoleLabels[user.role]}</Text>
                </View>
                <Text className='dev-user__community'>{user.orgName ? `${user.communityName} · ${user.orgName}` : user.communityName}</Text>
                {user.note ? <Text className='dev-user__note'>{user.note}</Text> : null}
              </View>
              <Icon name='chevronRight' size={32} color={colors.text3} />
            </View>
          ))}
        </View>
      )}
      <Text className='divider-text login-list__hint'>{t.login.devHint}</Text>
    </View>
  )
}
