import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import type { Db, DbHandle } from '../db/client';
import { withConnectionTx, withTx } from '../db/tx';
import { imports } from '../db/schema';
import type { ParsedObservation } from './adapter';
import type { CliReport } from './report';
import { matchColumns, type HeaderMatch } from './columns';
import { createImportRecord } from './commit';
import type { ImportContext } from './context';
import { ImportFileError, issue, type ImportIssue } from './issues';
import { createStaging, mergeStaging, stageRows, stagingValues, STAGING_COLUMNS } from './stage';
import { GENERIC_COLUMNS, genericRow, type GenericKey } from './sources/generic';
import { cleanText, guessDelimiter } from './table';
import { checkObservation } from './validate';

const ISSUE_LIMIT = 1000;
const BATCH = 2000;

class DryRun extends Error {}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
const SPECIAL = /[\\\t\n\r]/;
function copyLine(values: unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let text = v === null || v === undefined ? '\\N' : typeof v === 'string' ? v : String(v);
    if (typeof v === 'string' && SPECIAL.test(v)) {
      text = v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    }
    line += i === 0 ? text : `\t${text}`;
  }
  return `${line}\n`;
}

/** Index just after the last line end that is not inside a quoted field (0 when there is none). */
function lastLineEnd(text: string): number {
  let i = text.lastIndexOf('\n');
  if (!text.includes('"')) return i + 1;
  while (i >= 0) {
    let quotes = 0;
    for (let j = 0; j < i; j++) if (text.charCodeAt(j) === 34) quotes++;
    if (quotes % 2 === 0) return i + 1;
    i = text.lastIndexOf('\n', i - 1);
  }
  return 0;
}

/** Encoding from the first bytes: a BOM, valid UTF-8, else Windows-1252 (as analyze.ts decides for small files). */
async function sniff(file: string): Promise<{ encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252'; head: string }> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const { bytesRead } = await fd.read(buf, 0, buf.length, 0);
    const bytes = buf.subarray(0, bytesRead);
    if (bytes.length === 0) throw new ImportFileError('Filen är tom.');
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
      return { encoding: 'utf-8-bom', head: bytes.subarray(3).toString('utf8') };
    // Cut at the last newline so a multi-byte character is never split.
    const cut = bytes.lastIndexOf(0x0a);
    const probe = cut > 0 ? bytes.subarray(0, cut) : bytes;
    try {
      return { encoding: 'utf-8', head: new TextDecoder('utf-8', { fatal: true }).decode(probe) };
    } catch {
      return { encoding: 'windows-1252', head: iconv.decode(probe, 'windows-1252') };
    }
  } finally {
    await fd.close();
  }
}

export interface StreamInput {
  file: string;
  fileName: string;
  dryRun: boolean;
  user: string;
  /** Called once, inside the transaction, when the first rows are staged (a test kills the process then). */
  onStaged?: () => void;
}

/**
 * Imports a large file in the generic long format without holding it in memory: the file is read as a
 * stream, each row is checked as it comes, and good rows go straight into the staging table of one
 * transaction (COPY on PostgreSQL). Any problem — or a dry run — rolls the whole transaction back.
 */
export async function streamGenericImport(handle: DbHandle, ctx: ImportContext, input: StreamInput): Promise<CliReport> {
  const { encoding, head } = await sniff(input.file);
  const delimiter = guessDelimiter(head);
  const report: CliReport = {
    source: 'generic',
    file: input.fileName,
    sha256: null,
    rows: 0,
    observations: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    committed: false,
  };
  const issues: ImportIssue[] = [];
  let issueCount = 0;
  const addIssues = (xs: ImportIssue[]) => {
    issueCount += xs.length;
    for (const x of xs) if (issues.length < ISSUE_LIMIT) issues.push(x);
  };

  const hash = createHash('sha256');
  const source = (): AsyncIterable<string | Buffer> => {
    const raw = fs.createReadStream(input.file, { highWaterMark: 128 * 1024 });
    raw.on('data', (b) => hash.update(b as Buffer));
    if (encoding === 'windows-1252') return raw.pipe(iconv.decodeStream('windows-1252'));
    const decoder = new TextDecoder('utf-8', { fatal: true });
    return raw.pipe(
      new Transform({
        transform(chunk: Buffer, _enc, cb) {
          try {
            cb(null, decoder.decode(chunk, { stream: true }));
          } catch {
            cb(
              new ImportFileError(
                'Filen är inte giltig UTF-8 längre in i filen: spara den som "CSV UTF-8" eller som Windows-1252 rakt igenom.',
              ),
            );
          }
        },
        flush(cb) {
          cb(null, decoder.decode());
        },
      }),
    );
  };

  /**
   * Reads the file in text chunks cut at line ends (outside quotes), parses each chunk synchronously and
   * hands good rows to `write` in batches; the next chunk is read only when the batch is written.
   */
  async function parse(stage: (rows: ParsedObservation[]) => Promise<void>): Promise<void> {
    let staged = false;
    const write = async (rows: ParsedObservation[]) => {
      await stage(rows);
      if (!staged) input.onStaged?.();
      staged = true;
    };
    let header: HeaderMatch<GenericKey> | null = null;
    let line = 0;
    let batch: ParsedObservation[] = [];
    let carry = '';
    const handle = async (text: string) => {
      const rows = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
      for (const raw of rows) {
        line++;
        const cells = raw.map(cleanText);
        if (line === 1) cells[0] = cells[0]!.replace(/^\uFEFF/, '');
        if (cells.every((c) => c === '')) continue;
        const row = { line, cells };
        if (!header) {
          header = matchColumns({ name: input.fileName, rows: [row] }, GENERIC_COLUMNS);
          if (header.missing.length > 0) {
            throw new ImportFileError(
              `Stora filer importeras från kommandoraden i det generiska formatet; kolumnerna ${header.missing.map((s) => `"${s.names[0]}"`).join(', ')} saknas.`,
            );
          }
          continue;
        }
        report.rows++;
        const r = genericRow(row, header, ctx);
        if (r.issues.length > 0) addIssues(r.issues);
        if (!r.observation) continue;
        const problems = checkObservation(r.observation, ctx);
        if (problems.length > 0) {
          addIssues(problems);
          continue;
        }
        report.observations++;
        if (issueCount > 0) continue; // the file will be refused: keep checking, stop writing
        batch.push(r.observation);
      }
      if (batch.length >= BATCH) {
        const full = batch;
        batch = [];
        await write(full);
      }
    };
    for await (const chunk of source()) {
      const text = carry + (chunk as string);
      const cut = lastLineEnd(text);
      carry = text.slice(cut);
      if (cut > 0) await handle(text.slice(0, cut));
    }
    if (carry.trim() !== '') await handle(carry);
    if (batch.length > 0 && issueCount === 0) await write(batch);
    if (!header) throw new ImportFileError('Filen innehåller inga rader.');
    if (report.rows === 0) throw new ImportFileError('Filen har bara rubrikrad och inga datarader.');
  }

  const finish = async (tx: Db, importId: number) => {
    if (issueCount > 0) throw new ImportFileError(`Filen har ${issueCount} fel och importerades inte.`, issues);
    const counts = await mergeStaging(tx, importId, report.observations);
    Object.assign(report, counts);
    report.sha256 = hash.digest('hex');
    await tx
      .update(imports)
      .set({ ...counts, sha256: report.sha256, rows: report.rows, observations: report.observations })
      .where(eq(imports.id, importId));
    if (input.dryRun) throw new DryRun();
  };
  const record = {
    fileName: input.fileName,
    sha256: 'pending',
    rows: 0,
    encoding,
    sheet: null,
    adapter: { id: 'generic', sourceId: null },
    observations: 0,
  };

  try {
    if (handle.driver === 'postgres') {
      // COPY needs the driver's connection: drizzle and postgres.js share one connection and its transaction.
      await withConnectionTx(handle, async (tx, conn) => {
        const importId = await createImportRecord(tx, record, input.user);
        await createStaging(tx);
        const copy = await conn.unsafe(`copy import_staging (${STAGING_COLUMNS.join(', ')}) from stdin`).writable();
        await parse(async (rows) => {
          if (!copy.write(rows.map((o) => copyLine(stagingValues(o))).join(''))) await once(copy, 'drain');
        });
        copy.end();
        await once(copy, 'finish');
        await finish(tx, importId);
        report.committed = true;
      });
    } else {
      await withTx(handle.db, async (tx) => {
        const importId = await createImportRecord(tx, record, input.user);
        await createStaging(tx);
        await parse((rows) => stageRows(tx, rows));
        await finish(tx, importId);
        report.committed = true;
      });
    }
  } catch (err) {
    report.committed = false;
    if (err instanceof DryRun) return { ...report, committed: false };
    if (err instanceof ImportFileError)
      return { ...report, errors: err.issues.length ? err.issues : [issue(null, null, null, err.message)] };
    throw err;
  }
  return report;
}
