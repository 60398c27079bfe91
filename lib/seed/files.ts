import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { indicatorsFileSchema, sourcesFileSchema } from '../catalogue/catalogue-file';
import { planFileSchema } from '../plan/plan-file';
import { profilesSchema } from './example-data';

export interface TextFile {
  name: string;
  text: string;
  sha256: string;
}

export function dataDir(): string {
  // Read at run time from the checkout, not bundled: keep the tracer out of it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_IMPORTS_DIR ?? path.join(process.cwd(), 'data-imports'));
}

function readBytes(rel: string): { name: string; bytes: Buffer; sha256: string } {
  const full = path.isAbsolute(rel) ? rel : path.join(/*turbopackIgnore: true*/ dataDir(), rel);
  const bytes = fs.readFileSync(full);
  return { name: path.relative(dataDir(), full), bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function read(rel: string): TextFile {
  const { name, bytes, sha256 } = readBytes(rel);
  return { name, text: bytes.toString('utf8'), sha256 };
}

/** A published statistics file the seed loads as real data, through the import pipeline, with its provenance. */
export const realDataSchema = z.array(
  z.object({
    file: z.string().min(1),
    /** Import adapter id; recognised from the header when absent. */
    source: z.string().min(1).optional(),
    publication: z.string().min(1),
    publisher: z.string().min(1),
    url: z.url().nullable(),
    /** When it was retrieved: "2026-01" or "2026-01-15". */
    retrieved: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
    note: z.string().nullable(),
  }),
);
export type RealDataEntry = z.infer<typeof realDataSchema>[number];

function parseJson<T>(file: TextFile, schema: z.ZodType<T>): T {
  const result = schema.safeParse(JSON.parse(file.text));
  if (!result.success) throw new Error(`${file.name} följer inte formatet:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * The plans of the installation: PLAN_FILE (one kommun's plan, Hedemora's by default) first, then every `.json` in
 * PLANS_DIR (default `plans/`, relative to data-imports/ or absolute) — several kommuner in one installation. The
 * same file named twice is read once.
 */
function readPlans(): { file: TextFile; plan: z.infer<typeof planFileSchema> }[] {
  const primary = read(process.env.PLAN_FILE ?? 'plan/hedemora-2024.json');
  const dirRel = process.env.PLANS_DIR ?? 'plans';
  const dir = path.isAbsolute(dirRel) ? dirRel : path.join(/*turbopackIgnore: true*/ dataDir(), dirRel);
  const more = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => read(path.join(dir, f)))
    : [];
  const files = [primary, ...more.filter((f) => f.sha256 !== primary.sha256)];
  return files.map((file) => ({ file, plan: parseJson(file, planFileSchema) }));
}

/** Everything the seed loads, read and validated before the database is touched. */
export function readSeedFiles() {
  const plans = readPlans();
  const planFile = plans[0]!.file;
  const profilesFile = read('example/profiles.json');
  return {
    lan: read('regions/lan.csv'),
    kommuner: read('regions/kommuner.csv'),
    sources: parseJson(read('catalogue/sources.json'), sourcesFileSchema),
    indicators: parseJson(read('catalogue/indicators.json'), indicatorsFileSchema),
    planFile,
    /** The installation's first kommun's plan (PLAN_FILE). */
    plan: plans[0]!.plan,
    /** Every plan to load, PLAN_FILE's first. */
    plans,
    profilesFile,
    profiles: parseJson(profilesFile, profilesSchema),
    eudaData: read('euda/ww2025-all-data.csv'),
    kolada: { skr: read('kolada/skr-kommungrupp.csv'), liknande: read('kolada/liknande-kommuner-hedemora.csv') },
    realData: parseJson(read('real-data.json'), realDataSchema).map((entry) => ({ entry, file: readBytes(entry.file) })),
  };
}

export type SeedFiles = ReturnType<typeof readSeedFiles>;
