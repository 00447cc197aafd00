import { View, Text, Button } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import type { BallotChoice } from './vote-ballot'
import './votes.scss'

/** 确认投票？ — the choice once more, big, and that it cannot be changed afterwards. */
export function ConfirmSheet(props: { title: string; ballot: BallotChoice; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  const { ballot } = props
  return (
    <Sheet
      title={t.votes.confirmTitle}
      desc={props.title}
      onClose={props.onClose}
      testId='vote-confirm-sheet'
      footer={
        <View className='vote-confirm__buttons'>
          <Button
            className='btn btn--primary btn--block'
            hoverClass='btn--hover'
            data-testid='vote-confirm'
            disabled={props.busy}
            onClick={props.onConfirm}
          >
            {props.busy ? t.common.submitting : t.votes.confirmSubmit}
          </Button>
          <Button
            className='btn btn--plain btn--block vote-confirm__back'
            hoverClass='btn--hover'
            data-testid='vote-confirm-back'
            onClick={props.onClose}
          >
            {t.votes.confirmBack}
          </Button>
        </View>
      }
    >
      <Text className='vote-confirm__label'>{t.votes.confirmChoice}</Text>
      <View className='vote-confirm__choices' data-testid='vote-confirm-choice'>
        {ballot.labels.map((label) => (
          <View key={label} className='vote-confirm__choice'>
            <Icon name='checkCircle' size={48} color={colors.brand} />
            <Text className='vote-confirm__choice-text'>{label}</Text>
          </View>
        ))}
      </View>
      {ballot.householdLabel ? <Text className='vote-confirm__for'>{t.votes.confirmFor(ballot.householdLabel)}</Text> : null}
      <View className='vote-confirm__warn' data-testid='vote-confirm-warn'>
        <Icon name='alert' size={40} color={colors.warning} />
        <Text>{t.votes.confirmWarn}</Text>
      </View>
    </Sheet>
  )
}
