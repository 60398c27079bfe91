/**
 * The domain's words, in one place: each enum's stored values (used by the drizzle schema's pgEnums, the zod
 * schemas and the pages) and their Swedish labels. Pure data: safe to import from client components.
 *
 * Stored values are English identifiers (snake_case); people read the Swedish labels beside them. The one
 * exception is the names of Swedish administrative units (kommun, län, riket, polisområde…), which have no
 * English equivalent and are kept as the domain's own words, as in the rest of the code and docs.
 */

/** Label of each value of an enum: a map with exactly the enum's values as keys. */
type Labels<T extends readonly string[]> = Readonly<Record<T[number], string>>;

// Users

/**
 * The three roles of Trygghetsläget in a kommun, in rising order of what they may do. A user holds them per kommun
 * (the memberships table); better-auth's own role string on the user is only `reader` or `admin` (the installation's
 * administrator, who may do everything everywhere). People read the labels; the CLI and forms also accept the
 * Swedish names (lib/auth/roles.ts).
 */
export const ROLES = ['reader', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Labels<typeof ROLES> = { reader: 'Läsare', coordinator: 'Samordnare', admin: 'Administratör' };
export const ROLE_DESCRIPTIONS: Labels<typeof ROLES> = {
  reader: 'Läser översikt, mål, indikatorer och importhistorik.',
  coordinator: 'Importerar och ångrar data, redigerar plan och åtgärder, för uppföljningens beslut.',
  admin: 'Allt samordnaren får, och hanterar användare och roller samt läser ändringsloggen.',
};

/** The roles a membership can hold: a kommun role on a kommun (4-digit code), regional_coordinator on a län (2 digits). */
export const MEMBERSHIP_ROLES = ['reader', 'coordinator', 'admin', 'regional_coordinator'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export const MEMBERSHIP_ROLE_LABELS: Labels<typeof MEMBERSHIP_ROLES> = { ...ROLE_LABELS, regional_coordinator: 'Regionsamordnare' };

// Regions and indicators

export const REGION_KINDS = ['riket', 'lan', 'kommun'] as const;
/** The three places a plan is seen from: its kommun, the kommun's län and the whole country (riket). */
export const REGION_KEYS = ['kommun', 'lan', 'riket'] as const;
export type RegionKey = (typeof REGION_KEYS)[number];

export const DIRECTIONS = ['up', 'down', 'ctx'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Labels<typeof DIRECTIONS> = {
  down: 'Lägre är bättre',
  up: 'Högre är bättre',
  ctx: 'Sammanhangsindikator (ingen målriktning)',
};

export const INDICATOR_TYPES = ['survey', 'count', 'wastewater', 'process'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export const INDICATOR_TYPE_LABELS: Labels<typeof INDICATOR_TYPES> = {
  survey: 'Enkätundersökning',
  count: 'Registerantal/anmälningar',
  wastewater: 'Avloppsmätning',
  process: 'Processmått (kommunens egna register)',
};

export const UNIT_KINDS = ['percent', 'per_100k', 'per_1000', 'count', 'mg_per_1000_day', 'index', 'months'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const GEOGRAPHY_LEVELS = [
  'kommun',
  'lan',
  'riket',
  'polisomrade',
  'polisregion',
  'ort',
  'reningsverk',
  'skola',
  'verksamhet',
] as const;
export const GEOGRAPHY_LEVEL_LABELS: Labels<typeof GEOGRAPHY_LEVELS> = {
  kommun: 'kommun',
  lan: 'län',
  riket: 'riket',
  polisomrade: 'polisområde',
  polisregion: 'polisregion',
  ort: 'ort',
  reningsverk: 'reningsverk',
  skola: 'skola',
  verksamhet: 'verksamhet',
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
  suppressed: 'sekretess',
  not_applicable: 'ej tillämplig',
  missing: 'saknas',
  below_loq: '< LOQ',
  not_detected: 'ej detekterad',
  preliminary: 'prel.',
};

export const IMPORT_KINDS = ['seed', 'example', 'upload'] as const;
export const IMPORT_KIND_LABELS: Labels<typeof IMPORT_KINDS> = { upload: 'Uppladdning', seed: 'Grunddata', example: 'Exempeldata' };

export const REVISION_ACTIONS = ['insert', 'update', 'undo'] as const;
export const REVISION_ACTION_LABELS: Labels<typeof REVISION_ACTIONS> = { insert: 'Ny', update: 'Ändrad', undo: 'Ångrad' };

/** Kön as a breakdown is named (the same series can hold adults in NTU and youth in Lupp). */
export const SEX_BREAKDOWN_LABELS: Labels<typeof SEXES> = { T: 'Totalt', K: 'Kvinnor/tjejer', M: 'Män/killar' };
/** Kön in a table column or a spreadsheet. */
export const SEX_LABELS: Labels<typeof SEXES> = { T: 'Totalt', K: 'Kvinnor', M: 'Män' };

/** How often a local indicator gets new values: its label, and the months between values (for staleness). */
export const CADENCES = {
  year: ['Årligen', 12],
  halfyear: ['Halvårsvis', 6],
  quarter: ['Kvartalsvis', 3],
  month: ['Månadsvis', 1],
  twoyears: ['Vartannat år', 24],
} as const;
export type Cadence = keyof typeof CADENCES;
export const CADENCE_LABELS = Object.fromEntries(Object.entries(CADENCES).map(([k, [label]]) => [k, label])) as Record<Cadence, string>;

export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type Sex = (typeof SEXES)[number];
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

// The plan, its åtgärder (measures) and their follow-up

export const GOAL_KINDS = ['overall', 'table'] as const;

export const LINK_ROLES = ['primary', 'supporting', 'context'] as const;
export const LINK_ROLE_LABELS: Labels<typeof LINK_ROLES> = {
  primary: 'Huvudmått',
  supporting: 'Kompletterande mått',
  context: 'Sammanhang',
};

export const MEASURE_STATUSES = ['not_started', 'ongoing', 'completed', 'cancelled', 'changed'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Labels<typeof MEASURE_STATUSES> = {
  not_started: 'Ej påbörjad',
  ongoing: 'Pågår',
  completed: 'Genomförd',
  cancelled: 'Avbruten',
  changed: 'Ändrad',
};

export const EFFECT_HORIZONS = ['short', 'long'] as const;
export const EFFECT_HORIZON_LABELS: Labels<typeof EFFECT_HORIZONS> = { short: 'Kort sikt', long: 'Lång sikt' };

export const AS_PLANNED = ['yes', 'partly', 'no'] as const;
export const AS_PLANNED_LABELS: Labels<typeof AS_PLANNED> = { yes: 'Ja, som planerat', partly: 'Delvis', no: 'Nej' };

export const REVIEW_STATUSES = ['open', 'decided'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Labels<typeof REVIEW_STATUSES> = { open: 'Öppen', decided: 'Beslutad' };

export const DECISION_KINDS = {
  adjust_measure: 'Justera åtgärd',
  new_measure: 'Ny åtgärd',
  end_measure: 'Avsluta åtgärd',
  adjust_goal: 'Justera mål',
  new_indicator: 'Ny indikator',
  other: 'Övrigt',
} as const;
export type DecisionKind = keyof typeof DECISION_KINDS;

// Comparison groups (like with like)

/** Kinds of comparison group: SKR's kommungrupp, Kolada's "liknande kommuner", and a kommun's own group. */
export const COMPARISON_GROUP_KINDS = ['skr_kommungrupp', 'kolada_liknande', 'own'] as const;
export type ComparisonGroupKind = (typeof COMPARISON_GROUP_KINDS)[number];
export const COMPARISON_GROUP_KIND_LABELS: Labels<typeof COMPARISON_GROUP_KINDS> = {
  skr_kommungrupp: 'SKR:s kommungrupp',
  kolada_liknande: 'Liknande kommuner (Kolada)',
  own: 'Egen jämförelsegrupp',
};

// The change record

/** What the change record (audit_log.action) holds: a fixed vocabulary, so that the log can be filtered and read. */
export const AUDIT_ACTIONS = {
  sign_in: 'Inloggning',
  sign_in_failed: 'Misslyckad inloggning',
  sign_in_locked: 'Inloggning spärrad (för många försök)',
  sign_in_refused_origin: 'Inloggning avvisad (okänd adress)',
  sign_in_unlocked: 'Inloggningsspärr hävd',
  sign_out: 'Utloggning',
  password_changed: 'Lösenord ändrat',
  import: 'Import',
  import_undone: 'Import ångrad',
  user_invited: 'Användare inbjuden',
  user_role_changed: 'Roll ändrad',
  membership_added: 'Roll i kommun eller län tillagd',
  membership_removed: 'Roll i kommun eller län borttagen',
  user_renamed: 'Namn ändrat',
  user_deactivated: 'Användare inaktiverad',
  user_reactivated: 'Användare återaktiverad',
  measure_changed: 'Åtgärd ändrad',
  measure_report_saved: 'Delrapport sparad',
  review_opened: 'Uppföljning öppnad',
  assessment_saved: 'Brås bedömning sparad',
  decision_added: 'Beslut tillagt',
  decision_removed: 'Beslut borttaget',
  review_decided: 'Uppföljning beslutad',
  plan_changed: 'Planen ändrad',
  indicator_created: 'Lokalt mått tillagt',
  plan_revised: 'Reviderad plan startad',
  kolada_fetch: 'Schemalagd hämtning från Kolada',
  comparison_group_saved: 'Egen jämförelsegrupp sparad',
  comparison_group_removed: 'Egen jämförelsegrupp borttagen',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

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
  percent: 'Procent (%)',
  per_100k: 'Per 100 000 invånare',
  per_1000: 'Per 1 000 invånare',
  count: 'Antal',
  mg_per_1000_day: 'mg per 1 000 invånare och dygn',
  index: 'Index',
  months: 'Månader',
};
