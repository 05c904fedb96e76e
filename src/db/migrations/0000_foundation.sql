CREATE TABLE "activity_events" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"person_id" text,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "activity_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "bot_state" (
	"tenant_id" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"etag" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_state_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"person_id" text,
	"guidelines_version" integer NOT NULL,
	"source" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversation_references" (
	"tenant_id" text NOT NULL,
	"person_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"reference" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_references_tenant_id_person_id_pk" PRIMARY KEY("tenant_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "dev_chat_activities" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"conversation_id" text NOT NULL,
	"activity" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dev_chat_activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "directory_sync" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"delta_link" text,
	"last_started_at" timestamp with time zone,
	"last_completed_at" timestamp with time zone,
	"last_error" text,
	"people_count" integer DEFAULT 0 NOT NULL,
	"last_request_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"tenant_id" text NOT NULL,
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"tenant_id" text NOT NULL,
	"person_id" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"guidelines_version" integer NOT NULL,
	"networks" text[] NOT NULL,
	"topics" text[] NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "memberships_tenant_id_person_id_pk" PRIMARY KEY("tenant_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"display_name" text NOT NULL,
	"mail" text,
	"user_principal_name" text,
	"job_title" text,
	"department" text,
	"office_location" text,
	"country" text,
	"manager_id" text,
	"preferred_language" text,
	"account_enabled" boolean DEFAULT true NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "program_documents" (
	"tenant_id" text NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"body_da" text NOT NULL,
	"body_en" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_documents_tenant_id_kind_version_pk" PRIMARY KEY("tenant_id","kind","version")
);
--> statement-breakpoint
CREATE TABLE "tenant_secrets" (
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_secrets_tenant_id_name_pk" PRIMARY KEY("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "activity_person_idx" ON "activity_events" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "activity_type_idx" ON "activity_events" USING btree ("tenant_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "consents" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "dev_chat_conv_idx" ON "dev_chat_activities" USING btree ("tenant_id","conversation_id","id");--> statement-breakpoint
CREATE INDEX "jobs_ready_idx" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_idx" ON "jobs" USING btree ("tenant_id","dedupe_key") WHERE "jobs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "people_manager_idx" ON "people" USING btree ("tenant_id","manager_id");--> statement-breakpoint
CREATE INDEX "people_upn_idx" ON "people" USING btree ("tenant_id",lower("user_principal_name"));