import { Text, View } from '@tarojs/components'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { FormField } from '@/components/form-field'
import { Icon } from '@/components/icon'
import { SkeletonBox } from '@/components/skeleton'
import { chinaDate } from '@/lib/china-date'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import type { VoteFormState } from './use-vote-form'

/** 关联议题: an upcoming session, then one of its accepted agenda items (or none: a standalone vote). */
export function TopicField({ state }: { state: VoteFormState }) {
  const { form, patch, sessions, topics, agenda } = state
  const items = sessions.data?.items ?? []
  return (
    <FormField label={t.voteForm.topic} hint={t.voteForm.topicHint} error={state.errors.topic} name='topic'>
      {sessions.loading ? (
        <SkeletonBox height={64} />
      ) : items.length === 0 ? (
        <Text className='vote-form__note'>{t.voteForm.sessionsEmpty}</Text>
      ) : (
        <Chips
          items={[
            { key: '', label: t.voteForm.topicNone },
            ...items.map((s) => ({ key: s.id, label: t.voteForm.sessionChip(chinaDate(s.startsAt).slice(5), s.title) })),
          ]}
          value={form.sessionId ?? ''}
          onChange={(key) => patch({ sessionId: key || undefined, topicId: undefined }, ['topic'])}
          testIdPrefix='vote-session'
        />
      )}
      {form.sessionId ? (
        topics.loading ? (
          <SkeletonBox height={88} className='skeleton--line' />
        ) : agenda.length === 0 ? (
          <Text className='vote-form__note'>{t.voteForm.topicEmpty}</Text>
        ) : (
          <View className='vote-form__topics'>
            {agenda.map((tp) => (
              <View
                key={tp.id}
                className={cx('option-row', form.topicId === tp.id && 'option-row--selected')}
                hoverClass='cell--hover'
                onClick={() => patch({ topicId: form.topicId === tp.id ? undefined : tp.id }, ['topic', 'electorate'])}
                data-testid='vote-topic'
                data-topic-id={tp.id}
                {...a11y({ role: 'button', pressed: form.topicId === tp.id })}
              >
                <View className='option-row__body'>
                  <Text className='option-row__title'>{tp.title}</Text>
                </View>
                {form.topicId === tp.id ? <Icon name='checkCircle' size={40} color={colors.brand} /> : null}
              </View>
            ))}
          </View>
        )
      ) : null}
    </FormField>
  )
}
