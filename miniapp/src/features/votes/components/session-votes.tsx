import { View, Text } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { useTopicProposals } from '../api/get-proposals'
import { VoteOutcomeTag, VotePhaseTag } from './vote-tags'
import './votes.scss'

/** On a session's page: the votes on its agenda items (nothing when there are none). */
export function SessionVotes({
  communityId,
  topicIds,
  onOpen,
}: {
  communityId: string
  topicIds: readonly string[]
  onOpen: (proposalId: string) => void
}) {
  const votes = useTopicProposals(communityId, topicIds)
  const items = votes.data ?? []
  if (!items.length) return null
  return (
    <View className='card session-votes' data-testid='session-votes'>
      <View className='vote-section__head'>
        <Text className='vote-section__title'>{t.votes.sessionVotes}</Text>
      </View>
      {items.map((p) => (
        <View
          key={p.id}
          className='session-votes__row'
          hoverClass='cell--hover'
          onClick={() => onOpen(p.id)}
          data-testid='session-vote'
          data-proposal-id={p.id}
          data-topic-id={p.topic?.id}
          {...a11y({ role: 'button' })}
        >
          <Icon name='vote' size={40} color={colors.brand} />
          <View className='session-votes__body'>
            <Text className='session-votes__title'>{p.title}</Text>
            {p.topic ? <Text className='session-votes__topic'>{p.topic.title}</Text> : null}
          </View>
          {p.outcome && p.outcomeLabel ? (
            <VoteOutcomeTag outcome={p.outcome} label={p.outcomeLabel} />
          ) : (
            <VotePhaseTag phase={p.phase} label={p.phaseLabel} />
          )}
          <Icon name='chevronRight' size={28} color={colors.text3} />
        </View>
      ))}
    </View>
  )
}
