CREATE TABLE "audit_log" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"subject" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"hashtag" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"threshold" integer NOT NULL,
	"ticket_rule" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenges_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversions" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"external_id" text NOT NULL,
	"kind" text NOT NULL,
	"code" text,
	"item_id" text,
	"person_id" text,
	"network" text,
	"campaign" text,
	"source" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "daily_stats" (
	"tenant_id" text NOT NULL,
	"dim" text NOT NULL,
	"day" date NOT NULL,
	"key" text NOT NULL,
	"shares" integer DEFAULT 0 NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"unique_clicks" integer DEFAULT 0 NOT NULL,
	"reactions" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_stats_tenant_id_dim_day_key_pk" PRIMARY KEY("tenant_id","dim","day","key")
);
--> statement-breakpoint
CREATE TABLE "draw_winners" (
	"tenant_id" text NOT NULL,
	"draw_id" text NOT NULL,
	"entrant" text NOT NULL,
	"person_id" text,
	"position" integer NOT NULL,
	CONSTRAINT "draw_winners_tenant_id_draw_id_entrant_pk" PRIMARY KEY("tenant_id","draw_id","entrant")
);
--> statement-breakpoint
CREATE TABLE "gamification_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prize_draws" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"challenge_id" text NOT NULL,
	"seed" text NOT NULL,
	"ticket_rule" text NOT NULL,
	"winner_count" integer NOT NULL,
	"exclude_past_winners" boolean NOT NULL,
	"entries" jsonb NOT NULL,
	"winners" jsonb NOT NULL,
	"drawn_by" text,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prize_draws_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "program_canvas" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"canvas" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_rollups" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"rolled_through" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coach_settings" ADD COLUMN "suggested_hashtags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "coach_settings" ADD COLUMN "disclosure_marks" jsonb DEFAULT '{"da":"Reklame","en":"Advertisement"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "network_size" integer;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "show_on_leaderboard" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "challenges_end_idx" ON "challenges" USING btree ("tenant_id","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conversions_external_idx" ON "conversions" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "conversions_at_idx" ON "conversions" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "draw_winners_person_idx" ON "draw_winners" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "draws_challenge_idx" ON "prize_draws" USING btree ("tenant_id","challenge_id");--> statement-breakpoint
CREATE INDEX "clicks_at_brin" ON "click_events" USING brin ("at");--> statement-breakpoint
CREATE INDEX "shares_at_idx" ON "shares" USING btree ("tenant_id","shared_at");