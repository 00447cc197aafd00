import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { ResponsibleParty } from '../councils/kinds.js'
import { ORG_NAME_MAX, ORG_NAME_MIN } from '../limits.js'
import { NeedStatus, ResourceKind } from '../needs/needs.js'
import {
  PROJECT_BUDGET_MAX_FEN,
  PROJECT_DESCRIPTION_MAX,
  PROJECT_DESCRIPTION_MIN,
  PROJECT_LINKS_MAX,
  PROJECT_TITLE_MAX,
  PROJECT_TITLE_MIN,
} from '../projects/projects.js'
import { TrackedStatus } from '../tracking/items.js'
import { Id, IsoTime } from './common.js'
import { Photo } from './concerns.js'
import { Resource } from './needs.js'
import { text } from './text.js'

/**
 * The API contract of 项目清单: a project matches needs (需求清单) to resources (资源清单); its
 * responsible party, deadline, status, progress and updates are its tracked item's (决议跟踪).
 */

const links = (what: string, min: string) =>
  z
    .array(Id)
    .min(1, min)
    .max(PROJECT_LINKS_MAX, `最多选择 ${PROJECT_LINKS_MAX} 个${what}`)
    .superRefine((ids, ctx) => {
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: `${what}不能重复` })
    })

export const ProjectInput = onFirstUse(() =>
  z.strictObject({
    title: text({ label: '项目名称', min: PROJECT_TITLE_MIN, max: PROJECT_TITLE_MAX, required: '请填写项目名称' }),
    description: text({
      label: '项目说明',
      min: PROJECT_DESCRIPTION_MIN,
      max: PROJECT_DESCRIPTION_MAX,
      multiline: true,
      tooShort: `请至少用 ${PROJECT_DESCRIPTION_MIN} 个字说明项目做什么`,
    }),
    needIds: links('需求', '请至少选择一条需求'),
    resourceIds: links('资源', '请至少选择一项资源'),
    responsibleParty: ResponsibleParty,
    responsibleName: text({ label: '责任单位名称', min: ORG_NAME_MIN, max: ORG_NAME_MAX }).optional(),
    responsibleUserId: Id.optional().meta({ description: '指定负责的本社区工作人员（责任方为社区时）' }),
    deadline: z.iso.datetime({ offset: true, error: '完成期限须是带时区的时间，例如 2026-03-13T19:00:00+08:00' }),
    budgetFen: z
      .number({ error: '预算须是以分计的整数' })
      .int('预算须是以分计的整数')
      .min(0, '预算不能为负')
      .max(PROJECT_BUDGET_MAX_FEN, '预算超过 100 万元，请核对')
      .nullable()
      .default(null)
      .meta({ description: '预算，单位：分；没有预算时为 null' }),
  }),
)

/** The needs and resources a project links, as a whole: what is left out is taken out. */
export const ProjectLinksInput = onFirstUse(() => ProjectInput.pick({ needIds: true, resourceIds: true }))

export const ProjectsQuery = onFirstUse(() => z.strictObject({ status: TrackedStatus.optional() }))

/** How the project is going: its tracked item, as the viewer may see it. */
export const ProjectTracking = onFirstUse(() =>
  z.object({
    itemId: Id,
    /** 社区 / 物业（安居物业）: staff also see the worker's name; residents never. */
    partyLabel: z.string(),
    deadline: IsoTime,
    status: TrackedStatus,
    statusLabel: z.string(),
    progress: z.number().int().min(0).max(100),
    overdue: z.boolean(),
    lastUpdateAt: IsoTime.nullable(),
  }),
)

export const ProjectNeed = onFirstUse(() =>
  z.object({
    id: Id,
    title: z.string(),
    status: NeedStatus,
    statusLabel: z.string(),
    supporterCount: z.number().int(),
  }),
)

export const ProjectSummary = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      title: z.string(),
      description: z.string(),
      budgetFen: z.number().int().nullable(),
      budgetLabel: z.string(),
      needs: z.array(ProjectNeed),
      /** Titles and kinds of the resources; the full resources (contacts for staff) are on the project itself. */
      resources: z.array(z.object({ id: Id, title: z.string(), kind: ResourceKind, kindLabel: z.string(), ownerLabel: z.string() })),
      tracking: ProjectTracking,
      createdAt: IsoTime,
    })
    .meta({ id: 'ProjectSummary' }),
)

export const Project = onFirstUse(() =>
  ProjectSummary.extend({
    /** Each resource as the viewer may see it: its contact for staff only. */
    resourceDetails: z.array(Resource),
    viewer: z.object({ canManage: z.boolean(), canPostUpdate: z.boolean() }),
  }).meta({ id: 'Project' }),
)

export const ProjectList = onFirstUse(() => z.object({ items: z.array(ProjectSummary) }).meta({ id: 'ProjectList' }))

/** A project on the 公示栏: the needs it meets, what it uses, who does it, how far it is — no contact, no person. */
export const BoardProject = onFirstUse(() =>
  z
    .object({
      id: Id,
      title: z.string(),
      needs: z.array(z.string()),
      /** 场地 · 睦邻中心活动室（驻区单位 · 文安路小学）; a resident's resource reads 居民. */
      resources: z.array(z.string()),
      budgetLabel: z.string(),
      ...ProjectTracking.omit({ itemId: true }).shape,
      /** Photos of its progress updates that passed review, newest first. */
      photos: z.array(Photo),
    })
    .meta({ id: 'BoardProject' }),
)

export type BoardProjectView = z.output<typeof BoardProject>
