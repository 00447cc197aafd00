import { Text, View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { type Step, steps } from './use-claim'

/** Step n of 6 with a way back, the progress bars, the step's title, and the choices so far (or a hint). */
export function StepHead({ step, trail, onBack }: { step: Step; trail: string; onBack: () => void }) {
  const index = steps.indexOf(step)
  const copy = t.claim.steps[step]
  return (
    <View className='step-head' data-testid={`claim-step-${step}`}>
      <View className='step-head__top'>
        <Text className='step-head__count'>{t.claim.stepOf(index + 1, steps.length)}</Text>
        {index > 0 ? (
          <View className='step-head__back' hoverClass='cell--hover' onClick={onBack} {...a11y({ role: 'button', label: t.common.back })}>
            <Icon name='chevronLeft' size={28} color={colors.text2} />
            <Text>{t.common.back}</Text>
          </View>
        ) : null}
      </View>
      <View className='claim-progress'>
        {steps.map((s, i) => (
          <View key={s} className={i <= index ? 'claim-progress__bar claim-progress__bar--done' : 'claim-progress__bar'} />
        ))}
      </View>
      <Text className='step-head__title'>{copy.title}</Text>
      <Text className='step-head__hint'>{trail && step !== 'confirm' ? trail : copy.hint}</Text>
    </View>
  )
}
