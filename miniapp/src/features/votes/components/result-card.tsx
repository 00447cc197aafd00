import { View, Text } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import { cx } from '@/lib/format'
import type { VoteResultData } from '../api/get-proposal'
import { area, percent, voteDate } from '../format'
import { AdvisoryTag } from './vote-tags'
import './votes.scss'

/** ✓ or ✗ at the end of an explanation line (the line itself is shown as the API wrote it). */
function markOf(line: string): 'pass' | 'fail' | null {
  const end = line.trim().slice(-1)
  return end === '✓' ? 'pass' : end === '✗' ? 'fail' : null
}

export interface ResultCardProps {
  result: VoteResultData
  household: boolean
  advisoryNote: string | null
  publicUntil: string | null
  publishDays: number
}

/** The result: outcome, turnout, one bar per option, the rule applied line by line, 公示 and 参考性表决. */
export function ResultCard({ result: r, household, advisoryNote, publicUntil, publishDays }: ResultCardProps) {
  const cast = r.participants.count
  return (
    <View className='card vote-result' data-testid='vote-result' data-outcome={r.outcome} data-final={r.final ? 'true' : 'false'}>
      <View className='vote-section__head'>
        <Text className='vote-section__title'>{t.votes.result}</Text>
        {r.advisory ? <AdvisoryTag /> : null}
      </View>
      {r.final ? (
        <View className={cx('vote-outcome', `vote-outcome--${r.outcome}`)} data-testid='vote-outcome-banner'>
          <Icon
            name={r.passed ? 'checkCircle' : r.outcome === 'no_quorum' ? 'alert' : 'xCircle'}
            size={64}
            color={r.passed ? colors.success : r.outcome === 'no_quorum' ? colors.warning : colors.danger}
          />
          <View className='vote-outcome__body'>
            <Text className='vote-outcome__label'>{r.outcomeLabel}</Text>
            <Text className='vote-outcome__rule'>{r.ruleLabel}</Text>
          </View>
        </View>
      ) : (
        <Text className='vote-result__live' data-testid='vote-result-live'>
          {t.votes.resultLive}
        </Text>
      )}

      <Text className='vote-result__turnout' data-testid='vote-turnout'>
        {t.votes.turnout(cast, r.electorate.count, percent(cast, r.electorate.count), household)}
      </Text>

      <View className='vote-bars' data-testid='vote-bars'>
        {r.options.map((o) => {
          const pct = percent(o.count, cast)
          return (
            <View key={o.key} className='vote-bar' data-testid='vote-bar' data-key={o.key} data-count={o.count}>
              <View className='vote-bar__top'>
                <Text className='vote-bar__label'>
                  {o.label}
                  {o.adopted ? <Text className='vote-bar__adopted'> · {t.votes.adopted}</Text> : null}
                </Text>
                <Text className='vote-bar__count'>
                  {t.votes.count(o.count)} · {pct}%
                </Text>
              </View>
              <View className='vote-bar__track'>
                {o.count > 0 ? (
                  <View
                    className={cx('vote-bar__fill', o.adopted && 'vote-bar__fill--adopted', o.key === 'no' && 'vote-bar__fill--no')}
                    style={{ width: `${pct}%` }}
                  />
                ) : null}
              </View>
              {r.weighsArea && o.areaM2 !== null ? <Text className='vote-bar__area'>{area(o.areaM2)}</Text> : null}
            </View>
          )
        })}
      </View>

      <View className='vote-explain' data-testid='vote-explanation'>
        <Text className='vote-explain__title'>{t.votes.explanation}</Text>
        {r.explanation.map((line) => {
          const mark = markOf(line)
          return (
            <View
              key={line}
              className={cx('vote-explain__line', mark && `vote-explain__line--${mark}`)}
              data-testid='explanation-line'
              data-mark={mark ?? 'none'}
            >
              <Icon
                name={mark === 'pass' ? 'checkCircle' : mark === 'fail' ? 'xCircle' : 'info'}
                size={36}
                color={mark === 'pass' ? colors.success : mark === 'fail' ? colors.danger : colors.text3}
              />
              <Text className='vote-explain__text'>{line}</Text>
            </View>
          )
        })}
      </View>

      {r.final ? (
        <View className='vote-publicity' data-testid='vote-publicity'>
          <Icon name='calendar' size={32} color={colors.text2} />
          <Text>{publicUntil && publishDays > 0 ? t.votes.publicUntil(voteDate(publicUntil)) : t.votes.noPublicity}</Text>
        </View>
      ) : null}

      {r.advisory && advisoryNote ? (
        <Text className='vote-advisory-note' data-testid='advisory-note'>
          {advisoryNote}
        </Text>
      ) : null}
    </View>
  )
}
