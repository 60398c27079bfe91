import type { Sex } from '../db/enums';
import { parsePeriod, type Period } from '../periods';
import type { RegionResolver, RegionResult } from './context';
import { cleanText } from './table';

/**
 * Labels as statistics databases write them (Kolada, PxWeb at SCB and Folkhälsomyndigheten, Socialstyrelsen,
 * Brå, MUCF): regions with their code in front, regional authorities by name, sexes and school years in words,
 * pooled and school-year periods. The template readers stay strict; these are for files others publish.
 */

/** "20 Dalarnas län", "2083 Hedemora", "00 Riket": PxWeb's code-and-name labels. */
const CODE_AND_NAME = /^(\d{2}|\d{4})\s+(\S.*)$/;

/**
 * Resolves a region label: a code (`2083`, `20`, Kolada's `0020`), a name (`Hedemora kommun`), a code with its
 * name (`20 Dalarnas län`: the code decides, and the name must agree), or a regional authority (`Region Dalarna`,
 * `Västra Götalandsregionen`: the län; `Region Gotland` is the kommun Gotland, as Kolada has it).
 */
export function resolveRegionLabel(regions: RegionResolver, raw: string): RegionResult {
  const s = cleanText(raw).replace(/\s+/g, ' ');
  if (s === '') return { ok: false, message: 'regionen saknas' };
  const coded = CODE_AND_NAME.exec(s);
  if (coded) {
    const byCode = regions.resolve(coded[1]!);
    if (!byCode.ok) return byCode;
    const byName = resolveName(regions, coded[2]!);
    if (byName.ok && byName.code !== byCode.code) {
      const a = regions.get(byCode.code)?.name ?? byCode.code;
      return { ok: false, message: `koden ${coded[1]} (${a}) och namnet "${coded[2]}" stämmer inte överens` };
    }
    return byCode;
  }
  return resolveName(regions, s);
}

function resolveName(regions: RegionResolver, s: string): RegionResult {
  const direct = regions.resolve(s);
  if (direct.ok) return direct;
  // Regional authorities: "Region Dalarna", "Region Jönköpings län", "Västra Götalandsregionen".
  const authority = /^region\s+(.+)$/i.exec(s)?.[1] ?? /^(.+?)sregionen$/i.exec(s)?.[1] ?? /^(.+?)regionen$/i.exec(s)?.[1];
  if (authority) {
    for (const candidate of [authority, `${authority} län`, `${authority}s län`]) {
      const r = regions.resolve(candidate);
      if (r.ok && regions.get(r.code)?.kind === 'lan') return r;
    }
  }
  return direct;
}

const SEX_WORDS: Record<string, Sex> = {
  '': 'T',
  t: 'T',
  totalt: 'T',
  total: 'T',
  alla: 'T',
  samtliga: 'T',
  'båda könen': 'T',
  'kvinnor och män': 'T',
  'flickor och pojkar': 'T',
  'tjejer och killar': 'T',
  'pojkar och flickor': 'T',
  k: 'K',
  kvinnor: 'K',
  kvinna: 'K',
  tjejer: 'K',
  flickor: 'K',
  f: 'K',
  female: 'K',
  women: 'K',
  m: 'M',
  män: 'M',
  man: 'M',
  killar: 'M',
  pojkar: 'M',
  male: 'M',
  men: 'M',
};

/** `Totalt`, `Kvinnor`/`Män`, `K`/`M`/`T`, `tjejer`/`killar`, `Flickor`/`Pojkar`; undefined when not a sex. */
export function parseSexLabel(raw: string): Sex | undefined {
  return SEX_WORDS[cleanText(raw).toLocaleLowerCase('sv-SE')];
}

/**
 * A group label in the project's spelling: `årskurs 9`/`Åk 9`/`åk9` → `åk 9`; `gymnasiet år 2`/`gy2` → `gy 2`;
 * `Gymnasiet`, `Högstadiet` → lower case; a total (`Totalt`, `Samtliga`, `Alla`) → '' (no breakdown).
 */
export function normalizeGroupLabel(raw: string): string {
  const s = cleanText(raw).replace(/\s+/g, ' ');
  const k = s.toLocaleLowerCase('sv-SE');
  if (['', 'totalt', 'total', 'samtliga', 'alla', 'alla elever', 'samtliga elever'].includes(k)) return '';
  const grade = /^(?:årskurs|åk)\.?\s*(\d{1,2})$/.exec(k);
  if (grade) return `åk ${grade[1]}`;
  const gy = /^(?:gy|gymnasiet\s+år|gymnasiet\s+åk|gymnasiet\s+årskurs)\.?\s*(\d)$/.exec(k);
  if (gy) return `gy ${gy[1]}`;
  if (['gymnasiet', 'gymnasieskolan', 'gymnasium'].includes(k)) return 'gymnasiet';
  if (k === 'högstadiet') return 'högstadiet';
  return s;
}

/** `2026/27`, `2026/2027` (school and season years): the range they span. */
const SLASH_YEARS = /^(\d{4})\s*\/\s*(\d{2}|\d{4})$/;

/** A school-year label as the project's range, or null: `2026/27` → `2026–2027`. */
export function slashYearSuggestion(raw: string): string | null {
  const m = SLASH_YEARS.exec(cleanText(raw));
  if (!m) return null;
  const a = Number(m[1]);
  let b = m[2]!.length === 2 ? Math.floor(a / 100) * 100 + Number(m[2]) : Number(m[2]);
  if (m[2]!.length === 2 && b < a) b += 100; // 1999/00
  return b === a + 1 ? `${a}–${b}` : null;
}

/**
 * A period label as statistics databases write it: `2024`, pooled `2019-2022`/`2019–2022`, school years
 * `2026/27` (read as 2026–2027), and a method-break year with an asterisk (`2016*`).
 */
export function parseStatPeriod(raw: string): Period | null {
  const s = cleanText(raw).replace(/\*$/, '');
  return parsePeriod(s) ?? (slashYearSuggestion(s) ? parsePeriod(slashYearSuggestion(s)!) : null);
}
