import { Button, Text, View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { SessionDetailData } from '@/features/councils/api/get-session'
import { TopicItem } from '@/features/councils/components/my-topic'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { openClaimForm } from '@/lib/routes'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** Not verified in this community: say why registering needs it, and lead to the claim form. */
export function VerifyCard({ communityId }: { communityId: string }) {
  return (
    <View className='card session-verify' data-testid='verify-notice'>
      <View className='session-verify__head'>
        <Icon name='shieldCheck' size={56} color={colors.warning} />
        <Text className='session-verify__title'>{t.session.verifyTitle}</Text>
      </View>
      <Text className='session-verify__desc'>{t.session.verifyDesc}</Text>
      <Button
        className='btn btn--primary btn--block'
        hoverClass='btn--hover'
        data-testid='verify-action'
        onClick={() => void openClaimForm(communityId)}
      >
        {t.session.verifyAction}
      </Button>
    </View>
  )
}

/** 申报议题, or why it cannot be done right now. */
export function BookCard({ session: s, verified, onBook }: { session: SessionDetailData; verified: boolean; onBook: () => void }) {
  if (s.viewer.canBookTopic) {
    return (
      <View className='card session-book' data-testid='book-card'>
        <View className='session-book__text'>
          <Text className='session-section__title'>{t.session.book}</Text>
          <Text className='session-book__desc'>{t.session.bookDesc}</Text>
        </View>
        <Button className='btn btn--primary btn--small' hoverClass='btn--hover' data-testid='book-topic' onClick={onBook}>
          <Icon name='plus' size={36} color={colors.white} strokeWidth={2.4} />
          <Text className='btn__text'>{t.session.book}</Text>
        </Button>
      </View>
    )
  }
  if (!verified || s.status !== 'open' || !s.viewer.bookingBlockedReason) return null
  return (
    <InfoNotice
      icon='info'
      className='session-book-blocked'
      testId='booking-blocked'
      title={t.session.bookBlocked}
      desc={s.viewer.bookingBlockedReason}
    />
  )
}

/** A notice that only informs (nothing to tap). */
export function InfoNotice(props: { icon: 'info' | 'fileText'; title: string; desc?: string; className: string; testId?: string }) {
  return (
    <View className={`notice notice--info ${props.className}`} data-testid={props.testId}>
      <Icon name={props.icon} size={44} color={colors.info} />
      <View className='notice__body'>
        <View className='notice__title'>{props.title}</View>
        {props.desc ? <View className='notice__desc'>{props.desc}</View> : null}
      </View>
    </View>
  )
}

/** The topics this resident booked, each with 撤回 while it can still be withdrawn. */
export function MyTopicsCard(props: {
  topics: SessionDetailData['viewer']['myTopics']
  withdrawing: boolean
  onWithdraw: (topicId: string) => void
}) {
  if (props.topics.length === 0) return null
  return (
    <View className='card' data-testid='my-topics'>
      <View className='session-section__head'>
        <Text className='session-section__title'>{t.session.myTopics}</Text>
      </View>
      {props.topics.map((tp) => (
        <TopicItem
          key={tp.id}
          topic={tp}
          actions={
            tp.actions.includes('withdraw')
              ? [
                  {
                    key: 'withdraw',
                    label: t.session.withdraw,
                    tone: 'plain',
                    busy: props.withdrawing,
                    onClick: () => props.onWithdraw(tp.id),
                  },
                ]
              : []
          }
        />
      ))}
    </View>
  )
}

/** 加入日历, and in WeChat 分享 to the building's group. */
export function SessionTools({ onAddToCalendar }: { onAddToCalendar: () => void }) {
  return (
    <View className='session-tools'>
      <View
        className='session-tool'
        hoverClass='cell--hover'
        data-testid='add-calendar'
        onClick={onAddToCalendar}
        {...a11y({ role: 'button' })}
      >
        <Icon name='calendarPlus' size={44} color={colors.brand} />
        <Text className='session-tool__text'>{t.session.addCalendar}</Text>
      </View>
      {isWeapp ? (
        <Button className='session-tool session-tool--share' openType='share' hoverClass='cell--hover' data-testid='share'>
          <Icon name='share' size={44} color={colors.brand} />
          <Text className='session-tool__text'>{t.session.share}</Text>
        </Button>
      ) : null}
    </View>
  )
}
