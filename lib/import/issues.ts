/** One problem in an input file, located as precisely as the format allows. Messages are Swedish. */
export interface ImportIssue {
  /** 1-based row in the file (Excel row for xlsx); null for whole-file problems. */
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
  /** Worksheet, when a workbook is read whole. */
  sheet?: string;
}

export function issue(row: number | null, column: string | null, value: string | null, message: string): ImportIssue {
  return { row, column, value, message };
}

/** A file that cannot be read at all: empty, binary, too large, unknown layout. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly issues: ImportIssue[] = [issue(null, null, null, message)],
    /** Worksheets the user can choose between, when that is what is missing. */
    readonly sheets?: string[],
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** Formula-looking text is kept as plain text; this tells users it was never evaluated. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d/.test(text);
}
