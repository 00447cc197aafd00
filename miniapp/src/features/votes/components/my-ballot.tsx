import { View, Text } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import type { BallotData } from '../api/get-proposal'
import { voteMoment } from '../format'
import './votes.scss'

/** 您已投票: my own choice (the only ballot anyone is ever shown), and when. */
export function MyBallot({ ballot, householdLabel }: { ballot: BallotData; householdLabel?: string }) {
  return (
    <View className='card vote-done' data-testid='my-ballot'>
      <View className='vote-done__head'>
        <Icon name='checkCircle' size={56} color={colors.success} />
        <Text className='vote-done__title'>{t.votes.voted}</Text>
      </View>
      <View className='vote-done__choices' data-testid='my-ballot-choice'>
        {ballot.labels.map((label) => (
          <Text key={label} className='vote-done__choice'>
            {label}
          </Text>
        ))}
      </View>
      {householdLabel ? <Text className='vote-done__meta'>{t.votes.confirmFor(householdLabel)}</Text> : null}
      <Text className='vote-done__meta'>{t.votes.votedAt(voteMoment(ballot.castAt))}</Text>
    </View>
  )
}
