import { View, Text, Button } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import type { MyTopicData } from '../api/get-session'
import { chinaMoment } from '../format'
import { TopicStatusTag } from './session-tags'
import './session-detail.scss'

export interface TopicItemProps {
  topic: MyTopicData
  /** Staff see who proposed it. */
  staff?: boolean
  /** Buttons under the topic (撤回, or staff's 列入议程 / 顺延 / 不予采纳). */
  actions?: Array<{ key: string; label: string; tone: 'primary' | 'outline' | 'danger' | 'plain'; onClick: () => void; busy?: boolean }>
}

/** One topic with its status and what became of it (order and minutes, where it was deferred, why it was declined). */
export function TopicItem({ topic: tp, staff, actions = [] }: TopicItemProps) {
  return (
    <View className='topic-item' data-testid={staff ? 'staff-topic' : 'my-topic'} data-topic-id={tp.id} data-status={tp.status}>
      <View className='topic-item__top'>
        <Text className='topic-item__title'>{tp.title}</Text>
        <TopicStatusTag status={tp.status} label={tp.statusLabel} />
      </View>
      <Text className='topic-item__reason'>{tp.reason}</Text>
      <View className='topic-item__meta'>
        {tp.concern ? (
          <Text>
            {t.session.linkedConcern} {tp.concern.publicNo}
          </Text>
        ) : null}
        {staff && tp.proposerName ? <Text>{t.staffSession.proposer(tp.proposerName)}</Text> : null}
      </View>
      {tp.status === 'accepted' && tp.order !== null && tp.minutes !== null ? (
        <View className='topic-item__note'>
          <Icon name='list' size={32} color={colors.success} />
          <Text>{t.session.onAgenda(tp.order, tp.minutes)}</Text>
        </View>
      ) : null}
      {tp.status === 'declined' && tp.decisionReason ? (
        <View className='topic-item__note' data-testid='topic-decline-reason'>
          <Icon name='info' size={32} color={colors.danger} />
          <Text>{t.session.declinedReason(tp.decisionReason)}</Text>
        </View>
      ) : null}
      {tp.status === 'deferred' && tp.deferredTo ? (
        <View className='topic-item__note'>
          <Icon name='calendar' size={32} color={colors.info} />
          <Text>{t.session.deferredTo(tp.deferredTo.title, chinaMoment(tp.deferredTo.startsAt))}</Text>
        </View>
      ) : null}
      {tp.status !== 'declined' && tp.decisionReason ? (
        <View className='topic-item__note' data-testid='topic-answer'>
          <Icon name='message' size={32} color={colors.info} />
          <Text>{t.session.answer(tp.decisionReason)}</Text>
        </View>
      ) : null}
      {actions.length > 0 ? (
        <View className='topic-item__actions'>
          {actions.map((a) => (
            <Button
              key={a.key}
              className={`btn btn--small btn--${a.tone}`}
              hoverClass='btn--hover'
              data-testid='topic-action'
              data-action={a.key}
              disabled={a.busy}
              onClick={a.onClick}
            >
              {a.busy ? t.common.submitting : a.label}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  )
}
