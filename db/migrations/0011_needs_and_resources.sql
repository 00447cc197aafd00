CREATE TYPE "public"."need_status" AS ENUM('pending_review', 'open', 'declined', 'on_agenda', 'closed');--> statement-breakpoint
CREATE TYPE "public"."resource_kind" AS ENUM('space', 'money', 'skill', 'hours', 'goods');--> statement-breakpoint
CREATE TYPE "public"."resource_owner_kind" AS ENUM('unit', 'property_company', 'owners_committee', 'volunteer_team', 'resident');--> statement-breakpoint
CREATE TABLE "need_ballots" (
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_ballots_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "need_dots" (
	"round_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"count" smallint NOT NULL,
	CONSTRAINT "need_dots_round_id_need_id_user_id_pk" PRIMARY KEY("round_id","need_id","user_id"),
	CONSTRAINT "need_dots_positive" CHECK ("need_dots"."count" > 0)
);
--> statement-breakpoint
CREATE TABLE "need_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"dots" smallint NOT NULL,
	"opens_at" timestamp (3) with time zone NOT NULL,
	"closes_at" timestamp (3) with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_rounds_session_uq" UNIQUE("session_id"),
	CONSTRAINT "need_rounds_window" CHECK ("need_rounds"."opens_at" < "need_rounds"."closes_at"),
	CONSTRAINT "need_rounds_dots" CHECK ("need_rounds"."dots" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "need_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"concern_id" uuid,
	"topic_id" uuid,
	CONSTRAINT "need_sources_one" CHECK (("need_sources"."concern_id" is null) <> ("need_sources"."topic_id" is null))
);
--> statement-breakpoint
CREATE TABLE "need_supports" (
	"need_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_supports_need_id_user_id_pk" PRIMARY KEY("need_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"building_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_by_staff" boolean DEFAULT false NOT NULL,
	"status" "need_status" NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"supporter_count" integer DEFAULT 0 NOT NULL,
	"topic_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_supporters_nonneg" CHECK ("needs"."supporter_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"owner_kind" "resource_owner_kind" NOT NULL,
	"owner_name" text NOT NULL,
	"kind" "resource_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"availability" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "need_ballots" ADD CONSTRAINT "need_ballots_round_id_need_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."need_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_ballots" ADD CONSTRAINT "need_ballots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_dots" ADD CONSTRAINT "need_dots_round_id_need_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."need_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_dots" ADD CONSTRAINT "need_dots_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_dots" ADD CONSTRAINT "need_dots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_rounds" ADD CONSTRAINT "need_rounds_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_rounds" ADD CONSTRAINT "need_rounds_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_rounds" ADD CONSTRAINT "need_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_sources" ADD CONSTRAINT "need_sources_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_sources" ADD CONSTRAINT "need_sources_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_sources" ADD CONSTRAINT "need_sources_topic_id_council_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."council_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_supports" ADD CONSTRAINT "need_supports_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_supports" ADD CONSTRAINT "need_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_topic_id_council_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."council_topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_sources_need_idx" ON "need_sources" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "needs_community_status_idx" ON "needs" USING btree ("community_id","status","created_at");--> statement-breakpoint
CREATE INDEX "resources_community_idx" ON "resources" USING btree ("community_id","kind","created_at");