import fs from 'node:fs';
import path from 'node:path';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorFile } from '@/lib/catalogue/catalogue-file';
import { loadGoalView } from '@/lib/data/goal-query';
import type { DbHandle } from '@/lib/db/client';
import { getCurrentPlan, type PlanRow } from '@/lib/db/queries/plan';
import * as s from '@/lib/db/schema';
import { FollowUpInputError, listActionViews, saveActionReport, type ActionReportRow } from '@/lib/data/followup/measures';
import { getReview, listReviews, openReview, type ReviewView } from '@/lib/data/followup/reviews';
import { analyzeFile } from '@/lib/import/analyze';
import { commitImport } from '@/lib/import/commit';
import { loadImportContext } from '@/lib/import/load-context';
import {
  CADENCE_LABELS,
  createLocalIndicator,
  lastRemovedLink,
  listPlans,
  removeGoalIndicator,
  restoreGoalIndicator,
  saveGoalIndicator,
  startRevisedPlan,
  updateGoal,
} from '@/lib/plan/edit';
import type { PlanFile } from '@/lib/plan/plan-file';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

/** The plan and the catalogue as the files say, read straight from them (not through the seed). */
const planFile = JSON.parse(fs.readFileSync(path.resolve('data-imports/plan/hedemora-2024.json'), 'utf8')) as PlanFile;
const catalogue = JSON.parse(fs.readFileSync(path.resolve('data-imports/catalogue/indicators.json'), 'utf8')) as IndicatorFile[];

const TODAY = new Date('2026-11-25T12:00:00Z');
const actor = { actorId: 'user-samordnare', actor: 'samordnare@hedemora.se', ip: '192.0.2.44' };

const overallGoals = planFile.areas.flatMap((a) => a.overallGoals);
const tableGoals = planFile.areas.flatMap((a) => a.goals);
const planActions = planFile.areas.flatMap((a) => a.actions);

/** The övergripande mål and the table row whose wording changes. */
const OVERALL = overallGoals[0]!;
const ROW = tableGoals[0]!;
/** The table row that gets new indicator links (another than the edited one, so each change is seen alone). */
const LINK_GOAL = tableGoals[1]!;
const linkedToLinkGoal = new Set(LINK_GOAL.indicators.map((l) => l.indicator));
const unlinked = catalogue.filter((i) => !linkedToLinkGoal.has(i.id));
/** An indicator without any kön breakdown, and one that has it, neither linked to LINK_GOAL. */
const NO_SEX = unlinked.find((i) => !i.breakdowns.some((b) => b.includes('kön')))!;
const WITH_SEX = unlinked.find((i) => i.breakdowns.includes('kön'))!;

/** The kommun's own indicator: the table row that already follows orosanmälningar from the förskola gets it. */
const LOCAL_ID = 'lokal_orosanmalningar_forskola';
const LOCAL_GOAL = tableGoals.find((g) => g.indicators.some((l) => l.indicator === 'soc_orosanm_forskola'))!;
const localInput = {
  id: LOCAL_ID,
  name: 'Orosanmälningar från förskolan',
  definition: 'Antal orosanmälningar till socialtjänsten som kommunens förskolor gjort under kalenderåret.',
  unit: 'antal per år',
  unitKind: 'count',
  direction: 'ctx',
  type: 'count',
  decimals: '0',
  cadence: 'year',
  measuredGeography: 'Kommunens förskolor',
  caveats: '',
};
const localValues = [
  ['2023', 14],
  ['2024', 17],
  ['2025', 11],
] as const;
const localCsv = [
  'indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar',
  ...localValues.map(
    ([period, value], i) => `${LOCAL_ID};${i === 1 ? 'Hedemora' : planFile.kommunCode};${period};;;${value};;;;;Förskolans register`,
  ),
].join('\n');

const YEAR = 2026;
const MEETING = '2026-06-10';
const revision = {
  title: 'Reviderad åtgärdsplan för Hedemora kommuns brottsförebyggande arbete 2026–2028',
  decidedDate: '2026-09-15',
  decidedBy: 'Kommunstyrelsen',
  decisionParagraph: '§ 98',
  diarienummer: 'KS150-26 160',
  validFrom: '2026-10-01',
  reviseBy: '2028-09',
  basedOnLagesbild: '2025/2026',
};

describe.each(DRIVERS)('plan upkeep (mål, kopplingar, lokala mått, reviderad plan) on %s', (driver) => {
  let h: DbHandle;

  const auditCount = async () => Number((await h.db.select({ n: count() }).from(s.auditLog))[0]!.n);
  const lastAudit = async (action: string) =>
    (await h.db.select().from(s.auditLog).where(eq(s.auditLog.action, action)).orderBy(desc(s.auditLog.id)).limit(1))[0];
  const goalRow = async (planId: number, code: string) =>
    (
      await h.db
        .select()
        .from(s.goals)
        .where(and(eq(s.goals.planId, planId), eq(s.goals.code, code)))
    )[0];
  const linksOf = async (goalId: number) =>
    h.db
      .select()
      .from(s.goalIndicators)
      .where(eq(s.goalIndicators.goalId, goalId))
      .orderBy(asc(s.goalIndicators.sort), asc(s.goalIndicators.indicatorId));
  const allGoals = async () => h.db.select().from(s.goals).orderBy(asc(s.goals.id));
  const allLinks = async () =>
    h.db.select().from(s.goalIndicators).orderBy(asc(s.goalIndicators.goalId), asc(s.goalIndicators.indicatorId));

  let plan: PlanRow;
  /** The indicator newly linked to LINK_GOAL, and the baseline period given for it. */
  let linkInd: string;
  let baseline: string;

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
    plan = (await getCurrentPlan(h.db))!;
  });
  afterAll(async () => h?.close());

  it('picks its cases from the plan and catalogue files', () => {
    expect(plan.title).toBe(planFile.title);
    expect(plan.decidedDate).toBe(planFile.decidedDate);
    expect(NO_SEX).toBeDefined();
    expect(WITH_SEX).toBeDefined();
    expect(LOCAL_GOAL).toBeDefined();
    expect(catalogue.some((i) => i.id === LOCAL_ID)).toBe(false);
    expect(ROW.code).not.toBe(LINK_GOAL.code);
  });

  describe('updateGoal', () => {
    it('changes only the text of an övergripande mål (orsak, åtgärd, vem, förslag are ignored), audited old → new', async () => {
      const before = (await goalRow(plan.id, OVERALL.code))!;
      expect(before).toMatchObject({
        kind: 'overall',
        text: OVERALL.text,
        cause: null,
        actionText: null,
        responsibleText: null,
        proposal: null,
      });
      const audits = await auditCount();
      const text = 'Minska tillgången till narkotika i Hedemora, mätt som andelen som ser handel som ett problem.';
      const after = await updateGoal(
        h.db,
        '2083',
        OVERALL.code,
        {
          text: `  ${text}  `,
          cause: 'Ska inte sparas',
          actionText: 'Ska inte sparas',
          responsibleText: 'Ska inte sparas',
          proposal: 'Ska inte sparas',
        },
        actor,
      );
      expect(after).toEqual({ ...before, text });
      expect(await goalRow(plan.id, OVERALL.code)).toEqual(after);
      expect(await auditCount()).toBe(audits + 1);
      const audit = await lastAudit('plan_changed');
      expect(audit).toMatchObject({
        actorId: actor.actorId,
        actor: actor.actor,
        ip: actor.ip,
        targetType: 'mål',
        targetId: OVERALL.code,
        summary: `Ändrade målet ${OVERALL.code}.`,
        before: { text: OVERALL.text, cause: null, actionText: null, responsibleText: null, proposal: null },
        after: { text, cause: null, actionText: null, responsibleText: null, proposal: null },
      });
    });

    it('changes every column of a table row: mål, orsak, åtgärd, vem and förslag', async () => {
      const before = (await goalRow(plan.id, ROW.code))!;
      expect(before).toMatchObject({
        kind: 'table',
        text: ROW.goal,
        cause: ROW.cause,
        actionText: ROW.action,
        responsibleText: ROW.responsible,
        proposal: ROW.proposal,
      });
      const audits = await auditCount();
      const input = {
        text: 'Färre serveringsställen säljer alkohol till berusade eller underåriga.',
        cause: 'Kontrollköpen 2025 visade brister på två av fem ställen.',
        actionText: 'Utbilda all serveringspersonal i Ansvarsfull alkoholservering.',
        responsibleText: 'Alkoholhandläggare och Polisen',
        proposal: 'Kontrollköp två gånger om året.',
      };
      const after = await updateGoal(h.db, '2083', ROW.code, input, actor);
      expect(after).toEqual({ ...before, ...input });
      expect(await goalRow(plan.id, ROW.code)).toEqual(after);
      expect(await auditCount()).toBe(audits + 1);
      expect(await lastAudit('plan_changed')).toMatchObject({
        targetId: ROW.code,
        before: { text: ROW.goal, cause: ROW.cause, actionText: ROW.action, responsibleText: ROW.responsible, proposal: ROW.proposal },
        after: input,
      });
    });

    it('refuses an empty text and an unknown goal in Swedish, writing nothing', async () => {
      const goalsBefore = await allGoals();
      const audits = await auditCount();
      const empty = updateGoal(h.db, '2083', ROW.code, { text: '   ', cause: 'Något' }, actor);
      await expect(empty).rejects.toBeInstanceOf(FollowUpInputError);
      await expect(empty).rejects.toThrow('text: målet behöver en text');
      const unknown = updateGoal(h.db, '2083', 'X-G99', { text: 'Ett mål som inte finns.' }, actor);
      await expect(unknown).rejects.toBeInstanceOf(FollowUpInputError);
      await expect(unknown).rejects.toThrow('Målet X-G99 finns inte i den gällande planen.');
      expect(await allGoals()).toEqual(goalsBefore);
      expect(await auditCount()).toBe(audits);
    });
  });

  describe('saveGoalIndicator / removeGoalIndicator', () => {
    it('links a new indicator with role, baseline, target 8,5 and target year, shown on the goal page', async () => {
      // The first catalogue indicator not yet on the row (nor one of the two kön cases) that has a Hedemora series of
      // at least two periods.
      const candidates = unlinked.filter((i) => i.id !== NO_SEX.id && i.id !== WITH_SEX.id);
      const series = await h.db
        .select({ id: s.observations.indicatorId, period: s.observations.period })
        .from(s.observations)
        .where(
          and(
            inArray(
              s.observations.indicatorId,
              candidates.map((i) => i.id),
            ),
            eq(s.observations.regionCode, planFile.kommunCode),
            eq(s.observations.sex, 'T'),
            eq(s.observations.grp, ''),
            eq(s.observations.site, ''),
          ),
        )
        .orderBy(asc(s.observations.periodStart));
      const pick = candidates.find((i) => series.filter((r) => r.id === i.id).length >= 2);
      expect(pick).toBeDefined();
      linkInd = pick!.id;
      baseline = series.find((r) => r.id === linkInd)!.period;

      const goal = (await goalRow(plan.id, LINK_GOAL.code))!;
      const linksBefore = await linksOf(goal.id);
      expect(linksBefore.map((l) => l.indicatorId)).toEqual(LINK_GOAL.indicators.map((l) => l.indicator));
      const audits = await auditCount();

      const row = await saveGoalIndicator(
        h.db,
        '2083',
        LINK_GOAL.code,
        {
          indicatorId: linkInd,
          role: 'supporting',
          baselinePeriod: baseline,
          targetValue: '8,5',
          targetYear: '2027',
          sex: 'T',
          grp: '',
          note: '',
        },
        actor,
      );
      expect(row).toEqual({
        goalId: goal.id,
        indicatorId: linkInd,
        role: 'supporting',
        baselinePeriod: baseline,
        targetValue: 8.5,
        targetYear: 2027,
        sex: 'T',
        grp: '',
        note: null,
        sort: LINK_GOAL.indicators.length,
      });
      expect(await linksOf(goal.id)).toEqual([...linksBefore, row]);
      expect(await auditCount()).toBe(audits + 1);
      expect(await lastAudit('plan_changed')).toMatchObject({
        targetType: 'mål',
        targetId: LINK_GOAL.code,
        summary: `Kopplade måttet ${linkInd} till målet ${LINK_GOAL.code}.`,
        before: null,
        after: { role: 'supporting', baselinePeriod: baseline, targetValue: 8.5, targetYear: 2027, sex: 'T', grp: '', note: null },
      });

      const view = (await loadGoalView(h.db, LINK_GOAL.code, TODAY))!;
      expect(view.goal.code).toBe(LINK_GOAL.code);
      expect(view.indicators.map((i) => i.id)).toEqual([...LINK_GOAL.indicators.map((l) => l.indicator), linkInd]);
      const shown = view.indicators.find((i) => i.id === linkInd)!;
      expect(shown.role).toBe('supporting');
      expect(shown.name).toBe(pick!.name);
      expect(shown.chart.annotations.target).toBe(8.5);
      expect(shown.chart.annotations.baseline).toBe(baseline);
      // The plan itself sets no targets on this row: the target belongs to the new link only.
      for (const other of view.indicators.filter((i) => i.id !== linkInd)) expect(other.chart.annotations.target, other.id).toBeNull();
    });

    it('changing the link updates the one row in place, with the old values as before in the change log', async () => {
      const goal = (await goalRow(plan.id, LINK_GOAL.code))!;
      const audits = await auditCount();
      const row = await saveGoalIndicator(
        h.db,
        '2083',
        LINK_GOAL.code,
        {
          indicatorId: linkInd,
          role: 'primary',
          baselinePeriod: '',
          targetValue: '7',
          targetYear: 2028,
          note: 'Målet skärptes av arbetsgruppen.',
        },
        actor,
      );
      expect(row).toEqual({
        goalId: goal.id,
        indicatorId: linkInd,
        role: 'primary',
        baselinePeriod: null,
        targetValue: 7,
        targetYear: 2028,
        sex: 'T',
        grp: '',
        note: 'Målet skärptes av arbetsgruppen.',
        sort: LINK_GOAL.indicators.length,
      });
      const rows = await h.db
        .select()
        .from(s.goalIndicators)
        .where(and(eq(s.goalIndicators.goalId, goal.id), eq(s.goalIndicators.indicatorId, linkInd)));
      expect(rows).toEqual([row]);
      expect(await linksOf(goal.id)).toHaveLength(LINK_GOAL.indicators.length + 1);
      expect(await auditCount()).toBe(audits + 1);
      expect(await lastAudit('plan_changed')).toMatchObject({
        targetId: LINK_GOAL.code,
        summary: `Ändrade kopplingen måttet ${linkInd} för målet ${LINK_GOAL.code}.`,
        before: { role: 'supporting', baselinePeriod: baseline, targetValue: 8.5, targetYear: 2027, sex: 'T', grp: '', note: null },
        after: { role: 'primary', baselinePeriod: null, targetValue: 7, targetYear: 2028, note: 'Målet skärptes av arbetsgruppen.' },
      });
      const shown = (await loadGoalView(h.db, LINK_GOAL.code, TODAY))!.indicators.find((i) => i.id === linkInd)!;
      expect(shown).toMatchObject({ role: 'primary' });
      expect(shown.chart.annotations.target).toBe(7);
    });

    it('refuses a target without a year, a year without a target, a non-number, an unknown indicator and kön where there is none', async () => {
      const links = await allLinks();
      const audits = await auditCount();
      const refusals: [Record<string, unknown>, string][] = [
        [{ indicatorId: linkInd, role: 'primary', targetValue: '8,5' }, 'targetYear: ange både målvärde och målår, eller inget av dem'],
        [
          { indicatorId: linkInd, role: 'primary', targetValue: '8,5', targetYear: '' },
          'targetYear: ange både målvärde och målår, eller inget av dem',
        ],
        [{ indicatorId: linkInd, role: 'primary', targetYear: '2027' }, 'targetYear: ange både målvärde och målår, eller inget av dem'],
        // Refused, but see the report: the Swedish 'målvärdet ska vara ett tal' is lost to zod's union ('Invalid input').
        [{ indicatorId: linkInd, role: 'primary', targetValue: 'åtta', targetYear: '2027' }, 'targetValue: '],
        [{ indicatorId: linkInd, role: 'huvud' }, 'role: välj huvudmått, kompletterande eller sammanhang'],
        [{ indicatorId: 'finns_inte_alls', role: 'primary' }, 'Måttet finns_inte_alls finns inte i katalogen.'],
        [{ indicatorId: NO_SEX.id, role: 'context', sex: 'K' }, `Måttet ${NO_SEX.id} redovisas inte per kön.`],
      ];
      for (const [input, msg] of refusals) {
        const err = await saveGoalIndicator(h.db, '2083', LINK_GOAL.code, input, actor).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err, JSON.stringify(input)).toBeInstanceOf(FollowUpInputError);
        expect((err as Error).message, JSON.stringify(input)).toContain(msg);
      }
      await expect(saveGoalIndicator(h.db, '2083', 'X-G99', { indicatorId: linkInd, role: 'primary' }, actor)).rejects.toThrow(
        'Målet X-G99 finns inte i den gällande planen.',
      );
      expect(await allLinks()).toEqual(links);
      expect(await auditCount()).toBe(audits);
    });

    it('accepts kön K for an indicator the catalogue breaks down by kön', async () => {
      const goal = (await goalRow(plan.id, LINK_GOAL.code))!;
      const row = await saveGoalIndicator(
        h.db,
        '2083',
        LINK_GOAL.code,
        { indicatorId: WITH_SEX.id, role: 'context', sex: 'K', grp: ' åk 8 ' },
        actor,
      );
      expect(row).toEqual({
        goalId: goal.id,
        indicatorId: WITH_SEX.id,
        role: 'context',
        baselinePeriod: null,
        targetValue: null,
        targetYear: null,
        sex: 'K',
        grp: 'åk 8',
        note: null,
        sort: LINK_GOAL.indicators.length + 1,
      });
      // The one without kön may still be linked for the total.
      const total = await saveGoalIndicator(h.db, '2083', LINK_GOAL.code, { indicatorId: NO_SEX.id, role: 'context' }, actor);
      expect(total).toMatchObject({ indicatorId: NO_SEX.id, sex: 'T', sort: LINK_GOAL.indicators.length + 2 });
      expect((await loadGoalView(h.db, LINK_GOAL.code, TODAY))!.indicators.map((i) => i.id)).toEqual([
        ...LINK_GOAL.indicators.map((l) => l.indicator),
        linkInd,
        WITH_SEX.id,
        NO_SEX.id,
      ]);
    });

    it('removes a link with the change log, and refuses to remove one that does not exist', async () => {
      const goal = (await goalRow(plan.id, LINK_GOAL.code))!;
      const audits = await auditCount();
      await removeGoalIndicator(h.db, '2083', LINK_GOAL.code, NO_SEX.id, actor);
      await removeGoalIndicator(h.db, '2083', LINK_GOAL.code, WITH_SEX.id, actor);
      expect((await linksOf(goal.id)).map((l) => l.indicatorId)).toEqual([...LINK_GOAL.indicators.map((l) => l.indicator), linkInd]);
      expect(await auditCount()).toBe(audits + 2);
      expect(await lastAudit('plan_changed')).toMatchObject({
        targetType: 'mål',
        targetId: LINK_GOAL.code,
        summary: `Tog bort måttet ${WITH_SEX.id} från målet ${LINK_GOAL.code}.`,
        before: { indicatorId: WITH_SEX.id, role: 'context', baselinePeriod: null, targetValue: null, targetYear: null },
        after: null,
      });
      expect((await loadGoalView(h.db, LINK_GOAL.code, TODAY))!.indicators.map((i) => i.id)).toEqual([
        ...LINK_GOAL.indicators.map((l) => l.indicator),
        linkInd,
      ]);

      const links = await allLinks();
      const again = removeGoalIndicator(h.db, '2083', LINK_GOAL.code, WITH_SEX.id, actor);
      await expect(again).rejects.toBeInstanceOf(FollowUpInputError);
      await expect(again).rejects.toThrow(`Måttet ${WITH_SEX.id} är inte kopplat till målet ${LINK_GOAL.code}.`);
      // Linked elsewhere in the plan is not linked here.
      const elsewhere = tableGoals
        .flatMap((g) => g.indicators.map((l) => l.indicator))
        .find((id) => !linkedToLinkGoal.has(id) && id !== linkInd)!;
      await expect(removeGoalIndicator(h.db, '2083', LINK_GOAL.code, elsewhere, actor)).rejects.toThrow(
        `Måttet ${elsewhere} är inte kopplat till målet ${LINK_GOAL.code}.`,
      );
      await expect(removeGoalIndicator(h.db, '2083', 'X-G99', linkInd, actor)).rejects.toThrow(
        'Målet X-G99 finns inte i den gällande planen.',
      );
      expect(await allLinks()).toEqual(links);
      expect(await auditCount()).toBe(audits + 2);
    });

    it('undoes a removal: the link returns with its role, baseline, target and breakdown; a second undo and one never removed are refused', async () => {
      const goal = (await goalRow(plan.id, LINK_GOAL.code))!;
      const linked = await saveGoalIndicator(
        h.db,
        '2083',
        LINK_GOAL.code,
        {
          indicatorId: WITH_SEX.id,
          role: 'supporting',
          baselinePeriod: '2021',
          targetValue: '12,5',
          targetYear: '2027',
          sex: 'K',
          grp: 'åk 9',
          note: 'Flickorna räknas.',
        },
        actor,
      );
      const withLink = await linksOf(goal.id);
      const removedRow = await removeGoalIndicator(h.db, '2083', LINK_GOAL.code, WITH_SEX.id, actor);
      expect(removedRow).toEqual(linked);
      expect(await lastRemovedLink(h.db, '2083', LINK_GOAL.code, WITH_SEX.id)).toEqual({
        indicatorId: WITH_SEX.id,
        role: 'supporting',
        baselinePeriod: '2021',
        targetValue: 12.5,
        targetYear: 2027,
        sex: 'K',
        grp: 'åk 9',
        note: 'Flickorna räknas.',
      });
      expect((await linksOf(goal.id)).map((l) => l.indicatorId)).not.toContain(WITH_SEX.id);

      const audits = await auditCount();
      const restored = await restoreGoalIndicator(h.db, '2083', LINK_GOAL.code, WITH_SEX.id, actor);
      const { sort: _sort, ...restoredValues } = restored;
      const { sort: _linkedSort, ...linkedValues } = linked;
      expect(restoredValues).toEqual(linkedValues);
      expect((await linksOf(goal.id)).map((l) => l.indicatorId).sort()).toEqual(withLink.map((l) => l.indicatorId).sort());
      expect(await auditCount()).toBe(audits + 1);
      expect(await lastAudit('plan_changed')).toMatchObject({
        summary: `Kopplade måttet ${WITH_SEX.id} till målet ${LINK_GOAL.code}.`,
        before: null,
      });

      const links = await allLinks();
      await expect(restoreGoalIndicator(h.db, '2083', LINK_GOAL.code, WITH_SEX.id, actor)).rejects.toThrow(
        `Måttet ${WITH_SEX.id} är redan kopplat till målet ${LINK_GOAL.code} igen`,
      );
      await expect(restoreGoalIndicator(h.db, '2083', LINK_GOAL.code, 'finns_inte_alls', actor)).rejects.toThrow(
        'Det finns ingen borttagen koppling',
      );
      expect(await allLinks()).toEqual(links);
      expect(await auditCount()).toBe(audits + 1);
      // Leave the row as the tests below expect it.
      await removeGoalIndicator(h.db, '2083', LINK_GOAL.code, WITH_SEX.id, actor);
    });
  });

  describe('createLocalIndicator', () => {
    it('a file with values for the local indicator is refused while it does not exist', async () => {
      const a = await analyzeFile(
        { fileName: 'orosanmalningar.csv', bytes: new TextEncoder().encode(localCsv) },
        await loadImportContext(h.db),
      );
      expect(a.issues).toHaveLength(localValues.length);
      for (const i of a.issues)
        expect(i).toMatchObject({ column: 'indikator', value: LOCAL_ID, message: expect.stringMatching(/^okänd indikator/) });
    });

    it('adds the local indicator with source kommun, audited', async () => {
      const audits = await auditCount();
      const row = await createLocalIndicator(h.db, '2083', localInput, actor);
      const expected = {
        id: LOCAL_ID,
        name: localInput.name,
        nameEn: localInput.name,
        definition: localInput.definition,
        question: null,
        unit: localInput.unit,
        unitKind: 'count',
        direction: 'ctx',
        type: 'count',
        decimals: 0,
        sourceId: 'kommun',
        breakdowns: [],
        cadence: CADENCE_LABELS.year,
        goalArea: 'lokal',
        measuredGeography: localInput.measuredGeography,
        publishedLevels: ['kommun'],
        caveats: null,
      };
      expect(row).toEqual(expected);
      expect(CADENCE_LABELS.year).toBe('Årligen');
      expect(await h.db.select().from(s.indicators).where(eq(s.indicators.id, LOCAL_ID))).toEqual([expected]);
      expect(await auditCount()).toBe(audits + 1);
      const audit = await lastAudit('indicator_created');
      expect(audit).toMatchObject({
        actorId: actor.actorId,
        actor: actor.actor,
        targetType: 'mått',
        targetId: LOCAL_ID,
        before: null,
        after: { id: LOCAL_ID, name: localInput.name, unitKind: 'count', decimals: 0, cadence: 'year', caveats: null },
      });
      expect(audit!.summary).toContain(planFile.title);
    });

    it('refuses a bad id and an id already in the catalogue, writing nothing', async () => {
      const before = await h.db.select().from(s.indicators).orderBy(asc(s.indicators.id));
      const audits = await auditCount();
      const bad = createLocalIndicator(h.db, '2083', { ...localInput, id: 'Ö!' }, actor);
      await expect(bad).rejects.toBeInstanceOf(FollowUpInputError);
      await expect(bad).rejects.toThrow(/små bokstäver a–z, siffror och _/);
      for (const id of [LOCAL_ID, ` ${LOCAL_ID.toUpperCase()} `, catalogue[0]!.id]) {
        const dup = createLocalIndicator(h.db, '2083', { ...localInput, id }, actor);
        await expect(dup, id).rejects.toBeInstanceOf(FollowUpInputError);
        await expect(dup, id).rejects.toThrow(`Det finns redan ett mått med id ${id.trim().toLowerCase()}.`);
      }
      await expect(
        createLocalIndicator(h.db, '2083', { ...localInput, id: 'lokal_nagot_annat', definition: 'kort' }, actor),
      ).rejects.toThrow(/beskriv vad som räknas/);
      await expect(
        createLocalIndicator(h.db, '2083', { ...localInput, id: 'lokal_nagot_annat', cadence: 'dagligen' }, actor),
      ).rejects.toBeInstanceOf(FollowUpInputError);
      expect(await h.db.select().from(s.indicators).orderBy(asc(s.indicators.id))).toEqual(before);
      expect(await auditCount()).toBe(audits);
    });

    it('links it to a goal and imports a generic file of its values through the real pipeline', async () => {
      await saveGoalIndicator(h.db, '2083', LOCAL_GOAL.code, { indicatorId: LOCAL_ID, role: 'supporting' }, actor);
      const ctx = await loadImportContext(h.db);
      const a = await analyzeFile({ fileName: 'orosanmalningar.csv', bytes: new TextEncoder().encode(localCsv) }, ctx);
      expect(a.issues).toEqual([]);
      expect(a.adapter.id).toBe('generic');
      expect(a.observations).toHaveLength(localValues.length);
      const res = await commitImport(h.db, a, { createdBy: actor.actor, audit: actor });
      expect(res).toMatchObject({ inserted: localValues.length, updated: 0, unchanged: 0 });
      const stored = await h.db
        .select()
        .from(s.observations)
        .where(eq(s.observations.indicatorId, LOCAL_ID))
        .orderBy(asc(s.observations.periodStart));
      expect(stored.map((o) => [o.regionCode, o.period, o.value, o.importId, o.isExample])).toEqual(
        localValues.map(([p, v]) => [planFile.kommunCode, p, v, res.importId, false]),
      );

      const view = (await loadGoalView(h.db, LOCAL_GOAL.code, TODAY))!;
      expect(view.indicators.map((i) => i.id)).toEqual([...LOCAL_GOAL.indicators.map((l) => l.indicator), LOCAL_ID]);
      const shown = view.indicators.find((i) => i.id === LOCAL_ID)!;
      expect(shown).toMatchObject({
        name: localInput.name,
        unit: localInput.unit,
        role: 'supporting',
        measuredGeography: localInput.measuredGeography,
        hasExample: false,
      });
      expect(shown.table.map((r) => [r.region, r.period, r.value])).toEqual(localValues.map(([p, v]) => ['Hedemora', p, v]));
    });
  });

  describe('startRevisedPlan', () => {
    let report: ActionReportRow;
    let reviewBefore: ReviewView;
    let revised: PlanRow;
    const reportAction = planActions[0]!;

    /** Everything of one plan, as stored. */
    const planRows = async (planId: number) => {
      const areas = await h.db.select().from(s.priorityAreas).where(eq(s.priorityAreas.planId, planId)).orderBy(asc(s.priorityAreas.id));
      const goals = await h.db.select().from(s.goals).where(eq(s.goals.planId, planId)).orderBy(asc(s.goals.id));
      const actions = await h.db.select().from(s.actions).where(eq(s.actions.planId, planId)).orderBy(asc(s.actions.id));
      const goalIds = goals.map((g) => g.id);
      const actionIds = actions.map((a) => a.id);
      const responsibles = await h.db
        .select()
        .from(s.actionResponsibles)
        .where(inArray(s.actionResponsibles.actionId, actionIds))
        .orderBy(asc(s.actionResponsibles.actionId), asc(s.actionResponsibles.sort));
      const goalActions = await h.db
        .select()
        .from(s.goalActions)
        .where(inArray(s.goalActions.goalId, goalIds))
        .orderBy(asc(s.goalActions.goalId), asc(s.goalActions.actionId));
      const goalIndicators = await h.db
        .select()
        .from(s.goalIndicators)
        .where(inArray(s.goalIndicators.goalId, goalIds))
        .orderBy(asc(s.goalIndicators.goalId), asc(s.goalIndicators.indicatorId));
      const reports = await h.db
        .select()
        .from(s.actionReports)
        .where(inArray(s.actionReports.actionId, actionIds))
        .orderBy(asc(s.actionReports.id));
      const [plan] = await h.db.select().from(s.plans).where(eq(s.plans.id, planId));
      return { plan, areas, goals, actions, responsibles, goalActions, goalIndicators, reports };
    };
    const counts = async (planId: number) => {
      const r = await planRows(planId);
      return {
        areas: r.areas.length,
        goals: r.goals.length,
        actions: r.actions.length,
        responsibles: r.responsibles.length,
        goalActions: r.goalActions.length,
        goalIndicators: r.goalIndicators.length,
      };
    };
    /** The same rows keyed by code instead of id, to compare a copy with its original. */
    const byCode = async (planId: number) => {
      const r = await planRows(planId);
      const area = new Map(r.areas.map((a) => [a.id, a.code]));
      const goal = new Map(r.goals.map((g) => [g.id, g.code]));
      const action = new Map(r.actions.map((a) => [a.id, a.code]));
      return {
        areas: r.areas.map(({ id: _i, planId: _p, ...a }) => a),
        goals: r.goals.map(({ id: _i, planId: _p, areaId, ...g }) => ({ ...g, area: area.get(areaId) })),
        actions: r.actions.map(({ id: _i, planId: _p, areaId, ...a }) => ({ ...a, area: area.get(areaId) })),
        responsibles: r.responsibles.map(({ actionId, ...x }) => ({ ...x, action: action.get(actionId) })),
        goalActions: r.goalActions.map((x) => [goal.get(x.goalId), action.get(x.actionId)]).sort(),
        goalIndicators: r.goalIndicators
          .map(({ goalId, ...x }) => ({ ...x, goal: goal.get(goalId) }))
          .sort((a, b) => `${a.goal}/${a.indicatorId}`.localeCompare(`${b.goal}/${b.indicatorId}`)),
      };
    };

    it('before the revision: a delrapport is saved and the review of the year is opened under the current plan', async () => {
      const [action] = await h.db
        .select()
        .from(s.actions)
        .where(and(eq(s.actions.planId, plan.id), eq(s.actions.code, reportAction.code)));
      report = await saveActionReport(
        h.db,
        action!.id,
        { year: YEAR, done: 'Utbildade personal på fyra serveringsställen.', asPlanned: 'yes', hours: '6' },
        actor,
      );
      const review = await openReview(h.db, '2083', { year: YEAR, meetingDate: MEETING }, actor);
      expect(review).toMatchObject({ planId: plan.id, year: YEAR, meetingDate: MEETING });
      reviewBefore = (await getReview(h.db, YEAR))!;
      expect(reviewBefore.snapshot.overview.plan.title).toBe(planFile.title);
    });

    it("refuses a decision date not after the current plan's and a bad revise-by month, writing nothing", async () => {
      const plans = await h.db.select().from(s.plans);
      const goals = await allGoals();
      const audits = await auditCount();
      const earlier = new Date(`${planFile.decidedDate}T12:00:00Z`);
      earlier.setUTCDate(earlier.getUTCDate() - 1);
      for (const decidedDate of [planFile.decidedDate, earlier.toISOString().slice(0, 10)]) {
        const err = await startRevisedPlan(h.db, '2083', { ...revision, decidedDate }, actor).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err, decidedDate).toBeInstanceOf(FollowUpInputError);
        expect((err as Error).message).toBe(`Den reviderade planen måste vara beslutad efter den gällande (${planFile.decidedDate}).`);
      }
      for (const reviseBy of ['2026-13', '2026-00', '2026-9', 'september 2028']) {
        const bad = startRevisedPlan(h.db, '2083', { ...revision, reviseBy }, actor);
        await expect(bad, reviseBy).rejects.toBeInstanceOf(FollowUpInputError);
        await expect(bad, reviseBy).rejects.toThrow('reviseBy: ange månad för senaste revidering, ÅÅÅÅ-MM');
      }
      await expect(startRevisedPlan(h.db, '2083', { ...revision, decidedDate: '2026-02-30' }, actor)).rejects.toThrow(
        /decidedDate: ange beslutsdatum/,
      );
      expect(await h.db.select().from(s.plans)).toEqual(plans);
      expect(await allGoals()).toEqual(goals);
      expect(await auditCount()).toBe(audits);
    });

    it('copies the current plan under the new decision and makes the copy current, leaving the old plan untouched', async () => {
      const oldRows = await planRows(plan.id);
      const oldByCode = await byCode(plan.id);
      const oldCounts = await counts(plan.id);
      expect(oldCounts).toMatchObject({
        areas: planFile.areas.length,
        goals: overallGoals.length + tableGoals.length,
        actions: planActions.length,
        responsibles: planActions.reduce((n, a) => n + a.responsible.length, 0),
        goalActions: tableGoals.reduce((n, g) => n + g.actionCodes.length, 0),
      });
      const audits = await auditCount();

      revised = await startRevisedPlan(h.db, '2083', revision, actor);
      expect(revised.id).not.toBe(plan.id);
      expect(revised).toMatchObject({
        ...revision,
        documentDate: revision.decidedDate,
        kommunCode: planFile.kommunCode,
        vision: planFile.vision,
        mission: planFile.mission,
        introduction: planFile.introduction,
        documentOwner: planFile.documentOwner,
        documentResponsible: planFile.documentResponsible,
        createdBy: planFile.createdBy,
      });
      expect(await getCurrentPlan(h.db)).toEqual(revised);
      expect((await listPlans(h.db)).map((p) => [p.id, p.title, p.decidedDate])).toEqual([
        [revised.id, revision.title, revision.decidedDate],
        [plan.id, planFile.title, planFile.decidedDate],
      ]);

      expect(await counts(revised.id)).toEqual(oldCounts);
      // The copy is the plan as it stands, edits included: same rows under new ids.
      expect(await byCode(revised.id)).toEqual(oldByCode);
      expect(oldByCode.goals.find((g) => g.code === ROW.code)!.text).not.toBe(ROW.goal);
      expect(oldByCode.goalIndicators.some((l) => l.goal === LOCAL_GOAL.code && l.indicatorId === LOCAL_ID)).toBe(true);
      const newRows = await planRows(revised.id);
      expect(newRows.reports).toEqual([]);
      const oldIds = new Set(oldRows.goals.map((g) => g.id));
      expect(newRows.goals.some((g) => oldIds.has(g.id))).toBe(false);
      expect(await planRows(plan.id)).toEqual(oldRows);

      expect(await auditCount()).toBe(audits + 1);
      const audit = await lastAudit('plan_revised');
      expect(audit).toMatchObject({
        actorId: actor.actorId,
        actor: actor.actor,
        targetType: 'plan',
        targetId: String(revised.id),
        before: { planId: plan.id, title: planFile.title, decidedDate: planFile.decidedDate, reviseBy: planFile.reviseBy },
        after: { planId: revised.id, ...revision },
      });
      expect(audit!.summary).toContain('dess 1 uppföljningar finns kvar');
    });

    it("keeps the earlier review readable with its snapshot, listed under the old plan's title", async () => {
      const view = (await getReview(h.db, YEAR))!;
      expect(view.review).toEqual(reviewBefore.review);
      expect(view.review.planId).toBe(plan.id);
      expect(view.snapshot).toEqual(reviewBefore.snapshot);
      // The review's goals are the old plan's rows, not the copy's.
      const oldGoals = await h.db.select({ id: s.goals.id, code: s.goals.code }).from(s.goals).where(eq(s.goals.planId, plan.id));
      expect(view.goalIds).toEqual(new Map(oldGoals.map((g) => [g.code, g.id])));
      const list = await listReviews(h.db);
      expect(list.map((r) => [r.year, r.planId, r.planTitle, r.planDecided])).toEqual([
        [YEAR, plan.id, planFile.title, planFile.decidedDate],
      ]);
    });

    it("keeps the old plan's åtgärder with their delrapporter; the new plan's åtgärder start without", async () => {
      const old = await listActionViews(h.db, plan.id);
      expect(old.map((v) => v.action.code)).toEqual(planActions.map((a) => a.code));
      expect(old.every((v) => v.action.planId === plan.id)).toBe(true);
      expect(old.find((v) => v.action.code === reportAction.code)!.reports).toEqual([report]);
      expect(old.filter((v) => v.action.code !== reportAction.code).every((v) => v.reports.length === 0)).toBe(true);
      expect(old.find((v) => v.action.code === reportAction.code)!.responsible).toEqual(reportAction.responsible);

      const current = await listActionViews(h.db);
      expect(current.map((v) => v.action.code)).toEqual(planActions.map((a) => a.code));
      expect(current.every((v) => v.action.planId === revised.id)).toBe(true);
      expect(current.every((v) => v.reports.length === 0)).toBe(true);
      expect(current.find((v) => v.action.code === reportAction.code)!.responsible).toEqual(reportAction.responsible);

      // The old plan's åtgärder are read-only now: a delrapport goes to the current plan's.
      const oldAction = old.find((v) => v.action.code === reportAction.code)!.action;
      await expect(saveActionReport(h.db, oldAction.id, { year: YEAR + 1, done: 'För sent.', asPlanned: 'yes' }, actor)).rejects.toThrow(
        'Åtgärden finns inte i den gällande planen.',
      );
    });

    it("refuses to open the year's review again, and edits after the revision change only the new plan", async () => {
      const audits = await auditCount();
      const again = openReview(h.db, '2083', { year: YEAR, meetingDate: '2026-11-20' }, actor);
      await expect(again).rejects.toBeInstanceOf(FollowUpInputError);
      await expect(again).rejects.toThrow(`Uppföljningen ${YEAR} är redan öppnad.`);
      expect((await h.db.select().from(s.reviews)).map((r) => [r.year, r.planId, r.meetingDate])).toEqual([[YEAR, plan.id, MEETING]]);
      expect(await auditCount()).toBe(audits);

      const oldGoal = await goalRow(plan.id, OVERALL.code);
      const text = 'Ett reviderat övergripande mål för narkotikaområdet.';
      const after = await updateGoal(h.db, '2083', OVERALL.code, { text }, actor);
      expect(after.planId).toBe(revised.id);
      expect((await goalRow(revised.id, OVERALL.code))!.text).toBe(text);
      expect(await goalRow(plan.id, OVERALL.code)).toEqual(oldGoal);
      expect((await getReview(h.db, YEAR))!.snapshot).toEqual(reviewBefore.snapshot);

      // The copied link keeps its target, now on the current plan's goal page.
      const shown = (await loadGoalView(h.db, LINK_GOAL.code, TODAY))!;
      expect(shown.plan.id).toBe(revised.id);
      expect(shown.indicators.find((i) => i.id === linkInd)!.chart.annotations.target).toBe(7);

      // A second revision is measured against the revised plan now in force.
      const between = startRevisedPlan(
        h.db,
        '2083',
        { ...revision, title: 'Ännu en revidering av planen', decidedDate: '2026-05-01' },
        actor,
      );
      await expect(between).rejects.toThrow(`Den reviderade planen måste vara beslutad efter den gällande (${revision.decidedDate}).`);
    });
  });
});
