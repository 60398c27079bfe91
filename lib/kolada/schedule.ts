import { and, desc, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../audit';
import type { DbHandle } from '../db/client';
import { describeDbError } from '../db/errors';
import { auditLog } from '../db/schema';
import { KoladaError, type KoladaClient } from './client';
import { KoladaFetchRefused, runKoladaImport } from './fetch';
import { KoladaKpiFileError } from './kpis';

/** KOLADA_REFRESH: how often the server fetches from Kolada by itself. */
export type KoladaRefresh = 'daily' | 'weekly';
const DAY = 24 * 60 * 60 * 1000;
export const REFRESH_INTERVAL_MS: Record<KoladaRefresh, number> = { daily: DAY, weekly: 7 * DAY };
/** A run counts as on time if it comes this much early (the check runs hourly). */
const SLACK_MS = 60 * 60 * 1000;
/** The change-record action of each scheduled run (also what tells the next run when the last one was). */
export const KOLADA_AUDIT_ACTION = 'kolada_fetch' as const;
/** pg_try_advisory_lock key of the scheduled fetch ("KOLA"): held by one server at a time. */
export const KOLADA_LOCK_KEY = 0x4b4f4c41;

export type ScheduledResult =
  | { status: 'locked' | 'not-due'; message: string }
  | { status: 'unchanged' | 'committed' | 'failed'; message: string; importId: number | null };

/** PGlite has one process per directory (pglite-lock): an in-process flag is its lock. */
let pgliteBusy = false;

/**
 * Runs `fn` holding the advisory lock, or returns null at once when another server (or this one) holds it. On
 * PostgreSQL the lock lives on a connection of its own, so it is let go when this process dies.
 */
export async function withKoladaLock<T>(handle: DbHandle, fn: () => Promise<T>): Promise<T | null> {
  if (!handle.connectOne) {
    if (pgliteBusy) return null;
    pgliteBusy = true;
    try {
      return await fn();
    } finally {
      pgliteBusy = false;
    }
  }
  const { sql: conn } = handle.connectOne();
  try {
    const [row] = await conn<{ locked: boolean }[]>`select pg_try_advisory_lock(${KOLADA_LOCK_KEY}) as locked`;
    if (!row?.locked) return null;
    try {
      return await fn();
    } finally {
      await conn`select pg_advisory_unlock(${KOLADA_LOCK_KEY})`;
    }
  } finally {
    await conn.end({ timeout: 5 });
  }
}

/** When the last scheduled run (of any outcome) was recorded. */
export async function lastScheduledRun(handle: DbHandle): Promise<Date | null> {
  const [row] = await handle.db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.action, KOLADA_AUDIT_ACTION), sql`${auditLog.after}->>'scheduled' = 'true'`))
    .orderBy(desc(auditLog.at))
    .limit(1);
  return row ? new Date(row.at) : null;
}

/**
 * One scheduled fetch, if it is due: under the advisory lock, checks the change record for the last run, fetches,
 * previews, and commits only when Kolada has something new (the same path and checks as "Hämta från Kolada").
 * Every run that got the lock is recorded in the change record, with its outcome.
 */
export async function runScheduledKoladaRefresh(
  handle: DbHandle,
  opts: { every: KoladaRefresh; now?: () => Date; client?: KoladaClient },
): Promise<ScheduledResult> {
  const now = opts.now ?? (() => new Date());
  const actor = `schemaläggning (KOLADA_REFRESH=${opts.every})`;
  const result = await withKoladaLock(handle, async (): Promise<ScheduledResult> => {
    const last = await lastScheduledRun(handle);
    if (last && now().getTime() - last.getTime() < REFRESH_INTERVAL_MS[opts.every] - SLACK_MS) {
      return { status: 'not-due', message: `Senaste schemalagda hämtning ${last.toISOString()}.` };
    }
    let out: Extract<ScheduledResult, { importId: number | null }>;
    try {
      const preview = await runKoladaImport(handle, { dryRun: true, user: actor, client: opts.client, now });
      const refused = preview.run.refusal ?? (preview.run.failure ? new Error(describeDbError(preview.run.failure)) : null);
      if (refused) {
        out = { status: 'failed', importId: null, message: `Kolada-svaret importerades inte: ${refused.message}` };
      } else if (preview.run.diff!.inserted + preview.run.diff!.updated === 0) {
        out = {
          status: 'unchanged',
          importId: null,
          message: `Inget nytt i Kolada (${preview.run.report.observations} värden oförändrade).`,
        };
      } else {
        const commit = await runKoladaImport(handle, {
          dryRun: false,
          user: actor,
          sha256: preview.run.analysis!.sha256,
          document: preview.document,
          audit: { actorId: null, actor },
        });
        const r = commit.run.report;
        out =
          commit.run.importId === null
            ? { status: 'failed', importId: null, message: `Importen avbröts: ${r.errors[0]?.message ?? 'okänt fel'}` }
            : {
                status: 'committed',
                importId: commit.run.importId,
                message: `Import ${commit.run.importId}: ${r.inserted} nya, ${r.updated} ändrade, ${r.unchanged} oförändrade värden.`,
              };
      }
    } catch (err) {
      const known = err instanceof KoladaError || err instanceof KoladaFetchRefused || err instanceof KoladaKpiFileError;
      out = {
        status: 'failed',
        importId: null,
        message: known ? err.message : `Hämtningen avbröts: ${describeDbError(err)}. Inget har sparats.`,
      };
    }
    await writeAudit(handle.db, {
      actorId: null,
      actor,
      action: KOLADA_AUDIT_ACTION,
      targetType: out.importId ? 'import' : undefined,
      targetId: out.importId ?? undefined,
      summary: `Schemalagd hämtning från Kolada (${opts.every}): ${out.message}`,
      after: { scheduled: true, status: out.status, importId: out.importId },
    });
    return out;
  });
  return result ?? { status: 'locked', message: 'En annan server hämtar från Kolada just nu.' };
}

/** Starts the hourly check in the server (KOLADA_REFRESH set); the first check a minute after start. */
export function startKoladaSchedule(getHandle: () => Promise<DbHandle>, every: KoladaRefresh): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runScheduledKoladaRefresh(await getHandle(), { every });
      if (r.status !== 'not-due' && r.status !== 'locked') console.log(`Trygghetsläget: schemalagd Kolada-hämtning: ${r.message}`);
    } catch (err) {
      console.error(`Trygghetsläget: schemalagd Kolada-hämtning misslyckades: ${describeDbError(err)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 60_000);
  const hourly = setInterval(() => void tick(), 60 * 60 * 1000);
  first.unref();
  hourly.unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
