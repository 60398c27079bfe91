import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditAction, type AuditFilter } from './audit';

/** A calendar date that exists (2025-02-30 and 2025-13-45 do not); anything else is dropped, not an error. */
const date = z.iso.date().optional().catch(undefined);

/** The log's filters as they travel in the URL (?handelse=&q=&fran=&till=). Each field stands alone: one bad
 * value drops only itself, so an export never widens to the whole log because of a typo in another field. */
export const auditQuerySchema = z.object({
  handelse: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v && Object.hasOwn(AUDIT_ACTIONS, v) ? (v as AuditAction) : undefined)),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  fran: date,
  till: date,
});

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** Midnight in Stockholm (CET or CEST) at the start of an ISO date, as an instant. */
export function stockholmMidnight(isoDate: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = new Date(`${isoDate}T00:00:00${offset}`);
    const parts = Object.fromEntries(stockholm.formatToParts(candidate).map((p) => [p.type, p.value]));
    if (`${parts.year}-${parts.month}-${parts.day}` === isoDate && parts.hour === '00') return candidate;
  }
  return new Date(`${isoDate}T00:00:00+01:00`);
}

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function auditFilterFrom(
  params: Record<string, string | string[] | undefined>,
): AuditFilter & { raw: z.infer<typeof auditQuerySchema> } {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const raw = auditQuerySchema.parse(flat);
  return {
    action: raw.handelse,
    q: raw.q,
    from: raw.fran ? stockholmMidnight(raw.fran) : undefined,
    to: raw.till ? stockholmMidnight(nextDay(raw.till)) : undefined,
    raw,
  };
}
