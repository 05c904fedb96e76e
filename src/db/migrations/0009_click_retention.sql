CREATE TABLE "click_days" (
	"tenant_id" text NOT NULL,
	"day" date NOT NULL,
	"code" text NOT NULL,
	"item_id" text NOT NULL,
	"person_id" text,
	"network" text NOT NULL,
	"clicks" integer NOT NULL,
	"unique_clicks" integer NOT NULL,
	CONSTRAINT "click_days_tenant_id_day_code_pk" PRIMARY KEY("tenant_id","day","code")
);
--> statement-breakpoint
ALTER TABLE "stats_rollups" ADD COLUMN "raw_clicks_from" date;--> statement-breakpoint
CREATE INDEX "click_days_item_idx" ON "click_days" USING btree ("tenant_id","item_id","day");--> statement-breakpoint
CREATE INDEX "click_days_person_idx" ON "click_days" USING btree ("tenant_id","person_id","day");