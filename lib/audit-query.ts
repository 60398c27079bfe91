import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditAction, type AuditFilter } from './audit';

const date = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/).optional().or(z.literal('').transform(() => undefined));

/** The log's filters as they travel in the URL (?handelse=&q=&fran=&till=), shared by the page and the export. */
export const auditQuerySchema = z.object({
  handelse: z.string().optional().transform((v) => (v && v in AUDIT_ACTIONS ? (v as AuditAction) : undefined)),
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
  fran: date,
  till: date,
});

export function auditFilterFrom(params: Record<string, string | string[] | undefined>): AuditFilter & { raw: z.infer<typeof auditQuerySchema> } {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditQuerySchema.safeParse(flat);
  const raw = parsed.success ? parsed.data : { handelse: undefined, q: undefined, fran: undefined, till: undefined };
  const day = (d: string | undefined, plus = 0) => (d ? new Date(new Date(`${d}T00:00:00+01:00`).getTime() + plus * 86_400_000) : undefined);
  return { action: raw.handelse, q: raw.q, from: day(raw.fran), to: day(raw.till, 1), raw };
}
