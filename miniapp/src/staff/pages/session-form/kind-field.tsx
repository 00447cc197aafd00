import { Text, View } from '@tarojs/components'
import { type SessionKind, sessionKindInfo, sessionKinds } from '@domain/councils/kinds.js'
import { colors } from '@/components/colors'
import { FormField } from '@/components/form-field'
import { Icon } from '@/components/icon'
import { kindIcon } from '@/features/councils/components/session-tags'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'

/** The kind of council, as a row of tiles with the chosen kind's description under them. */
export function KindField({ kind, onChoose }: { kind: SessionKind; onChoose: (kind: SessionKind) => void }) {
  return (
    <FormField label={t.sessionForm.kind}>
      <View className='kind-options' data-testid='kind-options'>
        {sessionKinds.map((k) => (
          <View
            key={k}
            className={cx('kind-option', kind === k && 'kind-option--selected')}
            hoverClass='cell--hover'
            data-testid={`form-kind-${k}`}
            onClick={() => onChoose(k)}
            {...a11y({ role: 'button', pressed: kind === k })}
          >
            <Icon name={kindIcon(k)} size={44} color={kind === k ? colors.brand : colors.info} />
            <Text className='kind-option__label'>{sessionKindInfo[k].label}</Text>
          </View>
        ))}
      </View>
      <Text className='session-form__note'>{sessionKindInfo[kind].description}</Text>
    </FormField>
  )
}
