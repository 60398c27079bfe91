import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  AS_PLANNED,
  COMPARISON_GROUP_KINDS,
  DIRECTIONS,
  EFFECT_HORIZONS,
  GEOGRAPHY_LEVELS,
  GOAL_KINDS,
  IMPORT_KINDS,
  INDICATOR_TYPES,
  LINK_ROLES,
  MEASURE_STATUSES,
  OBSERVATION_STATUSES,
  PERIOD_KINDS,
  REGION_KINDS,
  REVIEW_STATUSES,
  REVISION_ACTIONS,
  SEXES,
  UNIT_KINDS,
} from '../vocabulary';

export const regionKind = pgEnum('region_kind', REGION_KINDS);
export const direction = pgEnum('direction', DIRECTIONS);
export const indicatorType = pgEnum('indicator_type', INDICATOR_TYPES);
export const unitKind = pgEnum('unit_kind', UNIT_KINDS);
export const periodKind = pgEnum('period_kind', PERIOD_KINDS);
export const sex = pgEnum('sex', SEXES);
export const observationStatus = pgEnum('observation_status', OBSERVATION_STATUSES);
export const importKind = pgEnum('import_kind', IMPORT_KINDS);
export const goalKind = pgEnum('goal_kind', GOAL_KINDS);
export const linkRole = pgEnum('link_role', LINK_ROLES);
export const revisionAction = pgEnum('revision_action', REVISION_ACTIONS);
export const actionStatus = pgEnum('action_status', MEASURE_STATUSES);
export const effectHorizon = pgEnum('effect_horizon', EFFECT_HORIZONS);
export const asPlanned = pgEnum('as_planned', AS_PLANNED);
export const reviewStatus = pgEnum('review_status', REVIEW_STATUSES);

/** Riket ("00"), the 21 län (SCB länskod) and the 290 kommuner (SCB kommunkod). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    kind: regionKind('kind').notNull(),
    /** Display name: "Hedemora", "Dalarnas län", "Riket". */
    name: text('name').notNull(),
    /** Short name used in running text: "Hedemora", "Dalarna", "Sverige". */
    shortName: text('short_name').notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

/** Normalised names a file may use for a region ("hedemora kommun" → 2083, "hela landet" → 00). */
export const regionAliases = pgTable('region_aliases', {
  alias: text('alias').primaryKey(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
});

export const sources = pgTable('sources', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  publisher: text('publisher').notNull(),
  url: text('url'),
  cadence: text('cadence').notNull(),
  cadenceMonths: integer('cadence_months'),
  geography: text('geography').notNull(),
  geographyLevels: jsonb('geography_levels').$type<(typeof GEOGRAPHY_LEVELS)[number][]>().notNull(),
  comparable: boolean('comparable').notNull(),
  notes: text('notes'),
});

export const indicators = pgTable('indicators', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  definition: text('definition').notNull(),
  question: text('question'),
  unit: text('unit').notNull(),
  unitKind: unitKind('unit_kind').notNull(),
  direction: direction('direction').notNull(),
  type: indicatorType('type').notNull(),
  decimals: integer('decimals').notNull(),
  sourceId: text('source_id')
    .notNull()
    .references(() => sources.id),
  breakdowns: jsonb('breakdowns').$type<string[]>().notNull(),
  cadence: text('cadence').notNull(),
  goalArea: text('goal_area').notNull(),
  measuredGeography: text('measured_geography').notNull(),
  /** Levels the source publishes this indicator for (NTU's oro över brottsligheten: län and riket only). */
  publishedLevels: jsonb('published_levels')
    .$type<(typeof GEOGRAPHY_LEVELS)[number][]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  caveats: text('caveats'),
});

/** Provenance: every observation points at the load that wrote it (seed, example data, upload). */
export const imports = pgTable(
  'imports',
  {
    id: serial('id').primaryKey(),
    kind: importKind('kind').notNull(),
    sourceId: text('source_id').references(() => sources.id),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    rows: integer('rows').notNull().default(0),
    observations: integer('observations').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** How the file was read: adapter, encoding, delimiter or sheet. */
    adapter: text('adapter'),
    encoding: text('encoding'),
    sheet: text('sheet'),
    /** Provenance of the publication the file is: "Indikatorer för kommuners lägesbild", "Brå", when retrieved. */
    publication: text('publication'),
    publisher: text('publisher'),
    sourceUrl: text('source_url'),
    /** When the publisher's file was retrieved: a date or a month ("2026-01"); null = at upload. */
    retrieved: text('retrieved'),
    provenanceNote: text('provenance_note'),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: text('undone_by'),
  },
  (t) => [
    // Seed and example loads are found again by their file hash; uploads may repeat a file on purpose.
    uniqueIndex('imports_kind_sha_idx')
      .on(t.kind, t.sha256)
      .where(sql`${t.kind} <> 'upload'`),
  ],
);

/**
 * Revision trail: what each import did to each observation, with the values before and after, so an
 * import can be undone exactly and history shown.
 */
export const observationRevisions = pgTable(
  'observation_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id),
    indicatorId: text('indicator_id').notNull(),
    regionCode: text('region_code').notNull(),
    period: text('period').notNull(),
    sex: sex('sex').notNull(),
    grp: text('grp').notNull(),
    site: text('site').notNull(),
    action: revisionAction('action').notNull(),
    /** The observation's full row before the import (null when the import created it). */
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('observation_revisions_import_idx').on(t.importId),
    index('observation_revisions_key_idx').on(t.indicatorId, t.regionCode, t.period, t.sex, t.grp, t.site),
  ],
);

export const observations = pgTable(
  'observations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** Canonical label: "2024", "2021–2022" (en dash), "2024-04-16". */
    period: text('period').notNull(),
    periodKind: periodKind('period_kind').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** The year the answers refer to when it differs from the survey year (NTU utsatthet: year − 1). */
    referenceYear: integer('reference_year'),
    sex: sex('sex').notNull().default('T'),
    /** Breakdown group: årskurs, age band, substance day type…; '' = total. */
    grp: text('grp').notNull().default(''),
    /** Sub-geography actually measured: reningsverk/site id, ort; '' = the region itself. */
    site: text('site').notNull().default(''),
    value: doublePrecision('value'),
    ciLow: doublePrecision('ci_low'),
    ciHigh: doublePrecision('ci_high'),
    /** Survey respondents (unweighted). */
    n: integer('n'),
    /** Rates and register shares: the count and its base (population, pupils, families offered). */
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    responseRate: doublePrecision('response_rate'),
    status: observationStatus('status'),
    note: text('note'),
    /** Source detail kept for later tests, e.g. EUDA daily loads. */
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    isExample: boolean('is_example').notNull().default(false),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('observations_natural_key').on(t.indicatorId, t.regionCode, t.period, t.sex, t.grp, t.site),
    index('observations_series_idx').on(t.indicatorId, t.regionCode, t.periodStart),
    // Per-site series (treatment plants) are few among millions of rows: reach them without scanning the rest.
    index('observations_site_series_idx')
      .on(t.indicatorId, t.periodStart)
      .where(sql`${t.site} <> ''`),
    // A missing value always says why; it is never stored as 0.
    check('observations_value_or_status', sql`${t.value} is not null or ${t.status} is not null`),
    check('observations_ci_order', sql`${t.ciLow} is null or ${t.ciHigh} is null or ${t.ciLow} <= ${t.ciHigh}`),
  ],
);

export const plans = pgTable(
  'plans',
  {
    id: serial('id').primaryKey(),
    kommunCode: text('kommun_code')
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    documentDate: date('document_date').notNull(),
    decidedDate: date('decided_date').notNull(),
    decidedBy: text('decided_by').notNull(),
    decisionParagraph: text('decision_paragraph').notNull(),
    diarienummer: text('diarienummer').notNull(),
    validFrom: date('valid_from').notNull(),
    /** "Bör revideras senast" as YYYY-MM. */
    reviseBy: text('revise_by').notNull(),
    basedOnLagesbild: text('based_on_lagesbild').notNull(),
    documentOwner: text('document_owner').notNull(),
    documentResponsible: text('document_responsible').notNull(),
    createdBy: text('created_by').notNull(),
    vision: text('vision').notNull(),
    introduction: text('introduction').notNull(),
    mission: text('mission').notNull(),
    sourceFile: text('source_file').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [uniqueIndex('plans_kommun_decided_idx').on(t.kommunCode, t.decidedDate)],
);

export const priorityAreas = pgTable(
  'priority_areas',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    heading: text('heading').notNull(),
    lagesbildSummary: text('lagesbild_summary').notNull(),
    definition: text('definition'),
    overallGoalsText: text('overall_goals_text').notNull(),
    sort: integer('sort').notNull(),
  },
  (t) => [uniqueIndex('priority_areas_plan_code_idx').on(t.planId, t.code)],
);

/** Övergripande mål (kind overall) and the rows of the plan's tables (kind table). */
export const goals = pgTable(
  'goals',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => priorityAreas.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    kind: goalKind('kind').notNull(),
    text: text('text').notNull(),
    cause: text('cause'),
    actionText: text('action_text'),
    responsibleText: text('responsible_text'),
    proposal: text('proposal'),
    sort: integer('sort').notNull(),
  },
  (t) => [uniqueIndex('goals_plan_code_idx').on(t.planId, t.code), index('goals_area_idx').on(t.areaId)],
);

export const actions = pgTable(
  'actions',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => priorityAreas.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    sort: integer('sort').notNull(),
    status: actionStatus('status').notNull().default('not_started'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    /** When an effect on the outcome indicators can be expected: short or long term. */
    effectHorizon: effectHorizon('effect_horizon'),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    updatedBy: text('updated_by'),
  },
  (t) => [
    uniqueIndex('actions_plan_code_idx').on(t.planId, t.code),
    check('actions_dates_order', sql`${t.endDate} is null or ${t.startDate} is null or ${t.startDate} <= ${t.endDate}`),
  ],
);

/** The annual delrapport of an åtgärd to lokala Brå: process follow-up as Brå describes it. */
export const actionReports = pgTable(
  'action_reports',
  {
    id: serial('id').primaryKey(),
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    /** What was done. */
    done: text('done').notNull(),
    /** Carried out as planned: ja / delvis / nej. */
    asPlanned: asPlanned('as_planned').notNull(),
    /** How: the way it was carried out, and why it deviated. */
    how: text('how'),
    hours: doublePrecision('hours'),
    costSek: doublePrecision('cost_sek'),
    problems: text('problems'),
    proposal: text('proposal'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    uniqueIndex('action_reports_action_year_idx').on(t.actionId, t.year),
    check('action_reports_hours', sql`${t.hours} is null or ${t.hours} >= 0`),
    check('action_reports_cost', sql`${t.costSek} is null or ${t.costSek} >= 0`),
  ],
);

/**
 * The year's uppföljning (review meeting). Opening it freezes what the app computed — values, KIs, verdicts and
 * the imports they came from — in `snapshot`, so that the review shows what Brå saw even after new data arrives.
 */
export const reviews = pgTable(
  'reviews',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    meetingDate: date('meeting_date').notNull(),
    status: reviewStatus('status').notNull().default('open'),
    snapshot: jsonb('snapshot').notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    // One review a plan and year; lib/data/followup/reviews.ts openReview keeps it to one a kommun and year, the
    // year being its address (/k/<kommun>/uppfoljning/2026). Two kommuner may each open the same year.
    uniqueIndex('reviews_plan_year_idx').on(t.planId, t.year),
    index('reviews_plan_idx').on(t.planId),
  ],
);

/** Lokala Brå's own assessment of an övergripande mål at a review; a justification when it differs from the computed. */
export const reviewAssessments = pgTable(
  'review_assessments',
  {
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    justification: text('justification'),
    comment: text('comment'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.goalId] })],
);

export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: serial('id').primaryKey(),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    /** The goal it concerns, or null for the plan as a whole. */
    goalId: integer('goal_id').references(() => goals.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('review_decisions_review_idx').on(t.reviewId)],
);

export const actionResponsibles = pgTable(
  'action_responsibles',
  {
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    party: text('party').notNull(),
    sort: integer('sort').notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.party] })],
);

export const goalActions = pgTable(
  'goal_actions',
  {
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.actionId] })],
);

export const goalIndicators = pgTable(
  'goal_indicators',
  {
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    role: linkRole('role').notNull(),
    /** Null: the latest observation on or before the plan's decision date. */
    baselinePeriod: text('baseline_period'),
    targetValue: doublePrecision('target_value'),
    targetYear: integer('target_year'),
    sex: sex('sex').notNull().default('T'),
    grp: text('grp').notNull().default(''),
    note: text('note'),
    sort: integer('sort').notNull(),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.indicatorId] }), index('goal_indicators_indicator_idx').on(t.indicatorId)],
);

/*
 * Users, sessions and sign-in accounts, managed by better-auth through its drizzle adapter (lib/auth/server.ts).
 * Property names are better-auth's field names; columns are snake_case like the rest of the schema.
 */
export const authUsers = pgTable(
  'auth_users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    /**
     * The installation role: `admin` (administratör: everything in every kommun, manages users) or `reader`. What a
     * user may do in a kommun or län is in memberships.
     */
    role: text('role').notNull().default('reader'),
    /** Deactivated by an administrator: cannot sign in, sessions revoked. */
    banned: boolean('banned').notNull().default(false),
    banReason: text('ban_reason'),
    banExpires: timestamp('ban_expires', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('auth_users_role_check', sql`${t.role} in ('reader', 'admin')`)],
);

/**
 * A user's role in one kommun (reader, coordinator, admin on a 4-digit kommunkod) or län (regional_coordinator on a
 * 2-digit länskod). lib/auth/roles.ts roleIn() turns these into what the user may do in a kommun.
 */
export const memberships = pgTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who gave the role (e-mail, or the CLI / migration). */
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.regionCode] }),
    index('memberships_region_idx').on(t.regionCode),
    check(
      'memberships_role_check',
      sql`(${t.role} in ('reader', 'coordinator', 'admin') and ${t.regionCode} ~ '^[0-9]{4}$') or (${t.role} = 'regional_coordinator' and ${t.regionCode} ~ '^[0-9]{2}$')`,
    ),
  ],
);

export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    token: text('token').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    impersonatedBy: text('impersonated_by'),
    userId: text('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId)],
);

export const authAccounts = pgTable(
  'auth_accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    /** The password hash (scrypt, by better-auth) for email + password accounts. */
    password: text('password'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_accounts_user_idx').on(t.userId)],
);

export const authVerifications = pgTable(
  'auth_verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_verifications_identifier_idx').on(t.identifier)],
);

/** better-auth's rate limiter, kept in the database so that every server process counts the same attempts. */
export const authRateLimits = pgTable('auth_rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

/**
 * The change record: who did what, when, with before → after where it applies. Written in the same
 * transaction as the change it records (imports, undo, user changes), or right after a sign-in attempt.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The acting user, null for anonymous events (a failed sign-in) and the CLI. */
    actorId: text('actor_id'),
    /** Who, as shown: the user's e-mail, "kommandoraden (root)", or the e-mail typed at a failed sign-in. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_action_idx').on(t.action, t.at)],
);

/**
 * Column mappings saved from the upload page or `npm run import -- --map …`, found again by the header signature
 * of the next file with the same columns (lib/import/mapping.ts) and applied automatically (shown, changeable).
 */
export const importMappings = pgTable('import_mappings', {
  signature: text('signature').primaryKey(),
  /** The header texts as the file wrote them, for showing and for checking a match. */
  headers: jsonb('headers').$type<string[]>().notNull(),
  /** The mapping (columnMappingSchema): indicator, column roles, wide columns, scale. */
  mapping: jsonb('mapping').notNull(),
  fileName: text('file_name').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const comparisonGroupKind = pgEnum('comparison_group_kind', COMPARISON_GROUP_KINDS);

/**
 * Groups of kommuner to compare like with like: SKR's kommungrupp, Kolada's "liknande kommuner" (reference data
 * from data-imports/kolada, keyed by Kolada's group id) and a kommun's own groups (grannkommuner), keyed "own-<n>".
 */
export const comparisonGroups = pgTable(
  'comparison_groups',
  {
    id: text('id').primaryKey(),
    kind: comparisonGroupKind('kind').notNull(),
    /** As people read it: "Pendlingskommun nära mindre tätort", "Liknande kommuner, övergripande, Hedemora, 2025". */
    title: text('title').notNull(),
    /** The kommun the group was made for (Kolada's liknande kommuner, own groups); null for SKR's groups. */
    ownerCode: text('owner_code').references(() => regions.code),
    /** Year the grouping refers to (Kolada's liknande kommuner change every year), when known. */
    year: integer('year'),
    /** "Kolada (SKR:s kommungruppsindelning 2023)", or who made an own group. */
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comparison_groups_owner_idx').on(t.ownerCode)],
);

export const comparisonGroupMembers = pgTable(
  'comparison_group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => comparisonGroups.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.regionCode] }), index('comparison_group_members_region_idx').on(t.regionCode)],
);

/**
 * When each page-cache tag (Next's implicit `_N_T_/…` path tags included) was last revalidated, by any app instance
 * (lib/cache/handler.mjs). An instance treats a cached page as stale when one of its tags was revalidated after the
 * page was stored; the change is also broadcast with NOTIFY tl_page_cache.
 */
export const pageCacheTags = pgTable('page_cache_tags', {
  tag: text('tag').primaryKey(),
  revalidatedAt: timestamp('revalidated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The one-time codes for /forsta-start (lib/auth/first-admin.ts), hashed: one per server start while no
 * administrator exists, so that any instance accepts the code another printed. Emptied once an administrator exists.
 */
export const firstAdminCodes = pgTable('first_admin_codes', {
  /** SHA-256 of the code, hex. */
  codeHash: text('code_hash').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
