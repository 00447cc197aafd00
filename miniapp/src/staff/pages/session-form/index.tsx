import { Button, Input, Textarea, View } from '@tarojs/components'
import { MAX_AGENDA_SLOTS } from '@domain/councils/lifecycle.js'
import { SESSION_DESCRIPTION_MAX, SESSION_TITLE_MAX } from '@domain/limits.js'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { FormField } from '@/components/form-field'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { Stepper } from '@/features/councils/components/stepper'
import { t } from '@/i18n/zh-cn'
import { InvitedField } from './invited-field'
import { KindField } from './kind-field'
import { PlaceField } from './place-field'
import { DeadlineField, WhenField } from './time-fields'
import { useSessionForm } from './use-session-form'
import '../../shell.scss'
import './index.scss'

/** 安排议事会 (one-off) or 修改议事会: kind, title, time, place, seats, topic slots, booking deadline, invited parties. */
export default function SessionFormPage() {
  const { id, communityId, existing, ready, form, errors, busy, patch, chooseKind, submit } = useSessionForm()
  const section = { form, errors, patch }

  if (id && !ready) {
    return (
      <Screen testId='page-session-form'>
        {existing.error ? (
          <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />
        ) : (
          <SkeletonList count={3} lines={2} />
        )}
      </Screen>
    )
  }
  if (!id && !communityId) {
    return (
      <Screen testId='page-session-form'>
        <EmptyState icon='alert' text={t.workbench.notStaff} />
      </Screen>
    )
  }

  return (
    <Screen testId='page-session-form' className='staff session-form'>
      <KindField kind={form.kind} onChoose={chooseKind} />

      <FormField label={t.sessionForm.title} error={errors.title} name='title'>
        <Input
          className='text-input'
          data-testid='session-title-input'
          value={form.title}
          maxlength={SESSION_TITLE_MAX}
          placeholder={t.sessionForm.titlePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => patch({ title: e.detail.value }, ['title'])}
        />
      </FormField>

      <WhenField {...section} />
      <PlaceField {...section} />

      <FormField label={t.sessionForm.capacity} error={errors.capacity} name='capacity'>
        <Stepper
          value={form.capacity}
          onChange={(capacity) => patch({ capacity }, ['capacity'])}
          min={1}
          max={2000}
          step={5}
          unit={t.sessionForm.people}
          testId='session-capacity'
          editable
        />
      </FormField>

      <FormField label={t.sessionForm.slots} error={errors.agendaSlots} name='agendaSlots'>
        <Stepper
          value={form.agendaSlots}
          onChange={(agendaSlots) => patch({ agendaSlots }, ['agendaSlots'])}
          min={1}
          max={MAX_AGENDA_SLOTS}
          unit={t.sessionForm.items}
          testId='session-slots'
        />
      </FormField>

      <DeadlineField {...section} />
      <InvitedField {...section} />

      <FormField label={t.sessionForm.description}>
        <Textarea
          className='textarea textarea--short'
          value={form.description}
          maxlength={SESSION_DESCRIPTION_MAX}
          placeholder={t.sessionForm.descriptionPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => patch({ description: e.detail.value })}
        />
      </FormField>

      <View className='session-form__bar'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='session-submit'
          disabled={busy}
          onClick={() => void submit()}
        >
          {busy ? t.common.submitting : id ? t.sessionForm.submitEdit : t.sessionForm.submitCreate}
        </Button>
      </View>
    </Screen>
  )
}
