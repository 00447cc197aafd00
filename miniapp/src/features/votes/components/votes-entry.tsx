import { View, Text } from '@tarojs/components'
import { Badge } from '@/components/badge'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { useQuery } from '@/lib/api/use-query'
import { getProposals, proposalsKeyPrefix } from '../api/get-proposals'
import './votes.scss'

/** The way in to 居民表决 from the 议事 tab: how many votes are open now, quietly (no toast on failure). */
export function VotesEntry({ communityId, onClick }: { communityId: string; onClick: () => void }) {
  const open = useQuery(`${proposalsKeyPrefix}${communityId}/entry`, () =>
    getProposals(communityId, { status: 'open', limit: 20 }, { toast: false }),
  )
  const voting = open.data?.items.filter((p) => p.phase === 'voting') ?? []
  const waiting = voting.filter((p) => !p.viewer.voted).length
  return (
    <View className='card votes-entry' hoverClass='cell--hover' onClick={onClick} data-testid='open-votes' {...a11y({ role: 'button' })}>
      <View className='votes-entry__icon'>
        <Icon name='vote' size={48} color={colors.brand} />
      </View>
      <View className='votes-entry__body'>
        <View className='votes-entry__title'>
          <Text>{t.votes.entryTitle}</Text>
          <Badge count={waiting} className='votes-entry__badge' testId='votes-waiting' />
        </View>
        <Text className='votes-entry__desc'>{voting.length ? t.votes.entryOpen(voting.length) : t.votes.entryDesc}</Text>
      </View>
      <Icon name='chevronRight' size={32} color={colors.text3} />
    </View>
  )
}
