import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { IconName } from '@/components/icon-paths'
import { t } from '@/i18n/zh-cn'
import type { ProposalDetailData } from '../api/get-proposal'
import { countdown, voteMoment } from '../format'
import './votes.scss'

/** Re-render every 30 s so the countdown stays true while the page is open. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

/** "3号楼、5号楼2单元": the buildings and units a household vote is for. */
export function scopeNames(p: ProposalDetailData): string {
  return [...p.electorate.buildings.map((b) => b.name), ...p.electorate.units.map((u) => u.name)].join('、')
}

function Fact(props: { icon: IconName; label: string; testId: string; children: React.ReactNode }) {
  return (
    <View className='vote-fact' data-testid={props.testId}>
      <View className='vote-fact__icon'>
        <Icon name={props.icon} size={40} color={colors.brand} />
      </View>
      <View className='vote-fact__body'>
        <Text className='vote-fact__label'>{props.label}</Text>
        {props.children}
      </View>
    </View>
  )
}

/** The rule in plain Chinese, who may vote and how ballots count, and the window with its countdown. */
export function VoteFacts({ proposal: p }: { proposal: ProposalDetailData }) {
  const now = useNow()
  const household = p.unit === 'household'
  const live = p.phase === 'scheduled' || p.phase === 'voting'
  const left = p.phase === 'scheduled' ? countdown(p.opensAt, now) : p.phase === 'voting' ? countdown(p.closesAt, now) : null
  const who =
    p.electorate.kind === 'households'
      ? t.votes.onlyFor(scopeNames(p))
      : p.electorate.kind === 'attendees'
        ? t.votes.attendeesNote
        : t.votes.residentsNote

  return (
    <View className='card vote-facts' data-testid='vote-facts'>
      <Fact icon='vote' label={t.votes.rule} testId='vote-rule'>
        <Text className='vote-fact__value'>{p.ruleLabel}</Text>
        <Text className='vote-fact__desc' data-testid='vote-rule-description'>
          {p.ruleDescription}
        </Text>
      </Fact>
      <Fact icon={household ? 'home' : 'users'} label={t.votes.who} testId='vote-electorate'>
        <Text className='vote-fact__value'>
          {p.electorate.label} · <Text data-testid='vote-unit'>{p.unitLabel}</Text>
        </Text>
        <Text className='vote-fact__desc'>{who}</Text>
        {p.electorate.size !== null ? <Text className='vote-fact__desc'>{t.votes.rollSize(p.electorate.size, household)}</Text> : null}
      </Fact>
      <Fact icon='calendar' label={t.votes.window} testId='vote-window'>
        <Text className='vote-fact__value'>
          {t.votes.windowText(voteMoment(p.opensAt, now), voteMoment(p.closedAt ?? p.closesAt, now))}
        </Text>
        {p.closedAt && Date.parse(p.closedAt) < Date.parse(p.closesAt) ? (
          <Text className='vote-fact__desc' data-testid='vote-closed-early'>
            {t.votes.closedEarly(voteMoment(p.closesAt, now))}
          </Text>
        ) : null}
        {live && left ? (
          <Text className='vote-fact__countdown' data-testid='vote-countdown'>
            {p.phase === 'scheduled' ? t.votes.opensIn(left) : t.votes.closesIn(left)}
          </Text>
        ) : null}
      </Fact>
    </View>
  )
}
