DROP INDEX "reviews_year_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_plan_year_idx" ON "reviews" USING btree ("plan_id","year");