import { Text, View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { Icon } from '@/components/icon'
import { PagedList } from '@/components/paged-list'
import { Segmented } from '@/components/segmented'
import { SkeletonBox } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import type { ParticipationEntryData, ParticipationFilter } from '@/features/votes/api/get-participation'
import type { ProposalDetailData } from '@/features/votes/api/get-proposal'
import { percent } from '@/features/votes/format'
import { t } from '@/i18n/zh-cn'
import type { PagedResult } from '@/lib/api/use-paged-query'

const filters: ReadonlyArray<{ key: ParticipationFilter; label: string }> = [
  { key: 'all', label: t.staffVotes.filter.all },
  { key: 'no', label: t.staffVotes.filter.no },
  { key: 'yes', label: t.staffVotes.filter.yes },
]

interface Props {
  proposal: ProposalDetailData
  roll: PagedResult<ParticipationEntryData>
  filter: ParticipationFilter
  onFilter: (filter: ParticipationFilter) => void
}

/** Who (or which household) has voted — never how: the turnout bar, a filter and the roll page by page. */
export function ParticipationCard({ proposal: p, roll, filter, onFilter }: Props) {
  const household = p.unit === 'household'
  const turnout = p.turnout
  const left = turnout ? turnout.electorate - turnout.participants : 0
  return (
    <View className='card staff-vote__roll' data-testid='participation'>
      <View className='vote-section__head'>
        <Text className='vote-section__title'>{t.staffVotes.participation}</Text>
        {turnout ? (
          <Text
            className='staff-vote__count'
            data-testid='participation-count'
            data-participants={turnout.participants}
            data-electorate={turnout.electorate}
          >
            {t.votes.turnout(turnout.participants, turnout.electorate, percent(turnout.participants, turnout.electorate), household)}
          </Text>
        ) : null}
      </View>
      {turnout ? (
        <View className='vote-bar__track'>
          <View
            className='vote-bar__fill vote-bar__fill--adopted'
            style={{ width: `${percent(turnout.participants, turnout.electorate)}%` }}
          />
        </View>
      ) : null}
      <Text className='staff-vote__hint'>
        {t.staffVotes.participationHint}
        {p.phase === 'voting' && turnout ? `。${left > 0 ? t.staffVotes.remind(left, household) : t.staffVotes.allVoted}` : ''}
      </Text>
      <Segmented items={filters} value={filter} onChange={onFilter} testIdPrefix='participation' className='staff-vote__filter' />
      <PagedList
        list={roll}
        testId='participation-list'
        compact
        showEnd={false}
        skeleton={
          <View data-testid='skeleton'>
            <SkeletonBox className='skeleton--line' />
            <SkeletonBox width='70%' className='skeleton--line' />
          </View>
        }
        empty={<EmptyState compact icon='users' text={t.staffVotes.participationEmpty[filter]} />}
      >
        {(items) =>
          items.map((e) => (
            <View key={e.electorId} className='staff-vote__row' data-testid='participation-row' data-voted={e.voted ? 'true' : 'false'}>
              <Icon name={household ? 'home' : 'user'} size={36} color={colors.text3} />
              <Text className='staff-vote__label'>{e.label}</Text>
              <Tag tone={e.voted ? 'success' : 'neutral'}>{e.voted ? t.staffVotes.votedTag : t.staffVotes.notVotedTag}</Tag>
            </View>
          ))
        }
      </PagedList>
    </View>
  )
}
