import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { headerKey } from './table';

/**
 * Kolada's nyckeltal (KPIs) and the catalogue indicator each one feeds, from `data-imports/kolada-kpis.json`: one
 * list for the live fetch (lib/kolada) and for Kolada files (the kolada and kolada_fil adapters, column mapping).
 * A kommun extends the file to import more KPIs; it is read at run time (no rebuild).
 */
export const KOLADA_KPIS_FILE = 'kolada-kpis.json';

/**
 * One KPI. `scale` multiplies Kolada's value into the indicator's unit (1 when they agree; 100 for a per-1 000 KPI
 * read into a per-100 000 indicator). `pooledYears` > 1 marks a moving mean: Kolada's year Y is stored as the
 * period (Y − pooledYears + 1)–Y.
 */
export const koladaKpiSchema = z.object({
  kpi: z.string().regex(/^[A-Z]\d{5}$/, 'kpi: Koladas id, en stor bokstav och fem siffror (t.ex. N07403)'),
  title: z.string().min(1),
  /** Titles Kolada used before (a file downloaded years ago names the KPI by its title of the day). */
  formerTitles: z.array(z.string().min(1)).default([]),
  indicator: z.string().regex(/^[a-z][a-z0-9_]*$/, 'indicator: indikatorns id i katalogen (gemener, siffror och _)'),
  unit: z.string().min(1),
  scale: z.number().positive().default(1),
  pooledYears: z.number().int().min(1).max(10).default(1),
  note: z.string().nullable().default(null),
});
export type KoladaKpi = z.infer<typeof koladaKpiSchema>;

export const koladaKpisFileSchema = z.array(koladaKpiSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((k, i) => {
    if (seen.has(k.kpi)) ctx.addIssue({ code: 'custom', path: [i, 'kpi'], message: `nyckeltalet ${k.kpi} står två gånger` });
    seen.add(k.kpi);
  });
});

/** The file could not be read or does not follow the format: a Swedish message naming the file and the place. */
export class KoladaKpiFileError extends Error {}

/** The file's path: `KOLADA_KPIS_FILE`, else `data-imports/kolada-kpis.json` (DATA_IMPORTS_DIR or the checkout). */
export function koladaKpisPath(): string {
  const dir = process.env.DATA_IMPORTS_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'data-imports');
  return path.resolve(/*turbopackIgnore: true*/ process.env.KOLADA_KPIS_FILE ?? path.join(dir, KOLADA_KPIS_FILE));
}

/** Parses the text of kolada-kpis.json (validated; a bad file names where it is wrong). */
export function parseKoladaKpis(text: string, name = KOLADA_KPIS_FILE): KoladaKpi[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new KoladaKpiFileError(`${name} är inte giltig JSON: ${(err as Error).message}`);
  }
  const parsed = koladaKpisFileSchema.safeParse(json);
  if (!parsed.success) throw new KoladaKpiFileError(`${name} följer inte formatet:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The KPI list from data-imports/kolada-kpis.json, read at run time (a kommun's edit needs no rebuild). */
export function readKoladaKpis(file = koladaKpisPath()): KoladaKpi[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new KoladaKpiFileError(`${path.basename(file)} kunde inte läsas: ${(err as Error).message}`);
  }
  return parseKoladaKpis(text, path.basename(file));
}

/** KPI id → its entry. */
export function koladaKpiMap(kpis: KoladaKpi[] = readKoladaKpis()): Map<string, KoladaKpi> {
  return new Map(kpis.map((k) => [k.kpi, k]));
}

export interface KoladaKpiTable {
  list: KoladaKpi[];
  /** By id ("N07403") or by title as a header key (accents and case ignored). */
  find(idOrTitle: string): KoladaKpi | undefined;
}

/** A title as a lookup key: accents and case ignored, and a closing full stop (Kolada's 2012 export wrote "… per 1 000 inv."). */
const titleKey = (s: string) => headerKey(s).replace(/\.+$/, '').trimEnd();

export function koladaKpiTable(list: KoladaKpi[]): KoladaKpiTable {
  const byId = new Map(list.map((k) => [k.kpi, k]));
  const byTitle = new Map<string, KoladaKpi>();
  // Former titles first, so that a current title always wins over an old one that happens to be the same text.
  for (const k of list) for (const t of k.formerTitles ?? []) byTitle.set(titleKey(t), k);
  for (const k of list) byTitle.set(titleKey(k.title), k);
  return {
    list,
    find: (s) =>
      byId.get(s.trim().toUpperCase()) ??
      byTitle.get(titleKey(s)) ??
      // "N07403 Anmälda våldsbrott…", "N07403: …"; and the "U. " that Kolada's older titles put before a KKiK measure.
      byTitle.get(titleKey(s.replace(/^[A-Z]\d{5}\s*[:–-]?\s*/, '').replace(/^U\.\s+/, ''))),
  };
}

let cached: { file: string; mtimeMs: number; table: KoladaKpiTable } | null = null;

/** The KPI table for reading files, re-read when the file changes. */
export function loadKoladaKpis(file = koladaKpisPath()): KoladaKpiTable {
  const mtimeMs = fs.statSync(file).mtimeMs;
  if (cached && cached.file === file && cached.mtimeMs === mtimeMs) return cached.table;
  cached = { file, mtimeMs, table: koladaKpiTable(readKoladaKpis(file)) };
  return cached.table;
}
