/**
 * Normalises a region name as files write it ("Hedemora kommun", "Säters kommun", "Malung–Sälen",
 * "HELA RIKET", "Region Gotland") to the key stored in region_aliases.
 */
export function normalizeRegionName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[‐‑‒–—−]/g, '-')
    .toLocaleLowerCase('sv-SE')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^region (?=gotland$)/, '')
    .replace(/ (kommun|stad)$/, '')
    .trim();
}

/** Candidate keys for a name, most literal first: the name itself, then without a genitive s. */
export function regionNameKeys(name: string): string[] {
  const key = normalizeRegionName(name);
  const keys = [key];
  // "Säters kommun" → "säter"; names that really end in s (Borås, Hofors) match on the first key.
  if (key.endsWith('s') && !key.endsWith(' län')) keys.push(key.slice(0, -1));
  return keys;
}
