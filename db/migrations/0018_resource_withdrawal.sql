ALTER TABLE "resources" ADD COLUMN "updated_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "withdrawn_at" timestamp (3) with time zone;