ALTER TABLE "imports" ADD COLUMN "publication" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "publisher" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "source_url" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "retrieved" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "provenance_note" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "published_levels" jsonb DEFAULT '[]'::jsonb NOT NULL;