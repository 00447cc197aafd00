import { View, Text, Button } from '@tarojs/components'
import { relationLabels } from '@domain/labels.js'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import { formatTime } from '@/lib/format'
import type { MyClaimItem } from '../api/get-my-claims'
import { ClaimStatusTag } from './claim-status-tag'
import './claim-card.scss'

/** One of my residency claims: where, as what, its status, the reason if not approved. */
export function MyClaimCard({ claim, onWithdraw, withdrawing }: { claim: MyClaimItem; onWithdraw: () => void; withdrawing: boolean }) {
  return (
    <View className='claim-card' data-testid='my-claim' data-status={claim.status}>
      <View className='claim-card__head'>
        <View className='claim-card__where'>
          <Text className='claim-card__address'>{claim.address}</Text>
          <Text className='claim-card__community'>
            {claim.communityName} · {relationLabels[claim.relation]}
          </Text>
        </View>
        <ClaimStatusTag status={claim.status} />
      </View>
      {claim.status === 'rejected' && claim.reason ? (
        <View className='claim-card__reason'>
          <Icon name='info' size={32} color={colors.danger} />
          <Text>{t.me.rejectReason(claim.reason)}</Text>
        </View>
      ) : null}
      <View className='claim-card__foot'>
        <Text className='claim-card__time'>
          {claim.reviewedAt && claim.reviewerName
            ? t.me.reviewedBy(claim.reviewerName, formatTime(claim.reviewedAt))
            : t.me.submittedAt(formatTime(claim.createdAt))}
        </Text>
        {claim.status === 'pending' ? (
          <Button
            className='btn btn--plain btn--small claim-card__withdraw'
            hoverClass='btn--hover'
            disabled={withdrawing}
            onClick={onWithdraw}
          >
            {t.me.withdraw}
          </Button>
        ) : null}
      </View>
    </View>
  )
}
