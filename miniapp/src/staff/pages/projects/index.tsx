import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { linkable } from '@domain/needs/needs.js'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useNeeds, useResources } from '@/features/needs/api/needs'
import { useProjects } from '@/features/projects/api/projects'
import { ProjectCard } from '@/features/projects/components/project-card'
import { ProjectSheet } from '@/features/projects/components/project-sheet'
import { t } from '@/i18n/zh-cn'
import { openProject } from '@/lib/routes'
import '../../shell.scss'

/**
 * 项目清单 (staff): the community's projects with how far each is, and 新建项目 — needs of the 需求清单
 * (征集中 or 已上议事会) matched to resources of the 资源清单, a party, a deadline and a budget.
 */
export default function StaffProjectsPage() {
  const communityId = useRouter().params.communityId || undefined
  const projects = useProjects(communityId)
  const needs = useNeeds(communityId)
  const resources = useResources(communityId)
  const [creating, setCreating] = useState(false)

  useDidShow(() => void projects.refetch())
  usePullDownRefresh(async () => {
    await Promise.all([projects.refetch(), needs.refetch(), resources.refetch()])
    Taro.stopPullDownRefresh()
  })

  if (!communityId) {
    return (
      <Screen testId='page-staff-projects'>
        <EmptyState icon='briefcase' text={t.workbench.notStaff} />
      </Screen>
    )
  }
  const list = projects.data
  return (
    <Screen testId='page-staff-projects' className='staff'>
      <View className='staff-head'>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.projects.title}</Text>
          <Text className='staff-head__desc'>{t.projects.staffDesc}</Text>
        </View>
      </View>
      <View className='load-more'>
        <Button className='btn btn--primary' hoverClass='btn--hover' data-testid='projects-create' onClick={() => setCreating(true)}>
          {t.projects.create}
        </Button>
      </View>
      {!list ? (
        projects.error ? (
          <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
        ) : (
          <SkeletonList count={3} lines={3} />
        )
      ) : list.items.length === 0 ? (
        <EmptyState compact icon='layers' text={t.projects.empty} />
      ) : (
        list.items.map((p) => <ProjectCard key={p.id} project={p} onOpen={() => void openProject(p.id)} />)
      )}
      {creating ? (
        <ProjectSheet
          communityId={communityId}
          needs={(needs.data?.items ?? []).filter((n) => linkable(n.status)).map((n) => ({ id: n.id, label: n.title }))}
          resources={(resources.data?.items ?? []).map((r) => ({ id: r.id, label: `${r.title}（${r.ownerName}）` }))}
          onClose={() => setCreating(false)}
          onDone={(p) => {
            setCreating(false)
            void Taro.showToast({ title: t.projects.created, icon: 'success' })
            void openProject(p.id)
          }}
        />
      ) : null}
    </Screen>
  )
}
