CREATE TYPE "public"."tracked_status" AS ENUM('not_started', 'in_progress', 'done', 'shelved');--> statement-breakpoint
CREATE TABLE "tracked_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"topic_id" uuid,
	"session_id" uuid,
	"proposal_id" uuid,
	"concern_id" uuid,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"party" "council_responsible_party" NOT NULL,
	"party_name" text,
	"worker_id" uuid,
	"deadline" timestamp (3) with time zone NOT NULL,
	"status" "tracked_status" DEFAULT 'not_started' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"shelved_reason" text,
	"last_update_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"overdue_notified_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_items_source" CHECK ("tracked_items"."topic_id" is not null or "tracked_items"."proposal_id" is not null),
	CONSTRAINT "tracked_items_progress" CHECK ("tracked_items"."progress" between 0 and 100),
	CONSTRAINT "tracked_items_shelved_reason" CHECK ("tracked_items"."status" <> 'shelved' or "tracked_items"."shelved_reason" is not null),
	CONSTRAINT "tracked_items_done" CHECK ("tracked_items"."status" <> 'done' or ("tracked_items"."progress" = 100 and "tracked_items"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "tracked_update_photos" (
	"update_id" uuid NOT NULL,
	"photo_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "tracked_update_photos_update_id_photo_id_pk" PRIMARY KEY("update_id","photo_id")
);
--> statement-breakpoint
CREATE TABLE "tracked_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"author_id" uuid,
	"author_role" "event_actor_role" NOT NULL,
	"author_org" text,
	"note" text NOT NULL,
	"from_status" "tracked_status",
	"status" "tracked_status" NOT NULL,
	"progress" smallint NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "topic_answer_days" smallint DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "council_topics" ADD COLUMN "answer_overdue_notified_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_topic_id_council_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."council_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_update_photos" ADD CONSTRAINT "tracked_update_photos_update_id_tracked_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."tracked_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_update_photos" ADD CONSTRAINT "tracked_update_photos_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_updates" ADD CONSTRAINT "tracked_updates_item_id_tracked_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."tracked_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_updates" ADD CONSTRAINT "tracked_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_items_topic_uq" ON "tracked_items" USING btree ("topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_items_proposal_uq" ON "tracked_items" USING btree ("proposal_id") WHERE "tracked_items"."topic_id" is null;--> statement-breakpoint
CREATE INDEX "tracked_items_list_idx" ON "tracked_items" USING btree ("community_id","deadline","id");--> statement-breakpoint
CREATE INDEX "tracked_items_overdue_idx" ON "tracked_items" USING btree ("deadline") WHERE "tracked_items"."status" in ('not_started', 'in_progress') and "tracked_items"."overdue_notified_at" is null;--> statement-breakpoint
CREATE INDEX "tracked_updates_item_idx" ON "tracked_updates" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE INDEX "council_topics_unanswered_idx" ON "council_topics" USING btree ("created_at") WHERE "council_topics"."status" = 'pending' and "council_topics"."answer_overdue_notified_at" is null;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_topic_answer_days" CHECK ("communities"."topic_answer_days" between 1 and 90);--> statement-breakpoint
-- Backfill: every resolution already recorded on a topic becomes a tracked item (未开始; the linked vote, if any, noted).
INSERT INTO "tracked_items" ("community_id", "topic_id", "session_id", "proposal_id", "concern_id", "title", "text", "party", "party_name", "deadline", "created_at", "updated_at")
SELECT t."community_id", t."id", t."session_id",
  (SELECT p."id" FROM "proposals" p WHERE p."topic_id" = t."id" AND p."status" IN ('closed', 'published') AND (p."result"->>'passed')::boolean ORDER BY p."closed_at" DESC LIMIT 1),
  t."concern_id", t."title", t."resolution_text", t."resolution_party", t."resolution_name", t."resolution_deadline", t."resolved_at", t."resolved_at"
FROM "council_topics" t
WHERE t."resolved_at" IS NOT NULL;--> statement-breakpoint
-- Backfill: every approved proposal standing alone, with the party and deadline it named (else 社区, 30 days after closing).
INSERT INTO "tracked_items" ("community_id", "proposal_id", "title", "text", "party", "party_name", "deadline", "created_at", "updated_at")
SELECT p."community_id", p."id", p."title", left('表决通过「' || p."title" || '」：' || p."body", 1000),
  coalesce((p."on_approval"->>'responsibleParty')::"council_responsible_party", 'community'),
  p."on_approval"->>'responsibleName',
  coalesce((p."on_approval"->>'deadline')::timestamptz, p."closed_at" + interval '30 days'),
  p."closed_at", p."closed_at"
FROM "proposals" p
WHERE p."topic_id" IS NULL AND p."status" IN ('closed', 'published') AND (p."result"->>'passed')::boolean;
