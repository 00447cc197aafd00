import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { colors } from '@/components/colors'
import { useActOnSession } from '@/features/councils/api/act-on-session'
import type { TopicData } from '@/features/councils/api/book-topic'
import { useSession } from '@/features/councils/api/get-session'
import { useTopics } from '@/features/councils/api/get-topics'
import { t } from '@/i18n/zh-cn'

/**
 * Running the session: the agenda and the item on screen (first the first one without a
 * resolution), the topic being deferred, and concluding the session after a confirm.
 */
export function useSessionRun() {
  const router = useRouter()
  const id = router.params.id || undefined
  const session = useSession(id)
  const s = session.data
  const agenda = s?.agenda ?? []
  const [index, setIndex] = useState<number>()
  const [deferring, setDeferring] = useState<TopicData>()
  const topics = useTopics(id)
  const act = useActOnSession()

  // Start at the first item without a resolution.
  useEffect(() => {
    if (index !== undefined || agenda.length === 0) return
    const open = agenda.findIndex((a) => !a.resolution)
    setIndex(open === -1 ? agenda.length - 1 : open)
  }, [agenda, index])

  async function conclude() {
    if (!s) return
    const { confirm } = await Taro.showModal({
      title: t.staffSession.actions.conclude,
      content: t.staffSession.confirm.conclude,
      confirmText: t.common.confirm,
      confirmColor: colors.brand,
      cancelText: t.common.cancel,
    })
    if (!confirm) return
    const done = await act.mutate({ sessionId: s.id, body: { action: 'conclude' } })
    if (!done) return
    void Taro.showToast({ title: t.staffSession.done.conclude, icon: 'success' })
    setTimeout(() => void Taro.navigateBack(), 600)
  }

  return { session, agenda, index, setIndex, deferring, setDeferring, topics, concluding: act.loading, conclude }
}
