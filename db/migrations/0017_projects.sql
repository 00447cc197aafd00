ALTER TYPE "public"."need_status" ADD VALUE 'in_project';--> statement-breakpoint
ALTER TYPE "public"."need_status" ADD VALUE 'met';--> statement-breakpoint
CREATE TABLE "project_needs" (
	"project_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "project_needs_project_id_need_id_pk" PRIMARY KEY("project_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "project_resources" (
	"project_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	CONSTRAINT "project_resources_project_id_resource_id_pk" PRIMARY KEY("project_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"budget_fen" integer,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_budget_nonneg" CHECK ("projects"."budget_fen" is null or "projects"."budget_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "tracked_items" DROP CONSTRAINT "tracked_items_source";--> statement-breakpoint
ALTER TABLE "tracked_items" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "project_needs" ADD CONSTRAINT "project_needs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_needs" ADD CONSTRAINT "project_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_resources" ADD CONSTRAINT "project_resources_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_resources" ADD CONSTRAINT "project_resources_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_needs_need_idx" ON "project_needs" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "project_resources_resource_idx" ON "project_resources" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "projects_community_idx" ON "projects" USING btree ("community_id","created_at","id");--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_items_project_uq" ON "tracked_items" USING btree ("project_id");--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_source" CHECK ("tracked_items"."topic_id" is not null or "tracked_items"."proposal_id" is not null or "tracked_items"."project_id" is not null);