/**
 * The domain's words, in one place: each enum's stored values (used by the drizzle schema's pgEnums, zod
 * schemas and the pages) and their Swedish labels.
 */

export const PERIOD_KINDS = ['year', 'range', 'date'] as const;
export const SEXES = ['T', 'K', 'M'] as const;
/** Why a value is missing or flagged. A null value always carries one of these. */
export const OBSERVATION_STATUSES = [
  'suppressed', // ".." sekretess / "XX" too few answers
  'not_applicable', // "." ej tillämplig / adekvat data saknas
  'missing', // bortfall, no value
  'below_loq', // wastewater: under kvantifieringsgränsen (EUDA 0, RISE under_LLOQ)
  'not_detected', // wastewater: ej detekterad
  'preliminary', // value present but preliminary
] as const;
export const IMPORT_KINDS = ['seed', 'example', 'upload'] as const;

export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type Sex = (typeof SEXES)[number];
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];
