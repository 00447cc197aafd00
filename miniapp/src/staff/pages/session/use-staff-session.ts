import type { SessionAction } from '@domain/councils/lifecycle.js'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { colors } from '@/components/colors'
import { useActOnSession } from '@/features/councils/api/act-on-session'
import type { TopicData } from '@/features/councils/api/book-topic'
import { useSession } from '@/features/councils/api/get-session'
import { useTopics } from '@/features/councils/api/get-topics'
import type { TopicDecision } from '@/features/councils/components/topic-decision-sheet'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { openSessionForm, openSessionRun } from '@/lib/routes'

/** The actions taken at once after a confirm; edit opens the form, cancel and minutes open a sheet. */
const direct: ReadonlySet<SessionAction> = new Set(['open', 'fix_agenda', 'start', 'conclude'])

/**
 * The staff session page's data and actions: the session and its topics, fresh on every show;
 * the sheet open (cancel, minutes) or the topic being decided; each action of the bar.
 */
export function useStaffSession() {
  const router = useRouter()
  const id = router.params.id || undefined
  const session = useSession(id)
  const topics = useTopics(id)
  const s = session.data
  const act = useActOnSession()
  const [sheet, setSheet] = useState<'cancel' | 'minutes'>()
  const [deciding, setDeciding] = useState<{ topic: TopicData; decision: TopicDecision }>()

  useDidShow(() => {
    void session.refetch()
    void topics.refetch()
  })

  usePullDownRefresh(async () => {
    await Promise.all([session.refetch(), topics.refetch()])
    Taro.stopPullDownRefresh()
  })

  async function run(action: SessionAction) {
    if (!s) return
    if (action === 'edit') return void openSessionForm({ id: s.id })
    if (action === 'cancel' || action === 'publish_minutes') return setSheet(action === 'cancel' ? 'cancel' : 'minutes')
    if (!direct.has(action)) return
    const { confirm } = await Taro.showModal({
      title: t.staffSession.actions[action],
      content: t.staffSession.confirm[action] ?? '',
      confirmText: t.common.confirm,
      confirmColor: colors.brand,
      cancelText: t.common.cancel,
    })
    if (!confirm) return
    try {
      await act.mutateAsync({ sessionId: s.id, body: { action: action as 'open' | 'fix_agenda' | 'start' | 'conclude' } })
      void Taro.showToast({ title: t.staffSession.done[action], icon: 'success' })
      if (action === 'start') void openSessionRun(s.id)
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) void session.refetch()
    }
  }

  function cancel(reason: string) {
    if (!s) return
    void act.mutate({ sessionId: s.id, body: { action: 'cancel', reason } }).then((d) => {
      if (!d) return
      setSheet(undefined)
      void Taro.showToast({ title: t.staffSession.done.cancel, icon: 'success' })
    })
  }

  return { id, session, topics, act, sheet, setSheet, deciding, setDeciding, run, cancel }
}
