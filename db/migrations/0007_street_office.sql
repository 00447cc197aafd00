CREATE TYPE "public"."street_role" AS ENUM('street_admin');--> statement-breakpoint
CREATE TABLE "community_limits" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"overrides" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_limits_object" CHECK (jsonb_typeof("community_limits"."overrides") = 'object')
);
--> statement-breakpoint
CREATE TABLE "grid_buildings" (
	"grid_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	CONSTRAINT "grid_buildings_grid_id_building_id_pk" PRIMARY KEY("grid_id","building_id")
);
--> statement-breakpoint
CREATE TABLE "grid_workers" (
	"grid_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "grid_workers_grid_id_user_id_pk" PRIMARY KEY("grid_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "grids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "grids_id_community_uq" UNIQUE("id","community_id"),
	CONSTRAINT "grids_name_length" CHECK (char_length("grids"."name") between 1 and 40)
);
--> statement-breakpoint
CREATE TABLE "kpi_daily" (
	"street_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"worker_id" uuid,
	"partner" text,
	"category" "concern_category" NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"acknowledged" integer DEFAULT 0 NOT NULL,
	"ack_on_time" integer DEFAULT 0 NOT NULL,
	"due" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolved_not_reopened" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"reopened" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"ratings" integer[] NOT NULL,
	"ack_minutes" integer[] NOT NULL,
	"resolve_minutes" integer[] NOT NULL,
	CONSTRAINT "kpi_daily_key_uq" UNIQUE NULLS NOT DISTINCT("community_id","grid_id","worker_id","partner","category","day"),
	CONSTRAINT "kpi_daily_counts_nonnegative" CHECK ("kpi_daily"."received" >= 0 and "kpi_daily"."acknowledged" >= 0 and "kpi_daily"."ack_on_time" >= 0 and "kpi_daily"."due" >= 0 and "kpi_daily"."resolved" >= 0
        and "kpi_daily"."resolved_not_reopened" >= 0 and "kpi_daily"."on_time" >= 0 and "kpi_daily"."reopened" >= 0 and "kpi_daily"."rated" >= 0),
	CONSTRAINT "kpi_daily_counts_nested" CHECK ("kpi_daily"."acknowledged" <= "kpi_daily"."received" and "kpi_daily"."ack_on_time" <= "kpi_daily"."acknowledged" and "kpi_daily"."resolved" <= "kpi_daily"."due"
        and "kpi_daily"."resolved_not_reopened" <= "kpi_daily"."resolved" and "kpi_daily"."on_time" <= "kpi_daily"."resolved" and "kpi_daily"."reopened" <= "kpi_daily"."resolved"),
	CONSTRAINT "kpi_daily_arrays" CHECK (cardinality("kpi_daily"."ratings") = 5 and cardinality("kpi_daily"."ack_minutes") = 30
        and cardinality("kpi_daily"."resolve_minutes") = 30
        and 0 <= all("kpi_daily"."ratings") and 0 <= all("kpi_daily"."ack_minutes") and 0 <= all("kpi_daily"."resolve_minutes"))
);
--> statement-breakpoint
CREATE TABLE "street_kpi_settings" (
	"street_id" uuid PRIMARY KEY NOT NULL,
	"weight_response" smallint NOT NULL,
	"weight_resolution" smallint NOT NULL,
	"weight_satisfaction" smallint NOT NULL,
	"basic_satisfied_percent" smallint NOT NULL,
	"min_sample" smallint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "street_kpi_settings_weights" CHECK ("street_kpi_settings"."weight_response" between 0 and 100 and "street_kpi_settings"."weight_resolution" between 0 and 100 and "street_kpi_settings"."weight_satisfaction" between 0 and 100
        and "street_kpi_settings"."weight_response" + "street_kpi_settings"."weight_resolution" + "street_kpi_settings"."weight_satisfaction" = 100),
	CONSTRAINT "street_kpi_settings_factor" CHECK ("street_kpi_settings"."basic_satisfied_percent" between 0 and 100),
	CONSTRAINT "street_kpi_settings_min_sample" CHECK ("street_kpi_settings"."min_sample" between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "street_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"role" "street_role" NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_community_id_uq" UNIQUE("community_id","id");--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "grid_id" uuid;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "acknowledged_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "arrived_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "acknowledge_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "arrive_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "rated_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "acknowledge_overdue_notified_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "arrive_overdue_notified_at" timestamp (3) with time zone;--> statement-breakpoint
-- Concerns raised before milestones were stored: 签收 is their first answer (accept, decline or merge),
-- its deadline the default one (20 minutes for 水电气热 and 安全隐患, else one working day in China
-- time), and a rating's day the day it was given.
UPDATE "concerns" c SET "acknowledged_at" = (
	SELECT min(e."created_at") FROM "concern_events" e WHERE e."concern_id" = c."id" AND e."action" IN ('accept', 'decline', 'merge')
);--> statement-breakpoint
UPDATE "concerns" SET "acknowledge_due_at" = CASE
	WHEN "category" IN ('utilities', 'safety') THEN "created_at" + interval '20 minutes'
	ELSE "created_at" + CASE extract(isodow FROM ("created_at" AT TIME ZONE 'UTC') + interval '8 hours') WHEN 5 THEN interval '3 days' WHEN 6 THEN interval '2 days' ELSE interval '1 day' END
END;--> statement-breakpoint
ALTER TABLE "concerns" ALTER COLUMN "acknowledge_due_at" SET NOT NULL;--> statement-breakpoint
UPDATE "concerns" c SET "rated_at" = coalesce(
	(SELECT max(e."created_at") FROM "concern_events" e WHERE e."concern_id" = c."id" AND e."action" = 'rate'),
	c."updated_at"
) WHERE c."rating" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "community_limits" ADD CONSTRAINT "community_limits_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_limits" ADD CONSTRAINT "community_limits_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_buildings" ADD CONSTRAINT "grid_buildings_grid_fk" FOREIGN KEY ("grid_id","community_id") REFERENCES "public"."grids"("id","community_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_buildings" ADD CONSTRAINT "grid_buildings_building_fk" FOREIGN KEY ("community_id","building_id") REFERENCES "public"."buildings"("community_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_workers" ADD CONSTRAINT "grid_workers_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_workers" ADD CONSTRAINT "grid_workers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD CONSTRAINT "kpi_daily_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD CONSTRAINT "kpi_daily_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD CONSTRAINT "kpi_daily_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD CONSTRAINT "kpi_daily_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "street_kpi_settings" ADD CONSTRAINT "street_kpi_settings_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "street_kpi_settings" ADD CONSTRAINT "street_kpi_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "street_memberships" ADD CONSTRAINT "street_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "street_memberships" ADD CONSTRAINT "street_memberships_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grid_buildings_building_uq" ON "grid_buildings" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "grid_workers_user_idx" ON "grid_workers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grids_community_name_uq" ON "grids" USING btree ("community_id","name") WHERE "grids"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "kpi_daily_street_day_idx" ON "kpi_daily" USING btree ("street_id","day");--> statement-breakpoint
CREATE INDEX "kpi_daily_community_day_idx" ON "kpi_daily" USING btree ("community_id","day");--> statement-breakpoint
CREATE INDEX "kpi_daily_grid_day_idx" ON "kpi_daily" USING btree ("grid_id","day") WHERE "kpi_daily"."grid_id" is not null;--> statement-breakpoint
CREATE INDEX "kpi_daily_worker_day_idx" ON "kpi_daily" USING btree ("worker_id","day") WHERE "kpi_daily"."worker_id" is not null;--> statement-breakpoint
CREATE INDEX "kpi_daily_partner_day_idx" ON "kpi_daily" USING btree ("partner","day") WHERE "kpi_daily"."partner" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "street_memberships_user_street_role_uq" ON "street_memberships" USING btree ("user_id","street_id","role");--> statement-breakpoint
CREATE INDEX "street_memberships_street_idx" ON "street_memberships" USING btree ("street_id");--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concerns_kpi_due_idx" ON "concerns" USING btree ("community_id","due_at","id");--> statement-breakpoint
CREATE INDEX "concerns_kpi_rated_idx" ON "concerns" USING btree ("community_id","rated_at","id") WHERE "concerns"."rated_at" is not null;--> statement-breakpoint
CREATE INDEX "concerns_grid_idx" ON "concerns" USING btree ("grid_id","created_at","id") WHERE "concerns"."grid_id" is not null;--> statement-breakpoint
CREATE INDEX "concerns_assignee_idx" ON "concerns" USING btree ("assignee_user_id","created_at","id") WHERE "concerns"."assignee_user_id" is not null;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_rating_dated" CHECK (("concerns"."rating" is null) = ("concerns"."rated_at" is null));--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_arrival_after_ack" CHECK ("concerns"."arrived_at" is null or "concerns"."acknowledged_at" is not null);--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_resolution_due" CHECK ("concerns"."resolved_at" is null or "concerns"."due_at" is not null);