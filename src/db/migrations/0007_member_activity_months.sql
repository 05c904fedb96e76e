CREATE TABLE "member_activity_months" (
	"tenant_id" text NOT NULL,
	"month" date NOT NULL,
	"person_id" text NOT NULL,
	"shared_days" integer DEFAULT 0 NOT NULL,
	"shares_cum" integer[] NOT NULL,
	"clicks_cum" integer[] NOT NULL,
	CONSTRAINT "member_activity_months_tenant_id_month_person_id_pk" PRIMARY KEY("tenant_id","month","person_id")
);
--> statement-breakpoint
-- The roll-ups are rebuilt from the raw tables, so the new summary covers every rolled day: until the
-- roll-up job has caught up, the dashboard reads the raw rows (same numbers, slower).
DELETE FROM "daily_stats";--> statement-breakpoint
UPDATE "stats_rollups" SET "rolled_through" = NULL;
