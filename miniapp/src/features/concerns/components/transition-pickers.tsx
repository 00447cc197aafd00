import { Button, Input, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { openStatuses } from '@domain/concerns/lifecycle.js'
import { roleLabels } from '@domain/labels.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { SkeletonList } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import type { ConcernDetailData } from '../api/get-concern'
import { useInbox } from '../api/get-inbox'
import { useStaffDirectory } from '../api/get-staff-directory'
import type { TransitionBody } from '../api/transition-concern'
import { ConcernStatusTag } from './concern-status-tag'

export type Assignee = NonNullable<TransitionBody['assignee']>
const assigneeKey = (a: Assignee) => (a.kind === 'worker' ? `w:${a.userId}` : `p:${a.orgName}`)

/** 指派: the community's workers and partner organisations, one to choose. */
export function AssigneePicker(props: { communityId: string; value: Assignee | undefined; onChange: (a: Assignee) => void }) {
  const directory = useStaffDirectory(props.communityId)
  if (directory.loading) return <SkeletonList count={2} lines={1} />
  if (!directory.data)
    return directory.error ? <ErrorState compact error={directory.error} onRetry={() => void directory.refetch()} /> : null
  const { workers, partners } = directory.data
  if (workers.length === 0 && partners.length === 0) return <EmptyState compact icon='users' text={t.staffConcern.noAssignees} />
  const chosen = props.value ? assigneeKey(props.value) : undefined
  const option = (a: Assignee, title: string, desc: string) => (
    <View
      key={assigneeKey(a)}
      className={cx('pick-row', chosen === assigneeKey(a) && 'pick-row--selected')}
      hoverClass='cell--hover'
      onClick={() => props.onChange(a)}
      data-testid='assign-option'
      {...a11y({ role: 'button', pressed: chosen === assigneeKey(a) })}
    >
      <View className='pick-row__body'>
        <Text className='pick-row__title'>{title}</Text>
        <Text className='pick-row__desc'>{desc}</Text>
      </View>
      <Icon
        name={chosen === assigneeKey(a) ? 'checkCircle' : 'chevronRight'}
        size={chosen === assigneeKey(a) ? 44 : 32}
        color={chosen === assigneeKey(a) ? colors.brand : colors.text3}
      />
    </View>
  )
  return (
    <View data-testid='assign-options'>
      {workers.length > 0 ? <Text className='pick-group'>{t.staffConcern.workers}</Text> : null}
      {workers.map((w) => option({ kind: 'worker', userId: w.userId }, w.name, roleLabels[w.role]))}
      {partners.length > 0 ? <Text className='pick-group'>{t.staffConcern.partners}</Text> : null}
      {partners.map((p) => option({ kind: 'partner', orgName: p.orgName }, p.orgName, roleLabels.partner))}
    </View>
  )
}

/** 合并: another open concern of the community, searched by number or words, same category first. */
export function MergePicker(props: { concern: ConcernDetailData; value: string | undefined; onChange: (id: string) => void }) {
  const [query, setQuery] = useState('')
  const inbox = useInbox(props.concern.communityId, 'all')
  const candidates = useMemo(() => {
    const q = query.trim().toUpperCase()
    const matches = inbox.items.filter(
      (c) =>
        c.id !== props.concern.id &&
        openStatuses.includes(c.status) &&
        (!q || c.publicNo.toUpperCase().includes(q) || c.excerpt.toUpperCase().includes(q)),
    )
    // Duplicates are most likely in the same category: those first, otherwise in inbox order.
    const same = (c: (typeof matches)[number]) => (c.category === props.concern.category ? 0 : 1)
    return matches
      .map((c, i) => ({ c, i }))
      .sort((a, b) => same(a.c) - same(b.c) || a.i - b.i)
      .map(({ c }) => c)
  }, [inbox.items, query, props.concern.id, props.concern.category])

  return (
    <View data-testid='merge-options'>
      <Input
        className='text-input'
        data-testid='merge-search'
        value={query}
        placeholder={t.staffConcern.mergeSearch}
        placeholderClass='textarea__placeholder'
        onInput={(e) => setQuery(e.detail.value)}
      />
      <View className='merge-list'>
        {inbox.loading ? (
          <SkeletonList count={2} lines={1} />
        ) : inbox.error && inbox.items.length === 0 ? (
          <ErrorState compact error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : candidates.length === 0 ? (
          <EmptyState compact icon='inbox' text={t.staffConcern.mergeEmpty} />
        ) : (
          candidates.map((c) => (
            <View
              key={c.id}
              className={cx('pick-row', props.value === c.id && 'pick-row--selected')}
              hoverClass='cell--hover'
              onClick={() => props.onChange(c.id)}
              data-testid='merge-option'
              data-public-no={c.publicNo}
              {...a11y({ role: 'button', pressed: props.value === c.id })}
            >
              <View className='pick-row__body'>
                <View className='pick-row__top'>
                  <Text className='pick-row__no'>{c.publicNo}</Text>
                  <ConcernStatusTag status={c.status} />
                </View>
                <Text className='pick-row__desc pick-row__excerpt'>
                  {c.categoryLabel}
                  {t.common.separator}
                  {c.excerpt}
                </Text>
              </View>
              {props.value === c.id ? <Icon name='checkCircle' size={44} color={colors.brand} /> : null}
            </View>
          ))
        )}
        {inbox.hasMore ? (
          <View className='load-more'>
            <Button className='btn btn--plain btn--small' hoverClass='btn--hover' onClick={() => void inbox.loadMore()}>
              {inbox.loadingMore ? t.common.loadingMore : t.common.loadMore}
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  )
}
