CREATE TABLE "first_admin_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "page_cache_tags" (
	"tag" text PRIMARY KEY NOT NULL,
	"revalidated_at" timestamp with time zone DEFAULT now() NOT NULL
);
