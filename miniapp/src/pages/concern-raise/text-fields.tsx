import { Text, Textarea, View } from '@tarojs/components'
import { CONCERN_TEXT_MAX, CONCERN_TEXT_MIN } from '@domain/limits.js'
import { colors } from '@/components/colors'
import { FormField } from '@/components/form-field'
import { SwitchRow } from '@/components/switch-row'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import type { RaiseForm } from './use-raise-form'

/** 问题描述, with its count and the hint that similar concerns exist. */
export function DescriptionField({ form, nativeCovered }: { form: RaiseForm; nativeCovered: boolean }) {
  const { description } = form
  const length = description.trim().length
  return (
    <FormField name='description' label={t.raise.description} error={form.errors.description}>
      {nativeCovered ? (
        // WeChat draws textarea natively above everything: show the text while the sheet is up.
        <View className='textarea raise-static'>{description}</View>
      ) : (
        <Textarea
          className='textarea'
          data-testid='concern-description-input'
          value={description}
          maxlength={CONCERN_TEXT_MAX}
          placeholder={t.raise.descriptionPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => form.setDescription(e.detail.value)}
        />
      )}
      <View className='textarea__meta'>
        <Text className={cx(length > 0 && length < CONCERN_TEXT_MIN && 'raise-count--short')}>
          {t.common.chars(description.length, CONCERN_TEXT_MAX)}
        </Text>
      </View>
      {form.similar.length > 0 && !form.sheetOpen ? (
        <View
          className='notice notice--info raise-similar'
          hoverClass='cell--hover'
          onClick={() => form.setSheetOpen(true)}
          data-testid='similar-hint'
          {...a11y({ role: 'button' })}
        >
          <Icon name='users' size={40} color={colors.info} />
          <View className='notice__body'>
            <View className='notice__desc raise-similar__text'>{t.raise.similarHint(form.similar.length)}</View>
          </View>
          <Text className='raise-similar__action'>{t.raise.similarHintAction}</Text>
        </View>
      ) : null}
    </FormField>
  )
}

/** 谁能看到: public or staff only, anonymous or not. */
export function WhoField({ form }: { form: RaiseForm }) {
  return (
    <FormField name='who' label={t.raise.who}>
      <SwitchRow
        title={t.raise.visibility}
        desc={form.isPublic ? t.raise.visibilityOn : t.raise.visibilityOff}
        checked={form.isPublic}
        testId='visibility-switch'
        onChange={form.setIsPublic}
      />
      <SwitchRow
        title={t.raise.anonymous}
        desc={t.raise.anonymousDesc}
        checked={form.anonymous}
        testId='anonymous-switch'
        onChange={form.setAnonymous}
      />
    </FormField>
  )
}
