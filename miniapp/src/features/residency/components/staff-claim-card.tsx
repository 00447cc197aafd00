import { View, Text, Button } from '@tarojs/components'
import { relationLabels } from '@domain/labels.js'
import { t } from '@/i18n/zh-cn'
import { formatTime, initialOf } from '@/lib/format'
import type { StaffClaimItem } from '../api/get-community-claims'
import { ClaimStatusTag } from './claim-status-tag'
import './claim-card.scss'

export interface StaffClaimCardProps {
  claim: StaffClaimItem
  busy: boolean
  onApprove: () => void
  onReject: () => void
}

/** A claim as the community's staff review it: who, which home, as what, when. */
export function StaffClaimCard({ claim, busy, onApprove, onReject }: StaffClaimCardProps) {
  const rows: Array<[string, string]> = [
    [t.staff.phone, claim.claimant.phoneMasked ?? t.staff.noPhone],
    [t.staff.address, claim.address],
    [t.staff.relation, relationLabels[claim.relation]],
    [t.staff.submittedAt, formatTime(claim.createdAt)],
  ]
  if (claim.reviewedAt) rows.push([t.staff.reviewedAt, `${claim.reviewerName ?? ''} ${formatTime(claim.reviewedAt)}`.trim()])

  return (
    <View className='claim-card claim-card--staff' data-testid='staff-claim' data-claim-id={claim.id} data-status={claim.status}>
      <View className='claim-card__head'>
        <View className='claim-card__claimant'>
          <View className='claim-card__avatar'>{initialOf(claim.claimant.nickname)}</View>
          <View className='claim-card__where'>
            <Text className='claim-card__name'>{claim.claimant.nickname}</Text>
            <Text className='claim-card__community'>{t.staff.claimant}</Text>
          </View>
        </View>
        <ClaimStatusTag status={claim.status} />
      </View>
      <View className='claim-card__fields'>
        {rows.map(([label, value]) => (
          <View key={label} className='claim-card__field'>
            <Text className='claim-card__label'>{label}</Text>
            <Text className='claim-card__value'>{value}</Text>
          </View>
        ))}
      </View>
      {claim.status === 'rejected' && claim.reason ? (
        <View className='claim-card__reason'>
          <Text>{t.me.rejectReason(claim.reason)}</Text>
        </View>
      ) : null}
      {claim.status === 'pending' ? (
        <View className='claim-card__actions'>
          <Button className='btn btn--danger claim-reject' hoverClass='btn--hover' disabled={busy} onClick={onReject}>
            {t.staff.reject}
          </Button>
          <Button className='btn btn--primary claim-approve' hoverClass='btn--hover' disabled={busy} onClick={onApprove}>
            {t.staff.approve}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
