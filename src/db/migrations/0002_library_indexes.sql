DROP INDEX "content_library_idx";--> statement-breakpoint
CREATE INDEX "content_popular_idx" ON "content_items" USING btree ("tenant_id","status","pinned","share_count","id");--> statement-breakpoint
CREATE INDEX "content_library_idx" ON "content_items" USING btree ("tenant_id","status","pinned","published_at","id");