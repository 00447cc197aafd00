import { Input, Text } from '@tarojs/components'
import { ONLINE_URL_MAX, VENUE_MAX } from '@domain/limits.js'
import { FormField } from '@/components/form-field'
import { t } from '@/i18n/zh-cn'
import type { SectionProps } from './use-session-form'

/** Where the session meets: a venue, an online link, or both. */
export function PlaceField({ form, errors, patch }: SectionProps) {
  return (
    <FormField label={t.sessionForm.place} error={errors.venue ?? errors.onlineUrl} name='venue'>
      <Input
        className='text-input'
        data-testid='session-venue-input'
        value={form.venue}
        maxlength={VENUE_MAX}
        placeholder={t.sessionForm.venuePlaceholder}
        placeholderClass='textarea__placeholder'
        onInput={(e) => patch({ venue: e.detail.value }, ['venue'])}
      />
      <Text className='session-form__sublabel session-form__sublabel--gap'>{t.sessionForm.onlineUrl}</Text>
      <Input
        className='text-input'
        data-testid='session-online-input'
        value={form.onlineUrl}
        maxlength={ONLINE_URL_MAX}
        placeholder={t.sessionForm.onlinePlaceholder}
        placeholderClass='textarea__placeholder'
        onInput={(e) => patch({ onlineUrl: e.detail.value }, ['venue', 'onlineUrl'])}
      />
    </FormField>
  )
}
