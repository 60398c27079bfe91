import type { ObservationStatus, Sex } from '../db/enums';
import { parsePeriod, type Period } from '../periods';
import { issue, type ImportIssue } from './issues';
import { slashYearSuggestion } from './labels';
import { missingMarker, parseNumber, parseStatus, STATUS_HELP } from './values';

/** Helpers that read one cell and report a located Swedish issue when it is wrong. */
export class RowReader {
  readonly issues: ImportIssue[] = [];

  constructor(readonly row: number) {}

  fail(column: string, value: string, message: string): null {
    this.issues.push(issue(this.row, column, value, message));
    return null;
  }

  period(column: string, raw: string): Period | null {
    if (raw === '') return this.fail(column, raw, 'perioden saknas: ange år (2024), period (2021–2022) eller datum (2024-04-16)');
    const period = parsePeriod(raw);
    if (period) return period;
    const school = slashYearSuggestion(raw);
    if (school) return this.fail(column, raw, `läsår skrivs som period: ange ${school}`);
    return this.fail(column, raw, 'okänd period: ange år (2024), period (2021–2022) eller datum (ÅÅÅÅ-MM-DD)');
  }

  /** Optional number; "" → null. */
  number(column: string, raw: string): number | null {
    if (raw === '') return null;
    const r = parseNumber(raw);
    return r.ok ? r.value : this.fail(column, raw, r.message);
  }

  integer(column: string, raw: string): number | null {
    const v = this.number(column, raw);
    if (v === null) return null;
    if (!Number.isInteger(v) || v < 0) return this.fail(column, raw, 'förväntade ett heltal ≥ 0');
    return v;
  }

  /** A value that may be a missing marker ("..", "XX", "."); returns the value or the marker's status. */
  valueOrMarker(
    column: string,
    raw: string,
    dashMeans: 'zero' | 'missing' | 'invalid' = 'invalid',
  ): { value: number | null; status: ObservationStatus | null } | null {
    if (raw === '') return { value: null, status: null };
    const marker = missingMarker(raw, dashMeans);
    if (marker === 'zero') return { value: 0, status: null };
    if (marker) return { value: null, status: marker };
    const v = this.number(column, raw);
    return v === null ? null : { value: v, status: null };
  }

  status(column: string, raw: string): ObservationStatus | null | undefined {
    const s = parseStatus(raw);
    if (s === undefined) this.fail(column, raw, `okänd status: ange ${STATUS_HELP}`);
    return s;
  }

  sex(column: string, raw: string): Sex | null {
    const s = raw.trim().toLocaleLowerCase('sv-SE');
    if (['', 't', 'totalt', 'total', 'alla', 'samtliga', 'båda könen'].includes(s)) return 'T';
    if (['k', 'kvinnor', 'kvinna', 'tjejer', 'flickor', 'f', 'female', 'women'].includes(s)) return 'K';
    if (['m', 'män', 'man', 'killar', 'pojkar', 'male', 'men'].includes(s)) return 'M';
    return this.fail(column, raw, 'okänt kön: ange Totalt, Kvinnor eller Män (även T/K/M, tjejer/killar)');
  }
}
