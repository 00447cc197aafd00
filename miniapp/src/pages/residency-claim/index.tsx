import { Screen } from '@/components/screen'
import { ChoiceStep } from './choice-steps'
import { ClaimConfirm } from './claim-confirm'
import { ClaimSuccess } from './claim-success'
import { StepHead } from './step-head'
import { useClaim } from './use-claim'
import './index.scss'

/** 认证房屋: a resident claims a household step by step, for a community worker to verify. */
export default function ResidencyClaimPage() {
  const claim = useClaim()
  if (claim.submitted) return <ClaimSuccess trail={claim.trail} relation={claim.picks.relation} />
  return (
    <Screen testId='page-claim' className='claim'>
      <StepHead step={claim.step} trail={claim.trail} onBack={claim.back} />
      {claim.step === 'confirm' ? <ClaimConfirm claim={claim} /> : <ChoiceStep claim={claim} />}
    </Screen>
  )
}
