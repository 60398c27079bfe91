import type { ParsedObservation, SourceAdapter } from '../adapter';
import { cell, columnLabel, matchColumns, type ColumnSpec } from '../columns';
import { RowReader } from '../fields';
import type { ImportIssue } from '../issues';
import { fractionIssues, readPercent, readYear, type PercentCellRef } from './lupp';

type Key = 'year' | 'region' | 'share' | 'n' | 'answers' | 'note';

export const SN_COLUMNS: ColumnSpec<Key>[] = [
  { key: 'year', names: ['år', 'year', 'enkätår'], required: true },
  { key: 'region', names: ['region'], required: true },
  { key: 'share', names: ['andel', 'andel (%)', 'share'], required: true },
  { key: 'n', names: ['antal_svarande', 'antal svarande', 'n', 'respondents'], required: true },
  { key: 'answers', names: ['svarsalternativ', 'answer_options', 'answer options'], required: true },
  { key: 'note', names: ['kommentar', 'note'], required: false },
];

/** Header of `data-imports/templates/svenskt-naringsliv.csv`. */
export const SN_TEMPLATE_HEADER = 'år;region;andel;antal_svarande;svarsalternativ;kommentar';

export const SN_INDICATOR = 'sn_brott_paverkar_foretag';
/** The answer options the indicator is defined on (domain.md §3). */
export const SN_DEFINITION_ANSWERS = 'i hög eller mycket hög utsträckning';

const STOP = new Set(['i', 'eller', 'och', 'samt', 'utstrackning', 'grad']);

/** Answer options compared without "i", "eller", "utsträckning", case and accents. */
export function answersKey(raw: string): string {
  return raw
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z]+/)
    .filter((w) => w !== '' && !STOP.has(w))
    .join(' ');
}

const DEFINITION_KEYS = new Set(['hog mycket hog', 'mycket hog hog']);

interface Pending {
  obs: ParsedObservation;
  share: PercentCellRef;
  answers: string;
  comment: string;
}

/**
 * Svenskt Näringsliv, Lokalt företagsklimat: the share of responding firms negatively affected by crime and
 * insecurity, typed from foretagsklimat.se or the kommun's Sammanställning. The answer options counted go
 * into the note, so a value counted differently is never mistaken for the indicator's definition.
 */
export const snAdapter: SourceAdapter = {
  id: 'svenskt_naringsliv',
  label: 'Svenskt Näringsliv – Lokalt företagsklimat (mall)',
  sourceId: 'svenskt_naringsliv',
  expects: `kolumnerna ${SN_TEMPLATE_HEADER} (kommentar får saknas)`,

  detect(table) {
    const m = matchColumns(table, SN_COLUMNS);
    return { score: m.score, missing: m.missing.map((s) => s.names[0]!), matched: Object.keys(m.index).length };
  },

  parse(table, ctx) {
    const m = matchColumns(table, SN_COLUMNS);
    const label = (k: Key) =>
      columnLabel(
        m,
        SN_COLUMNS.find((s) => s.key === k)!,
      );
    const issues: ImportIssue[] = [];
    const pending: Pending[] = [];
    const data = table.rows.slice(1);
    const indicator = ctx.indicators.get(SN_INDICATOR);
    for (const row of data) {
      const r = new RowReader(row.line);
      const get = (k: Key) => cell(row, m, k);
      const period = readYear(r, label('year'), get('year'));
      const region = ctx.regions.resolve(get('region'));
      if (!region.ok) r.fail(label('region'), get('region'), region.message);
      const share = readPercent(r, label('share'), get('share'), 'andelen', true);
      // Regional press figures often give no n: an empty cell is allowed, a wrong one is not.
      const n = r.integer(label('n'), get('n'));
      if (n === 0) r.fail(label('n'), get('n'), 'antal svarande måste vara minst 1 (lämna tomt om det inte är känt)');
      const answers = get('answers');
      if (answers === '') {
        r.fail(label('answers'), '', `ange vilka svarsalternativ som räknats, t.ex. "${SN_DEFINITION_ANSWERS}"`);
      }
      if (!indicator) r.fail(label('share'), get('share'), `indikatorn ${SN_INDICATOR} finns inte i katalogen`);
      if (r.issues.length > 0 || !period || !region.ok || !share || !indicator) {
        issues.push(...r.issues);
        continue;
      }
      pending.push({
        obs: {
          row: row.line,
          indicatorId: indicator.id,
          regionCode: region.code,
          period,
          sex: 'T',
          grp: '',
          value: share.value,
          n,
          status: share.status,
          note: null,
        },
        share: { row: row.line, raw: get('share'), cell: share },
        answers,
        comment: get('note'),
      });
    }
    // Distinct answer options in the file, in the order met, spelled as first written.
    const distinct = new Map<string, string>();
    for (const p of pending) if (!distinct.has(answersKey(p.answers))) distinct.set(answersKey(p.answers), p.answers);
    for (const p of pending) {
      const parts = [`Svarsalternativ som räknats: ${p.answers}.`];
      if (!DEFINITION_KEYS.has(answersKey(p.answers))) {
        parts.push(`Avviker från indikatorns definition (${SN_DEFINITION_ANSWERS}).`);
      }
      if (distinct.size > 1) {
        parts.push(
          `Svarsalternativen skiljer sig mellan raderna i filen (${[...distinct.values()].join('; ')}): jämför bara värden med samma svarsalternativ.`,
        );
      }
      if (p.comment) parts.push(p.comment);
      p.obs.note = parts.join(' ');
    }
    const bad = fractionIssues(
      label('share'),
      pending.map((p) => p.share),
    );
    issues.push(...bad);
    const badRows = new Set(bad.map((i) => i.row));
    const observations = pending.filter((p) => !badRows.has(p.obs.row)).map((p) => p.obs);
    return { observations, issues: issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), rows: data.length };
  },
};
