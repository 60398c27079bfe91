/** A priority area's code as plans write it ("N", "V", "T"): anything else is no area (404) without a lookup. */
export function isAreaCode(code: string): boolean {
  return /^[A-Za-z0-9-]{1,16}$/.test(code);
}
