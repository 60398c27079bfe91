CREATE TYPE "public"."action_status" AS ENUM('ej_påbörjad', 'pågår', 'genomförd', 'avbruten', 'ändrad');--> statement-breakpoint
CREATE TYPE "public"."as_planned" AS ENUM('ja', 'delvis', 'nej');--> statement-breakpoint
CREATE TYPE "public"."effect_horizon" AS ENUM('kort', 'lång');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('öppen', 'beslutad');--> statement-breakpoint
CREATE TABLE "action_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_id" integer NOT NULL,
	"year" integer NOT NULL,
	"done" text NOT NULL,
	"as_planned" "as_planned" NOT NULL,
	"how" text,
	"hours" double precision,
	"cost_sek" double precision,
	"problems" text,
	"proposal" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "action_reports_hours" CHECK ("action_reports"."hours" is null or "action_reports"."hours" >= 0),
	CONSTRAINT "action_reports_cost" CHECK ("action_reports"."cost_sek" is null or "action_reports"."cost_sek" >= 0)
);
--> statement-breakpoint
CREATE TABLE "review_assessments" (
	"review_id" integer NOT NULL,
	"goal_id" integer NOT NULL,
	"label" text NOT NULL,
	"justification" text,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "review_assessments_review_id_goal_id_pk" PRIMARY KEY("review_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "review_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"review_id" integer NOT NULL,
	"goal_id" integer,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"year" integer NOT NULL,
	"meeting_date" date NOT NULL,
	"status" "review_status" DEFAULT 'öppen' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "status" "action_status" DEFAULT 'ej_påbörjad' NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "end_date" date;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "effect_horizon" "effect_horizon";--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "updated_by" text;--> statement-breakpoint
ALTER TABLE "action_reports" ADD CONSTRAINT "action_reports_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assessments" ADD CONSTRAINT "review_assessments_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assessments" ADD CONSTRAINT "review_assessments_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_reports_action_year_idx" ON "action_reports" USING btree ("action_id","year");--> statement-breakpoint
CREATE INDEX "review_decisions_review_idx" ON "review_decisions" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_plan_year_idx" ON "reviews" USING btree ("plan_id","year");--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_dates_order" CHECK ("actions"."end_date" is null or "actions"."start_date" is null or "actions"."start_date" <= "actions"."end_date");