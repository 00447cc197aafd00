import type { z } from 'zod'
import type { TrackedItemSummary, TrackedUpdate } from '../../domain/schemas/tracking.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import { isOverdue, partyLabel, trackedStatusLabels, type TrackedStatus } from '../../domain/tracking/items.js'
import type { PhotoRow } from '../../db/schema/index.js'
import { photoView } from '../photos/index.js'
import { privileged, type ItemRow, type TrackedAudience } from './access.js'

/** An item as the viewer may see it: staff and the street see the worker and the concern; others a party label only. */
export function toSummary(r: ItemRow, audience: TrackedAudience, now: Date): z.output<typeof TrackedItemSummary> {
  const i = r.item
  const named = privileged(audience)
  return {
    id: i.id,
    communityId: i.communityId,
    text: i.text,
    responsibleParty: i.party,
    partyLabel: partyLabel(i.party, i.partyName, named ? r.workerName : null),
    worker: named && i.workerId && r.workerName ? { id: i.workerId, name: r.workerName } : null,
    deadline: i.deadline.toISOString(),
    status: i.status,
    statusLabel: trackedStatusLabels[i.status],
    progress: i.progress,
    shelvedReason: i.shelvedReason,
    overdue: isOverdue(i, now),
    source: {
      kind: i.topicId ? 'topic' : i.proposalId ? 'proposal' : 'project',
      sessionId: i.sessionId,
      sessionTitle: r.sessionTitle,
      topicId: i.topicId,
      proposalId: i.proposalId,
      projectId: i.projectId,
      title: i.title,
    },
    concern: named && i.concernId && r.concernNo ? { id: i.concernId, publicNo: r.concernNo } : null,
    lastUpdateAt: i.lastUpdateAt?.toISOString() ?? null,
    completedAt: i.completedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
  }
}

export interface UpdateRow {
  id: string
  authorId: string | null
  authorRole: 'author' | 'resident' | 'staff' | 'partner' | 'system'
  authorOrg: string | null
  authorName: string | null
  note: string
  status: TrackedStatus
  progress: number
  createdAt: Date
}

/** Who posted an update, as the viewer may read it. */
function byLabel(u: UpdateRow, named: boolean): string {
  if (u.authorRole === 'partner') return u.authorOrg ?? '共建单位'
  if (u.authorRole === 'system') return '系统'
  return named && u.authorName ? `社区工作人员 ${u.authorName}` : '社区工作人员'
}

export function toUpdate(
  u: UpdateRow,
  photos: Pick<PhotoRow, 'id' | 'url' | 'width' | 'height' | 'moderation'>[],
  audience: TrackedAudience,
  viewerId: string | null,
): z.output<typeof TrackedUpdate> {
  const named = privileged(audience)
  return {
    id: u.id,
    // Staff may type a phone or a room into a note: residents read it with those masked.
    note: named ? u.note : scrubText(u.note),
    status: u.status,
    statusLabel: trackedStatusLabels[u.status],
    progress: u.progress,
    byLabel: byLabel(u, named),
    photos: photos.map((p) => photoView(p, named || (!!viewerId && u.authorId === viewerId))),
    createdAt: u.createdAt.toISOString(),
  }
}
