import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { Id, IsoTime } from './common.js'
import { REJECT_REASON_MAX, REJECT_REASON_MIN } from '../limits.js'
import { ClaimStatus, HouseholdRelation } from '../roles.js'
import { text } from './text.js'

export const ClaimInput = onFirstUse(() =>
  z.strictObject({
    householdId: Id,
    relation: HouseholdRelation,
  }),
)

export const RejectInput = onFirstUse(() =>
  z.strictObject({
    reason: text({
      label: '不通过的原因',
      min: REJECT_REASON_MIN,
      max: REJECT_REASON_MAX,
      multiline: true,
      tooShort: `请填写不通过的原因（至少 ${REJECT_REASON_MIN} 个字）`,
    }),
  }),
)

export const ClaimsQuery = onFirstUse(() =>
  z.strictObject({
    status: ClaimStatus.default('pending'),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
)

export const Claim = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      communityName: z.string(),
      householdId: Id,
      /** e.g. "3号楼 2单元 302室": shown only to the claimant and the community's staff. */
      address: z.string(),
      relation: HouseholdRelation,
      status: ClaimStatus,
      reason: z.string().nullable(),
      createdAt: IsoTime,
      reviewedAt: IsoTime.nullable(),
      reviewerName: z.string().nullable(),
    })
    .meta({ id: 'ResidencyClaim' }),
)

/** A pending claim as staff see it: the claimant's nickname and masked phone, to recognise them. */
export const StaffClaim = onFirstUse(() =>
  Claim.extend({
    claimant: z.object({ id: Id, nickname: z.string(), phoneMasked: z.string().nullable() }),
  }).meta({ id: 'StaffResidencyClaim' }),
)

export const ClaimList = onFirstUse(() => z.object({ items: z.array(Claim) }))
export const StaffClaimPage = onFirstUse(() => z.object({ items: z.array(StaffClaim), nextCursor: z.string().nullable() }))
