/*
 * Client addresses as people read them. Pure (no Node modules): used where addresses are recorded and shown.
 */

/** An IPv4-mapped IPv6 address in its hexadecimal form, "::ffff:7f00:1". */
const MAPPED_HEX = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;
/** In its dotted form, "::ffff:127.0.0.1" (also written out, "0:0:0:0:0:ffff:127.0.0.1"). */
const MAPPED_DOTTED = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

/**
 * "::ffff:10.0.0.1" and "::ffff:a00:1" → "10.0.0.1" (an IPv4 client reached over a dual-stack socket is an IPv4
 * client); blanks and brackets removed; an empty value is null. Anything else is returned as it is.
 */
export function normaliseAddress(a: string | undefined | null): string | null {
  const v = (a ?? '').trim().replace(/^\[(.*)\]$/, '$1');
  if (!v) return null;
  const dotted = MAPPED_DOTTED.exec(v);
  if (dotted) return dotted[1]!;
  const hex = MAPPED_HEX.exec(v);
  if (hex) {
    const hi = parseInt(hex[1]!, 16);
    const lo = parseInt(hex[2]!, 16);
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return v;
}
