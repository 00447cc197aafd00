import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { type ProjectData, useProject } from '@/features/projects/api/projects'
import { ProjectFact, ProjectStatus } from '@/features/projects/components/project-card'
import { t } from '@/i18n/zh-cn'
import { formatDay, formatMoment } from '@/lib/format'
import { staffTrackedItemUrl, trackedItemUrl } from '@/lib/routes'
import '@/features/projects/components/projects.scss'

/**
 * A project (项目清单) for residents and staff: the needs it meets, the resources it uses (contacts
 * for staff only), budget, party, deadline and how far it is. Progress and photos are on its tracked
 * item: 查看进展 (residents) or 更新进展 (staff, the named worker) opens it.
 */
export default function ProjectPage() {
  const id = useRouter().params.id || undefined
  const project = useProject(id)
  useDidShow(() => {
    if (id && !project.loading) void project.refetch()
  })
  usePullDownRefresh(async () => {
    await project.refetch()
    Taro.stopPullDownRefresh()
  })
  const p = project.data
  if (!p || !id) {
    const missing = !id || project.error?.status === 404
    return (
      <Screen testId='page-project'>
        {missing ? (
          <EmptyState icon='alert' text={t.projects.notFound} />
        ) : project.error ? (
          <ErrorState error={project.error} onRetry={() => void project.refetch()} />
        ) : (
          <SkeletonList count={2} lines={3} />
        )}
      </Screen>
    )
  }
  return (
    <Screen testId='page-project'>
      <ProjectHead project={p} />
      <View className='section-title'>
        <Text>{t.projects.needs}</Text>
      </View>
      <View className='card'>
        {p.needs.map((n) => (
          <ProjectFact key={n.id} label={n.statusLabel} value={n.title} testId='project-need' />
        ))}
      </View>
      <View className='section-title'>
        <Text>{t.projects.resources}</Text>
      </View>
      <View className='card'>
        {p.resourceDetails.map((r) => (
          <View key={r.id} data-testid='project-resource'>
            <ProjectFact label={r.kindLabel} value={`${r.title}（${r.ownerKindLabel} · ${r.ownerName}）`} />
            {r.contact ? <Text className='project-resource__line'>{t.projects.contact(r.contact.name, r.contact.phone)}</Text> : null}
          </View>
        ))}
      </View>
      <ProgressButton project={p} />
    </Screen>
  )
}

function ProjectHead({ project: p }: { project: ProjectData }) {
  return (
    <View className='card' data-testid='project-head'>
      <Text className='project-head__title'>{p.title}</Text>
      <ProjectStatus tracking={p.tracking} />
      <Text className='project-head__desc' userSelect>
        {p.description}
      </Text>
      <ProjectFact label={t.projects.party} value={p.tracking.partyLabel} />
      <ProjectFact label={t.projects.deadline} value={formatDay(p.tracking.deadline)} />
      <ProjectFact label={t.projects.budget} value={p.budgetLabel} />
      <Text className='project-resource__line'>
        {p.tracking.lastUpdateAt ? t.projects.lastUpdate(formatMoment(p.tracking.lastUpdateAt)) : t.projects.noUpdate}
      </Text>
    </View>
  )
}

/** Staff and the named worker post on the tracked item; everyone else reads it. */
function ProgressButton({ project: p }: { project: ProjectData }) {
  const staff = p.viewer.canManage || p.viewer.canPostUpdate
  const url = staff ? staffTrackedItemUrl(p.tracking.itemId) : trackedItemUrl(p.tracking.itemId)
  return (
    <View className='project-actions'>
      <Button
        className='btn btn--primary btn--block'
        hoverClass='btn--hover'
        data-testid='project-progress-open'
        onClick={() => void Taro.navigateTo({ url })}
      >
        {staff ? t.projects.postProgress : t.projects.openProgress}
      </Button>
      {staff ? null : <Text className='project-resource__line'>{t.projects.residentHint}</Text>}
    </View>
  )
}
