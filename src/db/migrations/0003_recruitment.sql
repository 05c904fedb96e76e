CREATE TABLE "bot_channels" (
	"tenant_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"team_id" text,
	"team_name" text NOT NULL,
	"channel_name" text NOT NULL,
	"service_url" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_channels_tenant_id_conversation_id_pk" PRIMARY KEY("tenant_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_audience_members" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"campaign_id" text NOT NULL,
	"person_id" text,
	"department" text,
	"office_location" text,
	"targeted" boolean DEFAULT true NOT NULL,
	"targeted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"joined_at" timestamp with time zone,
	"onboarded_at" timestamp with time zone,
	"first_shared_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	CONSTRAINT "campaign_audience_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"person_id" text,
	"source" text NOT NULL,
	"via" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "invitations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "nominations" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"nominee_id" text,
	"nominator_id" text,
	"relation" text NOT NULL,
	"note" text,
	"invitation_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nominations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "outbox_attempts" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"message_id" integer NOT NULL,
	"conversation_id" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" integer NOT NULL,
	"retry_after_ms" integer,
	"reason" text,
	CONSTRAINT "outbox_attempts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"send_id" text,
	"idempotency_key" text NOT NULL,
	"transport" text DEFAULT 'bot' NOT NULL,
	"recipient_person_id" text,
	"conversation_id" text,
	"service_url" text,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"priority" integer DEFAULT 5 NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"slot_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"claimed_by" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"ambiguous" boolean DEFAULT false NOT NULL,
	"last_status" integer,
	"last_reason" text,
	"activity_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_messages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "outbox_rate_buckets" (
	"tenant_id" text NOT NULL,
	"transport" text NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_rate_buckets_tenant_id_transport_pk" PRIMARY KEY("tenant_id","transport")
);
--> statement-breakpoint
CREATE TABLE "outbox_sends" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"campaign_id" text,
	"kind" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"total" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "outbox_sends_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "recruitment_campaigns" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"pitch" jsonb NOT NULL,
	"image_id" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"goal_ambassadors" integer NOT NULL,
	"audience" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sharepoint_url" text,
	CONSTRAINT "recruitment_campaigns_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audience_member_idx" ON "campaign_audience_members" USING btree ("tenant_id","campaign_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_open_idx" ON "invitations" USING btree ("tenant_id","campaign_id","person_id") WHERE "invitations"."status" = 'open';--> statement-breakpoint
CREATE INDEX "invitations_person_idx" ON "invitations" USING btree ("tenant_id","person_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "nominations_pair_idx" ON "nominations" USING btree ("tenant_id","campaign_id","nominee_id","nominator_id");--> statement-breakpoint
CREATE INDEX "nominations_nominator_idx" ON "nominations" USING btree ("tenant_id","nominator_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_attempts_conv_idx" ON "outbox_attempts" USING btree ("tenant_id","conversation_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_key_idx" ON "outbox_messages" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox_messages" USING btree ("tenant_id","transport","priority","not_before") WHERE "outbox_messages"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "outbox_lease_idx" ON "outbox_messages" USING btree ("lease_until") WHERE "outbox_messages"."state" = 'sending';--> statement-breakpoint
CREATE INDEX "outbox_conversation_idx" ON "outbox_messages" USING btree ("tenant_id","conversation_id","slot_at");--> statement-breakpoint
CREATE INDEX "outbox_send_idx" ON "outbox_messages" USING btree ("tenant_id","send_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_sends_key_idx" ON "outbox_sends" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "recruitment_campaigns" USING btree ("tenant_id","status","ends_at");--> statement-breakpoint
CREATE INDEX "people_department_idx" ON "people" USING btree ("tenant_id","department");--> statement-breakpoint
CREATE INDEX "people_office_idx" ON "people" USING btree ("tenant_id","office_location");