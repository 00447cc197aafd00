CREATE TYPE "public"."council_registration_status" AS ENUM('registered', 'waitlisted', 'checked_in', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."council_responsible_party" AS ENUM('community', 'property_company', 'owners_committee', 'street_department');--> statement-breakpoint
CREATE TYPE "public"."council_kind" AS ENUM('monthly_council', 'weekly_forum', 'special_topic', 'round_table');--> statement-breakpoint
CREATE TYPE "public"."council_session_status" AS ENUM('planned', 'open', 'agenda_fixed', 'in_session', 'concluded', 'minutes_published', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."council_topic_status" AS ENUM('pending', 'accepted', 'deferred', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "council_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"topic_id" uuid,
	"actor_id" uuid,
	"actor_role" "event_actor_role" NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"data" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "council_registration_status" NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"holds_seat" boolean DEFAULT false NOT NULL,
	"checked_in_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	CONSTRAINT "council_registrations_checked_in_at" CHECK ("council_registrations"."status" <> 'checked_in' or "council_registrations"."checked_in_at" is not null),
	CONSTRAINT "council_registrations_seat" CHECK ("council_registrations"."holds_seat" = ("council_registrations"."status" = 'registered' or ("council_registrations"."status" = 'checked_in' and "council_registrations"."holds_seat")))
);
--> statement-breakpoint
CREATE TABLE "council_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" "council_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"venue" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	"agenda_slots" smallint NOT NULL,
	"booking_lead_hours" integer NOT NULL,
	"invited_parties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"schedule" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_rules_capacity_positive" CHECK ("council_rules"."capacity" > 0 and "council_rules"."agenda_slots" > 0 and "council_rules"."booking_lead_hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "council_session_photos" (
	"session_id" uuid NOT NULL,
	"photo_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "council_session_photos_session_id_photo_id_pk" PRIMARY KEY("session_id","photo_id")
);
--> statement-breakpoint
CREATE TABLE "council_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"rule_id" uuid,
	"occurrence_start" timestamp (3) with time zone,
	"kind" "council_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"venue" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	"agenda_slots" smallint NOT NULL,
	"booking_deadline" timestamp (3) with time zone NOT NULL,
	"invited_parties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "council_session_status" DEFAULT 'planned' NOT NULL,
	"cancel_reason" text,
	"check_in_code" text NOT NULL,
	"registered_count" integer DEFAULT 0 NOT NULL,
	"waitlist_count" integer DEFAULT 0 NOT NULL,
	"accepted_topic_count" smallint DEFAULT 0 NOT NULL,
	"checked_in_count" integer DEFAULT 0 NOT NULL,
	"minutes_text" text,
	"minutes_attendee_count" integer,
	"minutes_published_at" timestamp (3) with time zone,
	"reminded_24h_at" timestamp (3) with time zone,
	"reminded_2h_at" timestamp (3) with time zone,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_sessions_seats" CHECK ("council_sessions"."registered_count" >= 0 and "council_sessions"."registered_count" <= "council_sessions"."capacity"),
	CONSTRAINT "council_sessions_counts_nonnegative" CHECK ("council_sessions"."waitlist_count" >= 0 and "council_sessions"."checked_in_count" >= 0 and "council_sessions"."accepted_topic_count" >= 0),
	CONSTRAINT "council_sessions_agenda" CHECK ("council_sessions"."accepted_topic_count" <= "council_sessions"."agenda_slots"),
	CONSTRAINT "council_sessions_times" CHECK ("council_sessions"."ends_at" > "council_sessions"."starts_at" and "council_sessions"."booking_deadline" <= "council_sessions"."starts_at"),
	CONSTRAINT "council_sessions_place" CHECK ("council_sessions"."venue" is not null or "council_sessions"."online_url" is not null),
	CONSTRAINT "council_sessions_cancel_reason" CHECK ("council_sessions"."status" <> 'cancelled' or "council_sessions"."cancel_reason" is not null),
	CONSTRAINT "council_sessions_rule_slot" CHECK (("council_sessions"."rule_id" is null) = ("council_sessions"."occurrence_start" is null)),
	CONSTRAINT "council_sessions_minutes" CHECK ("council_sessions"."status" <> 'minutes_published' or "council_sessions"."minutes_published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "council_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"proposer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"concern_id" uuid,
	"status" "council_topic_status" DEFAULT 'pending' NOT NULL,
	"agenda_order" smallint,
	"minutes_allotted" smallint,
	"decision_reason" text,
	"deferred_to_session_id" uuid,
	"deferred_from_topic_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"resolution_text" text,
	"resolution_party" "council_responsible_party",
	"resolution_name" text,
	"resolution_deadline" timestamp (3) with time zone,
	"resolved_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_topics_accepted_placed" CHECK ("council_topics"."status" <> 'accepted' or ("council_topics"."agenda_order" is not null and "council_topics"."minutes_allotted" is not null)),
	CONSTRAINT "council_topics_deferred_target" CHECK ("council_topics"."status" <> 'deferred' or "council_topics"."deferred_to_session_id" is not null),
	CONSTRAINT "council_topics_declined_reason" CHECK ("council_topics"."status" <> 'declined' or "council_topics"."decision_reason" is not null),
	CONSTRAINT "council_topics_resolution_complete" CHECK ("council_topics"."resolved_at" is null or ("council_topics"."resolution_text" is not null and "council_topics"."resolution_party" is not null and "council_topics"."resolution_deadline" is not null))
);
--> statement-breakpoint
ALTER TABLE "council_events" ADD CONSTRAINT "council_events_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_events" ADD CONSTRAINT "council_events_topic_id_council_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."council_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_events" ADD CONSTRAINT "council_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_registrations" ADD CONSTRAINT "council_registrations_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_registrations" ADD CONSTRAINT "council_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_rules" ADD CONSTRAINT "council_rules_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_rules" ADD CONSTRAINT "council_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_session_photos" ADD CONSTRAINT "council_session_photos_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_session_photos" ADD CONSTRAINT "council_session_photos_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_rule_id_council_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."council_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_topics" ADD CONSTRAINT "council_topics_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_topics" ADD CONSTRAINT "council_topics_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_topics" ADD CONSTRAINT "council_topics_proposer_id_users_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_topics" ADD CONSTRAINT "council_topics_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_topics" ADD CONSTRAINT "council_topics_deferred_to_session_id_council_sessions_id_fk" FOREIGN KEY ("deferred_to_session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_topics" ADD CONSTRAINT "council_topics_deferred_from_topic_id_council_topics_id_fk" FOREIGN KEY ("deferred_from_topic_id") REFERENCES "public"."council_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_topics" ADD CONSTRAINT "council_topics_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_events_session_idx" ON "council_events" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "council_events_topic_idx" ON "council_events" USING btree ("topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_registrations_session_user_uq" ON "council_registrations" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "council_registrations_queue_idx" ON "council_registrations" USING btree ("session_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "council_registrations_user_idx" ON "council_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "council_rules_community_idx" ON "council_rules" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "council_sessions_rule_occurrence_uq" ON "council_sessions" USING btree ("rule_id","occurrence_start");--> statement-breakpoint
CREATE INDEX "council_sessions_list_idx" ON "council_sessions" USING btree ("community_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "council_sessions_upcoming_idx" ON "council_sessions" USING btree ("starts_at") WHERE "council_sessions"."status" in ('open', 'agenda_fixed');--> statement-breakpoint
CREATE UNIQUE INDEX "council_topics_concern_live_uq" ON "council_topics" USING btree ("concern_id") WHERE "council_topics"."concern_id" is not null and "council_topics"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "council_topics_session_idx" ON "council_topics" USING btree ("session_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "council_topics_proposer_idx" ON "council_topics" USING btree ("proposer_id","session_id");