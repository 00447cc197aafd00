import { Button } from '@tarojs/components'
import { t } from '@/i18n/zh-cn'
import type { ApiError } from '@/lib/api/client'
import { EmptyState } from './empty-state'

/** A failed load: what went wrong in plain words and one way forward. */
export function ErrorState({ error, onRetry, compact }: { error: ApiError; onRetry: () => void; compact?: boolean }) {
  return (
    <EmptyState
      compact={compact}
      testId='error-state'
      icon={error.isNetwork ? 'wifiOff' : 'alert'}
      text={error.message || t.common.loadFailed}
      action={
        <Button className='btn btn--outline btn--small' hoverClass='btn--hover' onClick={onRetry}>
          {t.common.retry}
        </Button>
      }
    />
  )
}
