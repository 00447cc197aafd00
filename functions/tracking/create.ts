import type { ResponsibleParty } from '../../domain/councils/kinds.js'
import type { Tx } from '../../db/client.js'
import { trackedItems } from '../../db/schema/index.js'

/** What a resolution, an approved proposal or a project (项目清单) hands over to be tracked. */
export interface TrackedSourceFacts {
  communityId: string
  topicId?: string | null
  sessionId?: string | null
  proposalId?: string | null
  projectId?: string | null
  concernId?: string | null
  title: string
  text: string
  party: ResponsibleParty
  partyName: string | null
  workerId?: string | null
  deadline: Date
}

/**
 * Starts tracking a resolution (or an approved proposal standing alone, or a project), inside the
 * caller's transaction: one item per topic, standalone proposal or project; a repeat does nothing.
 * Returns the new item's id, or null when it was already tracked.
 */
export async function trackResolution(tx: Tx, f: TrackedSourceFacts, now: Date): Promise<string | null> {
  const [row] = await tx
    .insert(trackedItems)
    .values({
      communityId: f.communityId,
      topicId: f.topicId ?? null,
      sessionId: f.sessionId ?? null,
      proposalId: f.proposalId ?? null,
      projectId: f.projectId ?? null,
      concernId: f.concernId ?? null,
      title: f.title,
      text: f.text,
      party: f.party,
      partyName: f.partyName,
      workerId: f.workerId ?? null,
      deadline: f.deadline,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: trackedItems.id })
  return row?.id ?? null
}
