import { View, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useMe } from '@/features/me/api/get-me'
import { type ResourceData, useResources, withdrawResource } from '@/features/needs/api/needs'
import { ResourceCard } from '@/features/needs/components/resource-card'
import { ResourceSheet } from '@/features/needs/components/resource-sheet'
import { t } from '@/i18n/zh-cn'

/**
 * 资源清单: what units, 物业, 业委会, volunteers and residents can offer. Residents see it without
 * contacts and may offer their own; staff (from 社区工作台) see contacts and record any owner's.
 */
/** 撤回, after a confirmation: the resource leaves the list. */
async function confirmWithdraw(r: ResourceData) {
  const { confirm } = await Taro.showModal({
    title: t.resources.withdrawTitle,
    content: t.resources.withdrawBody,
    confirmText: t.resources.withdraw,
  })
  if (!confirm) return
  await withdrawResource(r.id)
  void Taro.showToast({ title: t.resources.withdrawn, icon: 'none' })
}

export default function ResourcesPage() {
  const router = useRouter()
  const me = useMe()
  const communityId = router.params.communityId || me.data?.memberships[0]?.communityId
  const staff = !!communityId && !!me.data?.staffOf.includes(communityId)
  const list = useResources(communityId)
  const [adding, setAdding] = useState(false)
  const [editing, setEditing] = useState<ResourceData>()

  usePullDownRefresh(async () => {
    await list.refetch()
    Taro.stopPullDownRefresh()
  })

  return (
    <Screen testId='page-resources'>
      {!list.data ? (
        list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : communityId ? (
          <SkeletonList count={3} lines={3} />
        ) : (
          <EmptyState icon='home' text={t.board.noCommunity} />
        )
      ) : (
        <>
          {list.data.items.length === 0 ? <EmptyState compact icon='layers' text={t.resources.empty} /> : null}
          {list.data.items.map((r) => (
            <ResourceCard
              key={r.id}
              resource={r}
              onEdit={staff || r.mine ? () => setEditing(r) : undefined}
              onWithdraw={staff || r.mine ? () => void confirmWithdraw(r) : undefined}
            />
          ))}
          <View className='load-more'>
            <Button className='btn btn--primary' hoverClass='btn--hover' data-testid='resource-add' onClick={() => setAdding(true)}>
              {staff ? t.resources.record : t.resources.offer}
            </Button>
          </View>
        </>
      )}
      {editing && communityId ? (
        <ResourceSheet
          communityId={communityId}
          staff={staff}
          editing={editing}
          onClose={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined)
            void Taro.showToast({ title: t.resources.editSaved, icon: 'none' })
          }}
        />
      ) : null}
      {adding && communityId ? (
        <ResourceSheet
          communityId={communityId}
          staff={staff}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false)
            void Taro.showToast({ title: t.resources.saved, icon: 'none' })
          }}
        />
      ) : null}
    </Screen>
  )
}
