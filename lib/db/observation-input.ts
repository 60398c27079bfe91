import type { ObservationStatus, Sex } from './enums';
import type { Period } from '../periods';

/** One observation ready to be written; the natural key is indicator × region × period × sex × grp × site. */
export interface ObservationInput {
  indicatorId: string;
  regionCode: string;
  period: Period;
  referenceYear?: number | null;
  sex?: Sex;
  grp?: string;
  site?: string;
  value: number | null;
  ciLow?: number | null;
  ciHigh?: number | null;
  n?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  responseRate?: number | null;
  status?: ObservationStatus | null;
  note?: string | null;
  detail?: Record<string, unknown> | null;
}
