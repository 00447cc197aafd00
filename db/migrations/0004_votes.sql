CREATE TYPE "public"."vote_electorate_kind" AS ENUM('attendees', 'residents', 'households');--> statement-breakpoint
CREATE TYPE "public"."vote_option_kind" AS ENUM('yes_no', 'choice');--> statement-breakpoint
CREATE TYPE "public"."vote_rule" AS ENUM('simple_majority', 'council', 'owners_ordinary', 'owners_major');--> statement-breakpoint
CREATE TYPE "public"."vote_status" AS ENUM('draft', 'open', 'closed', 'published', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."vote_unit" AS ENUM('resident', 'household');--> statement-breakpoint
CREATE TABLE "proposal_photos" (
	"proposal_id" uuid NOT NULL,
	"photo_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "proposal_photos_proposal_id_photo_id_pk" PRIMARY KEY("proposal_id","photo_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"session_id" uuid,
	"topic_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"option_kind" "vote_option_kind" NOT NULL,
	"options" jsonb NOT NULL,
	"max_choices" smallint DEFAULT 1 NOT NULL,
	"electorate_kind" "vote_electorate_kind" NOT NULL,
	"scope" jsonb DEFAULT '{"buildingIds":[],"unitIds":[]}'::jsonb NOT NULL,
	"unit" "vote_unit" NOT NULL,
	"rule" "vote_rule" NOT NULL,
	"quorum_percent" smallint,
	"opens_at" timestamp (3) with time zone NOT NULL,
	"closes_at" timestamp (3) with time zone NOT NULL,
	"publish_days" smallint NOT NULL,
	"live_results" boolean DEFAULT false NOT NULL,
	"on_approval" jsonb,
	"status" "vote_status" DEFAULT 'draft' NOT NULL,
	"cancel_reason" text,
	"electorate_count" integer,
	"electorate_area_cents" bigint,
	"result" jsonb,
	"opened_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"published_at" timestamp (3) with time zone,
	"public_until" timestamp (3) with time zone,
	"reminded_at" timestamp (3) with time zone,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_window" CHECK ("proposals"."closes_at" > "proposals"."opens_at"),
	CONSTRAINT "proposals_max_choices" CHECK ("proposals"."max_choices" between 1 and 10),
	CONSTRAINT "proposals_quorum" CHECK ("proposals"."quorum_percent" is null or ("proposals"."rule" = 'simple_majority' and "proposals"."quorum_percent" between 1 and 100)),
	CONSTRAINT "proposals_owner_votes_by_household" CHECK ("proposals"."rule" not in ('owners_ordinary', 'owners_major') or "proposals"."unit" = 'household'),
	CONSTRAINT "proposals_publish_days" CHECK ("proposals"."publish_days" between 0 and 30),
	CONSTRAINT "proposals_topic_has_session" CHECK (("proposals"."topic_id" is null) = ("proposals"."session_id" is null)),
	CONSTRAINT "proposals_cancel_reason" CHECK ("proposals"."status" <> 'cancelled' or "proposals"."cancel_reason" is not null),
	CONSTRAINT "proposals_roll" CHECK ("proposals"."status" in ('draft', 'cancelled') or "proposals"."electorate_count" is not null),
	CONSTRAINT "proposals_result" CHECK ("proposals"."status" not in ('closed', 'published') or ("proposals"."result" is not null and "proposals"."closed_at" is not null)),
	CONSTRAINT "proposals_published" CHECK ("proposals"."status" <> 'published' or ("proposals"."published_at" is not null and "proposals"."public_until" is not null))
);
--> statement-breakpoint
CREATE TABLE "vote_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"elector_id" uuid NOT NULL,
	"cast_by" uuid,
	"choices" jsonb NOT NULL,
	"area_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vote_ballots_choices" CHECK (jsonb_typeof("vote_ballots"."choices") = 'array' and jsonb_array_length("vote_ballots"."choices") >= 1)
);
--> statement-breakpoint
CREATE TABLE "vote_electors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"user_id" uuid,
	"household_id" uuid,
	"area_cents" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "vote_electors_one_unit" CHECK (("vote_electors"."user_id" is null) <> ("vote_electors"."household_id" is null)),
	CONSTRAINT "vote_electors_area" CHECK ("vote_electors"."area_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "vote_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor_role" "event_actor_role" NOT NULL,
	"action" text NOT NULL,
	"from_status" "vote_status",
	"to_status" "vote_status" NOT NULL,
	"note" text,
	"data" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "proposal_photos" ADD CONSTRAINT "proposal_photos_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_photos" ADD CONSTRAINT "proposal_photos_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_topic_id_council_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."council_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_ballots" ADD CONSTRAINT "vote_ballots_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_ballots" ADD CONSTRAINT "vote_ballots_elector_id_vote_electors_id_fk" FOREIGN KEY ("elector_id") REFERENCES "public"."vote_electors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_ballots" ADD CONSTRAINT "vote_ballots_cast_by_users_id_fk" FOREIGN KEY ("cast_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_electors" ADD CONSTRAINT "vote_electors_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_electors" ADD CONSTRAINT "vote_electors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_electors" ADD CONSTRAINT "vote_electors_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_events" ADD CONSTRAINT "vote_events_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_events" ADD CONSTRAINT "vote_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposals_list_idx" ON "proposals" USING btree ("community_id","created_at","id");--> statement-breakpoint
CREATE INDEX "proposals_topic_idx" ON "proposals" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "proposals_closing_idx" ON "proposals" USING btree ("closes_at") WHERE "proposals"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "vote_ballots_one_per_unit_uq" ON "vote_ballots" USING btree ("proposal_id","elector_id");--> statement-breakpoint
CREATE INDEX "vote_ballots_cast_by_idx" ON "vote_ballots" USING btree ("cast_by","proposal_id");--> statement-breakpoint
CREATE INDEX "vote_electors_proposal_idx" ON "vote_electors" USING btree ("proposal_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "vote_electors_user_uq" ON "vote_electors" USING btree ("proposal_id","user_id") WHERE "vote_electors"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "vote_electors_household_uq" ON "vote_electors" USING btree ("proposal_id","household_id") WHERE "vote_electors"."household_id" is not null;--> statement-breakpoint
CREATE INDEX "vote_events_proposal_idx" ON "vote_events" USING btree ("proposal_id","created_at");