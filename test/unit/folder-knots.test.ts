import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The rooms of lib/ call one way: when folder A imports from folder B, B never imports from A (README, "How the
 * code is laid out"). A top-level file (lib/env.ts, lib/server-db.ts) counts as its own room.
 */
const LIB = path.resolve('lib');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** The room of a path under lib/: its first folder, or the file's own name for a top-level file. */
function roomOf(abs: string): string | null {
  const rel = path.relative(LIB, abs);
  if (rel.startsWith('..')) return null;
  const [first, ...rest] = rel.split(path.sep);
  return rest.length > 0 ? first! : first!.replace(/\.(ts|tsx)$/, '');
}

/** Folder → folder edges of lib/, each with one file that makes it. */
function roomEdges(sources: Map<string, string>): Map<string, string> {
  const edges = new Map<string, string>();
  for (const [file, text] of sources) {
    const from = roomOf(file);
    for (const m of text.matchAll(/from '([^']+)'|import\('([^']+)'\)/g)) {
      const spec = m[1] ?? m[2]!;
      const target = spec.startsWith('.')
        ? path.resolve(path.dirname(file), spec)
        : spec.startsWith('@/')
          ? path.resolve(spec.slice(2))
          : null;
      const to = target ? roomOf(target) : null;
      if (from && to && from !== to) edges.set(`${from} → ${to}`, path.relative(process.cwd(), file));
    }
  }
  return edges;
}

function knots(edges: Map<string, string>): string[] {
  return [...edges.keys()]
    .filter((e) => {
      const [a, b] = e.split(' → ');
      return a! < b! && edges.has(`${b} → ${a}`);
    })
    .map((e) => {
      const [a, b] = e.split(' → ');
      return `${a} ↔ ${b} (${edges.get(e)}; ${edges.get(`${b} → ${a}`)})`;
    });
}

describe('the rooms of lib/', () => {
  it('never import each other both ways', () => {
    const sources = new Map(files(LIB).map((f) => [f, fs.readFileSync(f, 'utf8')]));
    expect(sources.size).toBeGreaterThan(100);
    expect(knots(roomEdges(sources))).toEqual([]);
  });

  it('the check finds a knot when there is one', () => {
    const a = path.join(LIB, 'alpha', 'one.ts');
    const b = path.join(LIB, 'beta', 'two.ts');
    const sources = new Map([
      [a, "import { two } from '../beta/two';"],
      [b, "export const two = 2;\nconst one = await import('@/lib/alpha/one');"],
    ]);
    expect(knots(roomEdges(sources))).toEqual(['alpha ↔ beta (lib/alpha/one.ts; lib/beta/two.ts)']);
    expect(knots(roomEdges(new Map([[a, "import { two } from '../beta/two';"]])))).toEqual([]);
  });
});
