/** Types for lib/stats (statistics.md). Pure data, no behaviour. */

export interface StatPoint {
  /** Period label: "2024", "2021–2022", "2024-04-16", old-method NTU years as "2016*". */
  period: string;
  /** ISO date (YYYY-MM-DD). */
  start: string;
  end: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Unweighted number of respondents (surveys). */
  n: number | null;
  /** Events (counts) or r of n. */
  numerator: number | null;
  /** Population or n behind the numerator. */
  denominator: number | null;
  /** 'suppressed' | 'not_applicable' | 'missing' | 'below_loq' | 'not_detected' | 'preliminary' | … */
  status: string | null;
  /** 0–1. */
  responseRate: number | null;
  /** Wastewater: daily loads of the sampling week (null = missing day, 0 = below LOQ). */
  days?: (number | null)[] | null;
  /** Wastewater: reningsverk / EUDA Site ID. */
  site?: string;
  /** Group within the series, e.g. EUDA '' (daily mean), 'vardag', 'helg'. */
  grp?: string;
  /** A method or definition change between the previous point and this one. */
  seriesBreakBefore?: boolean;
  /** Design effect given by the source file (overrides the source default, §1.1). */
  deff?: number | null;
  /** Provenance: the value is Exempeldata (made up for demonstration), and the import that wrote it. */
  example?: boolean;
  importId?: number | null;
}

export type IndicatorType = 'survey' | 'count' | 'wastewater' | 'process';
export type Direction = 'up' | 'down' | 'ctx';
export type UnitKind = 'percent' | 'per_100k' | 'per_1000' | 'count' | 'mg_per_1000_day' | 'index' | 'months';

export interface IndicatorKind {
  type: IndicatorType;
  direction: Direction;
  unitKind: UnitKind;
  /** 'ntu' | 'lupp' | 'svenskt_naringsliv' | 'polisens_trygghetsmatning' | 'kommun' | … (deff defaults §1.1). */
  source?: string;
  /** Wastewater substance (amfetamin, kokain, cannabis, mdma, metamfetamin, ketamin, tramadol; English names too). */
  substance?: string;
}

export type IntervalMethod = 'published' | 'wilson' | 'poisson' | 'none';

export interface Interval {
  low: number;
  high: number;
  method: IntervalMethod;
  /** "Uppskattad felmarginal": the margin rests on an assumed design effect (NTU without KI). */
  estimated: boolean;
}

/** How a comparison or verdict was evidenced. */
export type EvidenceMethod =
  | 'margin' // published KIs, margin rule §2.1
  | 'newcombe' // Wilson limits, facing sides §2.1
  | 'poisson-z' // §2.4 normal approximation on ln rate ratio
  | 'exact-conditional' // §2.4 exact binomial
  | 'welch' // §2.5 Test A (capped for one sampling week a year)
  | 'year-to-year' // §2.5 the site's own year-to-year variation
  | 'test-b' // §2.5 Test B
  | 'loq' // §2.5 below LOQ on one or both occasions
  | 'exact' // process indicators
  | 'trend-chi2' // §3 chi-square for linear trend
  | 'trend-wls'; // §3 weighted least squares

export interface Comparison {
  /** b − a in the indicator's unit (null when not comparable). */
  delta: number | null;
  /** Evidence strength z_eq (null when not comparable, or exact with Δ ≠ 0). */
  zEq: number | null;
  /** Two-sided p-value where one exists. */
  p: number | null;
  significant: boolean;
  method: EvidenceMethod | null;
  /** Test B: never "Säkerställd". */
  capped?: boolean;
  /** Swedish reason when not comparable. */
  reason?: string;
  /** Combined 95 % margin M (margin-based tests). */
  margin?: number;
  /** Extra Swedish notes to show (LOQ, Test A interpretation). */
  notes?: string[];
  /** Welch: statistic and Welch–Satterthwaite df. */
  t?: number;
  df?: number;
}

export type TrendMarker =
  | 'Ökar och blir bättre'
  | 'Ökar och blir sämre'
  | 'Minskar och blir bättre'
  | 'Minskar och blir sämre'
  /** ctx indicators (no better/worse). */
  | 'Ökar'
  | 'Minskar'
  | 'Ingen säkerställd förändring'
  | 'Kan inte beräknas';

export interface TrendResult {
  /** Slope per step in the indicator's unit (null when not calculable). */
  slope: number | null;
  chi2: number | null;
  zEq: number | null;
  p: number | null;
  significant: boolean;
  signStable: boolean;
  marker: TrendMarker;
  method: 'trend-chi2' | 'trend-wls' | null;
  /** Points used. */
  k: number;
  /** Standard error of the slope (WLS path). */
  seSlope?: number | null;
  reason?: string;
}

export type VerdictLabel =
  | 'Målet uppnått'
  | 'Säkerställd förbättring'
  | 'Tecken på förbättring (ej säkerställd)'
  | 'Oförändrat'
  | 'Tecken på försämring (ej säkerställd)'
  | 'Säkerställd försämring'
  | 'Underlag saknas';

export type NeutralText =
  'Säkerställd ökning' | 'Säkerställd minskning' | 'Ökning (ej säkerställd)' | 'Minskning (ej säkerställd)' | 'Oförändrat';

export type PaceLabel =
  | 'God takt'
  | 'Framsteg men för låg takt'
  | 'Låg takt'
  | 'Går åt fel håll'
  | 'Kan inte beräknas'
  /** The change is not säkerställd: no pace is claimed (statistics.md §6, §7 rule 7). */
  | 'För osäkert för att bedöma takten';

/** Slope per year over all comparable points with its 95 % interval (shown when no pace is claimed). */
export interface SlopeEstimate {
  perYear: number;
  low: number;
  high: number;
  points: number;
}

export interface Pace {
  label: PaceLabel;
  /** "(osäker)" unless the verdict is "Säkerställd …". */
  uncertain: boolean;
  /** 1 = without target (v), 2 = with target (R). */
  method: 1 | 2;
  /** v (method 1) or R (method 2); 0 when label is "Kan inte beräknas". */
  value: number;
  /** Roll-up score in [−5, 5]; 0 when label is "Kan inte beräknas". */
  score: number;
  /** Method 2: latest value already meets the target. */
  achieved?: boolean;
  /** Natural-limit factor C (method 1). */
  c?: number;
  cagrObs?: number;
  cagrReq?: number;
  /** Swedish reason when "Kan inte beräknas". */
  reason?: string;
  /** "För osäkert …": the slope over all comparable points with its interval. */
  slope?: SlopeEstimate | null;
  /** The words the pages show, qualifier included ("God takt mot målvärdet", "För osäkert för att bedöma takten (…)"). */
  text: string;
}

export const FLAG_SMALL_N = 'Osäker skattning (n < 50)';
export const FLAG_LOW_RESPONSE = 'Låg svarsfrekvens';
export const FLAG_ESTIMATED = 'Uppskattad felmarginal';
export const FLAG_SUBGROUP = 'Delgrupp – tolka med försiktighet';

export interface Target {
  value: number;
  year: number;
}

export interface AssessInput {
  kind: IndicatorKind;
  /** Time-ordered points of one series (indicator × geography × group). */
  points: StatPoint[];
  /** The plan's baseline period label; null = latest point whose end ≤ decidedDate. */
  baselinePeriod: string | null;
  /** Plan decision date, ISO. */
  decidedDate: string;
  target: Target | null;
  /** Natural limit, e.g. 100 for percentages (pace method 1). */
  limit?: number | null;
  /** A breakdown (kön, årskurs, ort): flagged, never the goal's verdict. */
  subgroup?: boolean;
  /** Decimals in the sentence; default: 0 for whole numbers, else 1. */
  decimals?: number;
}

/** Where the latest value stands against the plan's target (shown beside the change verdict, never instead of it). */
export interface TargetStatus {
  value: number;
  year: number;
  met: boolean;
  /** The target lies inside the latest value's 95 % KI. */
  withinMargin: boolean;
  /** "Målet uppnått (målvärdet inom felmarginalen)" / "Målvärdet 20 % ej nått". */
  text: string;
}

/** The change b − a with its 95 % interval (Newcombe for shares, rate ratio for counts, margin otherwise). */
export interface ChangeSize {
  delta: number;
  low: number;
  high: number;
  /** 'difference' in the indicator's unit (percentage points for shares), 'ratio' for counts (relative change). */
  scale: 'difference' | 'ratio';
}

export interface Verdict {
  /** The change verdict; null for ctx indicators with enough data (see `neutral`). Never "Målet uppnått": see `target`. */
  label: VerdictLabel | null;
  /** Only in reviews frozen before the target status got its own field. */
  labelSuffix?: string | null;
  /** The target status beside the change verdict (null without a target or a latest value). */
  target: TargetStatus | null;
  /** The size of a säkerställd change with its 95 % interval. */
  size: ChangeSize | null;
  /** Two-sided p-value of the evidence (for the page's multiple-comparison count). */
  p: number | null;
  /** Dispersion factor φ used for counts (quasi-Poisson, §2.4). */
  dispersion: number | null;
  /** ctx indicators (§7.2). */
  neutral: NeutralText | null;
  /** Swedish reason for "Underlag saknas". */
  reason: string | null;
  /** §5.5: a first "Säkerställd" on a short series, until the next period confirms it. */
  provisional: boolean;
  baseline: StatPoint | null;
  latest: StatPoint | null;
  delta: number | null;
  zEq: number | null;
  method: EvidenceMethod | null;
  flags: string[];
  pace: Pace | null;
  /** ≈ Φ(d·(L − y*)/SE_L): chance that the true value already meets the target. */
  targetChance: number | null;
  sentence: string;
  /** Extra Swedish notes (LOQ, Test A interpretation, over-dispersion). */
  notes: string[];
  /** Points used as evidence (2 for a two-point test, k for a trend). */
  pointsUsed: number;
}
