import { z } from 'zod';
import { DIRECTIONS, GEOGRAPHY_LEVELS, INDICATOR_TYPES, UNIT_KINDS } from '../vocabulary';

// The enums live in the vocabulary module, shared by these zod schemas, the drizzle schema and the pages.
export {
  DIRECTIONS,
  GEOGRAPHY_LEVELS,
  INDICATOR_TYPES,
  UNIT_KINDS,
  type Direction,
  type IndicatorType,
  type UnitKind,
} from '../vocabulary';

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'id: gemener, siffror och _');

export const sourceFileSchema = z.object({
  id,
  name: z.string().min(1),
  publisher: z.string().min(1),
  url: z.url().nullable(),
  /** Plain Swedish, e.g. "Årligen (resultat i oktober), kommunvärden som tvåårsperioder". */
  cadence: z.string().min(1),
  /** Months between releases; drives staleness. Null = irregular/unknown. */
  cadenceMonths: z.number().int().positive().nullable(),
  /** Geography the source actually measures, in Swedish. */
  geography: z.string().min(1),
  geographyLevels: z.array(z.enum(GEOGRAPHY_LEVELS)).min(1),
  /** True when the same figure exists for Dalarna and Sverige (a benchmark is possible). */
  comparable: z.boolean(),
  notes: z.string().nullable(),
});

export const indicatorFileSchema = z.object({
  id,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  definition: z.string().min(1),
  /** Question wording in the survey, when there is one. */
  question: z.string().nullable(),
  unit: z.string().min(1),
  unitKind: z.enum(UNIT_KINDS),
  direction: z.enum(DIRECTIONS),
  type: z.enum(INDICATOR_TYPES),
  decimals: z.number().int().min(0).max(3),
  sourceId: id,
  breakdowns: z.array(z.string()),
  cadence: z.string().min(1),
  /** Catalogue goal column, e.g. "N-main", "V-sub", "T (context)". */
  goalArea: z.string().min(1),
  measuredGeography: z.string().min(1),
  /** Levels the source publishes the indicator for; no value is made up for another level. */
  publishedLevels: z.array(z.enum(GEOGRAPHY_LEVELS)).min(1),
  caveats: z.string().nullable(),
});

export const sourcesFileSchema = z.array(sourceFileSchema);
export const indicatorsFileSchema = z.array(indicatorFileSchema);
export type IndicatorFile = z.infer<typeof indicatorFileSchema>;
