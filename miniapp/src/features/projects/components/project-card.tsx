import { View, Text } from '@tarojs/components'
import type { TrackedStatus } from '@domain/tracking/items.js'
import { ProgressBar, type ProgressTone } from '@/components/progress-bar'
import { Tag, type TagTone } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { formatDay } from '@/lib/format'
import type { ProjectSummaryData } from '../api/projects'
import './projects.scss'

const statusTone: Record<TrackedStatus, TagTone> = { not_started: 'neutral', in_progress: 'info', done: 'success', shelved: 'warning' }
const barTone: Record<TrackedStatus, ProgressTone> = { not_started: 'neutral', in_progress: 'brand', done: 'success', shelved: 'neutral' }

/** Status, 已逾期 and the progress bar of a project. */
export function ProjectStatus({ tracking }: { tracking: ProjectSummaryData['tracking'] }) {
  return (
    <>
      <View className='project-tags'>
        <Tag tone={statusTone[tracking.status]} testId='project-status' data={{ status: tracking.status }}>
          {tracking.statusLabel}
        </Tag>
        {tracking.overdue ? <Tag tone='danger'>{t.projects.overdue}</Tag> : null}
      </View>
      <ProgressBar
        percent={tracking.progress}
        label={t.projects.progress(tracking.progress)}
        tone={barTone[tracking.status]}
        testId='project-progress'
      />
    </>
  )
}

/** A label and its value, one pair per line (long values wrap in 长辈模式). */
export function ProjectFact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className='project-fact' data-testid={testId}>
      <Text className='project-fact__label'>{label}</Text>
      <Text className='project-fact__value'>{value}</Text>
    </View>
  )
}

/** One project in a list: the needs it meets, what it uses, who does it by when, how far it is. */
export function ProjectCard({ project, onOpen }: { project: ProjectSummaryData; onOpen: () => void }) {
  return (
    <View
      className='card project-card'
      hoverClass='cell--hover'
      onClick={onOpen}
      data-testid='project-card'
      data-project-id={project.id}
      data-title={project.title}
      {...a11y({ role: 'button' })}
    >
      <Text className='project-card__title'>{project.title}</Text>
      <ProjectStatus tracking={project.tracking} />
      <ProjectFact label={t.projects.needs} value={project.needs.map((n) => n.title).join('、')} />
      <ProjectFact label={t.projects.resources} value={project.resources.map((r) => `${r.title}（${r.ownerLabel}）`).join('、')} />
      <ProjectFact label={t.projects.party} value={project.tracking.partyLabel} />
      <ProjectFact label={t.projects.deadline} value={formatDay(project.tracking.deadline)} />
      <ProjectFact label={t.projects.budget} value={project.budgetLabel} />
    </View>
  )
}
