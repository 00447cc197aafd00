import type { StreetSettingsBody, StreetSettingsData } from '@/features/kpis/api/street-settings'

/**
 * The 考核设置 form without its screen: what is typed, as typed (the server judges it and says
 * what is wrong, in Chinese, on the field), and the body sent.
 */
export const settingFields = ['response', 'resolution', 'satisfaction', 'basicSatisfiedPercent', 'minSample'] as const
export type SettingField = (typeof settingFields)[number]
export type SettingsForm = Record<SettingField, string>

export const formOf = (s: StreetSettingsData): SettingsForm => ({
  response: String(s.weights.response),
  resolution: String(s.weights.resolution),
  satisfaction: String(s.weights.satisfaction),
  basicSatisfiedPercent: String(s.basicSatisfiedPercent),
  minSample: String(s.minSample),
})

/** "" is nothing (the server asks for it); anything else as a number, NaN travelling as null. */
const numberOf = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()))

/** `weights.satisfaction` → satisfaction: the field the server's message belongs under. */
export function fieldOf(path: string): SettingField | null {
  const last = path.split('.').pop() as SettingField
  return settingFields.includes(last) ? last : null
}

/** The weights as typed add up to…; null while one is not a number. */
export function weightSum(form: SettingsForm): number | null {
  const parts = [form.response, form.resolution, form.satisfaction].map(numberOf)
  return parts.every((n) => n !== null && Number.isFinite(n)) ? parts.reduce<number>((a, n) => a + (n as number), 0) : null
}

/** The form as the API takes it: numbers as typed, blanks as null. */
export function bodyOf(form: SettingsForm): StreetSettingsBody {
  return {
    weights: { response: numberOf(form.response), resolution: numberOf(form.resolution), satisfaction: numberOf(form.satisfaction) },
    basicSatisfiedPercent: numberOf(form.basicSatisfiedPercent),
    minSample: numberOf(form.minSample),
  }
}
