CREATE TYPE "public"."direction" AS ENUM('up', 'down', 'ctx');--> statement-breakpoint
CREATE TYPE "public"."goal_kind" AS ENUM('overall', 'table');--> statement-breakpoint
CREATE TYPE "public"."import_kind" AS ENUM('seed', 'example', 'upload');--> statement-breakpoint
CREATE TYPE "public"."indicator_type" AS ENUM('survey', 'count', 'wastewater', 'process');--> statement-breakpoint
CREATE TYPE "public"."link_role" AS ENUM('primary', 'supporting', 'context');--> statement-breakpoint
CREATE TYPE "public"."observation_status" AS ENUM('suppressed', 'not_applicable', 'missing', 'below_loq', 'not_detected', 'preliminary');--> statement-breakpoint
CREATE TYPE "public"."period_kind" AS ENUM('year', 'range', 'date');--> statement-breakpoint
CREATE TYPE "public"."region_kind" AS ENUM('riket', 'lan', 'kommun');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('T', 'K', 'M');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('percent', 'per_100k', 'per_1000', 'count', 'mg_per_1000_day', 'index', 'months');--> statement-breakpoint
CREATE TABLE "action_responsibles" (
	"action_id" integer NOT NULL,
	"party" text NOT NULL,
	"sort" integer NOT NULL,
	CONSTRAINT "action_responsibles_action_id_party_pk" PRIMARY KEY("action_id","party")
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"sort" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_actions" (
	"goal_id" integer NOT NULL,
	"action_id" integer NOT NULL,
	CONSTRAINT "goal_actions_goal_id_action_id_pk" PRIMARY KEY("goal_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "goal_indicators" (
	"goal_id" integer NOT NULL,
	"indicator_id" text NOT NULL,
	"role" "link_role" NOT NULL,
	"baseline_period" text,
	"target_value" double precision,
	"target_year" integer,
	"sex" "sex" DEFAULT 'T' NOT NULL,
	"grp" text DEFAULT '' NOT NULL,
	"note" text,
	"sort" integer NOT NULL,
	CONSTRAINT "goal_indicators_goal_id_indicator_id_pk" PRIMARY KEY("goal_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"code" text NOT NULL,
	"kind" "goal_kind" NOT NULL,
	"text" text NOT NULL,
	"cause" text,
	"action_text" text,
	"responsible_text" text,
	"proposal" text,
	"sort" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "import_kind" NOT NULL,
	"source_id" text,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"observations" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"definition" text NOT NULL,
	"question" text,
	"unit" text NOT NULL,
	"unit_kind" "unit_kind" NOT NULL,
	"direction" "direction" NOT NULL,
	"type" "indicator_type" NOT NULL,
	"decimals" integer NOT NULL,
	"source_id" text NOT NULL,
	"breakdowns" jsonb NOT NULL,
	"cadence" text NOT NULL,
	"goal_area" text NOT NULL,
	"measured_geography" text NOT NULL,
	"caveats" text
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_id" text NOT NULL,
	"region_code" text NOT NULL,
	"period" text NOT NULL,
	"period_kind" "period_kind" NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"reference_year" integer,
	"sex" "sex" DEFAULT 'T' NOT NULL,
	"grp" text DEFAULT '' NOT NULL,
	"site" text DEFAULT '' NOT NULL,
	"value" double precision,
	"ci_low" double precision,
	"ci_high" double precision,
	"n" integer,
	"numerator" double precision,
	"denominator" double precision,
	"response_rate" double precision,
	"status" "observation_status",
	"note" text,
	"detail" jsonb,
	"is_example" boolean DEFAULT false NOT NULL,
	"import_id" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_value_or_status" CHECK ("observations"."value" is not null or "observations"."status" is not null),
	CONSTRAINT "observations_ci_order" CHECK ("observations"."ci_low" is null or "observations"."ci_high" is null or "observations"."ci_low" <= "observations"."ci_high")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"kommun_code" text NOT NULL,
	"title" text NOT NULL,
	"document_date" date NOT NULL,
	"decided_date" date NOT NULL,
	"decided_by" text NOT NULL,
	"decision_paragraph" text NOT NULL,
	"diarienummer" text NOT NULL,
	"valid_from" date NOT NULL,
	"revise_by" text NOT NULL,
	"based_on_lagesbild" text NOT NULL,
	"document_owner" text NOT NULL,
	"document_responsible" text NOT NULL,
	"created_by" text NOT NULL,
	"vision" text NOT NULL,
	"introduction" text NOT NULL,
	"mission" text NOT NULL,
	"source_file" text NOT NULL,
	"sha256" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"heading" text NOT NULL,
	"lagesbild_summary" text NOT NULL,
	"definition" text,
	"overall_goals_text" text NOT NULL,
	"sort" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_aliases" (
	"alias" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" "region_kind" NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"publisher" text NOT NULL,
	"url" text,
	"cadence" text NOT NULL,
	"cadence_months" integer,
	"geography" text NOT NULL,
	"geography_levels" jsonb NOT NULL,
	"comparable" boolean NOT NULL,
	"notes" text
);
--> statement-breakpoint
ALTER TABLE "action_responsibles" ADD CONSTRAINT "action_responsibles_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_area_id_priority_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."priority_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_area_id_priority_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."priority_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_kommun_code_regions_code_fk" FOREIGN KEY ("kommun_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_areas" ADD CONSTRAINT "priority_areas_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_aliases" ADD CONSTRAINT "region_aliases_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actions_plan_code_idx" ON "actions" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "goal_indicators_indicator_idx" ON "goal_indicators" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goals_plan_code_idx" ON "goals" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "goals_area_idx" ON "goals" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "imports_kind_sha_idx" ON "imports" USING btree ("kind","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_natural_key" ON "observations" USING btree ("indicator_id","region_code","period","sex","grp","site");--> statement-breakpoint
CREATE INDEX "observations_series_idx" ON "observations" USING btree ("indicator_id","region_code","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_kommun_decided_idx" ON "plans" USING btree ("kommun_code","decided_date");--> statement-breakpoint
CREATE UNIQUE INDEX "priority_areas_plan_code_idx" ON "priority_areas" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");