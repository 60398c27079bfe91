import { describe, expect, it } from 'vitest';
import { indicatorsFileSchema, sourcesFileSchema } from '@/lib/catalogue/catalogue-file';
import { planFileSchema, type PlanFile } from '@/lib/plan/plan-file';
import { readRepoJson, readSharedFile } from './_fixtures';

const indicatorsRaw = readRepoJson('data-imports/catalogue/indicators.json');
const sourcesRaw = readRepoJson('data-imports/catalogue/sources.json');
const planRaw = readRepoJson('data-imports/plan/hedemora-2024.json');
const planText = readSharedFile('plan/atgardsplan-hedemora-2024.txt');
const planLines = planText.split(/\r?\n/);

/** The ids in the first column of the indicator table in domain.md §4. */
function domainIndicatorIds(): string[] {
  const doc = readSharedFile('docs/domain.md').split('\n');
  const start = doc.findIndex((l) => l.startsWith('## 4.'));
  const end = doc.findIndex((l, i) => i > start && l.startsWith('## '));
  const ids: string[] = [];
  for (const line of doc.slice(start, end)) {
    if (!line.startsWith('| `')) continue;
    const firstCell = line.split('|')[1]!;
    ids.push(...[...firstCell.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]!));
  }
  return ids;
}

describe('catalogue files', () => {
  const indicators = indicatorsFileSchema.parse(indicatorsRaw);
  const sources = sourcesFileSchema.parse(sourcesRaw);

  it('indicators.json and sources.json validate', () => {
    expect(indicatorsFileSchema.safeParse(indicatorsRaw).success).toBe(true);
    expect(sourcesFileSchema.safeParse(sourcesRaw).success).toBe(true);
  });

  it('ids are unique', () => {
    expect(new Set(indicators.map((i) => i.id)).size).toBe(indicators.length);
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
  });

  it('the domain.md §4 table is read as expected (incl. the cell with three ids)', () => {
    const ids = domainIndicatorIds();
    expect(ids).toContain('avlopp_mdma');
    expect(ids).toContain('avlopp_metamfetamin');
    expect(ids).toContain('avlopp_tramadol');
    expect(ids).toContain('lagesbild_aktualitet');
    // 36 table rows, one of which lists three ids.
    expect(ids).toHaveLength(38);
    expect(new Set(ids).size).toBe(38);
  });

  it.each(domainIndicatorIds())('domain.md §4 id %s is in indicators.json', (id) => {
    expect(indicators.map((i) => i.id)).toContain(id);
  });

  it("every indicator's sourceId exists in sources.json", () => {
    const sourceIds = new Set(sources.map((s) => s.id));
    const missing = indicators.filter((i) => !sourceIds.has(i.sourceId)).map((i) => `${i.id} → ${i.sourceId}`);
    expect(missing).toEqual([]);
  });

  it('wastewater indicators are in mg per 1000 inhabitants per day', () => {
    for (const i of indicators.filter((x) => x.type === 'wastewater')) expect(i.unitKind).toBe('mg_per_1000_day');
  });

  it('"per 100 000 inv" indicators (domain.md ids ending _100k) have unitKind per_100k', () => {
    for (const i of indicators.filter((x) => x.id.endsWith('_100k'))) expect(i.unitKind).toBe('per_100k');
  });
});

// ---------------------------------------------------------------------------------------------

const TABLE_HEADER = 'Mål\tOrsak\tÅtgärd\tVem?\tFörslag detaljerad åtgärdsplan';
const FIELDS = ['goal', 'cause', 'action', 'responsible', 'proposal'] as const;

/** Same normalisation on both sides: markup out, whitespace collapsed, no space before ".". */
function norm(s: string): string {
  return s
    .replace(/<\/?[ib]>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ \./g, '.');
}

/** Bullets are markdown: *italic* marks go too. */
function normBullet(s: string): string {
  return norm(s.replace(/\*/g, ''));
}

function textTables(): string[][][] {
  const tables: string[][][] = [];
  planLines.forEach((line, i) => {
    if (line !== TABLE_HEADER) return;
    const rows: string[][] = [];
    for (const next of planLines.slice(i + 1)) {
      const cells = next.split('\t');
      if (cells.length !== 5) break;
      rows.push(cells);
    }
    tables.push(rows);
  });
  return tables;
}

function textBullets(): string[][] {
  const lists: string[][] = [];
  planLines.forEach((line, i) => {
    if (line.trim() !== '### Åtgärder:') return;
    const bullets: string[] = [];
    for (const next of planLines.slice(i + 1)) {
      if (next.startsWith('- ')) bullets.push(next.slice(2));
      else if (next.trim() === '' && bullets.length === 0) continue;
      else break;
    }
    lists.push(bullets);
  });
  return lists;
}

describe('data-imports/plan/hedemora-2024.json', () => {
  const result = planFileSchema.safeParse(planRaw);
  const plan = planFileSchema.parse(planRaw) as PlanFile;
  const indicatorIds = new Set(indicatorsFileSchema.parse(indicatorsRaw).map((i) => i.id));

  it('validates with planFileSchema', () => {
    expect(result.success).toBe(true);
  });

  it("is Hedemora's plan with three areas N, V, T", () => {
    expect(plan.kommunCode).toBe('2083');
    expect(plan.areas.map((a) => a.code)).toEqual(['N', 'V', 'T']);
  });

  it('decision: 2024-09-17, § 134; revise by 2026-07 (as in the plan text)', () => {
    expect(plan.decidedDate).toBe('2024-09-17');
    expect(plan.reviseBy).toBe('2026-07');
    expect(plan.decisionParagraph).toContain('134');
    const decided = /Ursprungligt beslutsdatum (\d{4}-\d{2}-\d{2}), § (\d+)/.exec(planText);
    expect(decided).not.toBeNull();
    expect(plan.decidedDate).toBe(decided![1]);
    expect(plan.decisionParagraph).toContain(decided![2]);
    expect(plan.reviseBy).toBe(/Bör revideras senast (\d{4}-\d{2})/.exec(planText)![1]);
  });

  it('document date, validity and diarienummer match the plan text', () => {
    expect(plan.documentDate).toBe(/Datum (\d{4}-\d{2}-\d{2})/.exec(planText)![1]);
    expect(plan.validFrom).toBe(/Giltighet fr o m: (\d{4}-\d{2}-\d{2})/.exec(planText)![1]);
    expect(planText).toContain(`Dnr ${plan.diarienummer}`);
  });

  it('the plan text has three tables of 3, 6 and 3 rows', () => {
    expect(textTables().map((t) => t.length)).toEqual([3, 6, 3]);
  });

  it('each area has as many table goals as its table has rows', () => {
    expect(plan.areas.map((a) => a.goals.length)).toEqual(textTables().map((t) => t.length));
  });

  const cellCases = textTables().flatMap((rows, a) =>
    rows.flatMap((cells, r) => FIELDS.map((field, c) => [a, r, field, cells[c]!] as const)),
  );
  it.each(cellCases)('area %d row %d: %s is transcribed faithfully', (a, r, field, cell) => {
    const goal = plan.areas[a]!.goals[r]!;
    expect(norm(goal[field])).toBe(norm(cell));
  });

  it('the normalisation leaves no markup behind', () => {
    for (const [, , , cell] of cellCases) expect(norm(cell)).not.toMatch(/<\/?[ib]>/);
  });

  it('each area\'s "### Åtgärder:" list has as many bullets as the area has actions', () => {
    expect(textBullets().map((b) => b.length)).toEqual(plan.areas.map((a) => a.actions.length));
    expect(textBullets().map((b) => b.length)).toEqual([5, 6, 4]);
  });

  const bulletCases = textBullets().flatMap((bullets, a) => bullets.map((b) => [a, b] as const));
  it.each(bulletCases)('area %d bullet %j is an action title', (a, bullet) => {
    const titles = plan.areas[a]!.actions.map((x) => normBullet(x.title));
    expect(titles).toContain(normBullet(bullet));
  });

  it('every indicator link points at an id in indicators.json', () => {
    const links = plan.areas.flatMap((a) =>
      [...a.overallGoals, ...a.goals].flatMap((g) => g.indicators.map((l) => `${g.code}:${l.indicator}`)),
    );
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !indicatorIds.has(l.split(':')[1]!))).toEqual([]);
  });

  it("every table goal's actionCodes exist in its area, and every action is used by a goal", () => {
    for (const area of plan.areas) {
      const actionCodes = new Set(area.actions.map((x) => x.code));
      const used = new Set(area.goals.flatMap((g) => g.actionCodes));
      for (const g of area.goals) {
        expect(g.actionCodes.length).toBeGreaterThan(0);
        for (const c of g.actionCodes) expect(actionCodes.has(c), `${g.code} → ${c}`).toBe(true);
      }
      expect([...actionCodes].filter((c) => !used.has(c))).toEqual([]);
    }
  });

  it('codes are unique across the plan', () => {
    const codes = plan.areas.flatMap((a) => [
      a.code,
      ...a.overallGoals.map((g) => g.code),
      ...a.actions.map((x) => x.code),
      ...a.goals.map((g) => g.code),
    ]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("each area's heading is a heading of the plan text", () => {
    for (const a of plan.areas) expect(planLines).toContain(`## ${a.heading}`);
  });

  it('the 38 % baseline the plan text quotes is the Svenskt Näringsliv link note', () => {
    expect(planText).toMatch(/38 procent/);
    const notes = plan.areas
      .flatMap((a) => a.overallGoals.flatMap((g) => g.indicators))
      .filter((l) => l.indicator === 'sn_brott_paverkar_foretag');
    expect(notes.length).toBeGreaterThan(0);
    for (const l of notes) expect(l.note).toMatch(/38\s?%/);
  });
});
