CREATE TABLE "kpi_community_monthly" (
	"street_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
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
	CONSTRAINT "kpi_community_monthly_key_uq" UNIQUE("community_id","day"),
	CONSTRAINT "kpi_community_monthly_counts_nonnegative" CHECK ("kpi_community_monthly"."received" >= 0 and "kpi_community_monthly"."acknowledged" >= 0 and "kpi_community_monthly"."ack_on_time" >= 0 and "kpi_community_monthly"."due" >= 0 and "kpi_community_monthly"."resolved" >= 0
        and "kpi_community_monthly"."resolved_not_reopened" >= 0 and "kpi_community_monthly"."on_time" >= 0 and "kpi_community_monthly"."reopened" >= 0 and "kpi_community_monthly"."rated" >= 0),
	CONSTRAINT "kpi_community_monthly_counts_nested" CHECK ("kpi_community_monthly"."acknowledged" <= "kpi_community_monthly"."received" and "kpi_community_monthly"."ack_on_time" <= "kpi_community_monthly"."acknowledged" and "kpi_community_monthly"."resolved" <= "kpi_community_monthly"."due"
        and "kpi_community_monthly"."resolved_not_reopened" <= "kpi_community_monthly"."resolved" and "kpi_community_monthly"."on_time" <= "kpi_community_monthly"."resolved" and "kpi_community_monthly"."reopened" <= "kpi_community_monthly"."resolved"),
	CONSTRAINT "kpi_community_monthly_arrays" CHECK (cardinality("kpi_community_monthly"."ratings") = 5 and cardinality("kpi_community_monthly"."ack_minutes") = 30
        and cardinality("kpi_community_monthly"."resolve_minutes") = 30
        and 0 <= all("kpi_community_monthly"."ratings") and 0 <= all("kpi_community_monthly"."ack_minutes") and 0 <= all("kpi_community_monthly"."resolve_minutes"))
);
--> statement-breakpoint
ALTER TABLE "kpi_community_monthly" ADD CONSTRAINT "kpi_community_monthly_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_community_monthly" ADD CONSTRAINT "kpi_community_monthly_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_community_monthly_street_day_idx" ON "kpi_community_monthly" USING btree ("street_id","day");--> statement-breakpoint
-- Backfill: each community's months summed over every category, grid, worker and partner (the monthly rows are the daily ones summed, decision 022).
INSERT INTO "kpi_community_monthly" (street_id, community_id, day, received, acknowledged, ack_on_time, due, resolved, resolved_not_reopened, on_time, reopened, rated, ratings, ack_minutes, resolve_minutes)
SELECT street_id, community_id, day, sum(received)::int, sum(acknowledged)::int, sum(ack_on_time)::int, sum(due)::int, sum(resolved)::int, sum(resolved_not_reopened)::int, sum(on_time)::int, sum(reopened)::int, sum(rated)::int,
  array[sum(ratings[1]), sum(ratings[2]), sum(ratings[3]), sum(ratings[4]), sum(ratings[5])]::int[],
  array[sum(ack_minutes[1]), sum(ack_minutes[2]), sum(ack_minutes[3]), sum(ack_minutes[4]), sum(ack_minutes[5]), sum(ack_minutes[6]), sum(ack_minutes[7]), sum(ack_minutes[8]), sum(ack_minutes[9]), sum(ack_minutes[10]), sum(ack_minutes[11]), sum(ack_minutes[12]), sum(ack_minutes[13]), sum(ack_minutes[14]), sum(ack_minutes[15]), sum(ack_minutes[16]), sum(ack_minutes[17]), sum(ack_minutes[18]), sum(ack_minutes[19]), sum(ack_minutes[20]), sum(ack_minutes[21]), sum(ack_minutes[22]), sum(ack_minutes[23]), sum(ack_minutes[24]), sum(ack_minutes[25]), sum(ack_minutes[26]), sum(ack_minutes[27]), sum(ack_minutes[28]), sum(ack_minutes[29]), sum(ack_minutes[30])]::int[],
  array[sum(resolve_minutes[1]), sum(resolve_minutes[2]), sum(resolve_minutes[3]), sum(resolve_minutes[4]), sum(resolve_minutes[5]), sum(resolve_minutes[6]), sum(resolve_minutes[7]), sum(resolve_minutes[8]), sum(resolve_minutes[9]), sum(resolve_minutes[10]), sum(resolve_minutes[11]), sum(resolve_minutes[12]), sum(resolve_minutes[13]), sum(resolve_minutes[14]), sum(resolve_minutes[15]), sum(resolve_minutes[16]), sum(resolve_minutes[17]), sum(resolve_minutes[18]), sum(resolve_minutes[19]), sum(resolve_minutes[20]), sum(resolve_minutes[21]), sum(resolve_minutes[22]), sum(resolve_minutes[23]), sum(resolve_minutes[24]), sum(resolve_minutes[25]), sum(resolve_minutes[26]), sum(resolve_minutes[27]), sum(resolve_minutes[28]), sum(resolve_minutes[29]), sum(resolve_minutes[30])]::int[]
FROM "kpi_monthly"
GROUP BY street_id, community_id, day;
