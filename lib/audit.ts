import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db/client';
import { describeChange, sideText } from './audit-format';
import { auditLog, indicators } from './db/schema';
import { toSwedishCsv } from './export/csv';
import { AUDIT_ACTIONS, type AuditAction } from './vocabulary';
import { normaliseAddress } from './net/address';

export { AUDIT_ACTIONS, type AuditAction };

export interface AuditEntry {
  actorId: string | null;
  actor: string;
  action: AuditAction;
  targetType?: string;
  targetId?: string | number;
  summary: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Writes one entry; pass the transaction of the change it records so that both land or neither does. */
export async function writeAudit(db: Db, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: e.actorId,
    actor: e.actor,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId === undefined ? null : String(e.targetId),
    summary: e.summary,
    before: e.before ?? null,
    after: e.after ?? null,
    ip: normaliseAddress(e.ip),
  });
}

/**
 * The client's address as the server saw it: X-Forwarded-For, which the server rewrites at the socket to hold
 * only the client's address (lib/net/client-address.ts; forwarded headers count only from TRUSTED_PROXIES).
 */
export function clientIp(headers: Headers | null | undefined): string | null {
  const fwd = headers?.get('x-forwarded-for');
  return fwd ? normaliseAddress(fwd.split(',')[0]) : null;
}

export interface AuditFilter {
  action?: AuditAction;
  /** Free text: matched against who, what and the target. */
  q?: string;
  from?: Date;
  to?: Date;
}

function where(f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.action) parts.push(eq(auditLog.action, f.action));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(${auditLog.actor} ilike ${like} or ${auditLog.summary} ilike ${like} or ${auditLog.targetId} ilike ${like})`);
  }
  if (f.from) parts.push(gte(auditLog.at, f.from));
  if (f.to) parts.push(lt(auditLog.at, f.to));
  return parts.length ? and(...parts) : undefined;
}

export type AuditRow = typeof auditLog.$inferSelect;

/** Indicator names by id: the log stores ids, people read names. */
async function indicatorNames(db: Db): Promise<Record<string, string>> {
  const rows = await db.select({ id: indicators.id, name: indicators.name }).from(indicators);
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** "Tog bort måttet ntu_otrygg_kvall …" → "Tog bort måttet Otrygghet … (ntu_otrygg_kvall) …": names beside the ids. */
export function withNames(text: string, names: Readonly<Record<string, string>>): string {
  return text.replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, (id) => (names[id] ? `${names[id]} (${id})` : id));
}

export async function listAudit(
  db: Db,
  f: AuditFilter,
  limit = 200,
  offset = 0,
): Promise<{ rows: AuditRow[]; total: number; names: Record<string, string> }> {
  const w = where(f);
  const [rows, [count], names] = await Promise.all([
    db.select().from(auditLog).where(w).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(w),
    indicatorNames(db),
  ]);
  return { rows, total: count?.n ?? 0, names };
}

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'medium' });
export const formatAuditTime = (d: Date) => stockholm.format(d);

/** The whole filtered log as CSV for Swedish Excel; every text cell is neutralised against formulas. */
export async function auditCsv(db: Db, f: AuditFilter): Promise<string> {
  const [rows, names] = await Promise.all([
    db.select().from(auditLog).where(where(f)).orderBy(desc(auditLog.at), desc(auditLog.id)),
    indicatorNames(db),
  ]);
  return toSwedishCsv(
    ['Tid', 'Vem', 'Händelse', 'Objekt', 'Id', 'Beskrivning', 'Före', 'Efter', 'IP-adress'],
    rows.map((r) => {
      const changes = describeChange(r.before, r.after, names);
      return [
        formatAuditTime(r.at),
        r.actor,
        AUDIT_ACTIONS[r.action as AuditAction] ?? r.action,
        r.targetType,
        r.targetId,
        withNames(r.summary, names),
        sideText(changes, 'before') || null,
        sideText(changes, 'after') || null,
        normaliseAddress(r.ip),
      ];
    }),
  );
}
