import { Button, Input, Text, View } from '@tarojs/components'
import { CHOICE_TEXT_MAX } from '@domain/limits.js'
import { MAX_CHOICES, MIN_CHOICES } from '@domain/votes/kinds.js'
import { colors } from '@/components/colors'
import { FormField } from '@/components/form-field'
import { Icon } from '@/components/icon'
import { Stepper } from '@/features/councils/components/stepper'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import type { VoteFormState } from './use-vote-form'
import { newChoice, type OptionKind } from './vote-form'
import { Pick } from './pick'

const optionKinds: OptionKind[] = ['yes_no', 'choice']

/** 表决方式: yes/no/abstain, or a list of choices with how many may be picked. */
export function OptionsField({ state }: { state: VoteFormState }) {
  const { form, patch } = state
  return (
    <FormField label={t.voteForm.options} error={state.errors.options} name='options'>
      <View className='vote-form__choices-kind'>
        {optionKinds.map((k) => (
          <Pick
            key={k}
            on={form.optionKind === k}
            testId={`option-kind-${k}`}
            onClick={() => patch({ optionKind: k }, ['options'])}
            title={t.voteForm.optionKinds[k]}
          />
        ))}
      </View>
      {form.optionKind === 'choice' ? (
        <View className='vote-form__choices'>
          {form.choices.map((c, i) => (
            <View key={c.key} className='vote-form__choice'>
              <Input
                className='text-input'
                data-testid='choice-input'
                value={c.text}
                maxlength={CHOICE_TEXT_MAX}
                placeholder={i === 0 ? t.voteForm.choicePlaceholder : t.voteForm.choice(i + 1)}
                placeholderClass='textarea__placeholder'
                onInput={(e) =>
                  patch({ choices: form.choices.map((x) => (x.key === c.key ? { ...x, text: e.detail.value } : x)) }, ['options'])
                }
              />
              {form.choices.length > MIN_CHOICES ? (
                <View
                  className='vote-form__remove'
                  hoverClass='cell--hover'
                  onClick={() =>
                    patch({
                      choices: form.choices.filter((x) => x.key !== c.key),
                      maxChoices: Math.min(form.maxChoices, form.choices.length - 1),
                    })
                  }
                  data-testid='choice-remove'
                  {...a11y({ role: 'button', label: t.voteForm.removeChoice })}
                >
                  <Icon name='trash' size={36} color={colors.text2} />
                </View>
              ) : null}
            </View>
          ))}
          {form.choices.length < MAX_CHOICES ? (
            <Button
              className='btn btn--outline btn--small'
              hoverClass='btn--hover'
              data-testid='choice-add'
              onClick={() => patch({ choices: [...form.choices, newChoice()] })}
            >
              {t.voteForm.addChoice}
            </Button>
          ) : null}
          <Text className='vote-form__sublabel'>{t.voteForm.maxChoices}</Text>
          <Stepper
            value={form.maxChoices}
            onChange={(maxChoices) => patch({ maxChoices })}
            min={1}
            max={Math.max(1, form.choices.length)}
            unit={t.voteForm.maxChoicesUnit}
            testId='max-choices'
          />
        </View>
      ) : null}
      <Text className='vote-form__note'>{t.voteForm.abstainNote}</Text>
    </FormField>
  )
}
