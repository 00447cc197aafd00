import { Button, Input, Text, View } from '@tarojs/components'
import { sessionKindInfo, sessionKinds } from '@domain/councils/kinds.js'
import { MAX_AGENDA_SLOTS } from '@domain/councils/lifecycle.js'
import { SESSION_TITLE_MAX, VENUE_MAX } from '@domain/limits.js'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { FormField } from '@/components/form-field'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { Stepper } from '@/features/councils/components/stepper'
import { t } from '@/i18n/zh-cn'
import { nativeA11y } from '@/lib/a11y'
import { ScheduleField } from './schedule-field'
import { useRuleForm } from './use-rule-form'
import '../../shell.scss'
import '../session-form/index.scss'

const leads = [24, 48, 72, 168].map((h) => ({ key: String(h), label: t.rules.leadHours(h) }))

/** 新建固定安排: 每月第二个周五 19:00 每月一议, 每周三 19:30 邻里事周议 … The next eight weeks are scheduled at once. */
export default function RuleFormPage() {
  const { communityId, form, errors, set, pickKind, preview, submit, busy } = useRuleForm()

  if (!communityId) {
    return (
      <Screen testId='page-rule-form'>
        <EmptyState icon='alert' text={t.workbench.notStaff} />
      </Screen>
    )
  }

  return (
    <Screen testId='page-rule-form' className='staff session-form'>
      <FormField label={t.sessionForm.kind}>
        <Chips
          items={sessionKinds.map((k) => ({ key: k, label: sessionKindInfo[k].label }))}
          value={form.kind}
          onChange={pickKind}
          testIdPrefix='rule-kind'
        />
      </FormField>
      <FormField label={t.sessionForm.title} error={errors.title}>
        <Input
          className='text-input'
          data-testid='rule-title-input'
          value={form.title}
          maxlength={SESSION_TITLE_MAX}
          onInput={(e) => set({ title: e.detail.value }, 'title')}
          {...nativeA11y({ label: t.sessionForm.title })}
        />
      </FormField>
      <FormField label={t.rules.preview}>
        <View className='rule-preview' data-testid='rule-preview'>
          <Icon name='repeat' size={40} color={colors.brand} />
          <Text className='rule-preview__text'>{preview}</Text>
        </View>
      </FormField>
      <ScheduleField form={form} error={errors.schedule} set={set} />
      <FormField label={t.sessionForm.place} error={errors.venue}>
        <Input
          className='text-input'
          data-testid='rule-venue-input'
          value={form.venue}
          maxlength={VENUE_MAX}
          placeholder={t.sessionForm.venuePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => set({ venue: e.detail.value }, 'venue')}
        />
      </FormField>
      <FormField label={t.sessionForm.capacity}>
        <Stepper
          value={form.capacity}
          onChange={(capacity) => set({ capacity })}
          min={1}
          max={2000}
          step={5}
          unit={t.sessionForm.people}
          editable
        />
      </FormField>
      <FormField label={t.sessionForm.slots}>
        <Stepper value={form.slots} onChange={(slots) => set({ slots })} min={1} max={MAX_AGENDA_SLOTS} unit={t.sessionForm.items} />
      </FormField>
      <FormField label={t.rules.lead}>
        <Chips items={leads} value={String(form.lead)} onChange={(k) => set({ lead: Number(k) })} testIdPrefix='lead' />
      </FormField>
      <View className='session-form__bar'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='rule-submit'
          disabled={busy}
          onClick={() => void submit()}
        >
          {busy ? t.common.submitting : t.rules.submit}
        </Button>
      </View>
    </Screen>
  )
}
