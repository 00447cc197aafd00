import { concernStatusLabels } from '@domain/concerns/labels.js'
import type { ConcernStatus } from '@domain/concerns/lifecycle.js'
import { Tag, type TagTone } from '@/components/tag'

/** Colour per status: waiting is amber, in hand is blue, council is brand, done is green. */
const tones: Record<ConcernStatus, TagTone> = {
  submitted: 'warning',
  accepted: 'info',
  assigned: 'info',
  on_agenda: 'brand',
  deliberated: 'brand',
  in_progress: 'info',
  resolved: 'success',
  reopened: 'warning',
  closed: 'neutral',
  declined: 'danger',
  merged: 'neutral',
}

export function ConcernStatusTag({ status, testId }: { status: ConcernStatus; testId?: string }) {
  return (
    <Tag tone={tones[status]} className={`concern-status concern-status--${status}`} testId={testId} data={{ status }}>
      {concernStatusLabels[status]}
    </Tag>
  )
}
