import { formatNumber } from '../format';
import type { ParsedObservation } from './adapter';
import type { ImportContext } from './context';
import { issue, type ImportIssue } from './issues';

export function naturalKey(o: Pick<ParsedObservation, 'indicatorId' | 'regionCode' | 'period' | 'sex' | 'grp' | 'site'>): string {
  return [o.indicatorId, o.regionCode, o.period.label, o.sex ?? 'T', o.grp ?? '', o.site ?? ''].join('\u001f');
}

const comparable = (o: ParsedObservation) => JSON.stringify([o.value, o.ciLow ?? null, o.ciHigh ?? null, o.n ?? null, o.status ?? null]);

/**
 * Checks every source's observations the same way: known indicator, a reason for every missing value,
 * shares within 0–100, an interval that contains its value, and one value per key within the file.
 * Returns the observations to write (exact duplicate rows collapsed) and the problems found.
 */
export function validateObservations(
  obs: ParsedObservation[],
  ctx: ImportContext,
): { observations: ParsedObservation[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, ParsedObservation>();
  const out: ParsedObservation[] = [];
  for (const o of obs) {
    const problems = checkObservation(o, ctx);
    if (problems.length > 0) {
      issues.push(...(o.sheet ? problems.map((p) => ({ ...p, sheet: o.sheet })) : problems));
      continue;
    }
    const key = naturalKey(o);
    const prev = seen.get(key);
    if (prev) {
      if (comparable(prev) !== comparable(o)) {
        issues.push({
          ...issue(
            o.row,
            'värde',
            o.value === null ? '' : fmt(o.value),
            `samma indikator, region, period och grupp som rad ${prev.row}${prev.sheet ? ` på bladet "${prev.sheet}"` : ''} men ett annat värde: filen får bara ha ett värde per nyckel`,
          ),
          ...(o.sheet ? { sheet: o.sheet } : {}),
        });
      }
      continue;
    }
    seen.set(key, o);
    out.push(o);
  }
  return { observations: out, issues };
}

const fmt = (v: number) => formatNumber(v, 2).replace(/,?0+$/, '');

/** The checks of one observation on its own (the streaming import runs these row by row). */
export function checkObservation(o: ParsedObservation, ctx: ImportContext): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const ind = ctx.indicators.get(o.indicatorId);
  if (!ind) return [issue(o.row, 'indikator', o.indicatorId, 'okänd indikator')];
  // The downloadable templates carry one example row with made-up values, marked in its comment.
  if (o.note && /exempelrad/i.test(o.note)) {
    issues.push(
      issue(
        o.row,
        'kommentar',
        o.note,
        'raden är mallens exempelrad med påhittade värden: ersätt värdena med kommunens egna och ta bort texten om exempelrad, eller ta bort raden',
      ),
    );
  }
  if (o.value === null && !o.status) {
    issues.push(issue(o.row, 'värde', '', 'värdet saknas: ange ett tal, eller lämna det tomt och ange status (t.ex. .. för sekretess)'));
  }
  if (ind.unitKind === 'percent') {
    for (const [col, v] of [
      ['värde', o.value],
      ['ki_låg', o.ciLow],
      ['ki_hög', o.ciHigh],
    ] as const) {
      if (v !== null && v !== undefined && (v < 0 || v > 100)) {
        issues.push(issue(o.row, col, fmt(v), 'en andel ska ligga mellan 0 och 100 (procent)'));
      }
    }
  } else if (o.value !== null && o.value < 0) {
    issues.push(issue(o.row, 'värde', fmt(o.value), 'värdet kan inte vara negativt'));
  }
  const lo = o.ciLow ?? null;
  const hi = o.ciHigh ?? null;
  if ((lo === null) !== (hi === null)) {
    issues.push(issue(o.row, lo === null ? 'ki_låg' : 'ki_hög', '', 'ange båda gränserna för konfidensintervallet, eller ingen'));
  } else if (lo !== null && hi !== null && (lo > hi || (o.value !== null && (o.value < lo || o.value > hi)))) {
    issues.push(
      issue(
        o.row,
        'ki_låg',
        `${fmt(lo)}–${fmt(hi)}`,
        `konfidensintervallet ska innehålla värdet${o.value !== null ? ` ${fmt(o.value)}` : ''} (ki_låg ≤ värde ≤ ki_hög)`,
      ),
    );
  }
  return issues;
}
