CREATE TYPE "public"."claim_status" AS ENUM('pending', 'verified', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."household_relation" AS ENUM('owner', 'family', 'tenant');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('resident', 'worker', 'admin', 'partner');--> statement-breakpoint
CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_key" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"street_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communities_code_unique" UNIQUE("code"),
	CONSTRAINT "communities_code_format" CHECK ("communities"."code" ~ '^[A-Z]{2,4}$')
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	CONSTRAINT "districts_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"room" text NOT NULL,
	"area_m2" numeric(8, 2) NOT NULL,
	CONSTRAINT "households_area_positive" CHECK ("households"."area_m2" > 0)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"org_name" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_partner_has_org" CHECK ("memberships"."role" <> 'partner' or "memberships"."org_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "residency_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"relation" "household_relation" NOT NULL,
	"status" "claim_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residency_claims_rejection_has_reason" CHECK ("residency_claims"."status" <> 'rejected' or "residency_claims"."reason" is not null),
	CONSTRAINT "residency_claims_review_recorded" CHECK ("residency_claims"."status" not in ('verified', 'rejected') or "residency_claims"."reviewed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "streets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_key" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"openid" text,
	"unionid" text,
	"nickname" text NOT NULL,
	"avatar_url" text,
	"phone" text,
	"demo_note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp (3) with time zone,
	CONSTRAINT "users_openid_unique" UNIQUE("openid"),
	CONSTRAINT "users_phone_format" CHECK ("users"."phone" is null or "users"."phone" ~ '^1[3-9][0-9]{9}$')
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residency_claims" ADD CONSTRAINT "residency_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residency_claims" ADD CONSTRAINT "residency_claims_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residency_claims" ADD CONSTRAINT "residency_claims_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residency_claims" ADD CONSTRAINT "residency_claims_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streets" ADD CONSTRAINT "streets_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_community_name_uq" ON "buildings" USING btree ("community_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "communities_street_name_uq" ON "communities" USING btree ("street_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "households_unit_room_uq" ON "households" USING btree ("unit_id","room");--> statement-breakpoint
CREATE INDEX "households_community_idx" ON "households" USING btree ("community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_community_role_uq" ON "memberships" USING btree ("user_id","community_id","role");--> statement-breakpoint
CREATE INDEX "memberships_community_role_idx" ON "memberships" USING btree ("community_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "residency_claims_open_uq" ON "residency_claims" USING btree ("user_id","household_id") WHERE "residency_claims"."status" in ('pending', 'verified');--> statement-breakpoint
CREATE INDEX "residency_claims_queue_idx" ON "residency_claims" USING btree ("community_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "residency_claims_user_idx" ON "residency_claims" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "streets_district_name_uq" ON "streets" USING btree ("district_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "units_building_name_uq" ON "units" USING btree ("building_id","name");