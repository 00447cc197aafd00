import { and, asc, eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { needs } from '../../db/schema/index.js'

/** What other modules (项目清单) read of needs: no permission check here, the caller has made its own. */
export interface NeedFacts {
  id: string
  communityId: string
  title: string
  description: string
  category: string
  status: string
  supporterCount: number
  topicId: string | null
}

const facts = {
  id: needs.id,
  communityId: needs.communityId,
  title: needs.title,
  description: needs.description,
  category: needs.category,
  status: needs.status,
  supporterCount: needs.supporterCount,
  topicId: needs.topicId,
}

export async function needById(db: Db | Tx, id: string): Promise<NeedFacts | null> {
  const [row] = await db.select(facts).from(needs).where(eq(needs.id, id))
  return row ?? null
}

/** The community's open needs oldest first. */
export async function openNeedsOf(db: Db | Tx, communityId: string): Promise<NeedFacts[]> {
  return db
    .select(facts)
    .from(needs)
    .where(and(eq(needs.communityId, communityId), eq(needs.status, 'open')))
    .orderBy(asc(needs.createdAt))
}
