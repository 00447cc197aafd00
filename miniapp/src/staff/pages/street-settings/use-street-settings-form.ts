import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useSaveStreetSettings, useStreetSettings } from '@/features/kpis/api/street-settings'
import { useMe } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { bodyOf, fieldOf, formOf, type SettingField, type SettingsForm } from './settings-form'

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
        body: bodyOf(form),
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
