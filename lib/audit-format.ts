import {
  AS_PLANNED_LABELS,
  DECISION_KINDS,
  EFFECT_HORIZON_LABELS,
  LINK_ROLE_LABELS,
  MEASURE_STATUS_LABELS,
  REVIEW_STATUS_LABELS,
  ROLE_LABELS,
  SEX_LABELS,
  labelOf,
} from './vocabulary';

/*
 * The change record's before/after as people read them: Swedish field names and values, only what changed.
 * Pure: used by /admin/logg and its CSV export.
 */

/** One changed field: its Swedish name and the value before and after ("–" when there was none). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const FIELDS: Record<string, string> = {
  email: 'E-postadress',
  name: 'Namn',
  role: 'Roll',
  roll: 'Roll',
  active: 'Aktiv',
  status: 'Status',
  startDate: 'Startdatum',
  endDate: 'Slutdatum',
  effectHorizon: 'Effekt väntas på',
  text: 'Text',
  cause: 'Orsak',
  actionText: 'Åtgärd',
  responsibleText: 'Vem',
  proposal: 'Förslag',
  indicatorId: 'Mått',
  baselinePeriod: 'Baslinje',
  targetValue: 'Målvärde',
  targetYear: 'Målår',
  sex: 'Kön',
  grp: 'Grupp',
  note: 'Anteckning',
  planId: 'Plan nr',
  title: 'Titel',
  decidedDate: 'Beslutsdatum',
  reviseBy: 'Revideras senast',
  validFrom: 'Gäller från',
  decidedBy: 'Beslutad av',
  decisionParagraph: 'Paragraf',
  diarienummer: 'Diarienummer',
  basedOnLagesbild: 'Bygger på lägesbilden',
  year: 'År',
  meetingDate: 'Mötesdatum',
  importIds: 'Importer',
  label: 'Bedömning',
  justification: 'Motivering',
  comment: 'Kommentar',
  kind: 'Slag',
  done: 'Vad som gjordes',
  asPlanned: 'Som planerat',
  how: 'Hur',
  hours: 'Timmar',
  costSek: 'Kostnad (kr)',
  problems: 'Problem',
  file: 'Fil',
  sha256: 'Kontrollsumma (SHA-256)',
  inserted: 'Nya värden',
  updated: 'Ändrade värden',
  unchanged: 'Oförändrade värden',
  restored: 'Återställda värden',
  removed: 'Borttagna värden',
  by: 'Av',
  definition: 'Definition',
  unit: 'Enhet',
  unitKind: 'Typ av enhet',
  direction: 'Riktning',
  type: 'Slag av mått',
  decimals: 'Decimaler',
  cadence: 'Nya värden',
  measuredGeography: 'Mäts för',
  caveats: 'Förbehåll',
  id: 'Id',
};

/** Fields whose numbers are identifiers or years: never grouped ("2027", not "2 027"). */
const PLAIN_NUMBERS = new Set(['year', 'targetYear', 'planId', 'importIds', 'id']);

const VALUE_LABELS: Record<string, Readonly<Partial<Record<string, string>>>> = {
  status: { ...MEASURE_STATUS_LABELS, ...REVIEW_STATUS_LABELS },
  effectHorizon: EFFECT_HORIZON_LABELS,
  asPlanned: AS_PLANNED_LABELS,
  sex: SEX_LABELS,
  kind: DECISION_KINDS,
};

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 3 });

/** A stored value as text: "ja"/"nej", sv-SE numbers, lists joined, labels for coded values; null for nothing. */
export function auditValue(key: string, v: unknown, names: Readonly<Record<string, string>> = {}): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? 'ja' : 'nej';
  if (Array.isArray(v)) return v.length === 0 ? null : v.map((x) => auditValue(key, x, names) ?? '–').join(', ');
  if (typeof v === 'number') return PLAIN_NUMBERS.has(key) ? String(v) : numberFormat.format(v);
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${FIELDS[k] ?? k}: ${auditValue(k, x, names) ?? '–'}`)
      .join(', ');
  }
  const s = String(v);
  // A goal link's role (huvudmått …) or a user's role (läsare …): the two vocabularies share no word.
  if (key === 'role' || key === 'roll')
    return Object.hasOwn(ROLE_LABELS, s) ? ROLE_LABELS[s as keyof typeof ROLE_LABELS].toLowerCase() : labelOf(LINK_ROLE_LABELS, s);
  if (key === 'indicatorId' && names[s]) return `${names[s]} (${s})`;
  const labels = VALUE_LABELS[key];
  return labels ? labelOf(labels, s) : s;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : v === null || v === undefined
      ? null
      : { värde: v };

/**
 * The fields of a change record entry: for an edit only the fields that changed; for something created or
 * removed every field it had. `names` turns indicator ids into names ("Otrygghet … (ntu_otrygg_kvall)").
 */
export function describeChange(before: unknown, after: unknown, names: Readonly<Record<string, string>> = {}): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const out: FieldChange[] = [];
  for (const k of keys) {
    const was = b ? auditValue(k, b[k], names) : null;
    const now = a ? auditValue(k, a[k], names) : null;
    if (b && a && was === now) continue;
    if (was === null && now === null) continue;
    out.push({ field: FIELDS[k] ?? k, before: was, after: now });
  }
  return out;
}

/** One side of a change as lines "Roll: läsare", for the CSV export's Före and Efter columns (fields without a value left out). */
export function sideText(changes: FieldChange[], side: 'before' | 'after'): string {
  return changes
    .filter((c) => c[side] !== null)
    .map((c) => `${c.field}: ${c[side]}`)
    .join('\n');
}
