import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import * as s from '@/lib/db/schema';
import { createKoladaClient } from '@/lib/kolada/client';
import { KOLADA_AUDIT_ACTION, KOLADA_LOCK_KEY, runScheduledKoladaRefresh, withKoladaLock } from '@/lib/kolada/schedule';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';
import { startKoladaReplay, type KoladaReplay } from '../helpers/kolada-replay';

let replay: KoladaReplay;
beforeAll(async () => {
  replay = await startKoladaReplay({ pageSize: 500 });
});
afterAll(async () => replay?.close());
afterEach(() => {
  replay.fault = null;
});

const DAY = 24 * 60 * 60 * 1000;

describe.each(DRIVERS)('KOLADA_REFRESH: the scheduled fetch on %s', (driver) => {
  let h: DbHandle;
  const client = () => createKoladaClient({ baseUrl: replay.baseUrl, backoffMs: 1, retries: 1 });
  const imports = async () => Number((await h.db.select({ n: count() }).from(s.imports))[0]!.n);
  const runs = () => h.db.select().from(s.auditLog).where(eq(s.auditLog.action, KOLADA_AUDIT_ACTION)).orderBy(s.auditLog.id);

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
  });
  afterAll(async () => h?.close());

  it('a failing Kolada is recorded and writes nothing; then it commits once, is not due again, and finds nothing new a week later', async () => {
    const before = await imports();
    replay.fault = { status: 502 };
    const failed = await runScheduledKoladaRefresh(h, { every: 'weekly', client: client() });
    expect(failed).toMatchObject({ status: 'failed', importId: null });
    expect(failed.message).toMatch(/^Kolada svarade inte \(HTTP 502 på sida 1; 2 försök\) — inget har sparats\.$/);
    expect(await imports()).toBe(before);
    replay.fault = null;

    // The failed run was recorded now; "weekly" makes the next run wait a week from it.
    expect(await runScheduledKoladaRefresh(h, { every: 'weekly', client: client() })).toMatchObject({ status: 'not-due' });
    const later = () => new Date(Date.now() + 7 * DAY);
    const first = await runScheduledKoladaRefresh(h, { every: 'weekly', client: client(), now: later });
    expect(first.status).toBe('committed');
    expect(await imports()).toBe(before + 1);
    const [rec] = await h.db
      .select()
      .from(s.imports)
      .where(eq(s.imports.id, (first as { importId: number }).importId));
    expect(rec).toMatchObject({ publication: 'Kolada API v3', createdBy: 'schemaläggning (KOLADA_REFRESH=weekly)' });

    const recorded = await runs();
    expect(recorded.map((r) => (r.after as { status: string }).status)).toEqual(['failed', 'committed']);
    expect(recorded[1]!.summary).toMatch(/^Schemalagd hämtning från Kolada \(weekly\): Import \d+: [1-9]\d* nya/);

    // The change record's time (now), not the injected clock, is the last run: a run "a week later" than that is due
    // and finds nothing new — no empty import is made.
    const weekAfter = () => new Date(Date.now() + 7 * DAY);
    const again = await runScheduledKoladaRefresh(h, { every: 'weekly', client: client(), now: weekAfter });
    expect(again.status).toBe('unchanged');
    expect(await imports()).toBe(before + 1);
  });

  it('runs nothing while the advisory lock is held elsewhere, and two runs at once fetch once', async () => {
    const before = await imports();
    const requestsBefore = replay.requests.length;
    if (driver === 'postgres') {
      // Another server holds the lock on its own connection to the same database.
      const other = h.connectOne!().sql;
      try {
        await other`select pg_advisory_lock(${KOLADA_LOCK_KEY})`;
        expect(
          await runScheduledKoladaRefresh(h, { every: 'daily', client: client(), now: () => new Date(Date.now() + 30 * DAY) }),
        ).toMatchObject({ status: 'locked' });
        await other`select pg_advisory_unlock(${KOLADA_LOCK_KEY})`;
      } finally {
        await other.end();
      }
    }
    let inside = 0;
    let max = 0;
    const held = () =>
      withKoladaLock(h, async () => {
        inside++;
        max = Math.max(max, inside);
        await new Promise((r) => setTimeout(r, 200));
        inside--;
        return 'ran';
      });
    const both = await Promise.all([held(), held()]);
    expect(both.filter((x) => x === 'ran')).toHaveLength(1);
    expect(both.filter((x) => x === null)).toHaveLength(1);
    expect(max).toBe(1);
    expect(replay.requests.length).toBe(requestsBefore);
    expect(await imports()).toBe(before);
  });
});
