import { and, count, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { withTx } from '../db/tx';
import {
  actionResponsibles,
  actions,
  goalActions,
  goalIndicators,
  goals,
  imports,
  indicators,
  plans,
  priorityAreas,
  comparisonGroupMembers,
  comparisonGroups,
  regionAliases,
  regions,
  sources,
} from '../db/schema';
import type { IndicatorLink, PlanFile } from '../plan/plan-file';
import type { ImportContext } from '../import/context';
import { analyzeFile } from '../import/analyze';
import { commitImport } from '../import/commit';
import { loadImportContext } from '../import/load-context';
import { eudaAdapter } from '../import/sources/euda';
import { writeObservations, type MergeCounts } from '../import/stage';
import { parseDelimited } from '../import/table';
import { generateExampleObservations } from './example-data';
import type { SeedFiles, TextFile } from './files';
import { RIKET_CODE } from '../regions/codes';
import { buildRegions } from './regions';
import { buildComparisonGroups } from './comparison-groups';

/** The EUDA adapter maps sites itself and needs no catalogue lookups. */
const NO_CONTEXT = {} as ImportContext;

export interface SeedSummary {
  regions: number;
  indicators: number;
  planCreated: boolean;
  euda: MergeCounts;
  /** Published statistics files (data-imports/real-data.json), loaded through the import pipeline. */
  real: MergeCounts;
  examples: MergeCounts;
}

/** Loads reference data, the plan, real EUDA data and example series, in one transaction. Idempotent. */
export async function seed(db: Db, files: SeedFiles): Promise<SeedSummary> {
  return withTx(db, async (tx) => {
    const regionCount = await seedRegions(tx, files);
    await seedCatalogue(tx, files);
    await seedComparisonGroups(tx, files);
    let planCreated = false;
    for (const p of files.plans) planCreated = (await seedPlan(tx, p.plan, p.file)) || planCreated;
    const euda = await seedEuda(tx, files);
    const real = await seedRealData(tx, files);
    const examples = await seedExamples(tx, files);
    return { regions: regionCount, indicators: files.indicators.length, planCreated, euda, real, examples };
  });
}

/** First start of the app: seed only a database that has never been seeded. */
export async function seedIfEmpty(db: Db, load: () => SeedFiles): Promise<SeedSummary | null> {
  const [row] = await db.select({ n: count() }).from(regions);
  if ((row?.n ?? 0) > 0) return null;
  return seed(db, load());
}

async function seedRegions(db: Db, files: SeedFiles): Promise<number> {
  const { regions: rows, aliases } = buildRegions(files.lan.text, files.kommuner.text);
  // Parents first, so the tree is consistent at every step.
  await db
    .insert(regions)
    .values(rows)
    .onConflictDoUpdate({
      target: regions.code,
      set: {
        kind: sql`excluded.kind`,
        name: sql`excluded.name`,
        shortName: sql`excluded.short_name`,
        parentCode: sql`excluded.parent_code`,
      },
      setWhere: sql`(regions.kind, regions.name, regions.short_name, regions.parent_code) is distinct from (excluded.kind, excluded.name, excluded.short_name, excluded.parent_code)`,
    });
  const aliasRows = [...aliases].map(([alias, regionCode]) => ({ alias, regionCode }));
  await db
    .insert(regionAliases)
    .values(aliasRows)
    .onConflictDoUpdate({
      target: regionAliases.alias,
      set: { regionCode: sql`excluded.region_code` },
      setWhere: sql`region_aliases.region_code <> excluded.region_code`,
    });
  return rows.length;
}

/** SKR's kommungrupp and Kolada's "liknande kommuner" (reference data); a kommun's own groups are left alone. */
async function seedComparisonGroups(db: Db, files: SeedFiles): Promise<void> {
  if (!files.kolada) return;
  const kommuner = new Map(
    buildRegions(files.lan.text, files.kommuner.text)
      .regions.filter((r) => r.kind === 'kommun')
      .map((r) => [r.code, r.name]),
  );
  const { groups, members } = buildComparisonGroups(files.kolada.skr.text, files.kolada.liknande.text, kommuner);
  if (groups.length === 0) return;
  await db
    .insert(comparisonGroups)
    .values(groups)
    .onConflictDoUpdate({
      target: comparisonGroups.id,
      set: {
        kind: sql`excluded.kind`,
        title: sql`excluded.title`,
        ownerCode: sql`excluded.owner_code`,
        year: sql`excluded.year`,
        source: sql`excluded.source`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`(comparison_groups.kind, comparison_groups.title, comparison_groups.owner_code, comparison_groups.year, comparison_groups.source) is distinct from (excluded.kind, excluded.title, excluded.owner_code, excluded.year, excluded.source)`,
    });
  await db.insert(comparisonGroupMembers).values(members).onConflictDoNothing();
}

async function seedCatalogue(db: Db, files: SeedFiles): Promise<void> {
  // The catalogue files are the reference: descriptions follow them on every seed, unchanged rows stay untouched.
  for (const s of files.sources) {
    await db
      .insert(sources)
      .values(s)
      .onConflictDoUpdate({ target: sources.id, set: s, setWhere: distinct(sources, s) });
  }
  const sourceIds = new Set(files.sources.map((s) => s.id));
  for (const i of files.indicators) {
    if (!sourceIds.has(i.sourceId)) throw new Error(`Indikatorn ${i.id} anger okänd källa "${i.sourceId}"`);
    await db
      .insert(indicators)
      .values(i)
      .onConflictDoUpdate({ target: indicators.id, set: i, setWhere: distinct(indicators, i) });
  }
}

/** SQL "row differs" test over the columns of a catalogue record. */
function distinct(table: typeof sources | typeof indicators, record: object) {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const cols = Object.keys(record)
    .filter((k) => k !== 'id')
    .map((k) => sql.identifier(columns[k]!.name));
  const current = sql.join(
    cols.map((c) => sql`${table}.${c}`),
    sql`, `,
  );
  const incoming = sql.join(
    cols.map((c) => sql`excluded.${c}`),
    sql`, `,
  );
  return sql`(${current}) is distinct from (${incoming})`;
}

/** Inserts the plan once; a plan already in the database (and whatever was recorded against it) is kept. */
async function seedPlan(db: Db, plan: PlanFile, file: TextFile): Promise<boolean> {
  const existing = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.kommunCode, plan.kommunCode), eq(plans.decidedDate, plan.decidedDate)));
  if (existing.length > 0) return false;

  const known = new Set((await db.select({ id: indicators.id }).from(indicators)).map((r) => r.id));
  const { areas, ...head } = plan;
  const [created] = await db
    .insert(plans)
    .values({ ...head, sourceFile: file.name, sha256: file.sha256 })
    .returning({ id: plans.id });
  const planId = created!.id;

  for (const [ai, area] of areas.entries()) {
    const { overallGoals, actions: areaActions, goals: tableGoals, ...areaHead } = area;
    const [a] = await db
      .insert(priorityAreas)
      .values({ ...areaHead, planId, sort: ai })
      .returning({ id: priorityAreas.id });
    const areaId = a!.id;

    const actionIds = new Map<string, number>();
    for (const [i, act] of areaActions.entries()) {
      const [row] = await db
        .insert(actions)
        .values({ planId, areaId, code: act.code, title: act.title, sort: i })
        .returning({ id: actions.id });
      actionIds.set(act.code, row!.id);
      await db.insert(actionResponsibles).values(act.responsible.map((party, sort) => ({ actionId: row!.id, party, sort })));
    }

    const insertLinks = async (goalId: number, links: IndicatorLink[], goalCode: string) => {
      if (links.length === 0) return;
      for (const l of links) {
        if (!known.has(l.indicator)) throw new Error(`Planens mål ${goalCode} länkar till okänd indikator "${l.indicator}"`);
      }
      await db.insert(goalIndicators).values(
        links.map((l, sort) => ({
          goalId,
          indicatorId: l.indicator,
          role: l.role,
          baselinePeriod: l.baselinePeriod,
          targetValue: l.targetValue,
          targetYear: l.targetYear,
          sex: l.sex,
          grp: l.group,
          note: l.note,
          sort,
        })),
      );
    };

    for (const [i, g] of overallGoals.entries()) {
      const [row] = await db
        .insert(goals)
        .values({ planId, areaId, code: g.code, kind: 'overall', text: g.text, sort: i })
        .returning({ id: goals.id });
      await insertLinks(row!.id, g.indicators, g.code);
    }
    for (const [i, g] of tableGoals.entries()) {
      const [row] = await db
        .insert(goals)
        .values({
          planId,
          areaId,
          code: g.code,
          kind: 'table',
          text: g.goal,
          cause: g.cause,
          actionText: g.action,
          responsibleText: g.responsible,
          proposal: g.proposal,
          sort: i,
        })
        .returning({ id: goals.id });
      await insertLinks(row!.id, g.indicators, g.code);
      const ids = g.actionCodes.map((c) => {
        const id = actionIds.get(c);
        if (id === undefined) throw new Error(`Planens mål ${g.code} anger okänd åtgärd "${c}"`);
        return id;
      });
      if (ids.length > 0) await db.insert(goalActions).values(ids.map((actionId) => ({ goalId: row!.id, actionId })));
    }
  }
  return true;
}

/** One provenance record per loaded file version; a re-load finds the same record. */
async function importRecord(
  db: Db,
  kind: 'seed' | 'example',
  sourceId: string | null,
  file: TextFile,
  rows: number,
): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insert(imports)
    .values({ kind, sourceId, fileName: file.name, sha256: file.sha256, createdBy: 'system (seed)', rows })
    .onConflictDoNothing({ target: [imports.kind, imports.sha256], where: sql`${imports.kind} <> 'upload'` })
    .returning({ id: imports.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const [found] = await db
    .select({ id: imports.id })
    .from(imports)
    .where(and(eq(imports.kind, kind), eq(imports.sha256, file.sha256)));
  return { id: found!.id, created: false };
}

async function recordCounts(db: Db, importId: number, observationsCount: number, c: MergeCounts) {
  await db
    .update(imports)
    .set({ observations: observationsCount, ...c })
    .where(eq(imports.id, importId));
}

/** The real EUDA file goes through the same adapter as an upload of it, so both write identical rows. */
async function seedEuda(db: Db, files: SeedFiles): Promise<MergeCounts> {
  const table = parseDelimited(files.eudaData.text, files.eudaData.name);
  const parsed = eudaAdapter.parse(table, NO_CONTEXT);
  if (parsed.issues.length > 0) throw new Error(`EUDA-filen kunde inte läsas: ${parsed.issues[0]!.message}`);
  const rec = await importRecord(db, 'seed', 'euda', files.eudaData, parsed.rows);
  const counts = await writeObservations(db, rec.id, parsed.observations);
  if (rec.created) await recordCounts(db, rec.id, parsed.observations.length, counts);
  return counts;
}

/**
 * Published statistics files go through the same pipeline as an upload of them (recognise, map, validate,
 * stage, merge), so the seed and a coordinator's import write identical rows. A file already loaded (same
 * SHA-256) is skipped; a refused file stops the seed with its first problems.
 */
async function seedRealData(db: Db, files: SeedFiles): Promise<MergeCounts> {
  const total: MergeCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (files.realData.length === 0) return total;
  const ctx = await loadImportContext(db);
  for (const { entry, file } of files.realData) {
    const [done] = await db
      .select({ id: imports.id })
      .from(imports)
      .where(and(eq(imports.kind, 'seed'), eq(imports.sha256, file.sha256)));
    if (done) continue;
    const analysis = await analyzeFile({ fileName: file.name, bytes: file.bytes, source: entry.source }, ctx, Number.POSITIVE_INFINITY);
    if (analysis.issues.length > 0) {
      const first = analysis.issues
        .slice(0, 3)
        .map((i) => `rad ${i.row ?? '–'}, ${i.column ?? '–'}: ${i.message}`)
        .join('; ');
      throw new Error(`${file.name} kunde inte läsas in (${analysis.issues.length} fel, t.ex. ${first})`);
    }
    analysis.provenance = { publication: entry.publication, publisher: entry.publisher, url: entry.url };
    const r = await commitImport(db, analysis, {
      createdBy: 'system (seed)',
      kind: 'seed',
      retrieval: { retrieved: entry.retrieved, note: entry.note, url: entry.url },
    });
    total.inserted += r.inserted;
    total.updated += r.updated;
    total.unchanged += r.unchanged;
  }
  return total;
}

/** Example series where no real value exists, for every kommun with a plan (one import per kommun). */
async function seedExamples(db: Db, files: SeedFiles): Promise<MergeCounts> {
  const total: MergeCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const kommun of [...new Set(files.plans.map((p) => p.plan.kommunCode))]) {
    const r = await seedKommunExamples(db, files, kommun);
    total.inserted += r.inserted;
    total.updated += r.updated;
    total.unchanged += r.unchanged;
  }
  return total;
}

async function seedKommunExamples(db: Db, files: SeedFiles, kommun: string): Promise<MergeCounts> {
  const [k] = await db.select({ parent: regions.parentCode }).from(regions).where(eq(regions.code, kommun));
  if (!k?.parent) throw new Error(`Planens kommunkod ${kommun} finns inte bland kommunerna`);
  const decimals = new Map(files.indicators.map((i) => [i.id, i.decimals]));
  const rows = generateExampleObservations(files.profiles, { kommun, lan: k.parent, riket: RIKET_CODE }, (id) => {
    const d = decimals.get(id);
    if (d === undefined) throw new Error(`Exempelprofilen anger okänd indikator "${id}"`);
    return d;
  });
  // The example import is tied to the kommun too: the same profile for another plan is another load.
  const file = { ...files.profilesFile, sha256: `${files.profilesFile.sha256}:${kommun}` };
  const rec = await importRecord(db, 'example', null, file, rows.length);
  const counts = await writeObservations(db, rec.id, rows, { example: true });
  if (rec.created) await recordCounts(db, rec.id, rows.length, counts);
  return counts;
}
