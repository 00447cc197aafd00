import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { useStaffDirectory } from '@/features/concerns/api/get-staff-directory'
import { type GridData, useGrids } from '@/features/grids/api/get-grids'
import { DeleteGridSheet } from '@/features/grids/components/delete-grid-sheet'
import { GridCard } from '@/features/grids/components/grid-card'
import { GridSheet } from '@/features/grids/components/grid-sheet'
import { t } from '@/i18n/zh-cn'
import '../../shell.scss'

/** 网格管理: the community's grids with their buildings and workers; create one, or change what a grid covers. */
export default function GridsPage() {
  const communityId = useRouter().params.communityId || undefined
  const grids = useGrids(communityId)
  const buildings = useBuildings(communityId)
  const directory = useStaffDirectory(communityId)
  // `null`: a new grid; a grid: change it; undefined: the sheet is closed.
  const [editing, setEditing] = useState<GridData | null>()
  const [deleting, setDeleting] = useState<GridData>()

  usePullDownRefresh(async () => {
    await grids.refetch()
    Taro.stopPullDownRefresh()
  })

  if (!communityId) {
    return (
      <Screen testId='page-grids'>
        <EmptyState icon='briefcase' text={t.workbench.notStaff} />
      </Screen>
    )
  }
  const list = grids.data
  return (
    <Screen testId='page-grids' className='staff'>
      <View className='staff-head'>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.grids.title}</Text>
          <Text className='staff-head__desc'>{t.grids.entryDesc}</Text>
        </View>
      </View>
      {grids.loading ? (
        <SkeletonList count={2} lines={2} />
      ) : !list ? (
        grids.error ? (
          <ErrorState error={grids.error} onRetry={() => void grids.refetch()} />
        ) : null
      ) : (
        <>
          {list.items.length === 0 ? <EmptyState compact icon='layers' text={t.grids.empty} /> : null}
          {list.items.map((g) => (
            <GridCard key={g.id} grid={g} onEdit={() => setEditing(g)} onDelete={() => setDeleting(g)} />
          ))}
          {list.unassignedBuildings.length > 0 ? (
            <View className='notice notice--info grid-unassigned' data-testid='grid-unassigned'>
              <Text>{t.grids.unassigned(list.unassignedBuildings.map((b) => b.name).join('、'))}</Text>
            </View>
          ) : null}
          <View className='load-more'>
            <Button className='btn btn--primary' hoverClass='btn--hover' data-testid='grid-create' onClick={() => setEditing(null)}>
              {t.grids.create}
            </Button>
          </View>
        </>
      )}
      {editing !== undefined && list ? (
        <GridSheet
          communityId={communityId}
          grid={editing ?? undefined}
          list={list}
          buildings={(buildings.data?.items ?? []).map((b) => ({ id: b.id, name: b.name }))}
          workers={(directory.data?.workers ?? []).map((w) => ({ id: w.userId, name: w.name }))}
          onClose={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined)
            void Taro.showToast({ title: t.grids.saved, icon: 'success' })
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteGridSheet
          grid={deleting}
          onClose={() => setDeleting(undefined)}
          onDone={() => {
            setDeleting(undefined)
            void Taro.showToast({ title: t.grids.deleted, icon: 'success' })
          }}
        />
      ) : null}
    </Screen>
  )
}
