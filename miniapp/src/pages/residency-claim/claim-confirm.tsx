import { Button, Text, View } from '@tarojs/components'
import { relationLabels } from '@domain/labels.js'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import type { Claim } from './use-claim'

/** The last step: the choices, each one tappable to change it, the privacy note and the submit button. */
export function ClaimConfirm({ claim }: { claim: Claim }) {
  const { community, building, unit, household, picks, submit, go, onSubmit } = claim
  return (
    <View data-testid='claim-confirm'>
      <View className='card card--flush'>
        <SummaryRow label={t.claim.fields.community} value={community?.name ?? ''} onEdit={() => go('community')} />
        <SummaryRow
          label={t.claim.fields.address}
          value={[building?.name, unit?.name, household ? t.claim.room(household.room) : ''].filter(Boolean).join(' ')}
          onEdit={() => go('building')}
        />
        {household ? <SummaryRow label={t.claim.fields.area} value={t.claim.area(household.areaM2)} /> : null}
        <SummaryRow
          label={t.claim.fields.relation}
          value={picks.relation ? relationLabels[picks.relation] : ''}
          onEdit={() => go('relation')}
        />
      </View>
      {submit.error ? (
        <View className='notice notice--danger' data-testid='claim-error'>
          <Icon name='alert' size={44} color={colors.danger} />
          <View className='notice__body'>
            <View className='notice__title claim-error__text'>{submit.error.message}</View>
          </View>
        </View>
      ) : null}
      <View className='claim-privacy'>
        <Icon name='shieldCheck' size={32} color={colors.success} />
        <Text>{t.claim.privacy}</Text>
      </View>
      <View className='claim-submit'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          disabled={submit.loading || !household || !picks.relation}
          onClick={() => void onSubmit()}
        >
          {submit.loading ? t.claim.submitting : t.claim.submit}
        </Button>
      </View>
    </View>
  )
}

function SummaryRow({ label, value, onEdit }: { label: string; value: string; onEdit?: () => void }) {
  return (
    <View
      className='claim-summary-row'
      hoverClass={onEdit ? 'cell--hover' : 'none'}
      onClick={onEdit}
      {...a11y({ role: onEdit ? 'button' : undefined })}
    >
      <Text className='claim-summary-row__label'>{label}</Text>
      <Text className='claim-summary-row__value'>{value}</Text>
      {onEdit ? <Icon name='chevronRight' size={32} color={colors.text3} /> : null}
    </View>
  )
}
