import { View, Text } from '@tarojs/components'
import { sessionKindInfo, type SessionKind } from '@domain/councils/kinds.js'
import type { SessionStatus, TopicStatus } from '@domain/councils/lifecycle.js'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { IconName } from '@/components/icon-paths'
import { Tag, type TagTone } from '@/components/tag'
import { cx } from '@/lib/format'
import './session-tags.scss'

const sessionTones: Record<SessionStatus, TagTone> = {
  planned: 'neutral',
  open: 'success',
  agenda_fixed: 'info',
  in_session: 'brand',
  concluded: 'neutral',
  minutes_published: 'success',
  cancelled: 'danger',
}

export function SessionStatusTag({ status, label, testId }: { status: SessionStatus; label: string; testId?: string }) {
  return (
    <Tag tone={sessionTones[status]} testId={testId} data={{ status }}>
      {label}
    </Tag>
  )
}

const topicTones: Record<TopicStatus, TagTone> = {
  pending: 'warning',
  accepted: 'success',
  deferred: 'info',
  declined: 'danger',
  withdrawn: 'neutral',
}

export function TopicStatusTag({ status, label, testId }: { status: TopicStatus; label: string; testId?: string }) {
  return (
    <Tag tone={topicTones[status]} testId={testId ?? 'topic-status'} data={{ status }}>
      {label}
    </Tag>
  )
}

export function kindIcon(kind: SessionKind): IconName {
  return sessionKindInfo[kind].icon as IconName
}

/** The kind of session (每月一议 …) with its icon. */
export function KindBadge({ kind, label, size = 'md' }: { kind: SessionKind; label: string; size?: 'md' | 'lg' }) {
  return (
    <View
      className={cx('kind-badge', `kind-badge--${kind}`, size === 'lg' && 'kind-badge--lg')}
      data-testid='session-kind'
      data-kind={kind}
    >
      <View className='kind-badge__icon'>
        <Icon name={kindIcon(kind)} size={size === 'lg' ? 40 : 32} color={colors.info} />
      </View>
      <Text className='kind-badge__label'>{label}</Text>
    </View>
  )
}
