import { Button, Input, Textarea, View } from '@tarojs/components'
import { VOTE_TEXT_MAX, VOTE_TITLE_MAX } from '@domain/limits.js'
import { EmptyState } from '@/components/empty-state'
import { FormField } from '@/components/form-field'
import { PhotoPicker } from '@/components/photos/photo-picker'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import { ElectorateField } from './electorate-field'
import { OptionsField } from './options-field'
import { CountingFields, OnApprovalField, WindowFields } from './rule-fields'
import { TopicField } from './topic-field'
import { useVoteForm } from './use-vote-form'
import '@/features/votes/components/votes.scss'
import '../../shell.scss'
import './index.scss'

/** 发起表决: the proposal, what can be chosen, who votes and how ballots count, the rule, the window; saved as a draft. */
export default function VoteFormPage() {
  const state = useVoteForm()
  const { form, patch, errors } = state

  if (state.loadingDraft) {
    return (
      <Screen testId='page-vote-form'>
        <SkeletonList count={3} lines={2} />
      </Screen>
    )
  }
  if (!state.communityId) {
    return (
      <Screen testId='page-vote-form'>
        <EmptyState icon='alert' text={t.workbench.notStaff} />
      </Screen>
    )
  }

  return (
    <Screen testId='page-vote-form' className='staff vote-form'>
      <FormField label={t.voteForm.titleLabel} error={errors.title} name='title'>
        <Input
          className='text-input'
          data-testid='vote-title-input'
          value={form.title}
          maxlength={VOTE_TITLE_MAX}
          placeholder={t.voteForm.titlePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => patch({ title: e.detail.value }, ['title'])}
        />
      </FormField>

      <FormField label={t.voteForm.textLabel} error={errors.text} name='text'>
        <Textarea
          className='textarea'
          data-testid='vote-text-input'
          value={form.text}
          maxlength={VOTE_TEXT_MAX}
          placeholder={t.voteForm.textPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => patch({ text: e.detail.value }, ['text'])}
        />
      </FormField>

      <FormField label={t.voteForm.photos} error={errors.photos} name='photos'>
        <PhotoPicker uploads={state.photos} />
      </FormField>

      <TopicField state={state} />
      <OptionsField state={state} />
      <ElectorateField state={state} />
      <CountingFields state={state} />
      <WindowFields state={state} />
      {form.topicId ? <OnApprovalField state={state} /> : null}

      <View className='vote-form__bar'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='vote-form-submit'
          disabled={state.saving}
          onClick={() => void state.submit()}
        >
          {state.saving ? t.common.submitting : t.voteForm.submit}
        </Button>
      </View>
    </Screen>
  )
}
