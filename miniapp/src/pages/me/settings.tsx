import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@/components/cell'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { Toggle } from '@/components/toggle'
import { signOut } from '@/features/auth/sign-out'
import { t } from '@/i18n/zh-cn'
import { useElderMode } from '@/lib/elder-mode'

/** 长辈模式 on or off, with a toast saying which: the first card of 我的, right under the profile. */
export function ElderModeCard() {
  const [elder, setElder] = useElderMode()

  function toggleElder(next: boolean) {
    setElder(next)
    void Taro.showToast({ title: next ? t.elder.on : t.elder.off, icon: 'none' })
  }

  return (
    <View className='card card--flush me-elder'>
      <Cell
        icon='textSize'
        title={t.me.elderMode}
        desc={t.me.elderModeDesc}
        testId='elder-mode'
        value={<Toggle className='me-switch' checked={elder} label={t.me.elderMode} onChange={toggleElder} testId='elder-mode-switch' />}
      />
    </View>
  )
}

/** Signing out, after a confirm: the last thing on 我的. */
export function SignOut() {
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
    <View className='me-logout'>
      <Button className='btn btn--plain btn--block me-logout__btn' hoverClass='btn--hover' onClick={() => void confirmSignOut()}>
        <Icon name='logOut' size={36} color={colors.danger} />
        <Text className='me-logout__text'>{t.me.logout}</Text>
      </Button>
    </View>
  )
}
