import { and, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { councilTopics } from '../../db/schema/index.js'
import { AppError } from '../http/errors.js'
import { findSession, logEvent } from './common.js'

export interface OfferedTopic {
  sessionId: string
  communityId: string
  /** The staff member offering it: the topic's proposer. */
  staffId: string
  title: string
  reason: string
  /** What the topic came from, for the session's event log (e.g. `{ needId }`). */
  source: Record<string, string>
  now: Date
}

/**
 * Staff put a topic on a session's list on behalf of residents (a ranked need): it arrives as a
 * pending topic like a resident's booking, and staff place it on the agenda with the usual
 * decision (accept, defer, decline), which keeps the slots and the order in one place.
 */
export async function offerTopic(tx: Tx, o: OfferedTopic): Promise<string> {
  const session = await findSession(tx, o.sessionId)
  if (!session || session.communityId !== o.communityId) throw new AppError('NOT_FOUND', '议事会不存在')
  if (!['planned', 'open'].includes(session.status))
    throw new AppError('SESSION_TRANSITION_NOT_ALLOWED', '这场议事会的议程已确定、已召开或已取消，不能再加议题')
  const [same] = await tx
    .select({ id: councilTopics.id })
    .from(councilTopics)
    .where(and(eq(councilTopics.sessionId, o.sessionId), eq(councilTopics.title, o.title)))
  if (same) return same.id
  const [created] = await tx
    .insert(councilTopics)
    .values({
      sessionId: o.sessionId,
      communityId: o.communityId,
      proposerId: o.staffId,
      title: o.title,
      reason: o.reason,
      createdAt: o.now,
      updatedAt: o.now,
    })
    .returning({ id: councilTopics.id })
  await logEvent(tx, {
    sessionId: o.sessionId,
    topicId: created.id,
    actorId: o.staffId,
    actorRole: 'staff',
    action: 'offer_topic',
    toStatus: 'pending',
    data: o.source,
    createdAt: o.now,
  })
  return created.id
}
