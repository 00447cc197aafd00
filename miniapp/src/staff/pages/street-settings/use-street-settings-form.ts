import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { type StreetSettingsData, useSaveStreetSettings, useStreetSettings } from '@/features/kpis/api/street-settings'
import { useMe } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'

export const settingFields = ['response', 'resolution', 'satisfaction', 'basicSatisfiedPercent', 'minSample'] as const
export type SettingField = (typeof settingFields)[number]
/** What is typed, as typed: the server judges it (and says what is wrong, in Chinese). */
export type SettingsForm = Record<SettingField, string>

const formOf = (s: StreetSettingsData): SettingsForm => ({
  response: String(s.weights.response),
  resolution: String(s.weights.resolution),
  satisfaction: String(s.weights.satisfaction),
  basicSatisfiedPercent: String(s.basicSatisfiedPercent),
  minSample: String(s.minSample),
})

/** "" is nothing (the server asks for it); anything else as a number, NaN travelling as null. */
const numberOf = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()))

/** `weights.satisfaction` → satisfaction: the field the server's message belongs under. */
function fieldOf(path: string): SettingField | null {
  const last = path.split('.').pop() as SettingField
  return settingFields.includes(last) ? last : null
}

/** The weights as typed add up to…; null while one is not a number. */
export function weightSum(form: SettingsForm): number | null {
  const parts = [form.response, form.resolution, form.satisfaction].map(numberOf)
  return parts.every((n) => n !== null && Number.isFinite(n)) ? parts.reduce<number>((a, n) => a + (n as number), 0) : null
}

/** The street's 考核设置: loaded into a form, saved whole with PUT; the server's field errors under their fields. */
export function useStreetSettingsForm() {
  const router = useRouter()
  const me = useMe()
  const streets = me.data?.streets ?? []
  const street = streets.find((s) => s.streetId === router.params.streetId) ?? streets[0]
  const settings = useStreetSettings(street?.streetId)
  const [form, setForm] = useState<SettingsForm>()
  const [errors, setErrors] = useState<Partial<Record<SettingField, string>>>({})
  const [error, setError] = useState<string>()
  const save = useSaveStreetSettings()

  // The form starts from what is stored; a reload after saving does not overwrite what is being typed.
  useEffect(() => {
    if (settings.data && !form) setForm(formOf(settings.data))
  }, [settings.data, form])

  const set = (field: SettingField, value: string) => {
    setForm((f) => (f ? { ...f, [field]: value } : f))
    setErrors((x) => ({ ...x, [field]: undefined }))
  }

  async function submit() {
    if (!street || !form) return
    setError(undefined)
    try {
      const saved = await save.mutateAsync({
        streetId: street.streetId,
        body: {
          weights: { response: numberOf(form.response), resolution: numberOf(form.resolution), satisfaction: numberOf(form.satisfaction) },
          basicSatisfiedPercent: numberOf(form.basicSatisfiedPercent),
          minSample: numberOf(form.minSample),
        },
      })
      setErrors({})
      setForm(formOf(saved))
      void Taro.showToast({ title: t.streetSettings.saved, icon: 'none' })
    } catch (err) {
      if (!(err instanceof ApiError) || err.code === 'BUSY') return
      const fields = fieldErrorsOf(err, fieldOf)
      if (Object.keys(fields).length) setErrors(fields)
      else setError(err.message)
    }
  }

  return { street, loadingMe: me.loading, settings, form, errors, error, set, submit, busy: save.loading }
}
