import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { IconName } from '@/components/icon-paths'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import type { ProposalDetailData, ProposalOptionData } from '../api/get-proposal'
import './votes.scss'

/** The abstain option's key: every vote has one, and it is chosen alone (domain/votes/kinds.ts ABSTAIN). */
export const ABSTAIN_KEY = 'abstain'

const yesNoLook: Record<string, { icon: IconName; tone: string; color: string }> = {
  yes: { icon: 'check', tone: 'yes', color: colors.success },
  no: { icon: 'close', tone: 'no', color: colors.danger },
  abstain: { icon: 'minus', tone: 'abstain', color: colors.text2 },
}

export interface BallotChoice {
  choices: string[]
  labels: string[]
  householdId?: string
  householdLabel?: string
}

/**
 * The choices, big: 同意 / 反对 / 弃权 as three large buttons, or 2–10 choices as large rows
 * (single, or several up to the maximum; 弃权 alone). 投票 opens the confirmation.
 */
export function VoteBallot({ proposal: p, onSubmit }: { proposal: ProposalDetailData; onSubmit: (ballot: BallotChoice) => void }) {
  const [chosen, setChosen] = useState<string[]>([])
  const open = p.viewer.households.filter((h) => !h.voted)
  const [householdId, setHouseholdId] = useState<string | undefined>(open.length === 1 ? open[0].id : undefined)
  const yesNo = p.optionKind === 'yes_no'
  const single = yesNo || p.maxChoices === 1
  const needHousehold = p.unit === 'household' && open.length > 1

  function toggle(key: string) {
    if (single || key === ABSTAIN_KEY) return setChosen((prev) => (prev.length === 1 && prev[0] === key ? [] : [key]))
    setChosen((prev) => {
      const rest = prev.filter((k) => k !== ABSTAIN_KEY)
      if (rest.includes(key)) return rest.filter((k) => k !== key)
      if (rest.length >= p.maxChoices) {
        void Taro.showToast({ title: t.votes.tooMany(p.maxChoices), icon: 'none' })
        return rest
      }
      return [...rest, key]
    })
  }

  function submit() {
    if (!chosen.length) return void Taro.showToast({ title: t.votes.submitPick, icon: 'none' })
    if (needHousehold && !householdId) return void Taro.showToast({ title: t.votes.chooseHousehold, icon: 'none' })
    const order = p.options.map((o) => o.key)
    const choices = [...chosen].sort((a, b) => order.indexOf(a) - order.indexOf(b))
    onSubmit({
      choices,
      labels: choices.map((k) => p.options.find((o) => o.key === k)?.label ?? k),
      householdId: p.unit === 'household' ? householdId : undefined,
      householdLabel: p.viewer.households.find((h) => h.id === householdId)?.label,
    })
  }

  const hint = yesNo ? t.votes.pickOne : single ? t.votes.pickOne : t.votes.pickUpTo(p.maxChoices)
  const realChoices = chosen.filter((k) => k !== ABSTAIN_KEY)

  return (
    <View className='card vote-ballot' data-testid='vote-ballot'>
      {needHousehold ? (
        <View className='vote-ballot__households' data-testid='vote-households'>
          <Text className='vote-ballot__label'>{t.votes.chooseHousehold}</Text>
          {open.map((h) => (
            <View
              key={h.id}
              className={cx('vote-option', householdId === h.id && 'vote-option--on')}
              hoverClass='vote-option--hover'
              onClick={() => setHouseholdId(h.id)}
              data-testid='vote-household'
              data-household-id={h.id}
              {...a11y({ role: 'button', pressed: householdId === h.id })}
            >
              <Mark on={householdId === h.id} round />
              <Text className='vote-option__label'>{h.label}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className='vote-ballot__head'>
        <Text className='vote-ballot__label'>{t.votes.pick}</Text>
        <Text className='vote-ballot__hint' data-testid='vote-pick-hint'>
          {!single && realChoices.length ? t.votes.picked(realChoices.length, p.maxChoices) : hint}
        </Text>
      </View>

      {yesNo ? (
        <View className='vote-yesno' data-testid='vote-options'>
          {p.options.map((o) => {
            const look = yesNoLook[o.key] ?? yesNoLook.abstain
            const on = chosen.includes(o.key)
            return (
              <View
                key={o.key}
                className={cx('vote-big', `vote-big--${look.tone}`, on && 'vote-big--on')}
                hoverClass='vote-big--hover'
                onClick={() => toggle(o.key)}
                data-testid='vote-option'
                data-key={o.key}
                data-selected={on ? 'true' : 'false'}
                {...a11y({ role: 'button', pressed: on })}
              >
                <Icon name={look.icon} size={56} color={on ? colors.white : look.color} strokeWidth={2.6} />
                <Text className='vote-big__label'>{o.label}</Text>
              </View>
            )
          })}
        </View>
      ) : (
        <View className='vote-rows' data-testid='vote-options'>
          {p.options.map((o) => (
            <OptionRow
              key={o.key}
              option={o}
              on={chosen.includes(o.key)}
              round={single || o.key === ABSTAIN_KEY}
              onClick={() => toggle(o.key)}
            />
          ))}
        </View>
      )}

      <Button
        className='btn btn--primary btn--block vote-ballot__submit'
        hoverClass='btn--hover'
        data-testid='vote-submit'
        onClick={submit}
      >
        {chosen.length ? t.votes.submit : t.votes.submitPick}
      </Button>
    </View>
  )
}

function OptionRow({ option, on, round, onClick }: { option: ProposalOptionData; on: boolean; round: boolean; onClick: () => void }) {
  return (
    <View
      className={cx('vote-option', on && 'vote-option--on', option.key === ABSTAIN_KEY && 'vote-option--abstain')}
      hoverClass='vote-option--hover'
      onClick={onClick}
      data-testid='vote-option'
      data-key={option.key}
      data-selected={on ? 'true' : 'false'}
      {...a11y({ role: 'button', pressed: on })}
    >
      <Mark on={on} round={round} />
      <Text className='vote-option__label'>{option.label}</Text>
    </View>
  )
}

/** A radio dot (single) or a check box (multiple). */
function Mark({ on, round }: { on: boolean; round: boolean }) {
  return (
    <View className={cx('vote-mark', round && 'vote-mark--round', on && 'vote-mark--on')}>
      {on ? <Icon name='check' size={36} color={colors.white} strokeWidth={3} /> : null}
    </View>
  )
}
