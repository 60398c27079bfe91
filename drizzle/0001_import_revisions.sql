CREATE TYPE "public"."revision_action" AS ENUM('insert', 'update', 'undo');--> statement-breakpoint
CREATE TABLE "observation_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"import_id" integer NOT NULL,
	"indicator_id" text NOT NULL,
	"region_code" text NOT NULL,
	"period" text NOT NULL,
	"sex" "sex" NOT NULL,
	"grp" text NOT NULL,
	"site" text NOT NULL,
	"action" "revision_action" NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "imports_kind_sha_idx";--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "adapter" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "encoding" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "sheet" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "undone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "undone_by" text;--> statement-breakpoint
ALTER TABLE "observation_revisions" ADD CONSTRAINT "observation_revisions_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observation_revisions_import_idx" ON "observation_revisions" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "observation_revisions_key_idx" ON "observation_revisions" USING btree ("indicator_id","region_code","period","sex","grp","site");--> statement-breakpoint
CREATE UNIQUE INDEX "imports_kind_sha_idx" ON "imports" USING btree ("kind","sha256") WHERE "imports"."kind" <> 'upload';