/**
 * A whole number from an address segment, or null when it is not one or lies outside [min, max] — e.g. a year
 * too large for the database's integer columns (which would otherwise answer 500).
 */
export function intParam(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** A review year from the address: four digits at most. */
export const yearParam = (raw: string) => intParam(raw, 1, 9999);
/** A database id (a PostgreSQL integer) from the address. */
export const idParam = (raw: string) => intParam(raw, 1, 2_147_483_647);
