import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useMe } from '@/features/me/api/get-me'
import { castBallot } from '@/features/votes/api/cast-ballot'
import { useProposal } from '@/features/votes/api/get-proposal'
import { proposalsKeyPrefix } from '@/features/votes/api/get-proposals'
import type { BallotChoice } from '@/features/votes/components/vote-ballot'
import { t } from '@/i18n/zh-cn'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { voteUrl } from '@/lib/routes'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * The vote page's data and the ballot being confirmed: the proposal (fresh on every show), who
 * the viewer is, casting after the confirm sheet, and sharing the vote in WeChat.
 */
export function useVotePage() {
  const router = useRouter()
  const id = router.params.id || undefined
  const proposal = useProposal(id)
  const p = proposal.data
  const me = useMe()
  const [pending, setPending] = useState<BallotChoice>()

  const cast = useMutation(
    (b: BallotChoice) => castBallot(id!, b.householdId ? { choices: b.choices, householdId: b.householdId } : { choices: b.choices }),
    {
      onSuccess: () => {
        setPending(undefined)
        void Taro.showToast({ title: t.votes.castDone, icon: 'success' })
        void proposal.refetch()
        invalidateQueries(proposalsKeyPrefix)
      },
    },
  )

  useDidShow(() => {
    void proposal.refetch()
  })

  usePullDownRefresh(async () => {
    await Promise.all([proposal.refetch(), me.refetch()])
    Taro.stopPullDownRefresh()
  })

  useEffect(() => {
    if (isWeapp && p) void Taro.showShareMenu({ withShareTicket: false }).catch(() => undefined)
  }, [p])

  useShareAppMessage(() =>
    p ? { title: `${t.titles.vote}：${p.title}`.slice(0, 60), path: voteUrl(p.id) } : { title: t.app.name, path: '/pages/councils/index' },
  )

  return { id, proposal, me, pending, setPending, cast }
}
