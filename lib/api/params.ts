import { z } from 'zod';

const regionCode = z.string().regex(/^(\d{2}|\d{4})$/, 'regionkoder är 2 (län, 00 = riket) eller 4 siffror (kommun)');
/** A year or an ISO date; a year means its whole extent (from = 1 January, to = 31 December). */
const bound = (end: 'from' | 'to') =>
  z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?$/, 'ange år (ÅÅÅÅ) eller datum (ÅÅÅÅ-MM-DD)')
    .transform((s) => (s.length === 4 ? (end === 'from' ? `${s}-01-01` : `${s}-12-31`) : s));

export const formatParam = z.enum(['json', 'csv']).default('json');

export const listQuery = z.strictObject({ format: formatParam });

/** Which kommun's plan an answer is about (`?kommun=2084`); absent: the installation's first kommun. */
const kommunParam = z
  .string()
  .regex(/^\d{4}$/, 'kommun anges med en fyrsiffrig kommunkod (t.ex. 2083)')
  .optional();

/** A plan-dependent answer (the goals, an indicator's goals): the format and the kommun. */
export const planQuery = z.strictObject({ format: formatParam, kommun: kommunParam });

export const observationsQuery = z
  .strictObject({
    regions: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s === '') return undefined;
        const codes = s.split(',').map((c) => c.trim());
        for (const c of codes) {
          const r = regionCode.safeParse(c);
          if (!r.success) ctx.addIssue({ code: 'custom', message: `${c}: ${r.error.issues[0]!.message}` });
        }
        if (codes.length > 400) ctx.addIssue({ code: 'custom', message: 'högst 400 regioner per anrop' });
        return codes;
      }),
    from: bound('from').optional(),
    to: bound('to').optional(),
    sex: z.enum(['T', 'K', 'M']).optional(),
    group: z.string().max(100).optional(),
    site: z.string().max(100).optional(),
    format: formatParam,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from måste vara före to', path: ['from'] });

/** Parses URLSearchParams with a schema; returns the data or a 400 response with the reasons. */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  params: URLSearchParams,
): { ok: true; data: z.infer<T> } | { ok: false; response: Response } {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) {
    if (k in raw) return { ok: false, response: badRequest([`parametern ${k} anges flera gånger`]) };
    raw[k] = v;
  }
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, response: badRequest(r.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))) };
}

export function badRequest(errors: string[]): Response {
  return Response.json({ error: 'Ogiltig förfrågan', details: errors }, { status: 400 });
}

/** A well-formed kommun code without a plan in this installation. */
export function kommunNotFound(code: string): Response {
  return Response.json({ error: `Kommunen ${code} har ingen åtgärdsplan i den här installationen` }, { status: 404 });
}

export function notFound(what: string): Response {
  return Response.json({ error: `${what} finns inte` }, { status: 404 });
}
