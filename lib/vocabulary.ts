/**
 * The domain's words, in one place: each enum's stored values (used by the drizzle schema's pgEnums, the zod
 * schemas and the pages) and their Swedish labels. Pure data: safe to import from client components.
 */

/** Label of each value of an enum: a map with exactly the enum's values as keys. */
type Labels<T extends readonly string[]> = Readonly<Record<T[number], string>>;

// Users

/**
 * The three roles of Trygghetsläget, in rising order of what they may do. Stored as these exact Swedish words
 * (better-auth keeps a user's role as a string), so the database, the CLI and the UI speak the same language.
 */
export const ROLES = ['läsare', 'samordnare', 'administratör'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_DESCRIPTIONS: Labels<typeof ROLES> = {
  läsare: 'Läser översikt, mål, indikatorer och importhistorik.',
  samordnare: 'Importerar och ångrar data, redigerar plan och åtgärder, för uppföljningens beslut.',
  administratör: 'Allt samordnaren får, och hanterar användare och roller samt läser ändringsloggen.',
};

// Regions and indicators

export const REGION_KINDS = ['riket', 'lan', 'kommun'] as const;

export const DIRECTIONS = ['up', 'down', 'ctx'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Labels<typeof DIRECTIONS> = {
  down: 'Lägre är bättre', up: 'Högre är bättre', ctx: 'Sammanhangsindikator (ingen målriktning)',
};

export const INDICATOR_TYPES = ['survey', 'count', 'wastewater', 'process'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export const INDICATOR_TYPE_LABELS: Labels<typeof INDICATOR_TYPES> = {
  survey: 'Enkätundersökning', count: 'Registerantal/anmälningar', wastewater: 'Avloppsmätning', process: 'Processmått (kommunens egna register)',
};

export const UNIT_KINDS = ['percent', 'per_100k', 'per_1000', 'count', 'mg_per_1000_day', 'index', 'months'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const GEOGRAPHY_LEVELS = [
  'kommun', 'lan', 'riket', 'polisomrade', 'polisregion', 'ort', 'reningsverk', 'skola', 'verksamhet',
] as const;
export const GEOGRAPHY_LEVEL_LABELS: Labels<typeof GEOGRAPHY_LEVELS> = {
  kommun: 'kommun', lan: 'län', riket: 'riket', polisomrade: 'polisområde', polisregion: 'polisregion', ort: 'ort',
  reningsverk: 'reningsverk', skola: 'skola', verksamhet: 'verksamhet',
};

// Observations and imports

export const PERIOD_KINDS = ['year', 'range', 'date'] as const;
export const SEXES = ['T', 'K', 'M'] as const;
/** Why a value is missing or flagged. A null value always carries one of these. */
export const OBSERVATION_STATUSES = [
  'suppressed', // ".." sekretess / "XX" too few answers
  'not_applicable', // "." ej tillämplig / adekvat data saknas
  'missing', // bortfall, no value
  'below_loq', // wastewater: under kvantifieringsgränsen (EUDA 0, RISE under_LLOQ)
  'not_detected', // wastewater: ej detekterad
  'preliminary', // value present but preliminary
] as const;
export const OBSERVATION_STATUS_LABELS: Labels<typeof OBSERVATION_STATUSES> = {
  suppressed: 'Sekretess eller för få svar',
  not_applicable: 'Ej tillämplig',
  missing: 'Uppgift saknas',
  below_loq: 'Under kvantifieringsgränsen (< LOQ)',
  not_detected: 'Ej detekterad',
  preliminary: 'Preliminär uppgift',
};
/** The short form, for a cell in a narrow table (the import preview). */
export const OBSERVATION_STATUS_SHORT: Labels<typeof OBSERVATION_STATUSES> = {
  suppressed: 'sekretess', not_applicable: 'ej tillämplig', missing: 'saknas', below_loq: '< LOQ', not_detected: 'ej detekterad', preliminary: 'prel.',
};

export const IMPORT_KINDS = ['seed', 'example', 'upload'] as const;
export const IMPORT_KIND_LABELS: Labels<typeof IMPORT_KINDS> = { upload: 'Uppladdning', seed: 'Grunddata', example: 'Exempeldata' };

export const REVISION_ACTIONS = ['insert', 'update', 'undo'] as const;
export const REVISION_ACTION_LABELS: Labels<typeof REVISION_ACTIONS> = { insert: 'Ny', update: 'Ändrad', undo: 'Ångrad' };

export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type Sex = (typeof SEXES)[number];
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

// The plan, its åtgärder (measures) and their follow-up

export const GOAL_KINDS = ['overall', 'table'] as const;

export const LINK_ROLES = ['primary', 'supporting', 'context'] as const;
export const LINK_ROLE_LABELS: Labels<typeof LINK_ROLES> = { primary: 'Huvudmått', supporting: 'Kompletterande mått', context: 'Sammanhang' };

export const MEASURE_STATUSES = ['ej_påbörjad', 'pågår', 'genomförd', 'avbruten', 'ändrad'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Labels<typeof MEASURE_STATUSES> = {
  ej_påbörjad: 'Ej påbörjad', pågår: 'Pågår', genomförd: 'Genomförd', avbruten: 'Avbruten', ändrad: 'Ändrad',
};

export const EFFECT_HORIZONS = ['kort', 'lång'] as const;
export const EFFECT_HORIZON_LABELS: Labels<typeof EFFECT_HORIZONS> = { kort: 'Kort sikt', lång: 'Lång sikt' };

export const AS_PLANNED = ['ja', 'delvis', 'nej'] as const;
export const AS_PLANNED_LABELS: Labels<typeof AS_PLANNED> = { ja: 'Ja, som planerat', delvis: 'Delvis', nej: 'Nej' };

export const REVIEW_STATUSES = ['öppen', 'beslutad'] as const;

export const DECISION_KINDS = {
  'justera-åtgärd': 'Justera åtgärd',
  'ny-åtgärd': 'Ny åtgärd',
  'avsluta-åtgärd': 'Avsluta åtgärd',
  'justera-mål': 'Justera mål',
  'ny-indikator': 'Ny indikator',
  'övrigt': 'Övrigt',
} as const;
export type DecisionKind = keyof typeof DECISION_KINDS;

/** The label of a value read as a plain string (from a file or a JSON answer); the value itself when it has none. */
export function labelOf(labels: Readonly<Partial<Record<string, string>>>, value: string): string {
  return labels[value] ?? value;
}

// Words the pages, the reports and the lägesbild share: one term per thing

/**
 * One word for each thing, everywhere (pages, charts, tables, reports): "Baslinje", not "Utgångsläge"; "Sverige",
 * not "Riket"; a län by its full name from the regions table ("Dalarnas län", not "Dalarna").
 */
export const TERMS = {
  baseline: 'Baslinje',
  /** The country, in running text, legends and tables (the regions table calls it "Riket"). */
  sweden: 'Sverige',
  target: 'Målvärde',
  targetYear: 'Målår',
  actionsStart: 'Åtgärdsplanen startar',
  ci: '95 % konfidensintervall',
  forAnalysts: 'För analytiker',
} as const;

/** The name people read for a region: the kommun's and the län's full names, the country as "Sverige". */
export function regionDisplayName(r: { kind: string; name: string }): string {
  return r.kind === 'riket' ? TERMS.sweden : r.name;
}

export const UNIT_KIND_LABELS: Labels<typeof UNIT_KINDS> = {
  percent: 'Procent (%)', per_100k: 'Per 100 000 invånare', per_1000: 'Per 1 000 invånare', count: 'Antal',
  mg_per_1000_day: 'mg per 1 000 invånare och dygn', index: 'Index', months: 'Månader',
};
