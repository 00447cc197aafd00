import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { communities, councilTopics } from '../../db/schema/index.js'
import { adminIds, staffIds } from '../communities/index.js'
import type { Deps } from '../context.js'
import { notify } from '../notifications/index.js'

/**
 * Every topic a resident books gets a written answer (accepted, deferred, or declined with a
 * reason). This job finds the topics still waiting past their community's limit (议题答复时限,
 * `communities.topic_answer_days`, 14 days unless set) and tells the community's staff once, one
 * message per community listing them; the mark is set in the statement that picks them.
 */
export async function noticeUnansweredTopics(deps: Deps, batch = 500): Promise<number> {
  const { db } = deps.database
  const now = deps.now()
  return db.transaction(async (tx) => {
    const late = tx
      .select({ id: councilTopics.id })
      .from(councilTopics)
      .innerJoin(communities, eq(communities.id, councilTopics.communityId))
      .where(
        and(
          eq(councilTopics.status, 'pending'),
          isNull(councilTopics.answerOverdueNotifiedAt),
          sql`${councilTopics.createdAt} < ${now.toISOString()}::timestamptz - make_interval(days => ${communities.topicAnswerDays})`,
        ),
      )
      .limit(batch)
    const told = await tx
      .update(councilTopics)
      .set({ answerOverdueNotifiedAt: now })
      .where(and(isNull(councilTopics.answerOverdueNotifiedAt), inArray(councilTopics.id, late)))
      .returning({ communityId: councilTopics.communityId, sessionId: councilTopics.sessionId, title: councilTopics.title })
    const byCommunity = new Map<string, typeof told>()
    for (const t of told) byCommunity.set(t.communityId, [...(byCommunity.get(t.communityId) ?? []), t])
    for (const [communityId, topics] of byCommunity) {
      const [days] = await tx.select({ n: communities.topicAnswerDays }).from(communities).where(eq(communities.id, communityId))
      const names = topics.slice(0, 3).map((t) => `「${t.title}」`)
      await notify(tx, {
        userIds: [...new Set([...(await staffIds(tx, communityId)), ...(await adminIds(tx, communityId))])],
        sessionId: topics.length === 1 ? topics[0].sessionId : undefined,
        title: `${topics.length} 个居民议题超过 ${days?.n ?? 14} 天未答复`,
        body: `${names.join('、')}${topics.length > 3 ? ` 等 ${topics.length} 个` : ''}还在等待答复：请列入议程、顺延或说明不予采纳的原因`,
      })
    }
    return told.length
  })
}
