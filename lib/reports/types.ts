/*
 * The data the report files are made from: plain, already-formatted values, so that the PDF, the DOCX, the
 * print page and the spreadsheet exports say exactly the same thing. Built from the database (or a frozen
 * review snapshot) by lib/reports/build-*.ts; rendered by lib/reports/render-*.ts.
 */

import type { RegionKey } from '../vocabulary';
import type { GoalSummaryRow } from './goal-summary';

export type { RegionKey };

export interface ChartPoint {
  /** "2019", "2021–2022", "2024-03" … in time order. */
  period: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface ChartSeries {
  key: RegionKey;
  /** "Hedemora", "Dalarnas län", "Sverige". */
  name: string;
  points: ChartPoint[];
}

export interface ReportIndicator {
  id: string;
  name: string;
  /** "procent", "per 100 000 invånare" … */
  unit: string;
  unitKind: 'percent' | 'rate' | 'count' | 'index' | 'mass' | 'other';
  decimals: number;
  /** "Säkerställd förbättring", "Underlag saknas" … (statistics.md §7 labels). */
  verdictLabel: string;
  /** The plain-Swedish sentence with its hedging. */
  sentence: string;
  flags: string[];
  /** True when any value shown is example data (must be said in the report). */
  isExample: boolean;
  /** Latest value per region, formatted: value "24,4 %", ci "KI 18,9–29,9", n "n = 211". */
  latest: { region: string; period: string; value: string; ci: string | null; n: string | null }[];
  series: ChartSeries[];
  /** Optional lines on the chart. */
  baselinePeriod: string | null;
  target: number | null;
  source: string;
  measuredGeography: string;
  caveats: string | null;
  /**
   * Real reference measurements at other places (EUDA's Swedish SCORE sites), as the web review shows them:
   * the indicator's own values when it is a pure reference series (`asContext` false), else context beside it.
   */
  reference?: ReportReference | null;
}

export interface ReportReference {
  /** "EUDA/SCORE". */
  source: string;
  period: string;
  /** One line: "Verkliga mätningar, EUDA/SCORE 2024: 9 svenska reningsverk, spann 12,0–80,5 mg …". */
  summary: string;
  /** Each site's value in the period, formatted, or why there is none. */
  sites: { place: string; value: string }[];
  asContext: boolean;
}

export interface ReportAction {
  code: string;
  title: string;
  /** "Ej påbörjad", "Pågår", "Genomförd", "Avbruten", "Ändrad". */
  status: string;
  responsible: string[];
  startDate: string | null;
  /** The year's delrapport, or null when none was recorded. */
  report: {
    done: string;
    asPlanned: string;
    how: string | null;
    hours: string | null;
    cost: string | null;
    problems: string | null;
    proposal: string | null;
  } | null;
}

export interface ReportGoal {
  code: string;
  text: string;
  /** How many indicators in each verdict label, e.g. [{ label: 'Oförändrat', count: 2 }]. */
  rollup: { label: string; count: number }[];
  indicators: ReportIndicator[];
  /** Lokala Brå's own assessment, when recorded. */
  assessment: { label: string; justification: string | null; comment: string | null } | null;
  decisions: { kind: string; text: string }[];
  actions: ReportAction[];
}

export interface ReportArea {
  code: string;
  title: string;
  goals: ReportGoal[];
}

/** The first page: one row per övergripande mål, grouped by priority area (see goal-summary.ts). */
export interface ReportSummaryArea {
  code: string;
  title: string;
  rows: GoalSummaryRow[];
}

export interface FollowUpReport {
  kommun: string;
  planTitle: string;
  year: number;
  /** "2026-11-20": the meeting date the values were frozen at. */
  meetingDate: string;
  status: 'open' | 'decided';
  decidedAt: string | null;
  /** ISO timestamp when the file was generated. */
  generatedAt: string;
  areas: ReportArea[];
  /** The one-screen summary from the frozen review: page 1 of the PDF, the first section of the DOCX. */
  summary: ReportSummaryArea[];
  /** Decisions that concern the plan as a whole rather than one goal. */
  generalDecisions?: { kind: string; text: string }[];
  /** Data-quality appendix: one row per indicator. */
  dataQuality: { indicator: string; source: string; periods: string; n: string; caveats: string; example: boolean }[];
}

/** The analyst's lägesbild export: every indicator's whole series for the kommun, län, riket and the län's kommuner. */
export interface LagesbildIndicator {
  id: string;
  name: string;
  areaTitle: string;
  unit: string;
  /** Decimals the values are shown with (the catalogue's). */
  decimals?: number;
  source: string;
  definition: string | null;
  caveats: string | null;
  /** Significance statements in plain Swedish ("Ökningen sedan 2019 är statistiskt säkerställd …"). */
  statements: string[];
  rows: {
    regionCode: string;
    regionName: string;
    period: string;
    sex: string;
    group: string;
    value: number | null;
    ciLow: number | null;
    ciHigh: number | null;
    n: number | null;
    status: string | null;
    isExample: boolean;
  }[];
}

export interface LagesbildData {
  kommun: string;
  generatedAt: string;
  areas: { code: string; title: string; indicators: LagesbildIndicator[] }[];
}
