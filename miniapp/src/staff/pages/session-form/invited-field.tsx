import { Input, Text, View } from '@tarojs/components'
import { invitedPartyKinds, invitedPartyLabels } from '@domain/councils/kinds.js'
import { ORG_NAME_MAX } from '@domain/limits.js'
import { FormField } from '@/components/form-field'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import type { SectionProps } from './use-session-form'

/** The parties invited (物业, 业委会 …) as chips, and a name for each one chosen. */
export function InvitedField({ form, errors, patch }: SectionProps) {
  return (
    <FormField label={t.sessionForm.invited} hint={t.sessionForm.invitedHint} error={errors.invitedParties} name='invitedParties'>
      <View className='chips'>
        {invitedPartyKinds.map((k) => {
          const on = form.invited.some((p) => p.kind === k)
          return (
            <View
              key={k}
              className={cx('chip', on && 'chip--active')}
              hoverClass='chip--hover'
              data-testid={`invite-${k}`}
              onClick={() =>
                patch({ invited: on ? form.invited.filter((p) => p.kind !== k) : [...form.invited, { kind: k, name: '' }] }, [
                  'invitedParties',
                ])
              }
              {...a11y({ role: 'button', pressed: on })}
            >
              <Text>{invitedPartyLabels[k]}</Text>
            </View>
          )
        })}
      </View>
      {form.invited.map((p, i) => (
        <View key={p.kind} className='session-form__invite'>
          <Text className='session-form__sublabel'>{t.sessionForm.invitedName(invitedPartyLabels[p.kind])}</Text>
          <Input
            className='text-input'
            value={p.name}
            maxlength={ORG_NAME_MAX}
            placeholder={p.kind === 'property_company' ? t.sessionForm.propertyPlaceholder : ''}
            placeholderClass='textarea__placeholder'
            onInput={(e) => patch({ invited: form.invited.map((q, j) => (j === i ? { ...q, name: e.detail.value } : q)) })}
          />
        </View>
      ))}
    </FormField>
  )
}
