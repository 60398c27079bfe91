import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { headerKey } from './table';

/**
 * Kolada's nyckeltal (KPIs) and the catalogue indicator each one feeds, from `data-imports/kolada-kpis.json`
 * (a kommun extends that file to import more KPIs). `indicator: null` = a KPI that is known but not in the
 * catalogue: its values are skipped with a note. `scale` multiplies Kolada's value into the indicator's unit
 * (e.g. 100 for a KPI per 1 000 inv. feeding an indicator per 100 000).
 */
export const koladaKpiSchema = z.object({
  kpi: z.string().regex(/^[A-Z]\d{5}$/, 'ett Kolada-id som N07403'),
  title: z.string().min(1),
  indicator: z.string().min(1).nullable(),
  scale: z.number().positive().optional(),
  note: z.string().optional(),
});
export const koladaKpisFileSchema = z.array(koladaKpiSchema);
export type KoladaKpi = z.infer<typeof koladaKpiSchema>;

export interface KoladaKpiTable {
  list: KoladaKpi[];
  /** By id ("N07403") or by title as a header key (accents and case ignored). */
  find(idOrTitle: string): KoladaKpi | undefined;
}

export function koladaKpiTable(list: KoladaKpi[]): KoladaKpiTable {
  const byId = new Map(list.map((k) => [k.kpi, k]));
  const byTitle = new Map(list.map((k) => [headerKey(k.title), k]));
  return {
    list,
    find: (s) => byId.get(s.trim().toUpperCase()) ?? byTitle.get(headerKey(s)) ?? byTitle.get(headerKey(s.replace(/^[A-Z]\d{5}\s*[:–-]?\s*/, ''))),
  };
}

let cached: { file: string; mtimeMs: number; table: KoladaKpiTable } | null = null;

/** The file's path: `KOLADA_KPIS_FILE`, else `data-imports/kolada-kpis.json` (DATA_IMPORTS_DIR or the checkout). */
export function koladaKpisPath(): string {
  const dir = process.env.DATA_IMPORTS_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'data-imports');
  return path.resolve(/*turbopackIgnore: true*/ process.env.KOLADA_KPIS_FILE ?? path.join(dir, 'kolada-kpis.json'));
}

/** Reads (and re-reads when it changes) the KPI table; a broken file is an error that names the file. */
export function loadKoladaKpis(file = koladaKpisPath()): KoladaKpiTable {
  const mtimeMs = fs.statSync(file).mtimeMs;
  if (cached && cached.file === file && cached.mtimeMs === mtimeMs) return cached.table;
  const parsed = koladaKpisFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  cached = { file, mtimeMs, table: koladaKpiTable(parsed.data) };
  return cached.table;
}
