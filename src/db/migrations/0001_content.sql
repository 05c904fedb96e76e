CREATE TABLE "caption_variants" (
	"tenant_id" text NOT NULL,
	"item_id" text NOT NULL,
	"language" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "caption_variants_tenant_id_item_id_language_position_pk" PRIMARY KEY("tenant_id","item_id","language","position")
);
--> statement-breakpoint
CREATE TABLE "click_events" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"code" text NOT NULL,
	"item_id" text NOT NULL,
	"person_id" text,
	"network" text NOT NULL,
	"visitor_key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "click_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link_url" text NOT NULL,
	"image_id" text,
	"image_url" text,
	"topic" text NOT NULL,
	"language" text NOT NULL,
	"networks" text[] NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_to" timestamp with time zone,
	"evergreen" boolean DEFAULT false NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"advertising" boolean DEFAULT true NOT NULL,
	"status" text NOT NULL,
	"author_id" text NOT NULL,
	"review_note" text,
	"share_count" integer DEFAULT 0 NOT NULL,
	"search" "tsvector",
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "content_transitions" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"item_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_transitions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "images" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "images_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "shares" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"person_id" text,
	"item_id" text NOT NULL,
	"network" text NOT NULL,
	"link_code" text NOT NULL,
	"variant_position" integer,
	"status" text DEFAULT 'prepared' NOT NULL,
	"post_url" text,
	"reactions" integer,
	"comments" integer,
	"prepared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_at" timestamp with time zone,
	CONSTRAINT "shares_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"tenant_id" text NOT NULL,
	"key" text NOT NULL,
	"label_da" text NOT NULL,
	"label_en" text NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topics_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "tracked_links" (
	"tenant_id" text NOT NULL,
	"code" text NOT NULL,
	"person_id" text,
	"item_id" text NOT NULL,
	"network" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_links_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE INDEX "clicks_item_idx" ON "click_events" USING btree ("tenant_id","item_id","at");--> statement-breakpoint
CREATE INDEX "clicks_person_idx" ON "click_events" USING btree ("tenant_id","person_id","at");--> statement-breakpoint
CREATE INDEX "content_library_idx" ON "content_items" USING btree ("tenant_id","status","pinned","published_at");--> statement-breakpoint
CREATE INDEX "content_search_idx" ON "content_items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "transitions_item_idx" ON "content_transitions" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE INDEX "shares_person_idx" ON "shares" USING btree ("tenant_id","person_id","shared_at");--> statement-breakpoint
CREATE INDEX "shares_item_idx" ON "shares" USING btree ("tenant_id","item_id","network");--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_links_owner_idx" ON "tracked_links" USING btree ("tenant_id","person_id","item_id","network");