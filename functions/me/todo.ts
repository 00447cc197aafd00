import { type SQL, sql } from 'drizzle-orm'
import { categories, type Category } from '../../domain/concerns/categories.js'
import { openStatuses } from '../../domain/concerns/lifecycle.js'
import { chinaDay } from '../../domain/kpis/period.js'
import { householdAddress, todoCountLabels } from '../../domain/labels.js'
import { type TodoItem, type TodoKind, todoKinds } from '../../domain/schemas/me.js'
import type { Db } from '../../db/client.js'
import { type ActorColumns, actorJson, actorOf } from '../auth/index.js'

const HOUR = 3600_000

/** The communities where the person has a verified household: `Actor.verifiedIn`, as a SQL set. */
const verifiedIn = (me: string) =>
  sql`(select rc.community_id from residency_claims rc where rc.user_id = ${me} and rc.status = 'verified')`
/** The communities the person serves as a worker or admin, as a SQL set. */
const staffIn = (me: string) => sql`(select m.community_id from memberships m where m.user_id = ${me} and m.role in ('worker', 'admin'))`

interface Row {
  kind: TodoKind
  community_id: string | null
  community_name: string | null
  title: string | null
  extra: string | null
  n: number | string | null
  target_id: string | null
  at: string | Date | null
}

/** A resident's own: votes not cast, concerns to rate, sessions this week, pending claims, unread notices. */
function residentParts(me: string, now: Date): SQL[] {
  const week = new Date(now.getTime() + 7 * 24 * HOUR)
  return [
    sql`select 'rate' as kind, c.community_id, m.name as community_name, c.description as title, c.category::text as extra,
          null::bigint as n, c.id as target_id, c.resolved_at as at
        from concerns c join communities m on m.id = c.community_id
        where c.author_id = ${me} and c.status = 'resolved' and c.rating is null`,
    sql`select 'session', s.community_id, m.name, s.title, null, null, s.id, s.starts_at
        from council_registrations r join council_sessions s on s.id = r.session_id join communities m on m.id = s.community_id
        where r.user_id = ${me} and r.status = 'registered' and s.status not in ('cancelled', 'concluded', 'minutes_published')
          and s.ends_at > ${now} and s.starts_at < ${week}`,
    sql`select 'claim', rc.community_id, m.name, b.name, u.name || '|' || h.room, null, rc.id, rc.created_at
        from residency_claims rc join communities m on m.id = rc.community_id join households h on h.id = rc.household_id
          join units u on u.id = h.unit_id join buildings b on b.id = u.building_id
        where rc.user_id = ${me} and rc.status = 'pending'`,
    sql`select 'notices', null, null, null, null, count(*), null, null from notifications where user_id = ${me} and read_at is null`,
    sql`select 'vote', p.community_id, m.name, p.title, null, null, p.id, p.closes_at
        from proposals p join communities m on m.id = p.community_id join vote_electors e on e.proposal_id = p.id
        where p.status = 'open' and p.community_id in ${verifiedIn(me)}
          and (e.user_id = ${me} or e.household_id in (select household_id from residency_claims where user_id = ${me} and status = 'verified'))
          and not exists (select 1 from vote_ballots v where v.elector_id = e.id)`,
  ]
}

/** Staff work in the communities they serve: counts of what waits, and today's sessions and closing votes. */
function staffParts(me: string, now: Date): SQL[] {
  const day = chinaDay(now)
  const dayStart = new Date(`${day}T00:00:00+08:00`)
  const dayEnd = new Date(dayStart.getTime() + 24 * HOUR)
  const soon = new Date(now.getTime() + 48 * HOUR)
  const open = sql.join(
    openStatuses.map((s) => sql`${s}`),
    sql`, `,
  )
  const count = (kind: TodoKind, from: SQL, where: SQL) =>
    sql`select ${kind}::text, x.community_id, m.name, null, null, count(*), null, null
        from ${from} x join communities m on m.id = x.community_id
        where x.community_id in ${staffIn(me)} and ${where} group by x.community_id, m.name`
  return [
    count('new_concerns', sql`concerns`, sql`x.status = 'submitted' and x.acknowledged_at is null`),
    count(
      'overdue_concerns',
      sql`concerns`,
      sql`x.status in (${open}) and ((x.acknowledged_at is null and x.acknowledge_due_at < ${now})
        or (x.arrived_at is null and x.arrive_due_at < ${now}) or (x.resolved_at is null and x.due_at < ${now}))`,
    ),
    count('pending_claims', sql`residency_claims`, sql`x.status = 'pending'`),
    count('pending_topics', sql`council_topics`, sql`x.status = 'pending'`),
    sql`select 'today_session', s.community_id, m.name, s.title, null, null, s.id, s.starts_at
        from council_sessions s join communities m on m.id = s.community_id
        where s.community_id in ${staffIn(me)} and s.status <> 'cancelled' and s.starts_at >= ${dayStart} and s.starts_at < ${dayEnd}`,
    sql`select 'closing_vote', p.community_id, m.name, p.title, null, null, p.id, p.closes_at
        from proposals p join communities m on m.id = p.community_id
        where p.community_id in ${staffIn(me)} and p.status = 'open' and p.closes_at > ${now} and p.closes_at <= ${soon}`,
  ]
}

function toItem(r: Row, staff: boolean): TodoItem | null {
  const count = r.n === null ? null : Number(r.n)
  if (count === 0) return null
  let title = r.title ?? ''
  let subtitle = r.community_name ?? ''
  if (r.kind === 'rate') {
    const excerpt = title.length > 16 ? `${title.slice(0, 16)}…` : title
    title = `${categories[r.extra as Category]?.label ?? ''}：${excerpt}`
  } else if (r.kind === 'claim') {
    const [unit, room] = (r.extra ?? '|').split('|')
    subtitle = `${subtitle} ${householdAddress({ building: title, unit, room })}`
    title = '住户认证审核中'
  } else if (r.kind in todoCountLabels) {
    title = `${count} ${todoCountLabels[r.kind as keyof typeof todoCountLabels]}`
  }
  return {
    kind: r.kind,
    side: staff ? 'staff' : 'resident',
    communityId: r.community_id,
    title,
    subtitle,
    count,
    targetId: r.target_id,
    at: r.at === null ? null : new Date(r.at).toISOString(),
  }
}

const staffKinds: readonly TodoKind[] = [
  'new_concerns',
  'overdue_concerns',
  'pending_claims',
  'pending_topics',
  'today_session',
  'closing_vote',
]

/**
 * 首页 待办 in one statement with the actor (decisions 037, 039): every part a branch of one
 * `union all`, its communities chosen in SQL (verified homes, communities served), so the page
 * costs one round trip however many communities the person lives in or serves. 401 for a deleted
 * account before anything is returned.
 */
export async function loadTodo(db: Db, userId: string, now: Date): Promise<{ items: TodoItem[]; badge: number }> {
  const parts = [...residentParts(userId, now), ...staffParts(userId, now)]
  const result = (await db.execute(
    sql`select ${actorJson(userId)} as actor, t.* from (values (1)) as one left join (${sql.join(parts, sql` union all `)}) as t on true`,
  )) as unknown as { rows: (Row & { actor: ActorColumns | null })[] } // every driver answers with `rows`
  actorOf(userId, result.rows[0]?.actor)
  const items = result.rows
    .filter((r) => r.kind !== null)
    .map((r) => toItem(r, staffKinds.includes(r.kind)))
    .filter((i): i is TodoItem => i !== null)
    .sort((a, b) => todoKinds.indexOf(a.kind) - todoKinds.indexOf(b.kind) || (a.at ?? '').localeCompare(b.at ?? ''))
  const badge = items.filter((i) => i.side === 'resident').reduce((sum, i) => sum + (i.count ?? 1), 0)
  return { items, badge }
}
