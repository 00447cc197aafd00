import { claimStatusLabels } from '@domain/labels.js'
import type { ClaimStatus } from '@domain/roles.js'
import { Tag, type TagTone } from '@/components/tag'

const tones: Record<ClaimStatus, TagTone> = {
  pending: 'warning',
  verified: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
}

/** 待审核 · 已认证 · 未通过 · 已撤回 */
export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  return (
    <Tag tone={tones[status]} className={`claim-status claim-status--${status}`}>
      {claimStatusLabels[status]}
    </Tag>
  )
}
