CREATE TYPE "public"."volunteer_activity_status" AS ENUM('open', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."volunteer_signup_status" AS ENUM('signed_up', 'withdrawn', 'attended', 'absent');--> statement-breakpoint
CREATE TABLE "volunteer_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"place" text NOT NULL,
	"organiser" text,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"credited_minutes" integer NOT NULL,
	"signed_up_count" integer DEFAULT 0 NOT NULL,
	"status" "volunteer_activity_status" DEFAULT 'open' NOT NULL,
	"cancel_reason" text,
	"signed_off_at" timestamp (3) with time zone,
	"signed_off_by" uuid,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_activities_places" CHECK ("volunteer_activities"."signed_up_count" >= 0 and "volunteer_activities"."signed_up_count" <= "volunteer_activities"."capacity"),
	CONSTRAINT "volunteer_activities_times" CHECK ("volunteer_activities"."ends_at" > "volunteer_activities"."starts_at"),
	CONSTRAINT "volunteer_activities_minutes" CHECK ("volunteer_activities"."credited_minutes" between 30 and 720),
	CONSTRAINT "volunteer_activities_cancel_reason" CHECK ("volunteer_activities"."status" <> 'cancelled' or "volunteer_activities"."cancel_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "volunteer_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "volunteer_signup_status" DEFAULT 'signed_up' NOT NULL,
	"credited_minutes" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"signed_off_at" timestamp (3) with time zone,
	CONSTRAINT "volunteer_signups_minutes" CHECK ("volunteer_signups"."status" <> 'attended' or "volunteer_signups"."credited_minutes" is not null)
);
--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signups" ADD CONSTRAINT "volunteer_signups_activity_id_volunteer_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."volunteer_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signups" ADD CONSTRAINT "volunteer_signups_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signups" ADD CONSTRAINT "volunteer_signups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_activities_community_idx" ON "volunteer_activities" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_signups_once_uq" ON "volunteer_signups" USING btree ("activity_id","user_id");--> statement-breakpoint
CREATE INDEX "volunteer_signups_user_idx" ON "volunteer_signups" USING btree ("community_id","user_id","created_at");