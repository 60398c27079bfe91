CREATE TABLE "memberships" (
	"user_id" text NOT NULL,
	"region_code" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "memberships_user_id_region_code_pk" PRIMARY KEY("user_id","region_code"),
	CONSTRAINT "memberships_role_check" CHECK (("memberships"."role" in ('reader', 'coordinator', 'admin') and "memberships"."region_code" ~ '^[0-9]{4}$') or ("memberships"."role" = 'regional_coordinator' and "memberships"."region_code" ~ '^[0-9]{2}$'))
);
--> statement-breakpoint
ALTER TABLE "auth_users" DROP CONSTRAINT "auth_users_role_check";--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_region_idx" ON "memberships" USING btree ("region_code");--> statement-breakpoint
-- Hand-added backfill: a samordnare of the single-kommun installation becomes samordnare of its first kommun (the
-- kommun of the plan with the lowest id, as getCurrentPlan() without a kommun); without a plan, a läsare. Administrators
-- stay the installation's administrators, läsare stay läsare.
INSERT INTO "memberships" ("user_id", "region_code", "role", "created_by")
SELECT u."id", p."kommun_code", 'coordinator', 'migrering (roll per kommun)'
FROM "auth_users" u
CROSS JOIN (SELECT "kommun_code" FROM "plans" ORDER BY "id" LIMIT 1) p
WHERE u."role" = 'coordinator';--> statement-breakpoint
UPDATE "auth_users" SET "role" = 'reader' WHERE "role" = 'coordinator';--> statement-breakpoint
ALTER TABLE "auth_users" ADD CONSTRAINT "auth_users_role_check" CHECK ("auth_users"."role" in ('reader', 'admin'));