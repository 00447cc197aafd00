CREATE TYPE "public"."concern_category" AS ENUM('noise', 'utilities', 'sanitation', 'parking', 'property', 'facilities', 'renovation', 'safety', 'dispute', 'other');--> statement-breakpoint
CREATE TYPE "public"."concern_status" AS ENUM('submitted', 'accepted', 'declined', 'merged', 'assigned', 'on_agenda', 'deliberated', 'in_progress', 'resolved', 'reopened', 'closed');--> statement-breakpoint
CREATE TYPE "public"."concern_visibility" AS ENUM('public', 'private');--> statement-breakpoint
CREATE TYPE "public"."event_actor_role" AS ENUM('author', 'resident', 'staff', 'partner', 'system');--> statement-breakpoint
CREATE TYPE "public"."moderation" AS ENUM('pending', 'pass', 'flagged', 'rejected');--> statement-breakpoint
CREATE TABLE "concern_counters" (
	"community_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "concern_counters_community_id_year_pk" PRIMARY KEY("community_id","year")
);
--> statement-breakpoint
CREATE TABLE "concern_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor_role" "event_actor_role" NOT NULL,
	"action" text NOT NULL,
	"from_status" "concern_status",
	"to_status" "concern_status" NOT NULL,
	"note" text,
	"data" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_photos" (
	"concern_id" uuid NOT NULL,
	"photo_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "concern_photos_concern_id_photo_id_pk" PRIMARY KEY("concern_id","photo_id")
);
--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"public_no" text NOT NULL,
	"author_id" uuid NOT NULL,
	"category" "concern_category" NOT NULL,
	"description" text NOT NULL,
	"household_id" uuid,
	"building_id" uuid,
	"place_text" text,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"visibility" "concern_visibility" DEFAULT 'public' NOT NULL,
	"anonymous" boolean DEFAULT true NOT NULL,
	"status" "concern_status" DEFAULT 'submitted' NOT NULL,
	"reopen_count" smallint DEFAULT 0 NOT NULL,
	"assignee_user_id" uuid,
	"assignee_org" text,
	"merged_into_id" uuid,
	"cosign_count" integer DEFAULT 0 NOT NULL,
	"follow_count" integer DEFAULT 0 NOT NULL,
	"photo_count" smallint DEFAULT 0 NOT NULL,
	"rating" smallint,
	"rating_comment" text,
	"solved" boolean,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp (3) with time zone,
	"due_at" timestamp (3) with time zone,
	"resolved_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"overdue_notified_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concerns_public_no_unique" UNIQUE("public_no"),
	CONSTRAINT "concerns_rating_range" CHECK ("concerns"."rating" is null or "concerns"."rating" between 1 and 5),
	CONSTRAINT "concerns_merged_has_target" CHECK ("concerns"."status" <> 'merged' or "concerns"."merged_into_id" is not null),
	CONSTRAINT "concerns_counts_nonnegative" CHECK ("concerns"."cosign_count" >= 0 and "concerns"."follow_count" >= 0),
	CONSTRAINT "concerns_place_given" CHECK ("concerns"."household_id" is not null or "concerns"."building_id" is not null or "concerns"."place_text" is not null),
	CONSTRAINT "concerns_description_length" CHECK (char_length("concerns"."description") between 5 and 2000)
);
--> statement-breakpoint
CREATE TABLE "cosigns" (
	"concern_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cosigns_concern_id_user_id_pk" PRIMARY KEY("concern_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "event_photos" (
	"event_id" uuid NOT NULL,
	"photo_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "event_photos_event_id_photo_id_pk" PRIMARY KEY("event_id","photo_id")
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"concern_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_concern_id_user_id_pk" PRIMARY KEY("concern_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"concern_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"concern_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"read_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp (3) with time zone,
	"abandoned_at" timestamp (3) with time zone,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"url" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"moderation" "moderation" DEFAULT 'pending' NOT NULL,
	"trace_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "concern_counters" ADD CONSTRAINT "concern_counters_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_events" ADD CONSTRAINT "concern_events_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_events" ADD CONSTRAINT "concern_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_photos" ADD CONSTRAINT "concern_photos_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_photos" ADD CONSTRAINT "concern_photos_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_merged_into_id_concerns_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cosigns" ADD CONSTRAINT "cosigns_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cosigns" ADD CONSTRAINT "cosigns_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_photos" ADD CONSTRAINT "event_photos_event_id_concern_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."concern_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_photos" ADD CONSTRAINT "event_photos_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concern_events_concern_idx" ON "concern_events" USING btree ("concern_id","created_at");--> statement-breakpoint
CREATE INDEX "concerns_board_idx" ON "concerns" USING btree ("community_id","visibility","created_at","id");--> statement-breakpoint
CREATE INDEX "concerns_inbox_idx" ON "concerns" USING btree ("community_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "concerns_due_idx" ON "concerns" USING btree ("community_id","due_at") WHERE "concerns"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "concerns_author_idx" ON "concerns" USING btree ("author_id","created_at","id");--> statement-breakpoint
CREATE INDEX "concerns_assignee_org_idx" ON "concerns" USING btree ("community_id","assignee_org","created_at");--> statement-breakpoint
CREATE INDEX "concerns_similar_idx" ON "concerns" USING btree ("community_id","category","created_at");--> statement-breakpoint
CREATE INDEX "cosigns_user_idx" ON "cosigns" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "follows_user_idx" ON "follows" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."sent_at" is null and "outbox"."abandoned_at" is null;--> statement-breakpoint
CREATE INDEX "photos_sha256_idx" ON "photos" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "photos_trace_uq" ON "photos" USING btree ("trace_id");