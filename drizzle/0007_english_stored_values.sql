-- Stored values in one language (issue 13): enum values and the text vocabularies (roles, decision kinds, audit
-- actions) become English identifiers; the Swedish words live on as labels in lib/vocabulary.ts and lib/audit.ts.
-- Enum values are renamed in place, so every row keeps its value and nothing is dropped or re-cast.
ALTER TYPE "public"."action_status" RENAME VALUE 'ej_påbörjad' TO 'not_started';
--> statement-breakpoint
ALTER TYPE "public"."action_status" RENAME VALUE 'pågår' TO 'ongoing';
--> statement-breakpoint
ALTER TYPE "public"."action_status" RENAME VALUE 'genomförd' TO 'completed';
--> statement-breakpoint
ALTER TYPE "public"."action_status" RENAME VALUE 'avbruten' TO 'cancelled';
--> statement-breakpoint
ALTER TYPE "public"."action_status" RENAME VALUE 'ändrad' TO 'changed';
--> statement-breakpoint
ALTER TYPE "public"."as_planned" RENAME VALUE 'ja' TO 'yes';
--> statement-breakpoint
ALTER TYPE "public"."as_planned" RENAME VALUE 'delvis' TO 'partly';
--> statement-breakpoint
ALTER TYPE "public"."as_planned" RENAME VALUE 'nej' TO 'no';
--> statement-breakpoint
ALTER TYPE "public"."effect_horizon" RENAME VALUE 'kort' TO 'short';
--> statement-breakpoint
ALTER TYPE "public"."effect_horizon" RENAME VALUE 'lång' TO 'long';
--> statement-breakpoint
ALTER TYPE "public"."review_status" RENAME VALUE 'öppen' TO 'open';
--> statement-breakpoint
ALTER TYPE "public"."review_status" RENAME VALUE 'beslutad' TO 'decided';
--> statement-breakpoint
ALTER TABLE "actions" ALTER COLUMN "status" SET DEFAULT 'not_started';
--> statement-breakpoint
ALTER TABLE "reviews" ALTER COLUMN "status" SET DEFAULT 'open';
--> statement-breakpoint
ALTER TABLE "auth_users" DROP CONSTRAINT "auth_users_role_check";
--> statement-breakpoint
UPDATE "auth_users" SET "role" = case "role" when 'läsare' then 'reader' when 'samordnare' then 'coordinator' when 'administratör' then 'admin' else "role" end WHERE "role" IN ('läsare', 'samordnare', 'administratör');
--> statement-breakpoint
ALTER TABLE "auth_users" ALTER COLUMN "role" SET DEFAULT 'reader';
--> statement-breakpoint
ALTER TABLE "auth_users" ADD CONSTRAINT "auth_users_role_check" CHECK ("auth_users"."role" in ('reader', 'coordinator', 'admin'));
--> statement-breakpoint
UPDATE "review_decisions" SET "kind" = case "kind" when 'justera-åtgärd' then 'adjust_measure' when 'ny-åtgärd' then 'new_measure' when 'avsluta-åtgärd' then 'end_measure' when 'justera-mål' then 'adjust_goal' when 'ny-indikator' then 'new_indicator' when 'övrigt' then 'other' else "kind" end WHERE "kind" IN ('justera-åtgärd', 'ny-åtgärd', 'avsluta-åtgärd', 'justera-mål', 'ny-indikator', 'övrigt');
--> statement-breakpoint
UPDATE "audit_log" SET "action" = case "action" when 'inloggning' then 'sign_in' when 'inloggning-misslyckad' then 'sign_in_failed' when 'inloggning-spärrad' then 'sign_in_locked' when 'inloggning-upplåst' then 'sign_in_unlocked' when 'utloggning' then 'sign_out' when 'lösenord-ändrat' then 'password_changed' when 'import-ångrad' then 'import_undone' when 'användare-inbjuden' then 'user_invited' when 'användare-roll' then 'user_role_changed' when 'användare-namn' then 'user_renamed' when 'användare-inaktiverad' then 'user_deactivated' when 'användare-återaktiverad' then 'user_reactivated' when 'åtgärd-ändrad' then 'measure_changed' when 'delrapport-sparad' then 'measure_report_saved' when 'uppföljning-öppnad' then 'review_opened' when 'bedömning-sparad' then 'assessment_saved' when 'beslut-tillagt' then 'decision_added' when 'beslut-borttaget' then 'decision_removed' when 'uppföljning-beslutad' then 'review_decided' when 'plan-ändrad' then 'plan_changed' when 'indikator-skapad' then 'indicator_created' when 'plan-reviderad' then 'plan_revised' else "action" end WHERE "action" IN ('inloggning', 'inloggning-misslyckad', 'inloggning-spärrad', 'inloggning-upplåst', 'utloggning', 'lösenord-ändrat', 'import-ångrad', 'användare-inbjuden', 'användare-roll', 'användare-namn', 'användare-inaktiverad', 'användare-återaktiverad', 'åtgärd-ändrad', 'delrapport-sparad', 'uppföljning-öppnad', 'bedömning-sparad', 'beslut-tillagt', 'beslut-borttaget', 'uppföljning-beslutad', 'plan-ändrad', 'indikator-skapad', 'plan-reviderad');
