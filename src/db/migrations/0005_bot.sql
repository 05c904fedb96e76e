CREATE TABLE "chat_preferences" (
	"tenant_id" text NOT NULL,
	"person_id" text NOT NULL,
	"language" text,
	"notifications_paused" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_preferences_tenant_id_person_id_pk" PRIMARY KEY("tenant_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "coach_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"company_name" text NOT NULL,
	"blocked_terms" text[] NOT NULL,
	"required_hashtags" text[] NOT NULL,
	"tone" text NOT NULL,
	"emoji_policy" text NOT NULL,
	"company_domains" text[] NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onboarding_progress" (
	"tenant_id" text NOT NULL,
	"person_id" text NOT NULL,
	"flow_version" integer NOT NULL,
	"run" integer DEFAULT 1 NOT NULL,
	"step" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "onboarding_progress_tenant_id_person_id_pk" PRIMARY KEY("tenant_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "sparring_requests" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"person_id" text NOT NULL,
	"language" text NOT NULL,
	"network" text NOT NULL,
	"draft" text NOT NULL,
	"findings" jsonb NOT NULL,
	"request_key" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reply" text,
	"answered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "sparring_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "onboarding_step_idx" ON "onboarding_progress" USING btree ("tenant_id","step");--> statement-breakpoint
CREATE UNIQUE INDEX "sparring_request_key_idx" ON "sparring_requests" USING btree ("tenant_id","request_key");--> statement-breakpoint
CREATE INDEX "sparring_status_idx" ON "sparring_requests" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "sparring_person_idx" ON "sparring_requests" USING btree ("tenant_id","person_id","created_at");