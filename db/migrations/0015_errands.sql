CREATE TYPE "public"."errand_status" AS ENUM('asked', 'accepted', 'done', 'confirmed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."errand_station_label" AS ENUM('party_member', 'volunteer');--> statement-breakpoint
CREATE TABLE "errand_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"helper_id" uuid NOT NULL,
	"label" "errand_station_label" NOT NULL,
	"name" text NOT NULL,
	"building_ids" uuid[] NOT NULL,
	"kinds" text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "errands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"what" text NOT NULL,
	"when_text" text NOT NULL,
	"building_id" uuid NOT NULL,
	"address" text NOT NULL,
	"contact_phone" text NOT NULL,
	"resident_name" text,
	"asked_by" uuid NOT NULL,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"status" "errand_status" DEFAULT 'asked' NOT NULL,
	"helper_id" uuid,
	"station_id" uuid,
	"thanks" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp (3) with time zone,
	"done_at" timestamp (3) with time zone,
	"confirmed_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	CONSTRAINT "errands_helper_when_accepted" CHECK (("errands"."status" in ('asked', 'cancelled')) or ("errands"."helper_id" is not null and "errands"."station_id" is not null)),
	CONSTRAINT "errands_on_behalf_named" CHECK ("errands"."on_behalf" = ("errands"."resident_name" is not null))
);
--> statement-breakpoint
ALTER TABLE "errand_stations" ADD CONSTRAINT "errand_stations_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "errand_stations" ADD CONSTRAINT "errand_stations_helper_id_users_id_fk" FOREIGN KEY ("helper_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "errand_stations" ADD CONSTRAINT "errand_stations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "errands" ADD CONSTRAINT "errands_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "errands" ADD CONSTRAINT "errands_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "errands" ADD CONSTRAINT "errands_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "errands" ADD CONSTRAINT "errands_helper_id_users_id_fk" FOREIGN KEY ("helper_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "errands" ADD CONSTRAINT "errands_station_id_errand_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."errand_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "errand_stations_helper_uq" ON "errand_stations" USING btree ("community_id","helper_id");--> statement-breakpoint
CREATE INDEX "errands_open_idx" ON "errands" USING btree ("community_id","status","building_id");--> statement-breakpoint
CREATE INDEX "errands_asker_idx" ON "errands" USING btree ("asked_by","created_at");--> statement-breakpoint
CREATE INDEX "errands_helper_idx" ON "errands" USING btree ("helper_id","created_at");