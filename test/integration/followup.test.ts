import fs from 'node:fs';
import path from 'node:path';
import { and, asc, count, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import * as s from '@/lib/db/schema';
import { loadGoalView } from '@/lib/data/goal-query';
import { indicatorQuery, loadIndicatorView } from '@/lib/data/indicator-query';
import { loadOverview, VERDICT_ORDER, type Overview, type OverviewIndicator } from '@/lib/data/overview-query';
import {
  actionStartsByIndicator,
  FollowUpInputError,
  getActionView,
  listActionViews,
  saveActionReport,
  STATUS_LABELS,
  updateAction,
} from '@/lib/data/followup/measures';
import {
  addDecision,
  decideReview,
  DECISION_KINDS,
  getReview,
  openReview,
  removeDecision,
  ReviewLockedError,
  saveAssessment,
} from '@/lib/data/followup/reviews';
import { formatNumber, formatValue } from '@/lib/format';
import { analyzeFile } from '@/lib/import/analyze';
import { commitImport } from '@/lib/import/commit';
import { loadImportContext } from '@/lib/import/load-context';
import type { PlanFile } from '@/lib/plan/plan-file';
import { buildFollowUpReport } from '@/lib/data/reports/build-follow-up';
import { buildLagesbild } from '@/lib/data/reports/build-lagesbild';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

/** The plan as the kommun wrote it, read straight from the file (not through the seed's parser). */
const planFile = JSON.parse(fs.readFileSync(path.resolve('data-imports/plan/hedemora-2024.json'), 'utf8')) as PlanFile;
const TODAY = new Date('2026-11-25T12:00:00Z');
const MEETING = '2026-11-20';
const MEETING_DAY = new Date(`${MEETING}T12:00:00Z`);
const YEAR = 2026;
const actor = { actorId: 'user-samordnare', actor: 'samordnare@hedemora.se', ip: '192.0.2.7' };

const planActions = planFile.areas.flatMap((a) => a.actions.map((x) => ({ ...x, areaCode: a.code })));
const tableGoals = planFile.areas.flatMap((a) => a.goals.map((g) => ({ ...g, areaCode: a.code })));
const overallGoals = planFile.areas.flatMap((a) => a.overallGoals.map((g) => ({ ...g, areaCode: a.code })));
const overallIndicatorIds = [...new Set(overallGoals.flatMap((g) => g.indicators.map((i) => i.indicator)))];

/**
 * The action whose start date moves a chart mark: the first table row's action that shares an indicator with an
 * övergripande mål of the same area, so that the goal page of that övergripande mål shows the indicator.
 */
const link = (() => {
  for (const og of overallGoals) {
    for (const l of og.indicators) {
      const tg = tableGoals.find(
        (g) => g.areaCode === og.areaCode && g.actionCodes.length > 0 && g.indicators.some((i) => i.indicator === l.indicator),
      );
      if (tg) return { overallGoal: og.code, indicatorId: l.indicator, actionCode: tg.actionCodes[0]! };
    }
  }
  throw new Error('the plan file has no action linked to an indicator of an övergripande mål');
})();
/** Every indicator the action works on: those of the table rows that list it. */
const linkedIndicatorIds = new Set(
  tableGoals.filter((g) => g.actionCodes.includes(link.actionCode)).flatMap((g) => g.indicators.map((i) => i.indicator)),
);
/** The action that gets a delrapport: the first of the plan (another than the one whose dates change). */
const reportAction = planActions.find((a) => a.code !== link.actionCode)!;

describe.each(DRIVERS)('follow-up (åtgärder, delrapporter, uppföljning) on %s', (driver) => {
  let h: DbHandle;

  const auditCount = async () => Number((await h.db.select({ n: count() }).from(s.auditLog))[0]!.n);
  const lastAudit = async (action: string) =>
    (await h.db.select().from(s.auditLog).where(eq(s.auditLog.action, action)).orderBy(desc(s.auditLog.id)).limit(1))[0];
  const actionRow = async (code: string) => (await h.db.select().from(s.actions).where(eq(s.actions.code, code)))[0]!;

  // Shared between the ordered steps below.
  let overviewBefore: Overview;
  let expectedImportIds: number[];
  let target: { goalCode: string; indicator: OverviewIndicator };
  let newImportId: number;
  let newValue: number;
  let otherDalarna: { code: string; name: string };
  let outsideDalarna: string;
  let reviewId: number;
  let differentLabel: string;
  const justification = 'Den nya NTU-mätningen visar en tydlig ökning sedan mötet.';
  const keptDecision = 'Arbetsgruppen ser över EST-samordningen inför 2027.';
  const firstReport = { done: 'Utbildade personal på fyra serveringsställen.', hours: '12,5', costSek: '3 000' };
  const secondReport = {
    done: 'Utbildade personal på sex serveringsställen och höll ett uppföljningsmöte.',
    hours: '12,5',
    costSek: '3 000',
  };

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
  });
  afterAll(async () => h?.close());

  describe('åtgärder', () => {
    it('lists every action of the plan, in plan order, with its Vem, linked table rows and indicators', async () => {
      const views = await listActionViews(h.db);
      expect(views.map((v) => v.action.code)).toEqual(planActions.map((a) => a.code));
      for (const pa of planActions) {
        const v = views.find((x) => x.action.code === pa.code)!;
        expect(v.responsible, pa.code).toEqual(pa.responsible);
        expect(v.areaCode, pa.code).toBe(pa.areaCode);
        expect(v.action.title, pa.code).toBe(pa.title);
        const goals = tableGoals.filter((g) => g.actionCodes.includes(pa.code));
        expect(v.goals.map((g) => g.code).sort(), pa.code).toEqual(goals.map((g) => g.code).sort());
        expect(v.goals.every((g) => g.kind === 'table')).toBe(true);
        expect(new Set(v.indicatorIds), pa.code).toEqual(new Set(goals.flatMap((g) => g.indicators.map((i) => i.indicator))));
        expect(v.reports).toEqual([]);
      }
      const first = planFile.areas[0]!.actions[0]!;
      const one = await getActionView(h.db, first.code);
      expect(one?.responsible).toEqual(first.responsible);
      expect(await getActionView(h.db, 'X-A99')).toBeNull();
    });

    it('updates status, start date and effect horizon, with before → after in the change log', async () => {
      const before = await actionRow(link.actionCode);
      expect(before.status).toBe('not_started');
      const auditsBefore = await auditCount();
      const after = await updateAction(
        h.db,
        before.id,
        { status: 'ongoing', startDate: '2023-01-01', endDate: '', effectHorizon: 'short' },
        actor,
      );
      expect(after).toMatchObject({
        status: 'ongoing',
        startDate: '2023-01-01',
        endDate: null,
        effectHorizon: 'short',
        updatedBy: actor.actor,
      });
      expect(await actionRow(link.actionCode)).toEqual(after);
      expect(await auditCount()).toBe(auditsBefore + 1);
      const audit = await lastAudit('measure_changed');
      expect(audit).toMatchObject({
        actorId: actor.actorId,
        actor: actor.actor,
        ip: actor.ip,
        targetType: 'åtgärd',
        targetId: link.actionCode,
        before: { status: before.status, startDate: before.startDate, endDate: before.endDate, effectHorizon: before.effectHorizon },
        after: { status: 'ongoing', startDate: '2023-01-01', endDate: null, effectHorizon: 'short' },
      });
      expect(audit!.summary).toContain(`${STATUS_LABELS[before.status]} → ${STATUS_LABELS.ongoing}`);
    });

    it('refuses an end date before the start date and an unknown status in Swedish, changing nothing', async () => {
      const row = await actionRow(link.actionCode);
      const auditsBefore = await auditCount();
      const early = updateAction(h.db, row.id, { status: 'completed', startDate: '2025-03-01', endDate: '2025-02-28' }, actor);
      await expect(early).rejects.toBeInstanceOf(FollowUpInputError);
      await expect(early).rejects.toThrow('Slutdatum: slutdatum kan inte vara före startdatum');
      const unknown = updateAction(h.db, row.id, { status: 'klar', startDate: '2025-03-01' }, actor);
      await expect(unknown).rejects.toBeInstanceOf(FollowUpInputError);
      await expect(unknown).rejects.toThrow('Status: välj en status');
      await expect(updateAction(h.db, row.id, { status: 'ongoing', startDate: '1 mars' }, actor)).rejects.toThrow(
        /Startdatum: ange ett datum/,
      );
      expect(await actionRow(link.actionCode)).toEqual(row);
      expect(await auditCount()).toBe(auditsBefore);
    });

    it('marks the start of the action on the charts of the indicators it works on, instead of the plan start', async () => {
      const [plan] = await h.db.select().from(s.plans);
      const starts = await actionStartsByIndicator(h.db, plan!.id, [...new Set([...linkedIndicatorIds, ...overallIndicatorIds])]);
      expect(new Set(starts.keys())).toEqual(linkedIndicatorIds);
      for (const list of starts.values()) expect(list).toEqual([{ start: '2023-01-01', label: `${link.actionCode} startar` }]);

      const view = (await loadGoalView(h.db, link.overallGoal, TODAY))!;
      expect(view.goal.code).toBe(link.overallGoal);
      const ids = overallGoals.find((g) => g.code === link.overallGoal)!.indicators.map((i) => i.indicator);
      expect(view.indicators.map((i) => i.id)).toEqual(ids);
      let moved = 0;
      for (const ind of view.indicators) {
        const marks = ind.chart.annotations.actions;
        if (linkedIndicatorIds.has(ind.id)) {
          const at = ind.chart.rows.find((r) => r.start >= '2023-01-01');
          expect(marks, ind.id).toEqual(at ? [{ period: at.period, label: `${link.actionCode} startar` }] : []);
          if (at) moved++;
        } else {
          // Not worked on by the action: still the plan's own start (plan file validFrom), where a period follows it.
          const at = ind.chart.rows.find((r) => r.start >= planFile.validFrom);
          expect(marks, ind.id).toEqual(at ? [{ period: at.period, label: 'Åtgärdsplanen startar' }] : []);
        }
      }
      expect(moved).toBeGreaterThan(0);
      const main = view.indicators.find((i) => i.id === link.indicatorId)!;
      const planMark = main.chart.rows.find((r) => r.start >= planFile.validFrom)?.period;
      expect(main.chart.annotations.actions[0]?.period).not.toBe(planMark);

      const page = (await loadIndicatorView(h.db, link.indicatorId, indicatorQuery.parse({}), TODAY))!;
      expect(page.chart.annotations.actions).toEqual(main.chart.annotations.actions);
    });
  });

  describe('delrapport', () => {
    it("saves the year's delrapport with Swedish decimal comma and thousands space", async () => {
      const { id } = await actionRow(reportAction.code);
      const auditsBefore = await auditCount();
      const row = await saveActionReport(
        h.db,
        id,
        { year: String(YEAR), asPlanned: 'partly', how: 'Med Länsstyrelsen.', ...firstReport },
        actor,
      );
      expect(row).toMatchObject({
        actionId: id,
        year: YEAR,
        done: firstReport.done,
        asPlanned: 'partly',
        how: 'Med Länsstyrelsen.',
        hours: 12.5,
        costSek: 3000,
        problems: null,
        proposal: null,
      });
      expect(await auditCount()).toBe(auditsBefore + 1);
      const audit = await lastAudit('measure_report_saved');
      expect(audit).toMatchObject({
        targetId: reportAction.code,
        actor: actor.actor,
        before: null,
        after: { done: firstReport.done, hours: 12.5, costSek: 3000 },
      });
      expect(audit!.summary).toMatch(/^Lade till delrapport 2026/);
    });

    it('saving again replaces the same row, with the old text as before in the change log', async () => {
      const { id } = await actionRow(reportAction.code);
      const row = await saveActionReport(
        h.db,
        id,
        { year: YEAR, asPlanned: 'yes', problems: 'Svårt att nå krögarna.', ...secondReport },
        actor,
      );
      expect(row).toMatchObject({
        done: secondReport.done,
        asPlanned: 'yes',
        how: null,
        problems: 'Svårt att nå krögarna.',
        hours: 12.5,
        costSek: 3000,
      });
      const rows = await h.db.select().from(s.actionReports).where(eq(s.actionReports.actionId, id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toEqual(row);
      const audit = await lastAudit('measure_report_saved');
      expect(audit).toMatchObject({
        targetId: reportAction.code,
        before: { done: firstReport.done, asPlanned: 'partly', how: 'Med Länsstyrelsen.', problems: null },
        after: { done: secondReport.done, asPlanned: 'yes', how: null, problems: 'Svårt att nå krögarna.' },
      });
      expect(audit!.summary).toMatch(/^Ändrade delrapport 2026/);
      expect((await getActionView(h.db, reportAction.code))!.reports).toEqual([row]);
    });

    it('refuses a delrapport without what was done or whether it went as planned, and bad amounts', async () => {
      const { id } = await actionRow(reportAction.code);
      const before = await h.db.select().from(s.actionReports).orderBy(asc(s.actionReports.id));
      const auditsBefore = await auditCount();
      await expect(saveActionReport(h.db, id, { year: YEAR, asPlanned: 'yes' }, actor)).rejects.toThrow(/Vad som gjorts/);
      await expect(saveActionReport(h.db, id, { year: YEAR, done: '   ', asPlanned: 'yes' }, actor)).rejects.toThrow(
        /Vad som gjorts: beskriv vad som gjorts/,
      );
      await expect(saveActionReport(h.db, id, { year: YEAR, done: 'Något' }, actor)).rejects.toThrow(
        /Enligt plan: välj ja, delvis eller nej/,
      );
      await expect(saveActionReport(h.db, id, { year: YEAR, done: 'Något', asPlanned: 'kanske' }, actor)).rejects.toBeInstanceOf(
        FollowUpInputError,
      );
      await expect(saveActionReport(h.db, id, { year: YEAR, done: 'Något', asPlanned: 'yes', hours: '-2' }, actor)).rejects.toThrow(
        /^Timmar: /,
      );
      await expect(saveActionReport(h.db, id, { year: YEAR, done: 'Något', asPlanned: 'yes', costSek: 'tretusen' }, actor)).rejects.toThrow(
        /^Kostnad: /,
      );
      expect(await h.db.select().from(s.actionReports).orderBy(asc(s.actionReports.id))).toEqual(before);
      expect(await auditCount()).toBe(auditsBefore);
    });
  });

  describe('uppföljning', () => {
    it('opens the 2026 review, freezing the overview as of the meeting date and the import ids of its data', async () => {
      overviewBefore = (await loadOverview(h.db, MEETING_DAY))!;
      const kommunCode = planFile.kommunCode;
      const regionCodes = overviewBefore.regions.map((r) => r.code);
      expect(regionCodes[0]).toBe(kommunCode);
      const used = await h.db
        .selectDistinct({ id: s.observations.importId })
        .from(s.observations)
        .where(
          and(
            inArray(s.observations.indicatorId, overallIndicatorIds),
            inArray(s.observations.regionCode, regionCodes),
            isNotNull(s.observations.importId),
          ),
        );
      expectedImportIds = used.map((u) => u.id!).sort((a, b) => a - b);
      expect(expectedImportIds.length).toBeGreaterThan(0);

      const row = await openReview(h.db, '2083', { year: String(YEAR), meetingDate: MEETING }, actor);
      reviewId = row.id;
      expect(row).toMatchObject({ year: YEAR, meetingDate: MEETING, status: 'open', openedBy: actor.actor, decidedAt: null });
      const view = (await getReview(h.db, YEAR))!;
      expect(view.review.id).toBe(reviewId);
      expect(view.snapshot.version).toBe(1);
      expect(view.snapshot.importIds).toEqual(expectedImportIds);
      expect(view.snapshot.overview).toEqual(JSON.parse(JSON.stringify(overviewBefore)));
      expect(view.assessments).toEqual([]);
      expect(view.decisions).toEqual([]);
      const audit = await lastAudit('review_opened');
      expect(audit).toMatchObject({
        targetId: String(YEAR),
        actorId: actor.actorId,
        after: { year: YEAR, meetingDate: MEETING, importIds: expectedImportIds },
      });
    });

    it('keeps the frozen value and verdict when an import later replaces the value it showed', async () => {
      // The first primary indicator of an övergripande mål whose kommun value has a KI: a survey with a verdict.
      for (const area of overviewBefore.areas) {
        for (const goal of area.goals) {
          const ind = goal.indicators.find(
            (i) => i.role === 'primary' && i.latest.kommun?.ciLow != null && i.latest.kommun.value !== null && i.assessment.verdict.label,
          );
          if (ind && !target) target = { goalCode: goal.code, indicator: ind };
        }
      }
      expect(target).toBeDefined();
      const old = target.indicator.latest.kommun!;
      const width = old.ciHigh! - old.ciLow!;
      newValue = Math.round((old.value! + 3 * width) * 10) / 10;
      expect(newValue).toBeLessThan(100);
      const sv = (x: number) => String(x).replace('.', ',');
      const [other] = await h.db
        .select({ code: s.regions.code, name: s.regions.name })
        .from(s.regions)
        .where(and(eq(s.regions.parentCode, overviewBefore.regions[1]!.code), ne(s.regions.code, planFile.kommunCode)))
        .orderBy(asc(s.regions.code))
        .limit(1);
      otherDalarna = other!;
      const [outside] = await h.db
        .select({ code: s.regions.code })
        .from(s.regions)
        .where(and(eq(s.regions.kind, 'kommun'), ne(s.regions.parentCode, overviewBefore.regions[1]!.code)))
        .orderBy(asc(s.regions.code))
        .limit(1);
      outsideDalarna = outside!.code;
      const csv = [
        'indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar',
        `${target.indicator.id};${planFile.kommunCode};${old.period};;;${sv(newValue)};${sv(newValue - 2)};${sv(newValue + 2)};2000;;Ny leverans`,
        `${target.indicator.id};${otherDalarna.code};${old.period};;;${sv(old.value!)};${sv(old.ciLow!)};${sv(old.ciHigh!)};${old.n ?? 200};;`,
        `${target.indicator.id};${outsideDalarna};${old.period};;;${sv(old.value!)};${sv(old.ciLow!)};${sv(old.ciHigh!)};${old.n ?? 200};;`,
      ].join('\n');
      const ctx = await loadImportContext(h.db);
      const analysis = await analyzeFile({ fileName: 'ny-leverans.csv', bytes: new TextEncoder().encode(csv) }, ctx);
      expect(analysis.issues).toEqual([]);
      const res = await commitImport(h.db, analysis, { createdBy: actor.actor, audit: actor });
      // Hedemora and the other Dalarna kommun have real values for the period (updated); the kommun outside the län has none.
      expect(res).toMatchObject({ updated: 2, inserted: 1 });
      newImportId = res.importId;

      const now = (await loadOverview(h.db, MEETING_DAY))!;
      const live = now.areas
        .flatMap((a) => a.goals)
        .find((g) => g.code === target.goalCode)!
        .indicators.find((i) => i.id === target.indicator.id)!;
      expect(live.latest.kommun).toMatchObject({ value: newValue, period: old.period, isExample: false });
      expect(live.assessment.verdict.label).not.toBe(target.indicator.assessment.verdict.label);

      const view = (await getReview(h.db, YEAR))!;
      const frozenGoal = view.snapshot.overview.areas.flatMap((a) => a.goals).find((g) => g.code === target.goalCode)!;
      const frozen = frozenGoal.indicators.find((i) => i.id === target.indicator.id)!;
      expect(frozen.latest.kommun).toEqual(JSON.parse(JSON.stringify(old)));
      expect(frozen.latest.kommun!.value).not.toBe(newValue);
      expect(frozen.assessment.verdict.label).toBe(target.indicator.assessment.verdict.label);
      expect(frozen.assessment.verdict.sentence).toBe(target.indicator.assessment.verdict.sentence);
      expect(view.snapshot.overview).toEqual(JSON.parse(JSON.stringify(overviewBefore)));
      expect(view.snapshot.importIds).toEqual(expectedImportIds);
      expect(view.snapshot.importIds).not.toContain(newImportId);

      // Brå's assessment is measured against the frozen roll-up, not the live one.
      const computed = frozenGoal.rollup.map((r) => r.label);
      const liveLabel = live.assessment.verdict.label!;
      expect(computed).not.toContain(liveLabel);
      differentLabel = liveLabel;
    });

    it('refuses to open 2026 a second time', async () => {
      const auditsBefore = await auditCount();
      const again = openReview(h.db, '2083', { year: YEAR, meetingDate: '2026-12-01' }, actor);
      await expect(again).rejects.toBeInstanceOf(FollowUpInputError);
      await expect(again).rejects.toThrow(/Uppföljningen 2026 är redan öppnad/);
      const rows = await h.db.select().from(s.reviews);
      expect(rows.map((r) => [r.year, r.meetingDate])).toEqual([[YEAR, MEETING]]);
      expect(await auditCount()).toBe(auditsBefore);
    });

    it("saves Brå's assessment: a computed label freely, another only with a justification", async () => {
      const view = (await getReview(h.db, YEAR))!;
      const goal = view.snapshot.overview.areas.flatMap((a) => a.goals).find((g) => g.code === target.goalCode)!;
      const computed = goal.rollup.map((r) => r.label);
      expect(computed.length).toBeGreaterThan(0);
      const goalId = view.goalIds.get(target.goalCode)!;

      const first = await saveAssessment(h.db, reviewId, { goalCode: target.goalCode, label: computed[0] }, actor);
      expect(first).toMatchObject({ reviewId, goalId, label: computed[0], justification: null, comment: null, updatedBy: actor.actor });
      expect(await lastAudit('assessment_saved')).toMatchObject({
        targetId: `${YEAR}/${target.goalCode}`,
        before: null,
        after: { label: computed[0], justification: null, comment: null },
      });

      const auditsBefore = await auditCount();
      for (const label of [differentLabel, VERDICT_ORDER.find((l) => !computed.includes(l) && l !== differentLabel)!]) {
        const refused = saveAssessment(h.db, reviewId, { goalCode: target.goalCode, label, justification: '   ' }, actor);
        await expect(refused).rejects.toBeInstanceOf(FollowUpInputError);
        await expect(refused).rejects.toThrow(/skriv en motivering/);
      }
      await expect(saveAssessment(h.db, reviewId, { goalCode: target.goalCode, label: 'Bra' }, actor)).rejects.toThrow(/välj en bedömning/);
      await expect(saveAssessment(h.db, reviewId, { goalCode: 'X-M9', label: computed[0] }, actor)).rejects.toThrow(
        /Målet X-M9 finns inte/,
      );
      expect(await h.db.select().from(s.reviewAssessments)).toEqual([first]);
      expect(await auditCount()).toBe(auditsBefore);

      const second = await saveAssessment(
        h.db,
        reviewId,
        { goalCode: target.goalCode, label: differentLabel, justification, comment: 'Följs upp 2027.' },
        actor,
      );
      expect(second).toMatchObject({ label: differentLabel, justification, comment: 'Följs upp 2027.' });
      expect(await h.db.select().from(s.reviewAssessments)).toEqual([second]);
      expect(await lastAudit('assessment_saved')).toMatchObject({
        before: { label: computed[0], justification: null, comment: null },
        after: { label: differentLabel, justification, comment: 'Följs upp 2027.' },
      });
    });

    it('adds and removes decisions, each in the change log', async () => {
      const view = (await getReview(h.db, YEAR))!;
      const d1 = await addDecision(h.db, reviewId, { goalCode: target.goalCode, kind: 'adjust_measure', text: keptDecision }, actor);
      expect(d1).toMatchObject({
        reviewId,
        goalId: view.goalIds.get(target.goalCode),
        kind: 'adjust_measure',
        text: keptDecision,
        createdBy: actor.actor,
      });
      expect(await lastAudit('decision_added')).toMatchObject({
        targetId: `${YEAR}/${target.goalCode}`,
        after: { kind: 'adjust_measure', text: keptDecision },
      });
      const d2 = await addDecision(h.db, reviewId, { goalCode: '', kind: 'other', text: 'Tillfälligt beslut.' }, actor);
      expect(d2).toMatchObject({ goalId: null, kind: 'other' });
      expect((await getReview(h.db, YEAR))!.decisions.map((d) => d.id)).toEqual([d1.id, d2.id]);

      const auditsBefore = await auditCount();
      await expect(addDecision(h.db, reviewId, { kind: 'avskaffa', text: 'x' }, actor)).rejects.toThrow(/välj typ av beslut/);
      await expect(addDecision(h.db, reviewId, { kind: 'other', text: '  ' }, actor)).rejects.toThrow(/skriv beslutet/);
      await expect(addDecision(h.db, reviewId, { goalCode: 'X-M9', kind: 'other', text: 'x' }, actor)).rejects.toThrow(
        /Målet X-M9 finns inte/,
      );
      await expect(removeDecision(h.db, reviewId, d2.id + 1000, actor)).rejects.toThrow(/Beslutet finns inte/);
      expect(await auditCount()).toBe(auditsBefore);

      await removeDecision(h.db, reviewId, d2.id, actor);
      expect((await getReview(h.db, YEAR))!.decisions).toEqual([d1]);
      expect(await lastAudit('decision_removed')).toMatchObject({
        targetId: String(YEAR),
        before: { kind: 'other', text: 'Tillfälligt beslut.' },
        after: null,
      });
      expect(await auditCount()).toBe(auditsBefore + 1);
    });

    it('locks the review once decided: every later write is refused and changes nothing', async () => {
      const decided = await decideReview(h.db, reviewId, actor);
      expect(decided).toMatchObject({ status: 'decided', decidedBy: actor.actor });
      expect(decided.decidedAt).not.toBeNull();
      expect(await lastAudit('review_decided')).toMatchObject({ before: { status: 'open' }, after: { status: 'decided' } });

      const state = async () => ({
        reviews: await h.db.select().from(s.reviews),
        assessments: await h.db.select().from(s.reviewAssessments),
        decisions: await h.db.select().from(s.reviewDecisions).orderBy(asc(s.reviewDecisions.id)),
        audits: await auditCount(),
      });
      const before = await state();
      const [decision] = before.decisions;
      expect(decision).toBeDefined();
      const label = before.assessments[0]!.label;
      const attempts = [
        () => saveAssessment(h.db, reviewId, { goalCode: target.goalCode, label, justification: 'ändrat i efterhand' }, actor),
        () => addDecision(h.db, reviewId, { kind: 'other', text: 'För sent.' }, actor),
        () => removeDecision(h.db, reviewId, decision!.id, actor),
        () => decideReview(h.db, reviewId, actor),
      ];
      for (const attempt of attempts) {
        const err = await attempt().then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ReviewLockedError);
        expect((err as Error).message).toMatch(/^Uppföljningen 2026 är beslutad och låst/);
      }
      expect(await state()).toEqual(before);
    });
  });

  describe('rapporter', () => {
    it('builds the follow-up report from the frozen review, with assessment, decisions and the delrapport', async () => {
      const view = (await getReview(h.db, YEAR))!;
      const actions = await listActionViews(h.db);
      const report = buildFollowUpReport(view, actions, overviewBefore.plan.kommunName, TODAY);
      expect(report).toMatchObject({ kommun: 'Hedemora', planTitle: planFile.title, year: YEAR, meetingDate: MEETING, status: 'decided' });
      expect(report.decidedAt).toBe(new Date(view.review.decidedAt!).toISOString().slice(0, 10));
      expect(report.areas.map((a) => a.code)).toEqual(planFile.areas.map((a) => a.code));

      const goal = report.areas.flatMap((a) => a.goals).find((g) => g.code === target.goalCode)!;
      expect(goal.assessment).toEqual({ label: differentLabel, justification, comment: 'Följs upp 2027.' });
      expect(goal.decisions).toEqual([{ kind: DECISION_KINDS['adjust_measure'], text: keptDecision }]);
      expect(
        report.areas
          .flatMap((a) => a.goals)
          .flatMap((g) => g.decisions)
          .map((d) => d.text),
      ).toEqual([keptDecision]);

      // Each action once, under its area's first goal; the delrapport of the report year.
      const reported = report.areas.flatMap((a) => a.goals).flatMap((g) => g.actions);
      expect(reported.map((a) => a.code)).toEqual(planActions.map((a) => a.code));
      const withReport = reported.find((a) => a.code === reportAction.code)!;
      expect(withReport.responsible).toEqual(reportAction.responsible);
      expect(withReport.report).toMatchObject({
        done: secondReport.done,
        asPlanned: 'Ja, som planerat',
        problems: 'Svårt att nå krögarna.',
        hours: secondReport.hours,
      });
      expect(withReport.report!.cost!.replace(/\s/g, ' ')).toBe(`${secondReport.costSek} kr`);
      expect(reported.filter((a) => a.report !== null).map((a) => a.code)).toEqual([reportAction.code]);
      expect(reported.find((a) => a.code === link.actionCode)).toMatchObject({ status: STATUS_LABELS.ongoing, startDate: '2023-01-01' });

      // The value Brå saw at the meeting, not the one imported afterwards.
      const ind = goal.indicators.find((i) => i.id === target.indicator.id)!;
      const old = target.indicator.latest.kommun!;
      const kommunLatest = ind.latest.find((l) => l.region === overviewBefore.regions[0]!.name)!;
      expect(kommunLatest).toMatchObject({
        period: old.period,
        value: formatValue(old.value!, target.indicator.unitKind, target.indicator.decimals),
      });
      expect(kommunLatest.value).not.toBe(formatValue(newValue, target.indicator.unitKind, target.indicator.decimals));
      expect(kommunLatest.n).toBe(`n = ${formatNumber(old.n!)}`);
      expect(ind.verdictLabel.startsWith(target.indicator.assessment.verdict.label!)).toBe(true);
    });

    it("builds the lägesbild: each övergripande mål's indicator once per area, every row of the kommun, län, riket and länets kommuner", async () => {
      const lb = (await buildLagesbild(h.db, TODAY))!;
      expect(lb.kommun).toBe('Hedemora');
      expect(lb.areas.map((a) => a.code)).toEqual(planFile.areas.map((a) => a.code));
      const lanCode = overviewBefore.regions[1]!.code;
      const lanKommuner = (await h.db.select({ code: s.regions.code }).from(s.regions).where(eq(s.regions.parentCode, lanCode))).map(
        (r) => r.code,
      );
      const allowed = [planFile.kommunCode, lanCode, '00', ...lanKommuner];
      for (const area of planFile.areas) {
        const got = lb.areas.find((a) => a.code === area.code)!;
        const ids = got.indicators.map((i) => i.id);
        expect(new Set(ids).size, area.code).toBe(ids.length);
        for (const og of area.overallGoals)
          for (const l of og.indicators) expect(ids, `${area.code} ${l.indicator}`).toContain(l.indicator);
        for (const ind of got.indicators) {
          expect(ind.statements.length, ind.id).toBeGreaterThan(0);
          for (const st of ind.statements) expect(st.trim(), ind.id).not.toBe('');
          const [{ n }] = (await h.db
            .select({ n: count() })
            .from(s.observations)
            .where(
              and(eq(s.observations.indicatorId, ind.id), inArray(s.observations.regionCode, allowed), eq(s.observations.site, '')),
            )) as [{ n: number }];
          expect(ind.rows.length, ind.id).toBe(Number(n));
        }
      }
      const rows = lb.areas
        .flatMap((a) => a.indicators)
        .filter((i) => i.id === target.indicator.id)
        .flatMap((i) => i.rows);
      const codes = new Set(rows.map((r) => r.regionCode));
      for (const c of [planFile.kommunCode, lanCode, '00', otherDalarna.code]) expect(codes, c).toContain(c);
      expect(codes).not.toContain(outsideDalarna);
      // Live data here: the imported value, and within a period the kommun first, then län, riket, other kommuner.
      const latest = rows.filter((r) => r.period === target.indicator.latest.kommun!.period && r.sex === 'Totalt' && r.group === '');
      expect(latest.slice(0, 3).map((r) => r.regionCode)).toEqual([planFile.kommunCode, lanCode, '00']);
      const others = latest.slice(3).map((r) => r.regionName);
      expect(others).toEqual([...others].sort((a, b) => a.localeCompare(b, 'sv')));
      expect(others).toContain(otherDalarna.name);
      expect(latest[0]!.value).toBe(newValue);
    });

    it('includes the indicators of the plan\'s table rows too ("varje mått i planen")', async () => {
      const lb = (await buildLagesbild(h.db, TODAY))!;
      for (const area of planFile.areas) {
        const ids = lb.areas.find((a) => a.code === area.code)!.indicators.map((i) => i.id);
        const expected = [...new Set([...area.overallGoals, ...area.goals].flatMap((g) => g.indicators.map((l) => l.indicator)))];
        expect(new Set(ids), area.code).toEqual(new Set(expected));
      }
    });
  });

  describe('input edge cases', () => {
    it('refuses an impossible calendar date with a Swedish message instead of a database error', async () => {
      const row = await actionRow(link.actionCode);
      await expect
        .soft(updateAction(h.db, row.id, { status: 'ongoing', startDate: '2025-02-30' }, actor))
        .rejects.toBeInstanceOf(FollowUpInputError);
      await expect
        .soft(openReview(h.db, '2083', { year: 2030, meetingDate: '2030-02-30' }, actor))
        .rejects.toBeInstanceOf(FollowUpInputError);
      expect(await actionRow(link.actionCode)).toEqual(row);
    });

    it('explains a bad amount in Swedish, not zod\'s "Invalid input"', async () => {
      const { id } = await actionRow(reportAction.code);
      await expect
        .soft(saveActionReport(h.db, id, { year: YEAR, done: 'Något', asPlanned: 'yes', hours: '-2' }, actor))
        .rejects.toThrow('Timmar: ange ett tal ≥ 0 (t.ex. 12,5)');
      await expect
        .soft(saveActionReport(h.db, id, { year: YEAR, done: 'Något', asPlanned: 'yes', costSek: 'tretusen' }, actor))
        .rejects.toThrow('Kostnad: ange ett tal ≥ 0 (t.ex. 12,5)');
    });

    it('treats an amount of only spaces as empty, not as 0', async () => {
      const { id } = await actionRow(reportAction.code);
      const row = await saveActionReport(
        h.db,
        id,
        { year: YEAR + 1, done: 'Planering.', asPlanned: 'yes', hours: '  ', costSek: ' ' },
        actor,
      );
      expect(row.hours).toBeNull();
      expect(row.costSek).toBeNull();
    });
  });
});
