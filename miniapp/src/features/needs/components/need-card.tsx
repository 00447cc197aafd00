import { View, Text, Button } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Tag } from '@/components/tag'
import { a11y } from '@/lib/a11y'
import { t } from '@/i18n/zh-cn'
import { openProject } from '@/lib/routes'
import type { NeedData } from '../api/needs'
import './needs.scss'

/** One need: what, for whom, how many support it; the page adds its buttons (support, dots, review). */
export function NeedCard({ need, children }: { need: NeedData; children?: ReactNode }) {
  const who = [...need.groupLabels, ...need.buildings.map((b) => b.name)].join('、')
  return (
    <View className='card need-card' data-testid='need-card' data-need-id={need.id} data-title={need.title}>
      <View className='need-card__head'>
        <Text className='need-card__title'>{need.title}</Text>
        <Tag
          tone={need.status === 'open' ? 'brand' : need.status === 'declined' ? 'danger' : need.status === 'met' ? 'success' : 'neutral'}
        >
          {need.statusLabel}
        </Tag>
      </View>
      <Text className='need-card__desc'>{need.description}</Text>
      <Text className='need-card__line'>{[need.categoryLabel, who, need.mine ? t.needs.mine : ''].filter(Boolean).join(' · ')}</Text>
      <Text className='need-card__line' data-testid='need-supporters'>
        {t.needs.supporters(need.supporterCount)}
      </Text>
      {need.decisionReason ? <Text className='need-card__line'>{t.needs.reason(need.decisionReason)}</Text> : null}
      {need.project ? (
        <Text
          className='need-card__line need-card__link'
          data-testid='need-project'
          onClick={() => void openProject(need.project!.id)}
          {...a11y({ role: 'link' })}
        >
          {`${t.projects.inProject(need.project.title)} ›`}
        </Text>
      ) : null}
      {children ? <View className='need-card__actions'>{children}</View> : null}
    </View>
  )
}

/** − n + for the dots a resident puts on one need. */
export function DotStepper(props: { title: string; value: number; canAdd: boolean; onChange: (n: number) => void }) {
  return (
    <View className='need-dots' data-testid='need-dots' data-value={props.value}>
      <Button
        className='btn btn--plain btn--small'
        hoverClass='btn--hover'
        data-testid='need-dot-remove'
        disabled={props.value <= 0}
        {...a11y({ label: t.needs.removeDot(props.title) })}
        onClick={() => props.onChange(props.value - 1)}
      >
        −
      </Button>
      <Text className='need-dots__value'>{props.value}</Text>
      <Button
        className='btn btn--primary btn--small'
        hoverClass='btn--hover'
        data-testid='need-dot-add'
        disabled={!props.canAdd}
        {...a11y({ label: t.needs.addDot(props.title) })}
        onClick={() => props.onChange(props.value + 1)}
      >
        ＋
      </Button>
    </View>
  )
}
