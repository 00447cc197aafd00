import { View, Text } from '@tarojs/components'
import { Tag, type TagTone } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { cx, formatDay } from '@/lib/format'
import type { ConcernDetailData, ConcernEventData } from '../api/get-concern'
import { actorText } from './timeline'
import './milestone-card.scss'

type MilestoneData = ConcernDetailData['milestones'][number]

/** The timeline events that complete each milestone: 签收 is the first answer (accepted, declined or merged). */
const completing: Record<MilestoneData['milestone'], readonly string[]> = {
  acknowledge: ['accept', 'decline', 'merge'],
  arrive: ['arrive'],
  resolve: ['resolve'],
}

/** The event that did it: the first 签收 or 到场, the latest 办结 (a reopened concern is resolved again). */
function eventOf(m: MilestoneData, timeline: readonly ConcernEventData[]): ConcernEventData | undefined {
  const matching = timeline.filter((e) => completing[m.milestone].includes(e.action))
  return m.milestone === 'resolve' ? matching[matching.length - 1] : matching[0]
}

function standingTag(m: MilestoneData): { tone: TagTone; text: string } | null {
  if (m.standing === 'overdue') return { tone: 'danger', text: t.milestones.overdue(m.label) }
  if (m.standing === 'late') return { tone: 'warning', text: t.milestones.late }
  if (m.standing === 'on_time') return { tone: 'success', text: t.milestones.onTime }
  return null
}

/** 签收 · 到场 · 办结, each with its deadline, who did it and when, and a red tag when it is overdue. */
export function MilestoneCard({ concern }: { concern: ConcernDetailData }) {
  if (concern.milestones.length === 0) return null
  return (
    <View className='card milestone-card' data-testid='milestones'>
      <Text className='concern-section__title'>{t.milestones.title}</Text>
      {concern.milestones.map((m) => {
        const tag = standingTag(m)
        const event = m.doneAt ? eventOf(m, concern.timeline) : undefined
        return (
          <View
            key={m.milestone}
            className={cx('milestone', m.standing === 'overdue' && 'milestone--overdue')}
            data-testid='milestone'
            data-milestone={m.milestone}
            data-standing={m.standing}
          >
            <View className='milestone__head'>
              <Text className='milestone__label'>{m.label}</Text>
              {tag ? (
                <Tag tone={tag.tone} testId='milestone-tag'>
                  {tag.text}
                </Tag>
              ) : null}
            </View>
            {m.doneAt ? (
              <Text className='milestone__line'>
                {t.milestones.doneAt(formatDay(m.doneAt))}
                {event ? ` · ${actorText(event.actor)}` : ''}
              </Text>
            ) : null}
            {m.dueAt ? (
              <Text className='milestone__line milestone__line--due'>{t.milestones.dueAt(formatDay(m.dueAt))}</Text>
            ) : m.doneAt ? null : (
              <Text className='milestone__line milestone__line--due'>
                {m.standing === 'untimed' ? t.milestones.untimed : t.milestones.notYet}
              </Text>
            )}
            {m.text && m.standing !== 'on_time' ? <Text className='milestone__late'>{m.text}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
