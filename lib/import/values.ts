import type { ObservationStatus } from '../db/enums';

export type NumberResult = { ok: true; value: number; percent: boolean } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads a number as Swedish and international files write it: decimal comma or point, thousands
 * separated by spaces, "38 %" or "38%", scientific notation ("2e+05"), a real minus sign.
 */
export function parseNumber(raw: string): NumberResult {
  let s = raw.replace(SPACES, '').replace(/\u2212/g, '-');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (s.includes('.') && s.includes(',')) {
    return { ok: false, message: 'både punkt och komma i talet: skriv decimaltecken som komma eller punkt, utan tusentalsavgränsare' };
  }
  s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return { ok: false, message: 'förväntade ett tal' };
  const value = Number(s);
  if (!Number.isFinite(value)) return { ok: false, message: 'förväntade ett tal' };
  return { ok: true, value, percent };
}

/** Markers that mean "no value", with the reason they give. Source conventions differ on "-". */
export function missingMarker(raw: string, dashMeans: 'zero' | 'missing' | 'invalid' = 'invalid'): ObservationStatus | 'zero' | null {
  const s = raw.trim();
  switch (s.toUpperCase()) {
    case '..':
      return 'suppressed';
    case 'XX':
      return 'suppressed';
    case '.':
      return 'not_applicable';
    case 'N/A':
    case 'NA':
      return 'missing';
    case '-':
    case '–':
      return dashMeans === 'zero' ? 'zero' : dashMeans === 'missing' ? 'missing' : null;
    default:
      return null;
  }
}

/** Status words in templates: Swedish, English and the lab flags. */
const STATUS_WORDS: Record<string, ObservationStatus> = {
  '..': 'suppressed',
  sekretess: 'suppressed',
  suppressed: 'suppressed',
  xx: 'suppressed',
  'för få svar': 'suppressed',
  '.': 'not_applicable',
  'ej tillämplig': 'not_applicable',
  not_applicable: 'not_applicable',
  saknas: 'missing',
  bortfall: 'missing',
  missing: 'missing',
  under_lloq: 'below_loq',
  under_loq: 'below_loq',
  '<loq': 'below_loq',
  below_loq: 'below_loq',
  ej_detekterad: 'not_detected',
  'ej detekterad': 'not_detected',
  not_detected: 'not_detected',
  prel: 'preliminary',
  preliminär: 'preliminary',
  preliminary: 'preliminary',
};

export function parseStatus(raw: string): ObservationStatus | null | undefined {
  const s = raw.trim().toLocaleLowerCase('sv-SE');
  if (s === '') return null;
  return STATUS_WORDS[s];
}

export const STATUS_HELP = 'ett av: .. (sekretess), . (ej tillämplig), saknas, under_LLOQ, ej_detekterad, prel';
