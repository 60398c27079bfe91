/**
 * Table column widths that never break a word: each column gets at least the width of its longest word
 * (`minimums`), and what it needs beyond its share is taken from the columns with room to spare, in
 * proportion to their spare room. A pure function, shared by the PDF and the DOCX tables.
 *
 * Returns null when the longest words alone do not fit in `total`: the caller then sets the table smaller.
 */
export function fitColumnWidths(shares: number[], minimums: number[], total: number): number[] | null {
  const need = minimums.reduce((s, m) => s + m, 0);
  if (need > total + 1e-6) return null;
  const sum = shares.reduce((s, x) => s + x, 0) || 1;
  const widths = shares.map((x) => (x / sum) * total);
  // Each round pins the columns that are too narrow at their minimum and shrinks the others by the shortfall,
  // in proportion to their room above their own minimum; at most one round per column.
  for (let round = 0; round <= widths.length; round++) {
    const short = widths.reduce((s, w, i) => s + Math.max(0, minimums[i]! - w), 0);
    if (short <= 1e-9) break;
    const room = widths.map((w, i) => Math.max(0, w - minimums[i]!));
    const roomSum = room.reduce((s, r) => s + r, 0);
    for (let i = 0; i < widths.length; i++) {
      widths[i] = widths[i]! < minimums[i]! ? minimums[i]! : widths[i]! - (roomSum > 0 ? (short * room[i]!) / roomSum : 0);
    }
  }
  return widths;
}

/**
 * The words of a cell, split only where every renderer breaks a line: at ordinary spaces (never at a no-break
 * space, which keeps "65 338" and "12 %" whole). Breaks after a hyphen are not counted on: a word is measured
 * whole, and a lone dash with the word after it ("– 2026-10-13"), or a word processor would rather break the
 * date at its hyphen than carry the dash alone.
 */
export function wordsOf(text: string): string[] {
  const words = text.split(/[ \t\r\n]+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if ((w === '–' || w === '—') && i + 1 < words.length) {
      out.push(`${w} ${words[i + 1]}`);
      i++;
    } else out.push(w);
  }
  return out;
}
