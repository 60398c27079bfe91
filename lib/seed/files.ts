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

function read(rel: string): TextFile {
  const full = path.isAbsolute(rel) ? rel : path.join(/*turbopackIgnore: true*/ dataDir(), rel);
  const buf = fs.readFileSync(full);
  return { name: path.relative(dataDir(), full), text: buf.toString('utf8'), sha256: createHash('sha256').update(buf).digest('hex') };
}

function parseJson<T>(file: TextFile, schema: z.ZodType<T>): T {
  const result = schema.safeParse(JSON.parse(file.text));
  if (!result.success) throw new Error(`${file.name} följer inte formatet:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** Everything the seed loads, read and validated before the database is touched. */
export function readSeedFiles() {
  const planFile = read(process.env.PLAN_FILE ?? 'plan/hedemora-2024.json');
  const profilesFile = read('example/profiles.json');
  return {
    lan: read('regions/lan.csv'),
    kommuner: read('regions/kommuner.csv'),
    sources: parseJson(read('catalogue/sources.json'), sourcesFileSchema),
    indicators: parseJson(read('catalogue/indicators.json'), indicatorsFileSchema),
    planFile,
    plan: parseJson(planFile, planFileSchema),
    profilesFile,
    profiles: parseJson(profilesFile, profilesSchema),
    eudaData: read('euda/ww2025-all-data.csv'),
  };
}

export type SeedFiles = ReturnType<typeof readSeedFiles>;
