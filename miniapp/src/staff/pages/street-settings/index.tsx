import { Button, Input, Text, View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { FormField } from '@/components/form-field'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { FormulaCard } from '@/features/kpis/components/rate-cards'
import { t } from '@/i18n/zh-cn'
import { nativeA11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { type SettingField, type SettingsForm, weightSum } from './settings-form'
import { useStreetSettingsForm } from './use-street-settings-form'
import '../../shell.scss'
import '../session-form/index.scss'
import './index.scss'

/** One number with its unit after it (%, 件). */
function NumberField(props: {
  field: SettingField
  form: SettingsForm
  error?: string
  /** What the number means, under it. */
  note?: string
  unit: string
  set: (field: SettingField, value: string) => void
}) {
  const label = t.streetSettings.labels[props.field]
  return (
    <FormField label={label} error={props.error} name={props.field}>
      <View className='settings-number'>
        <Input
          className='text-input settings-number__input'
          type='number'
          data-testid={`setting-${props.field}`}
          value={props.form[props.field]}
          maxlength={4}
          onInput={(e) => props.set(props.field, e.detail.value)}
          {...nativeA11y({ label })}
        />
        <Text className='settings-number__unit'>{props.unit}</Text>
      </View>
      {props.note ? <Text className='settings-note'>{props.note}</Text> : null}
    </FormField>
  )
}

/** 考核设置 of the street: the 综合 weights (summing to 100), the 基本满意 factor and the minimum sample, with the formulas they make. */
export default function StreetSettingsPage() {
  const { street, loadingMe, settings, form, errors, error, set, submit, busy } = useStreetSettingsForm()

  if (!street) {
    return (
      <Screen testId='page-street-settings'>
        {loadingMe ? <SkeletonList count={3} lines={2} /> : <EmptyState icon='briefcase' text={t.streetSettings.notStreet} />}
      </Screen>
    )
  }
  const sum = form ? weightSum(form) : null
  return (
    <Screen testId='page-street-settings' className='staff session-form'>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='edit' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.streetSettings.title}</Text>
          <Text className='staff-head__desc'>{`${street.streetName} · ${t.streetSettings.desc}`}</Text>
        </View>
      </View>
      {!form ? (
        settings.error ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <SkeletonList count={3} lines={2} />
        )
      ) : (
        <>
          <View className='section-title'>{t.streetSettings.weights}</View>
          {(['response', 'resolution', 'satisfaction'] as const).map((field) => (
            <NumberField key={field} field={field} form={form} error={errors[field]} unit='%' set={set} />
          ))}
          <Text className={cx('settings-sum', sum !== 100 && 'settings-sum--off')} data-testid='weights-sum'>
            {sum === null ? t.streetSettings.sumUnknown : t.streetSettings.sum(sum)}
          </Text>
          <View className='section-title'>{t.streetSettings.others}</View>
          <NumberField
            field='basicSatisfiedPercent'
            form={form}
            error={errors.basicSatisfiedPercent}
            note={t.streetSettings.basicHint}
            unit='%'
            set={set}
          />
          <NumberField field='minSample' form={form} error={errors.minSample} note={t.streetSettings.minSampleHint} unit='件' set={set} />
          {settings.data ? <FormulaCard lines={settings.data.formula} /> : null}
          {error ? (
            <View className='notice notice--danger settings-error' data-testid='settings-error'>
              <Text>{error}</Text>
            </View>
          ) : null}
          <View className='session-form__bar'>
            <Button
              className='btn btn--primary btn--block'
              hoverClass='btn--hover'
              data-testid='settings-submit'
              disabled={busy}
              onClick={() => void submit()}
            >
              {busy ? t.common.submitting : t.streetSettings.save}
            </Button>
          </View>
        </>
      )}
    </Screen>
  )
}
