import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { Segmented } from '@/components/segmented'
import { Sheet } from '@/components/sheet'
import type { CategoryLimitsData, CommunityLimitsData, LimitData, LimitOverridesBody } from '@/features/grids/api/limits'
import { useSaveLimits } from '@/features/grids/api/limits'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { nativeA11y } from '@/lib/a11y'

const milestones = ['acknowledge', 'arrive', 'resolve'] as const
type Milestone = (typeof milestones)[number]
type Unit = LimitData['unit'] | 'off'
type Draft = { unit: Unit; amount: string }

const draftOf = (limit: LimitData | null): Draft =>
  limit ? { unit: limit.unit, amount: String(limit.amount) } : { unit: 'off', amount: '' }
const same = (a: Draft, b: Draft) => a.unit === b.unit && (a.unit === 'off' || a.amount.trim() === b.amount.trim())

/** A draft as the API takes it: 不计时 is null (到场 only); a blank amount travels as null for the server to name. */
function limitOf(d: Draft): LimitData | null {
  if (d.unit === 'off') return null
  return { unit: d.unit, amount: (d.amount.trim() === '' ? null : Number(d.amount.trim())) as number }
}

/** `overrides.utilities.arrive.amount` → arrive. */
function fieldOf(path: string): Milestone | null {
  const m = path.split('.')[2] as Milestone
  return milestones.includes(m) ? m : null
}

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
  const shown = { acknowledge: draftOf(row.acknowledge), arrive: draftOf(row.arrive), resolve: draftOf(row.resolve) }
  const [drafts, setDrafts] = useState<Record<Milestone, Draft>>(shown)
  const [errors, setErrors] = useState<Partial<Record<Milestone, string>>>({})
  const [error, setError] = useState<string>()
  const save = useSaveLimits({ onSuccess: props.onDone })
  const category = row.category as keyof LimitOverridesBody

  const set = (m: Milestone, next: Partial<Draft>) => {
    setDrafts((d) => ({ ...d, [m]: { ...d[m], ...next } }))
    setErrors((x) => ({ ...x, [m]: undefined }))
  }

  async function submit(restore: boolean) {
    const overrides: LimitOverridesBody = { ...limits.overrides }
    if (restore) delete overrides[category]
    else {
      const own: Record<string, LimitData | null> = { ...(limits.overrides[category] ?? {}) }
      for (const m of milestones) if (!same(drafts[m], shown[m])) own[m] = limitOf(drafts[m])
      overrides[category] = own
    }
    setError(undefined)
    try {
      await save.mutateAsync({ communityId: props.communityId, overrides })
    } catch (err) {
      if (!(err instanceof ApiError) || err.code === 'BUSY') return
      const fields = fieldErrorsOf(err, fieldOf)
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
