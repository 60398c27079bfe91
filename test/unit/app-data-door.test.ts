import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// lib/data is the one door between app/ and the database: no page, action or route handler reaches past it.
const ROOT = path.resolve(import.meta.dirname, '../..');
const APP = path.join(ROOT, 'app');
const DB_DIR = path.join(ROOT, 'lib', 'db');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or with import()/require(). */
function specifiers(text: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...text.matchAll(re)].map((m) => m[1]!);
}

/** Why this specifier (imported by `file`) goes around lib/data, or null when it does not. */
function forbidden(file: string, spec: string): string | null {
  if (spec === 'drizzle-orm' || spec.startsWith('drizzle-orm/')) return 'imports drizzle-orm';
  if (spec.startsWith('@electric-sql/pglite') || spec === 'postgres' || spec === 'pg') return `imports the database driver ${spec}`;
  const target = spec.startsWith('@/')
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(file), spec)
      : null;
  if (target && (target === DB_DIR || target.startsWith(DB_DIR + path.sep))) return `imports ${spec} (lib/db)`;
  return null;
}

function violations(files: string[], read: (f: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  return files.flatMap((file) => {
    const text = read(file);
    const rel = path.relative(ROOT, file);
    const found = specifiers(text)
      .map((s) => forbidden(file, s))
      .filter((v): v is string => v !== null);
    if (/\bgetDb\b/.test(text)) found.push('calls getDb');
    return found.map((v) => `${rel} ${v}`);
  });
}

describe('app/ reaches the database only through lib/data', () => {
  it('no file under app/ imports drizzle-orm, a driver, lib/db or calls getDb', () => {
    const files = sourceFiles(APP);
    expect(files.length).toBeGreaterThan(20);
    expect(violations(files)).toEqual([]);
  });

  it('the scan catches each way around the door', () => {
    const samples: Record<string, string> = {
      [path.join(APP, 'a.ts')]: "import { sql } from 'drizzle-orm';",
      [path.join(APP, 'b.ts')]: "import { plans } from '@/lib/db/schema';",
      [path.join(APP, 'x', 'c.ts')]: "import type { Db } from '../../lib/db/client';",
      [path.join(APP, 'd.ts')]: "const { db } = await (await import('@/lib/db')).getDb();",
      [path.join(APP, 'e.ts')]: "export { eq } from 'drizzle-orm/sql';",
      [path.join(APP, 'f.ts')]: "import { getOverview } from '@/lib/data/overview';\nimport { dbLabel } from '@/lib/dbx';",
    };
    const found = violations(Object.keys(samples), (f) => samples[f]!);
    expect(found.map((v) => v.split(' ')[0])).toEqual(['app/a.ts', 'app/b.ts', 'app/x/c.ts', 'app/d.ts', 'app/d.ts', 'app/e.ts']);
  });
});
