import { Button, View } from '@tarojs/components'
import type { SessionAction } from '@domain/councils/lifecycle.js'
import { t } from '@/i18n/zh-cn'
import { cx } from '@/lib/format'

/** The buttons of the bar, in the order a session goes; `viewer.actions` decides which show. */
export const actionOrder: SessionAction[] = ['open', 'fix_agenda', 'start', 'conclude', 'publish_minutes', 'edit', 'cancel']
const primary: ReadonlySet<SessionAction> = new Set(['open', 'fix_agenda', 'start', 'conclude', 'publish_minutes'])

/** The session's next steps at the foot of the screen: the way forward in the brand colour, cancel in red. */
export function SessionActionBar({ actions, busy, onRun }: { actions: SessionAction[]; busy: boolean; onRun: (a: SessionAction) => void }) {
  return (
    <View className='action-bar' data-testid='session-action-bar'>
      {actions.map((action) => (
        <Button
          key={action}
          className={cx(
            'btn btn--small action-bar__btn',
            primary.has(action) ? 'btn--primary' : action === 'cancel' ? 'btn--danger' : 'btn--plain action-bar__btn--secondary',
          )}
          hoverClass='btn--hover'
          data-testid='session-action'
          data-action={action}
          disabled={busy}
          onClick={() => onRun(action)}
        >
          {t.staffSession.actions[action]}
        </Button>
      ))}
    </View>
  )
}
