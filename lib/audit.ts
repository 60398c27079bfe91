import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db/client';
import { auditLog } from './db/schema';
import { toSwedishCsv } from './export/csv';

/** What the change record holds: a fixed vocabulary, so that the log can be filtered and read. */
export const AUDIT_ACTIONS = {
  'inloggning': 'Inloggning',
  'inloggning-misslyckad': 'Misslyckad inloggning',
  'inloggning-spärrad': 'Inloggning spärrad (för många försök)',
  'inloggning-upplåst': 'Inloggningsspärr hävd',
  'utloggning': 'Utloggning',
  'lösenord-ändrat': 'Lösenord ändrat',
  'import': 'Import',
  'import-ångrad': 'Import ångrad',
  'användare-inbjuden': 'Användare inbjuden',
  'användare-roll': 'Roll ändrad',
  'användare-namn': 'Namn ändrat',
  'användare-inaktiverad': 'Användare inaktiverad',
  'användare-återaktiverad': 'Användare återaktiverad',
  'åtgärd-ändrad': 'Åtgärd ändrad',
  'delrapport-sparad': 'Delrapport sparad',
  'uppföljning-öppnad': 'Uppföljning öppnad',
  'bedömning-sparad': 'Brås bedömning sparad',
  'beslut-tillagt': 'Beslut tillagt',
  'beslut-borttaget': 'Beslut borttaget',
  'uppföljning-beslutad': 'Uppföljning beslutad',
  'plan-ändrad': 'Planen ändrad',
  'indikator-skapad': 'Lokalt mått tillagt',
  'plan-reviderad': 'Reviderad plan startad',
  'kolada-hämtning': 'Schemalagd hämtning från Kolada',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

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
    actorId: e.actorId, actor: e.actor, action: e.action,
    targetType: e.targetType ?? null, targetId: e.targetId === undefined ? null : String(e.targetId),
    summary: e.summary, before: e.before ?? null, after: e.after ?? null, ip: e.ip ?? null,
  });
}

/**
 * The client's address as the server saw it: X-Forwarded-For, which the server rewrites at the socket to hold
 * only the client's address (lib/net/client-address.ts; forwarded headers count only from TRUSTED_PROXIES).
 */
export function clientIp(headers: Headers): string | null {
  const fwd = headers.get('x-forwarded-for');
  return fwd ? fwd.split(',')[0]!.trim() || null : null;
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

export async function listAudit(db: Db, f: AuditFilter, limit = 200, offset = 0): Promise<{ rows: AuditRow[]; total: number }> {
  const w = where(f);
  const [rows, [count]] = await Promise.all([
    db.select().from(auditLog).where(w).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(w),
  ]);
  return { rows, total: count?.n ?? 0 };
}

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'medium' });
export const formatAuditTime = (d: Date) => stockholm.format(d);

/** The whole filtered log as CSV for Swedish Excel; every text cell is neutralised against formulas. */
export async function auditCsv(db: Db, f: AuditFilter): Promise<string> {
  const rows = await db.select().from(auditLog).where(where(f)).orderBy(desc(auditLog.at), desc(auditLog.id));
  return toSwedishCsv(
    ['Tid', 'Vem', 'Händelse', 'Objekt', 'Id', 'Beskrivning', 'Före', 'Efter', 'IP-adress'],
    rows.map((r) => [
      formatAuditTime(r.at), r.actor, AUDIT_ACTIONS[r.action as AuditAction] ?? r.action, r.targetType, r.targetId, r.summary,
      r.before === null ? null : JSON.stringify(r.before), r.after === null ? null : JSON.stringify(r.after), r.ip,
    ]),
  );
}
