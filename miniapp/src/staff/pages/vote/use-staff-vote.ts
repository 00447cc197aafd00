import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { useLoadMoreAtBottom } from '@/components/paged-list'
import { colors } from '@/components/colors'
import { useActOnProposal } from '@/features/votes/api/act-on-proposal'
import { type ParticipationFilter, useParticipation } from '@/features/votes/api/get-participation'
import { useProposal, type VoteActionKey } from '@/features/votes/api/get-proposal'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'

/**
 * The staff vote page's data and actions: the proposal, its roll (once published) with a filter,
 * and the actions — open and close after a confirm, cancel through a reason sheet.
 */
export function useStaffVote() {
  const router = useRouter()
  const id = router.params.id || undefined
  const proposal = useProposal(id)
  const p = proposal.data
  const [filter, setFilter] = useState<ParticipationFilter>('all')
  const onRoll = !!p && p.status !== 'draft'
  const roll = useParticipation(onRoll ? id : undefined, filter)
  const [cancelling, setCancelling] = useState(false)
  const [cancelError, setCancelError] = useState<string>()
  const act = useActOnProposal({
    onSuccess: (_detail, body) => {
      setCancelling(false)
      void Taro.showToast({ title: t.staffVotes.done[body.action], icon: body.action === 'cancel' ? 'none' : 'success' })
    },
  })

  useDidShow(() => {
    void proposal.refetch()
  })

  usePullDownRefresh(async () => {
    await Promise.all([proposal.refetch(), roll.refresh()])
    Taro.stopPullDownRefresh()
  })

  useLoadMoreAtBottom(roll)

  async function run(action: VoteActionKey) {
    if (!p) return
    if (action === 'cancel') {
      setCancelError(undefined)
      return setCancelling(true)
    }
    const { confirm } = await Taro.showModal({
      title: t.staffVotes.actions[action],
      content: action === 'open' ? t.staffVotes.openConfirm : t.staffVotes.closeConfirm,
      confirmText: t.common.confirm,
      confirmColor: colors.brand,
      cancelText: t.common.cancel,
    })
    if (confirm) void act.mutate({ proposalId: p.id, body: { action } })
  }

  async function cancel(reason: string) {
    if (!p) return
    try {
      await act.mutateAsync({ proposalId: p.id, body: { action: 'cancel', reason } })
    } catch (err) {
      if (err instanceof ApiError) setCancelError(err.message)
    }
  }

  return {
    id,
    proposal,
    filter,
    setFilter,
    onRoll,
    roll,
    act,
    run,
    cancelling,
    cancelError,
    cancel,
    closeCancel: () => setCancelling(false),
  }
}
