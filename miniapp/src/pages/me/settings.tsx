import { Button, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@/components/cell'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { signOut } from '@/features/auth/sign-out'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { useElderMode } from '@/lib/elder-mode'

/** 设置 (长辈模式 on or off, with a toast saying which) and signing out after a confirm. */
export function SettingsAndSignOut() {
  const [elder, setElder] = useElderMode()

  function toggleElder(next: boolean) {
    setElder(next)
    void Taro.showToast({ title: next ? t.elder.on : t.elder.off, icon: 'none' })
  }

  async function confirmSignOut() {
    const { confirm } = await Taro.showModal({
      title: t.me.logout,
      content: t.me.logoutConfirm,
      confirmText: t.me.logout,
      cancelText: t.common.cancel,
    })
    if (confirm) void signOut()
  }

  return (
    <>
      <View className='section-title'>{t.me.settings}</View>
      <View className='card card--flush'>
        <Cell
          icon='textSize'
          iconTone='neutral'
          title={t.me.elderMode}
          desc={t.me.elderModeDesc}
          testId='elder-mode'
          value={
            <Switch
              className='me-switch'
              checked={elder}
              color={colors.brand}
              onChange={(e) => toggleElder(e.detail.value)}
              {...a11y({ label: t.me.elderMode })}
            />
          }
        />
      </View>

      <View className='me-logout'>
        <Button className='btn btn--plain btn--block me-logout__btn' hoverClass='btn--hover' onClick={() => void confirmSignOut()}>
          <Icon name='logOut' size={36} color={colors.danger} />
          <Text className='me-logout__text'>{t.me.logout}</Text>
        </Button>
      </View>
    </>
  )
}
