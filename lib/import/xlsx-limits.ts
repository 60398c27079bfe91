import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { formatNumber } from '../format';
import { ImportFileError } from './issues';

/*
 * Checks an .xlsx (a zip archive) before anything reads it whole: the unpacked sizes its directory declares,
 * the bytes each part really unpacks to (a zip bomb may declare small sizes), and the rows and columns of every
 * worksheet. Parts are unpacked as streams, in pieces, and never kept: memory stays flat and the server keeps
 * answering other requests meanwhile, however large or hostile the file.
 */

export interface XlsxLimits {
  /** Bytes all parts together may unpack to. */
  unpackedBytes: number;
  /** Rows over all worksheets. */
  rows: number;
  /** Columns of any one worksheet. */
  columns: number;
  /** Filled cells over all worksheets (each costs about 1 kB while the workbook is read). */
  cells: number;
}

export const XLSX_LIMITS: XlsxLimits = { unpackedBytes: 128 * 1024 * 1024, rows: 100_000, columns: 500, cells: 600_000 };

export interface XlsxShape {
  /** Unpacked bytes of each worksheet part, by its path in the archive. */
  sheets: Map<string, { bytes: number; rows: number; columns: number }>;
  unpackedBytes: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const mb = (n: number) => `${formatNumber(n / 1048576, 0)} MB`;

export function damaged(fileName: string): ImportFileError {
  return new ImportFileError(
    `Filen ${fileName} kunde inte läsas som Excel-arbetsbok (.xlsx). Är den skadad, eller en äldre .xls? Spara om den som .xlsx.`,
  );
}

/** The archive's central directory. */
export function readDirectory(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged(fileName);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw damaged(fileName);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The packed bytes of one part. */
export function packedData(bytes: Uint8Array, e: ZipEntry, fileName: string): Uint8Array {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw damaged(fileName);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + e.compressedSize > buf.length) throw damaged(fileName);
  return bytes.subarray(start, start + e.compressedSize);
}

const COLUMN = /<c\b[^>]*?\br="([A-Z]{1,3})\d+"/g;
const CELL = /<c[\s>]/g;
const ROW = /<row[\s>]/g;
const DIMENSION = /<dimension\s+ref="[A-Z]*\d*:?([A-Z]{1,3})(\d+)"/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

class Stop extends Error {
  constructor(readonly refusal: ImportFileError) {
    super(refusal.message);
  }
}

/**
 * Unpacks one part as a stream and calls `onText` with each piece (with a small overlap from the piece before,
 * so that a tag split across two pieces is seen whole). Throws when it unpacks to more than `maxBytes`.
 */
export async function scanPart(
  packed: Uint8Array,
  method: number,
  maxBytes: number,
  onText: ((text: string, overlap: number) => void) | null,
  tooBig: () => ImportFileError,
): Promise<number> {
  let total = 0;
  let tail = '';
  let stopped: Stop | null = null;
  const decoder = new TextDecoder();
  const take = (chunk: Uint8Array) => {
    try {
      total += chunk.length;
      if (total > maxBytes) throw new Stop(tooBig());
      if (onText) {
        const text = tail + decoder.decode(chunk, { stream: true });
        onText(text, tail.length);
        tail = text.slice(-64);
      }
    } catch (err) {
      // The stream machinery may report its own error (premature close) instead: keep the reason.
      if (err instanceof Stop) stopped = err;
      throw err;
    }
  };
  if (method === 0) {
    for (let i = 0; i < packed.length; i += 1 << 16) {
      take(packed.subarray(i, i + (1 << 16)));
      await new Promise((r) => setImmediate(r));
    }
    return total;
  }
  if (method !== 8)
    throw new Stop(new ImportFileError('Arbetsboken använder en komprimering som inte stöds. Spara om den som .xlsx i Excel.'));
  await pipeline(
    Readable.from(
      (function* () {
        for (let i = 0; i < packed.length; i += 1 << 16) yield packed.subarray(i, i + (1 << 16));
      })(),
    ),
    zlib.createInflateRaw({ chunkSize: 1 << 16 }),
    async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) take(chunk);
    },
  ).catch((err: unknown) => {
    throw stopped ?? err;
  });
  return total;
}

/**
 * Measures an .xlsx against `limits` without reading it whole: refuses (ImportFileError, in Swedish) a file that
 * unpacks to too much, or has too many rows or columns. Returns what it measured.
 */
export async function checkXlsx(bytes: Uint8Array, fileName: string, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxShape> {
  const entries = readDirectory(bytes, fileName);
  const tooBig = (n: number) =>
    new ImportFileError(
      `Filen ${fileName} packas upp till ${n > limits.unpackedBytes * 4 ? `mer än ${mb(limits.unpackedBytes * 4)}` : mb(n)}; högst ${mb(limits.unpackedBytes)} uppackat kan läsas. Dela upp arbetsboken, eller spara bladet som CSV (semikolonseparerad) och importera den.`,
    );
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.unpackedBytes || entries.some((e) => e.size === 0xffffffff)) throw tooBig(declared);
  const shape: XlsxShape = { sheets: new Map(), unpackedBytes: 0 };
  let rows = 0;
  let cells = 0;
  try {
    for (const e of entries) {
      const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
      let sheetRows = 0;
      let columns = 0;
      let seenDimension = false;
      const refuseRows = (n: number, exact: boolean) =>
        new ImportFileError(
          `Arbetsboken ${fileName} har ${exact ? '' : 'fler än '}${formatNumber(n, 0)} rader; högst ${formatNumber(limits.rows, 0)} rader kan läsas från en Excel-fil. Spara bladet som CSV (semikolonseparerad) och importera CSV-filen.`,
        );
      const refuseColumns = (n: number) =>
        new ImportFileError(
          `Arbetsboken ${fileName} har ett blad med ${formatNumber(n, 0)} kolumner; högst ${formatNumber(limits.columns, 0)} kan läsas.`,
        );
      const onText = isSheet
        ? (text: string, overlap: number) => {
            if (!seenDimension) {
              const d = DIMENSION.exec(text);
              if (d) {
                seenDimension = true;
                const declaredRows = Number(d[2]);
                if (rows + declaredRows > limits.rows && declaredRows > limits.rows) throw new Stop(refuseRows(declaredRows, true));
                if (columnNumber(d[1]!) > limits.columns) throw new Stop(refuseColumns(columnNumber(d[1]!)));
              }
            }
            // A tag wholly inside the overlap with the piece before was counted there.
            for (const m of text.matchAll(ROW)) if (m.index! + m[0].length > overlap) sheetRows++;
            for (const m of text.matchAll(CELL)) if (m.index! + m[0].length > overlap) cells++;
            if (cells > limits.cells) {
              throw new Stop(
                new ImportFileError(
                  `Arbetsboken ${fileName} har fler än ${formatNumber(limits.cells, 0)} ifyllda celler; så många kan inte läsas från en Excel-fil. Spara bladet som CSV (semikolonseparerad) och importera CSV-filen.`,
                ),
              );
            }
            for (const m of text.matchAll(COLUMN)) columns = Math.max(columns, columnNumber(m[1]!));
            if (rows + sheetRows > limits.rows) throw new Stop(refuseRows(limits.rows, false));
            if (columns > limits.columns) throw new Stop(refuseColumns(columns));
          }
        : null;
      const size = await scanPart(packedData(bytes, e, fileName), e.method, limits.unpackedBytes - shape.unpackedBytes, onText, () =>
        tooBig(limits.unpackedBytes + 1),
      );
      shape.unpackedBytes += size;
      if (isSheet) {
        rows += sheetRows;
        shape.sheets.set(e.name, { bytes: size, rows: sheetRows, columns });
      }
    }
  } catch (err) {
    if (err instanceof Stop) throw err.refusal;
    if (err instanceof ImportFileError) throw err;
    throw damaged(fileName);
  }
  return shape;
}
