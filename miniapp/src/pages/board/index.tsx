import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { type ReactNode, useEffect, useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { type BoardData, useBoard } from '@/features/board/api/get-board'
import { BoardConcernCard } from '@/features/board/components/board-concern'
import { BoardProjectCard } from '@/features/board/components/board-project'
import { BoardResolutionCard } from '@/features/board/components/board-resolution'
import { BoardVoteCard } from '@/features/board/components/board-vote'
import { MonthlyKpiCard } from '@/features/kpis/components/monthly-card'
import { useMe } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'
import { chinaDate } from '@/lib/china-date'
import { formatMoment } from '@/lib/format'
import { boardUrl, openConcern, openProject } from '@/lib/routes'
import '@/features/board/components/board.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * 公示栏: what the community did this month, for anyone signed in — the 三率, the resolved concerns
 * with photos before and after, the council's resolutions and how far they got, the vote results
 * in 公示, the projects (项目清单) under way with their progress and photos. No resident's name, room or words. Shared as a card (WeChat) or a link (H5).
 */
export default function BoardPage() {
  const router = useRouter()
  const me = useMe()
  const communityId = router.params.communityId || me.data?.memberships[0]?.communityId
  const [month, setMonth] = useState(router.params.month || undefined)
  const board = useBoard(communityId, month)
  const b = board.data

  useEffect(() => {
    if (!isWeapp || !b) return
    void Taro.showShareMenu({ withShareTicket: false }).catch(() => undefined)
  }, [b])

  useShareAppMessage(() => {
    if (!b) return { title: t.board.title, path: boardUrl(communityId ?? '') }
    return { title: t.board.shareTitle(b.community.name, b.period.label), path: boardUrl(b.community.id, month) }
  })

  usePullDownRefresh(async () => {
    await board.refetch()
    Taro.stopPullDownRefresh()
  })

  if (!communityId && !me.loading) {
    return (
      <Screen testId='page-board'>
        <EmptyState icon='home' text={t.board.noCommunity} />
      </Screen>
    )
  }
  if (!b) {
    return (
      <Screen testId='page-board'>
        {board.error?.status === 404 ? (
          <EmptyState icon='alert' text={t.board.notFound} />
        ) : board.error ? (
          <ErrorState error={board.error} onRetry={() => void board.refetch()} />
        ) : (
          <SkeletonList count={3} lines={3} />
        )}
      </Screen>
    )
  }
  return <BoardView board={b} onMonth={setMonth} />
}

function BoardView({ board: b, onMonth }: { board: BoardData; onMonth: (month: string) => void }) {
  const now = new Date()
  const next = shiftMonth(b.month, 1)
  return (
    <Screen testId='page-board' className='board'>
      <View className='board-head' data-testid='board-head'>
        <Text className='board-head__title'>{t.board.heading(b.community.name)}</Text>
        <Text className='board-head__month'>{b.period.label}</Text>
        <Text className='board-head__intro'>{t.board.intro}</Text>
        <Text className='board-head__updated'>{t.board.updated(formatMoment(b.generatedAt, now))}</Text>
        <View className='board-months'>
          <Button
            className='btn btn--plain btn--small'
            hoverClass='btn--hover'
            onClick={() => onMonth(shiftMonth(b.month, -1))}
            data-testid='board-prev'
          >
            {t.board.prevMonth}
          </Button>
          {next <= chinaMonth(now) ? (
            <Button className='btn btn--plain btn--small' hoverClass='btn--hover' onClick={() => onMonth(next)} data-testid='board-next'>
              {t.board.nextMonth}
            </Button>
          ) : null}
        </View>
      </View>
      <MonthlyKpiCard communityId={b.community.id} data={b.kpis} title={t.board.kpis} />
      <Section
        title={t.board.concerns}
        shown={b.concerns.items.length}
        total={b.concerns.total}
        empty={t.board.noConcerns}
        testId='board-concerns'
      >
        {b.concerns.items.map((c) => (
          <BoardConcernCard key={c.id} item={c} now={now} onOpen={() => void openConcern(c.id)} />
        ))}
      </Section>
      <Section
        title={t.board.resolutions}
        shown={b.resolutions.items.length}
        total={b.resolutions.total}
        empty={t.board.noResolutions}
        testId='board-resolutions'
      >
        {b.resolutions.items.map((r) => (
          <BoardResolutionCard key={r.id} item={r} now={now} />
        ))}
      </Section>
      <Section title={t.board.votes} shown={b.votes.items.length} total={b.votes.total} empty={t.board.noVotes} testId='board-votes'>
        {b.votes.items.map((v) => (
          <BoardVoteCard key={v.id} item={v} now={now} />
        ))}
      </Section>
      <Section
        title={t.board.projects}
        shown={b.projects.items.length}
        total={b.projects.total}
        empty={t.board.noProjects}
        testId='board-projects'
      >
        {b.projects.items.map((p) => (
          <BoardProjectCard key={p.id} item={p} now={now} onOpen={() => void openProject(p.id)} />
        ))}
      </Section>
      <ShareTool path={boardUrl(b.community.id, b.month)} />
    </Screen>
  )
}

function Section(props: { title: string; shown: number; total: number; empty: string; testId: string; children: ReactNode }) {
  return (
    <View data-testid={props.testId}>
      <View className='section-title'>
        <Text>{props.title}</Text>
        <Text className='board-count'>{t.board.count(props.shown, props.total)}</Text>
      </View>
      {props.total === 0 ? (
        <View className='card'>
          <EmptyState compact text={props.empty} />
        </View>
      ) : (
        props.children
      )}
    </View>
  )
}

/** `2026-11` moved by `by` months. */
function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The current month in China, `2026-11`. */
function chinaMonth(now: Date): string {
  return chinaDate(now.toISOString()).slice(0, 7)
}

/**
 * In WeChat 分享到群 (the card opens this page); in a browser 复制链接 — to this community and month,
 * whoever opens it (the H5 router keeps the page in the hash).
 */
function ShareTool({ path }: { path: string }) {
  if (isWeapp) {
    return (
      <View className='board-tools'>
        <Button className='btn btn--outline btn--block' openType='share' hoverClass='btn--hover' data-testid='board-share'>
          {t.board.share}
        </Button>
      </View>
    )
  }
  const copy = () =>
    void Taro.setClipboardData({ data: `${window.location.origin}${window.location.pathname}#${path}` }).then(() =>
      Taro.showToast({ title: t.board.linkCopied, icon: 'none' }),
    )
  return (
    <View className='board-tools'>
      <Button className='btn btn--outline btn--block' hoverClass='btn--hover' onClick={copy} data-testid='board-copy-link'>
        {t.board.copyLink}
      </Button>
    </View>
  )
}
