import type { Analysis, AppliedMapping, MappingOffer } from './analyze';
import type { Diff } from './commit';
import type { ImportIssue } from './issues';

export const PREVIEW_ISSUE_LIMIT = 500;
export const PREVIEW_CHANGE_LIMIT = 200;

/** What the upload page shows before anything is written: plain JSON, capped lists. */
export interface ImportPreview {
  status: 'preview';
  fileName: string;
  sha256: string;
  size: number;
  format: Analysis['format'];
  encoding: string | null;
  sheet: string | null;
  sheets: string[];
  provenance: Analysis['provenance'];
  adapter: Analysis['adapter'];
  rows: number;
  observations: number;
  summary: Analysis['summary'];
  names: Analysis['names'];
  mapping: AppliedMapping | null;
  notes: string[];
  issueCount: number;
  issues: ImportIssue[];
  diff: Omit<Diff, 'changes'> & { changes: Diff['changes']; shownChanges: number };
}

export interface ImportRefusal {
  status: 'refused';
  message: string;
  issues: ImportIssue[];
  /** Worksheets to choose from when a workbook has several candidates. */
  sheets?: string[];
  /** A file no source recognises but whose columns can be mapped. */
  mapping?: MappingOffer;
}

export interface ImportReceipt {
  status: 'committed';
  importId: number;
  fileName: string;
  sha256: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

export function toPreview(a: Analysis, diff: Diff | null): ImportPreview {
  const d = diff ?? { inserted: 0, updated: 0, unchanged: 0, changes: [], affectedGoals: [] };
  return {
    status: 'preview',
    fileName: a.fileName,
    sha256: a.sha256,
    size: a.size,
    format: a.format,
    encoding: a.encoding,
    sheet: a.sheet,
    sheets: a.sheets,
    provenance: a.provenance,
    adapter: a.adapter,
    rows: a.rows,
    observations: a.observations.length,
    summary: a.summary,
    names: a.names,
    mapping: a.mapping,
    notes: a.notes,
    issueCount: a.issues.length,
    issues: a.issues.slice(0, PREVIEW_ISSUE_LIMIT),
    diff: { ...d, changes: d.changes.slice(0, PREVIEW_CHANGE_LIMIT), shownChanges: Math.min(d.changes.length, PREVIEW_CHANGE_LIMIT) },
  };
}
