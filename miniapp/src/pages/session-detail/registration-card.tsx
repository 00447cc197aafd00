import { Button, Text, View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { SessionDetailData } from '@/features/councils/api/get-session'
import { t } from '@/i18n/zh-cn'
import { cx } from '@/lib/format'
import { registrationText, type sessionView } from './session-view'
import type { useSessionActions } from './use-session-actions'

const isWeapp = process.env.TARO_ENV === 'weapp'

type Reg = SessionDetailData['viewer']['registration']

const regIcon = (reg: Reg) =>
  reg === 'checked_in' ? 'checkCircle' : reg === 'registered' ? 'userCheck' : reg === 'waitlisted' ? 'clock' : 'userPlus'
const regColor = (reg: Reg) => (reg === 'none' ? colors.text3 : reg === 'waitlisted' ? colors.warning : colors.success)

/** 报名: where the resident stands, and register, check in or cancel. */
export function RegistrationCard(props: {
  session: SessionDetailData
  view: ReturnType<typeof sessionView>
  actions: ReturnType<typeof useSessionActions>
  onTypeCode: () => void
}) {
  const { session: s, view, actions } = props
  const { reg } = view
  return (
    <View className='card session-reg' data-testid='registration' data-registration={reg}>
      <View className='session-section__head'>
        <Text className='session-section__title'>{t.session.registration}</Text>
        {reg !== 'none' ? (
          <Text className={cx('tag', reg === 'waitlisted' ? 'tag--warning' : 'tag--success')} data-testid='registration-status'>
            {t.councils.viewer[reg]}
          </Text>
        ) : null}
      </View>
      <View className='session-reg__status'>
        <Icon name={regIcon(reg)} size={48} color={regColor(reg)} />
        <Text className='session-reg__text' data-testid='registration-text'>
          {registrationText(s)}
        </Text>
      </View>
      {s.viewer.canRegister && reg === 'none' ? <Text className='session-reg__hint'>{t.session.registerHint}</Text> : null}
      <View className='session-reg__actions'>
        {s.viewer.canCheckIn ? (
          <>
            <Button
              className='btn btn--primary btn--block'
              hoverClass='btn--hover'
              data-testid='check-in'
              onClick={() => void actions.startCheckIn()}
            >
              <Icon name={isWeapp ? 'scan' : 'qrcode'} size={40} color={colors.white} />
              <Text className='btn__text'>{isWeapp ? t.session.checkInScan : t.session.checkIn}</Text>
            </Button>
            {isWeapp ? (
              <Button className='btn btn--plain btn--block btn--small' hoverClass='btn--hover' onClick={props.onTypeCode}>
                {t.session.checkInType}
              </Button>
            ) : null}
          </>
        ) : null}
        {s.viewer.canRegister && reg === 'none' ? (
          <Button
            className={cx('btn btn--block', s.viewer.canCheckIn ? 'btn--outline' : 'btn--primary')}
            hoverClass='btn--hover'
            data-testid='register'
            disabled={actions.registering}
            onClick={() => void actions.toggleRegistration(true)}
          >
            {actions.registering ? t.session.registering : view.full ? t.session.registerFull : t.session.register}
          </Button>
        ) : null}
        {view.canCancel ? (
          <Button
            className='btn btn--plain btn--block btn--small session-reg__cancel'
            hoverClass='btn--hover'
            data-testid='cancel-registration'
            disabled={actions.registering}
            onClick={() => void actions.toggleRegistration(false)}
          >
            {reg === 'waitlisted' ? t.session.cancelWaitlist : t.session.cancelRegistration}
          </Button>
        ) : null}
      </View>
    </View>
  )
}
