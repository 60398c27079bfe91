import { z } from 'zod';
import type { ObservationInput } from '../db/observation-input';
import { parsePeriod } from '../periods';
import { mulberry32, seedFromString } from '../random';
import { REGION_KEYS, type RegionKey } from '../vocabulary';

const regionProfile = z.object({
  start: z.number(),
  end: z.number(),
  n: z.number().int().positive().optional(),
  population: z.number().positive().optional(),
  denominator: z.number().int().positive().optional(),
  /** Fixed points, e.g. a figure the plan itself quotes. */
  pin: z.record(z.string(), z.object({ value: z.number(), n: z.number().int().positive().optional() })).optional(),
});

/** The roles a region plays in an example profile: the plan's kommun, its län, riket. */
export const REGION_ROLES = REGION_KEYS;
export type RegionRole = RegionKey;

export const EXAMPLE_KINDS = ['ntu', 'share', 'rate', 'register_share', 'load'] as const;

export const profilesSchema = z.object({
  version: z.string().min(1),
  about: z.string(),
  periodSets: z.record(z.string(), z.array(z.string()).min(1)),
  notes: z.record(z.string(), z.string()),
  indicators: z.array(
    z.object({
      id: z.string(),
      periods: z.string(),
      kind: z.enum(EXAMPLE_KINDS),
      noise: z.number().nonnegative(),
      responseRate: z.number().min(0).max(1).optional(),
      referenceYearOffset: z.number().int().optional(),
      /** Keyed by role: the plan's kommun, its län and riket, so another kommun gets its own codes. */
      regions: z.partialRecord(z.enum(REGION_ROLES), regionProfile),
    }),
  ),
  regionNotes: z.record(z.string(), z.partialRecord(z.enum(REGION_ROLES), z.string())),
});
export type ExampleProfiles = z.infer<typeof profilesSchema>;

/** Deterministic draws seeded from a string, so every seed run writes the same values. */
const rng = (seed: string) => mulberry32(seedFromString(seed));

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** Published NTU-style margin: 95 % with an assumed design effect of 1.5 (statistics.md §1.1). */
function ntuMargin(pct: number, n: number): number {
  const p = pct / 100;
  return 1.959964 * Math.sqrt((1.5 * p * (1 - p)) / n) * 100;
}

export function generateExampleObservations(
  profiles: ExampleProfiles,
  regionCodes: Record<RegionRole, string>,
  decimalsOf: (indicatorId: string) => number,
): ObservationInput[] {
  const out: ObservationInput[] = [];
  for (const ind of profiles.indicators) {
    const labels = profiles.periodSets[ind.periods];
    if (!labels) throw new Error(`Exempelprofil ${ind.id}: okänd periodmängd "${ind.periods}"`);
    const decimals = decimalsOf(ind.id);
    for (const role of REGION_ROLES) {
      const rp = ind.regions[role];
      if (!rp) continue;
      const regionCode = regionCodes[role];
      const random = rng(`${profiles.version}|${ind.id}|${regionCode}`);
      const regionNote = profiles.regionNotes[ind.periods]?.[role] ?? null;
      labels.forEach((label, i) => {
        const period = parsePeriod(label);
        if (!period) throw new Error(`Exempelprofil ${ind.id}: ogiltig period "${label}"`);
        const t = labels.length === 1 ? 0 : i / (labels.length - 1);
        const noise = (random() * 2 - 1) * ind.noise;
        const pin = rp.pin?.[label];
        const level = pin ? pin.value : rp.start + (rp.end - rp.start) * t + noise;
        const jitter = 0.9 + random() * 0.2;
        const note = [profiles.notes[label], regionNote].filter(Boolean).join(' ') || null;
        const base: ObservationInput = { indicatorId: ind.id, regionCode, period, value: null, note };
        if (ind.referenceYearOffset) base.referenceYear = Number(period.end.slice(0, 4)) + ind.referenceYearOffset;
        out.push(shape(ind.kind, base, level, decimals, rp, pin?.n ?? (rp.n ? Math.round(rp.n * jitter) : undefined), ind.responseRate));
      });
    }
  }
  return out;
}

function shape(
  kind: (typeof EXAMPLE_KINDS)[number],
  base: ObservationInput,
  level: number,
  decimals: number,
  rp: z.infer<typeof regionProfile>,
  n: number | undefined,
  responseRate: number | undefined,
): ObservationInput {
  switch (kind) {
    case 'ntu': {
      const value = round(level, decimals);
      const m = ntuMargin(value, n!);
      return { ...base, value, n, ciLow: round(Math.max(0, value - m), 1), ciHigh: round(Math.min(100, value + m), 1) };
    }
    case 'share': {
      // Shares from a count of respondents: the value is what n answers can give.
      const count = Math.round((level / 100) * n!);
      return { ...base, value: round((count / n!) * 100, decimals), n, responseRate: responseRate ?? null };
    }
    case 'rate': {
      const count = Math.round((level * rp.population!) / 100_000);
      return { ...base, value: round((count / rp.population!) * 100_000, decimals), numerator: count, denominator: rp.population! };
    }
    case 'register_share': {
      const count = Math.round((level / 100) * rp.denominator!);
      return { ...base, value: round((count / rp.denominator!) * 100, decimals), numerator: count, denominator: rp.denominator! };
    }
    case 'load':
      return { ...base, value: round(Math.max(0.1, level), decimals) };
  }
}
