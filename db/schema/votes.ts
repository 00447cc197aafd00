import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { electorateKinds, optionKinds, voteRules, votingUnits, type VoteOption } from '../../domain/votes/kinds.js'
import { voteStatuses } from '../../domain/votes/lifecycle.js'
import type { TallyResult } from '../../domain/votes/tally.js'
import type { ResponsibleParty } from '../../domain/councils/kinds.js'
import { createdAt, id, ts } from './columns.js'
import { communities, households } from './communities.js'
import { eventActorRoleEnum } from './concerns.js'
import { councilSessions, councilTopics } from './councils.js'
import { photos } from './photos.js'
import { users } from './users.js'

/** Votes (表决): proposals, the roll, ballots, the event log. */

export const voteStatusEnum = pgEnum('vote_status', voteStatuses)

export const voteRuleEnum = pgEnum('vote_rule', voteRules)

export const voteElectorateKindEnum = pgEnum('vote_electorate_kind', electorateKinds)

export const voteUnitEnum = pgEnum('vote_unit', votingUnits)

export const voteOptionKindEnum = pgEnum('vote_option_kind', optionKinds)

/** The buildings and units whose households form a `households` electorate. */
export type VoteScopeRow = { buildingIds: string[]; unitIds: string[] }

/** Who carries out an approved agenda item's proposal, and by when (feeds the topic's resolution). */
export type OnApprovalRow = { responsibleParty: ResponsibleParty; responsibleName: string | null; deadline: string }

/** The tally stored at close: published results never change afterwards. */
export type VoteResultRow = TallyResult & { computedAt: string }

/** A proposal (方案) put to a vote, on an agenda item (议题) of a session or standing alone. */
export const proposals = pgTable(
  'proposals',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    /** Set together with `topicId`: the session whose agenda item this is. */
    sessionId: uuid('session_id').references(() => councilSessions.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id').references(() => councilTopics.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    optionKind: voteOptionKindEnum('option_kind').notNull(),
    /** Keys and labels, abstain last (domain/votes/kinds.ts voteOptions). */
    options: jsonb('options').$type<VoteOption[]>().notNull(),
    maxChoices: smallint('max_choices').notNull().default(1),
    electorateKind: voteElectorateKindEnum('electorate_kind').notNull(),
    scope: jsonb('scope').$type<VoteScopeRow>().notNull().default({ buildingIds: [], unitIds: [] }),
    unit: voteUnitEnum('unit').notNull(),
    rule: voteRuleEnum('rule').notNull(),
    quorumPercent: smallint('quorum_percent'),
    opensAt: ts('opens_at').notNull(),
    closesAt: ts('closes_at').notNull(),
    publishDays: smallint('publish_days').notNull(),
    liveResults: boolean('live_results').notNull().default(false),
    onApproval: jsonb('on_approval').$type<OnApprovalRow>(),
    status: voteStatusEnum('status').notNull().default('draft'),
    cancelReason: text('cancel_reason'),
    /** The roll, fixed when the vote opens (vote_electors): how many voting units and their total area in 0.01 m². */
    electorateCount: integer('electorate_count'),
    electorateAreaCents: bigint('electorate_area_cents', { mode: 'number' }),
    result: jsonb('result').$type<VoteResultRow>(),
    openedAt: ts('opened_at'),
    closedAt: ts('closed_at'),
    publishedAt: ts('published_at'),
    publicUntil: ts('public_until'),
    /** Set by the conditional update that claims the day-before reminder, so it goes out once. */
    remindedAt: ts('reminded_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // A community's votes, newest first (keyset on created_at, id).
    index('proposals_list_idx').on(t.communityId, t.createdAt, t.id),
    index('proposals_topic_idx').on(t.topicId),
    // The scheduled job: open votes by closing time (reminders and automatic close).
    index('proposals_closing_idx').on(t.closesAt).where(sql`${t.status} = 'open'`),
    check('proposals_window', sql`${t.closesAt} > ${t.opensAt}`),
    check('proposals_max_choices', sql`${t.maxChoices} between 1 and 10`),
    check('proposals_quorum', sql`${t.quorumPercent} is null or (${t.rule} = 'simple_majority' and ${t.quorumPercent} between 1 and 100)`),
    check('proposals_owner_votes_by_household', sql`${t.rule} not in ('owners_ordinary', 'owners_major') or ${t.unit} = 'household'`),
    check('proposals_publish_days', sql`${t.publishDays} between 0 and 30`),
    check('proposals_topic_has_session', sql`(${t.topicId} is null) = (${t.sessionId} is null)`),
    check('proposals_cancel_reason', sql`${t.status} <> 'cancelled' or ${t.cancelReason} is not null`),
    check('proposals_roll', sql`${t.status} in ('draft', 'cancelled') or ${t.electorateCount} is not null`),
    check('proposals_result', sql`${t.status} not in ('closed', 'published') or (${t.result} is not null and ${t.closedAt} is not null)`),
    check('proposals_published', sql`${t.status} <> 'published' or (${t.publishedAt} is not null and ${t.publicUntil} is not null)`),
  ],
)

export type ProposalRow = typeof proposals.$inferSelect

export const proposalPhotos = pgTable(
  'proposal_photos',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.photoId] })],
)

/**
 * The roll (投票人名册), fixed when the vote opens: one row per voting unit — a resident (per-resident
 * votes) or a household with its registered area (per-household and owner votes).
 */
export const voteElectors = pgTable(
  'vote_electors',
  {
    id: id(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id').references(() => households.id),
    /** Registered area in 0.01 m² (households; 0 for residents): exact integers for the 278 shares. */
    areaCents: integer('area_cents').notNull().default(0),
  },
  (t) => [
    // The participation list (keyset on id) and the roll's counts.
    index('vote_electors_proposal_idx').on(t.proposalId, t.id),
    uniqueIndex('vote_electors_user_uq').on(t.proposalId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('vote_electors_household_uq').on(t.proposalId, t.householdId).where(sql`${t.householdId} is not null`),
    check('vote_electors_one_unit', sql`(${t.userId} is null) <> (${t.householdId} is null)`),
    check('vote_electors_area', sql`${t.areaCents} >= 0`),
  ],
)

export type VoteElectorRow = typeof voteElectors.$inferSelect

/**
 * One ballot per voting unit: the unique (proposal, elector) constraint makes a second ballot for the
 * same resident or household impossible, however many arrive at once. `cast_by` serves the voter's
 * own ballot and the household's "already voted"; no reply ever pairs it with `choices` for anyone else.
 */
export const voteBallots = pgTable(
  'vote_ballots',
  {
    id: id(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    electorId: uuid('elector_id')
      .notNull()
      .references(() => voteElectors.id, { onDelete: 'cascade' }),
    castBy: uuid('cast_by').references(() => users.id, { onDelete: 'set null' }),
    /** Option keys in the vote's order. */
    choices: jsonb('choices').$type<string[]>().notNull(),
    /** The elector's area, copied so that the tally is one scan of the ballots. */
    areaCents: integer('area_cents').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('vote_ballots_one_per_unit_uq').on(t.proposalId, t.electorId),
    index('vote_ballots_cast_by_idx').on(t.castBy, t.proposalId),
    check('vote_ballots_choices', sql`jsonb_typeof(${t.choices}) = 'array' and jsonb_array_length(${t.choices}) >= 1`),
  ],
)

export type VoteBallotRow = typeof voteBallots.$inferSelect

/** Every change to a vote, append-only (ballots are not events: when each was cast is nobody's business). */
export const voteEvents = pgTable(
  'vote_events',
  {
    id: id(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: eventActorRoleEnum('actor_role').notNull(),
    action: text('action').notNull(),
    fromStatus: voteStatusEnum('from_status'),
    toStatus: voteStatusEnum('to_status').notNull(),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('vote_events_proposal_idx').on(t.proposalId, t.createdAt)],
)
