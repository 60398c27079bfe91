/**
 * The report's fonts. The PDF standard fonts (Helvetica) only encode WinAnsi: å ä ö é – … are fine, but ≤ ≥ −
 * (the minus sign sv-SE numbers use) and anything else from imported files are not. So a TrueType sans from the
 * system is embedded (subset) when one is installed (REPORT_FONT_CANDIDATES: Liberation Sans, else DejaVu Sans);
 * without one the report falls back to Helvetica and spells those characters out ("≤" → "<=").
 */
import { existsSync } from 'node:fs';
import { REPORT_FONT_CANDIDATES } from '../chart-svg';
import type { Doc } from './layout';

export interface Fonts {
  regular: string;
  bold: string;
  /** Make a string drawable in the chosen font (identity for an embedded TrueType font). */
  clean: (s: string) => string;
  embedded: boolean;
}

/** cp1252's 0x80–0x9F: what the standard fonts can draw beyond ASCII and Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SPELL_OUT: Record<string, string> = {
  '≤': '<=',
  '≥': '>=',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '–',
  '≈': '~',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '\u2009': ' ',
  '\u202f': '\u00a0',
  '\u2007': ' ',
  '\u200b': '',
  '′': "'",
  '″': '"',
  '½': '1/2',
};

export function toWinAnsi(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 10 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch in SPELL_OUT) out += SPELL_OUT[ch];
    else if (c < 0x20) out += ' ';
    else out += '?';
  }
  return out;
}

/** Registers the report fonts on the document: an installed TrueType sans, else Helvetica with a safe character set. */
export function setUpFonts(doc: Doc): Fonts {
  const found = REPORT_FONT_CANDIDATES.find((f) => existsSync(f.regular) && existsSync(f.bold));
  if (found) {
    doc.registerFont('Report', found.regular);
    doc.registerFont('Report-Bold', found.bold);
    return { regular: 'Report', bold: 'Report-Bold', clean: (s) => s, embedded: true };
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', clean: toWinAnsi, embedded: false };
}
