import type { ImportIssue } from './issues';

/** What an import did (or would do), as `npm run import -- --json` prints it. */
export interface CliReport {
  source: string | null;
  file: string;
  sha256: string | null;
  rows: number;
  observations: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: ImportIssue[];
  committed: boolean;
}
