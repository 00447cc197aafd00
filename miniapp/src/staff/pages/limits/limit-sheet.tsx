import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { Segmented } from '@/components/segmented'
import { Sheet } from '@/components/sheet'
import { type CategoryLimitsData, type CommunityLimitsData, useSaveLimits } from '@/features/grids/api/limits'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { nativeA11y } from '@/lib/a11y'
import { type Draft, type Drafts, draftsOf, type Milestone, milestoneOf, milestones, overridesAfter, type Unit } from './limit-drafts'

/**
 * One category's 签收 · 到场 · 办结 limits. Only what changed is stored over what was in force
 * (the community keeps the defaults for the rest); 恢复默认 drops the category's own limits.
 */
export function LimitSheet(props: {
  communityId: string
  limits: CommunityLimitsData
  row: CategoryLimitsData
  onClose: () => void
  onDone: () => void
}) {
  const { row, limits } = props
  const shown = draftsOf(row)
  const [drafts, setDrafts] = useState<Drafts>(shown)
  const [errors, setErrors] = useState<Partial<Record<Milestone, string>>>({})
  const [error, setError] = useState<string>()
  const save = useSaveLimits({ onSuccess: props.onDone })

  const set = (m: Milestone, next: Partial<Draft>) => {
    setDrafts((d) => ({ ...d, [m]: { ...d[m], ...next } }))
    setErrors((x) => ({ ...x, [m]: undefined }))
  }

  async function submit(restore: boolean) {
    const overrides = overridesAfter(limits.overrides, row.category, shown, drafts, restore)
    setError(undefined)
    try {
      await save.mutateAsync({ communityId: props.communityId, overrides })
    } catch (err) {
      if (!(err instanceof ApiError) || err.code === 'BUSY') return
      const fields = fieldErrorsOf(err, milestoneOf)
      if (Object.keys(fields).length) setErrors(fields)
      else setError(err.message)
    }
  }

  return (
    <Sheet
      title={t.limits.editTitle(row.label)}
      desc={t.limits.editDesc}
      onClose={props.onClose}
      testId='limit-sheet'
      footer={
        <View className='limit-sheet__buttons'>
          <Button
            className='btn btn--primary btn--block'
            hoverClass='btn--hover'
            data-testid='limit-submit'
            disabled={save.loading}
            onClick={() => void submit(false)}
          >
            {save.loading ? t.common.submitting : t.limits.save}
          </Button>
          {row.isDefault ? null : (
            <Button
              className='btn btn--plain btn--block limit-restore'
              hoverClass='btn--hover'
              data-testid='limit-restore'
              disabled={save.loading}
              onClick={() => void submit(true)}
            >
              {t.limits.restore}
            </Button>
          )}
        </View>
      }
    >
      {milestones.map((m) => {
        const units: Unit[] = m === 'arrive' ? ['minutes', 'working_days', 'off'] : ['minutes', 'working_days']
        const d = drafts[m]
        return (
          <FormField key={m} label={t.limits.milestones[m]} error={errors[m]} name={`limit-${m}`}>
            <Text className='limit-from'>{t.limits.hints[m]}</Text>
            <Segmented
              items={units.map((key) => ({ key, label: t.limits.unitChoices[key] }))}
              value={d.unit}
              onChange={(unit) => set(m, { unit })}
              testIdPrefix={`limit-${m}-unit`}
            />
            {d.unit === 'off' ? (
              <Text className='limit-off'>{t.limits.untimed}</Text>
            ) : (
              <View className='settings-number limit-amount'>
                <Input
                  className='text-input settings-number__input'
                  type='number'
                  data-testid={`limit-${m}-amount`}
                  value={d.amount}
                  maxlength={5}
                  onInput={(e) => set(m, { amount: e.detail.value })}
                  {...nativeA11y({ label: `${t.limits.milestones[m]}${t.limits.units[d.unit]}` })}
                />
                <Text className='settings-number__unit'>{t.limits.units[d.unit]}</Text>
              </View>
            )}
          </FormField>
        )
      })}
      {error ? (
        <View className='notice notice--danger' data-testid='limit-error'>
          <Text>{error}</Text>
        </View>
      ) : null}
    </Sheet>
  )
}
