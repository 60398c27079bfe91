CREATE TYPE "public"."comparison_group_kind" AS ENUM('skr_kommungrupp', 'kolada_liknande', 'own');--> statement-breakpoint
CREATE TABLE "comparison_group_members" (
	"group_id" text NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "comparison_group_members_group_id_region_code_pk" PRIMARY KEY("group_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "comparison_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "comparison_group_kind" NOT NULL,
	"title" text NOT NULL,
	"owner_code" text,
	"year" integer,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comparison_group_members" ADD CONSTRAINT "comparison_group_members_group_id_comparison_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."comparison_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_group_members" ADD CONSTRAINT "comparison_group_members_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_groups" ADD CONSTRAINT "comparison_groups_owner_code_regions_code_fk" FOREIGN KEY ("owner_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comparison_group_members_region_idx" ON "comparison_group_members" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "comparison_groups_owner_idx" ON "comparison_groups" USING btree ("owner_code");