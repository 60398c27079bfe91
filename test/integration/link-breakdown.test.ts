import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGoalView } from '@/lib/data/goal-query';
import { loadOverview } from '@/lib/data/overview-query';
import type { DbHandle } from '@/lib/db/client';
import { analyzeFile } from '@/lib/import/analyze';
import { commitImport } from '@/lib/import/commit';
import { loadImportContext } from '@/lib/import/load-context';
import { saveGoalIndicator } from '@/lib/plan/edit';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

/*
 * "Which breakdown counts" on a goal ↔ indicator link: the goal page and the overview assess and show that
 * series (here girls in åk 8), not the total, and say it is a subgroup.
 */
const TODAY = new Date('2026-11-25T12:00:00Z');
const actor = { actorId: null, actor: 'testerna' };
// Two far-apart values for girls in åk 8, so the subgroup's verdict differs from the total's.
const CSV = [
  'indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar',
  'lupp_hotad;2083;2021;Kvinnor;åk 8;40;;;180;;',
  'lupp_hotad;2083;2024;Kvinnor;åk 8;6;;;175;;',
].join('\n');

describe.each(DRIVERS)('the breakdown a goal link counts, on %s', (driver) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
    const ctx = await loadImportContext(h.db);
    const analysis = await analyzeFile({ fileName: 'lupp-flickor.csv', bytes: new TextEncoder().encode(CSV) }, ctx, 10 * 1024 * 1024);
    expect(analysis.issues).toEqual([]);
    await commitImport(h.db, analysis, { createdBy: 'testerna' });
  });
  afterAll(async () => h?.close());

  it('assesses and shows the subgroup once the link says so', async () => {
    const before = (await loadGoalView(h.db, 'V-M1', TODAY))!.indicators.find((i) => i.id === 'lupp_hotad')!;
    expect(before.name).not.toContain('åk 8');
    const totalLatest = before.table.find((r) => r.period === '2024' && r.region === 'Hedemora')!.value;
    expect(totalLatest).not.toBe(6);

    await saveGoalIndicator(h.db, '2083', 'V-M1', { indicatorId: 'lupp_hotad', role: 'primary', sex: 'K', grp: 'åk 8' }, actor);

    const after = (await loadGoalView(h.db, 'V-M1', TODAY))!.indicators.find((i) => i.id === 'lupp_hotad')!;
    expect(after.name).toContain('Kvinnor/tjejer, åk 8');
    expect(after.table.filter((r) => r.region === 'Hedemora').map((r) => [r.period, r.value])).toEqual([
      ['2021', 40],
      ['2024', 6],
    ]);
    expect(after.assessment.verdict.label).toBe('Säkerställd förbättring');
    expect(after.assessment.verdict.label).not.toBe(before.assessment.verdict.label);

    const overview = (await loadOverview(h.db, TODAY))!;
    const card = overview.areas
      .flatMap((a) => a.goals)
      .find((g) => g.code === 'V-M1')!
      .indicators.find((i) => i.id === 'lupp_hotad')!;
    expect(card.latest.kommun?.value).toBe(6);
    expect(card.name).toContain('åk 8');
  });
});
