import { z } from 'zod';
import { LINK_ROLES } from '../vocabulary';

const isoDate = z.iso.date();
const code = z.string().regex(/^[A-Z][A-Z0-9-]*$/);

export { LINK_ROLES } from '../vocabulary';

/** How a goal is measured: one indicator, the breakdown that counts, baseline and optional target. */
export const indicatorLinkSchema = z.object({
  indicator: z.string().regex(/^[a-z][a-z0-9_]*$/),
  role: z.enum(LINK_ROLES),
  /** Period label as stored in observations: "2023", "2021–2022", "vår 2024". */
  baselinePeriod: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetYear: z.number().int().nullable(),
  sex: z.enum(['T', 'K', 'M']).default('T'),
  group: z.string().default(''),
  note: z.string().nullable().default(null),
});

export const overallGoalSchema = z.object({
  code,
  text: z.string().min(1),
  indicators: z.array(indicatorLinkSchema),
});

export const actionSchema = z.object({
  code,
  title: z.string().min(1),
  responsible: z.array(z.string().min(1)).min(1),
});

/** One row of the plan's table: Mål | Orsak | Åtgärd | Vem? | Förslag detaljerad åtgärdsplan. */
export const tableGoalSchema = z.object({
  code,
  goal: z.string().min(1),
  cause: z.string().min(1),
  action: z.string().min(1),
  responsible: z.string().min(1),
  proposal: z.string().min(1),
  actionCodes: z.array(code),
  indicators: z.array(indicatorLinkSchema),
});

export const areaSchema = z.object({
  code,
  title: z.string().min(1),
  heading: z.string().min(1),
  lagesbildSummary: z.string().min(1),
  definition: z.string().nullable(),
  overallGoalsText: z.string().min(1),
  overallGoals: z.array(overallGoalSchema).min(1),
  actions: z.array(actionSchema).min(1),
  goals: z.array(tableGoalSchema).min(1),
});

export const planFileSchema = z.object({
  kommunCode: z.string().regex(/^\d{4}$/),
  title: z.string().min(1),
  documentDate: isoDate,
  decidedDate: isoDate,
  decidedBy: z.string().min(1),
  decisionParagraph: z.string().min(1),
  diarienummer: z.string().min(1),
  validFrom: isoDate,
  /** "Bör revideras senast": a month, YYYY-MM. */
  reviseBy: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  basedOnLagesbild: z.string().min(1),
  documentOwner: z.string().min(1),
  documentResponsible: z.string().min(1),
  createdBy: z.string().min(1),
  vision: z.string().min(1),
  introduction: z.string().min(1),
  mission: z.string().min(1),
  areas: z.array(areaSchema).min(1),
});

export type PlanFile = z.infer<typeof planFileSchema>;
export type IndicatorLink = z.infer<typeof indicatorLinkSchema>;
