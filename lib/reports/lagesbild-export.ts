/*
 * The analyst's "Lägesbild-underlag": every indicator's whole series as one Excel workbook (a sheet per
 * indicator, with a table of contents) and as a zip of Swedish-Excel CSV files. Both are made from the same
 * LagesbildData and carry the same columns, so the two downloads never disagree.
 *
 * No cell is ever a formula: exceljs writes strings as shared strings, and every text that comes from data
 * is also neutralised (a leading = + - @ tab or CR gets an apostrophe) exactly as the CSV export does.
 */
import type ExcelJS from 'exceljs';
import { neutralise, toSwedishCsv, type CsvCell } from '../export/csv';
import type { LagesbildData, LagesbildIndicator } from './types';

export const CONTENTS_SHEET = 'Innehåll';

/** The columns of every indicator sheet and every CSV file, in order. */
export const LAGESBILD_COLUMNS = [
  'Område',
  'Regionkod',
  'Period',
  'Kön',
  'Grupp',
  'Värde',
  'KI låg',
  'KI hög',
  'n',
  'Status',
  'Exempeldata',
] as const;

const MAX_SHEET_NAME = 31;
const MAX_DECIMALS = 3;

type Row = LagesbildIndicator['rows'][number];

interface Entry {
  areaCode: string;
  areaTitle: string;
  indicator: LagesbildIndicator;
  decimals: number;
}

function entries(data: LagesbildData): Entry[] {
  return data.areas.flatMap((area) =>
    area.indicators.map((indicator) => ({
      areaCode: area.code,
      areaTitle: indicator.areaTitle || area.title,
      indicator,
      decimals: decimalsOf(indicator),
    })),
  );
}

/** The catalogue's decimals when given, otherwise the precision the values themselves carry (at most three). */
export function decimalsOf(indicator: LagesbildIndicator): number {
  const declared = indicator.decimals;
  if (typeof declared === 'number' && Number.isInteger(declared) && declared >= 0) return Math.min(declared, MAX_DECIMALS);
  let decimals = 0;
  for (const r of indicator.rows) {
    for (const v of [r.value, r.ciLow, r.ciHigh]) {
      if (v === null || !Number.isFinite(v)) continue;
      const text = String(+v.toFixed(MAX_DECIMALS));
      const dot = text.indexOf('.');
      if (dot >= 0) decimals = Math.max(decimals, text.length - dot - 1);
    }
  }
  return decimals;
}

/** Excel number format with thousands grouping and a fixed number of decimals; Excel localises both marks. */
export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

const generatedFormat = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});

/** "12 maj 2026 14:03" (Swedish time); the input as-is if it is not a date. */
export function formatGenerated(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : generatedFormat.format(d);
}

function text(v: string | null | undefined): string {
  return v === null || v === undefined ? '' : neutralise(v);
}

function rowCells(r: Row): CsvCell[] {
  const num = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);
  return [
    text(r.regionName),
    text(r.regionCode),
    text(r.period),
    text(r.sex),
    text(r.group),
    num(r.value),
    num(r.ciLow),
    num(r.ciHigh),
    num(r.n),
    text(r.status),
    r.isExample ? 'Ja' : 'Nej',
  ];
}

function valueCount(ind: LagesbildIndicator): number {
  return ind.rows.filter((r) => r.value !== null && Number.isFinite(r.value)).length;
}

function hasExample(ind: LagesbildIndicator): boolean {
  return ind.rows.some((r) => r.isExample);
}

// ---------------------------------------------------------------------------------------------- names

const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
/* eslint-disable no-control-regex -- control characters are dropped from sheet names and replaced in file names */
const CONTROL_CHARS = /[\u0000-\u001f]/g;
const FILE_UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;
/* eslint-enable no-control-regex */

/**
 * A valid, unique Excel sheet name from an indicator id: none of []:*?/\, no apostrophe at either end,
 * at most 31 characters, unique ignoring case (as Excel compares them), a "_2", "_3" … suffix on clashes.
 */
export function sheetNameFor(id: string, used: Set<string>): string {
  const base =
    id
      .replace(SHEET_FORBIDDEN, '_')
      .replace(CONTROL_CHARS, '')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Indikator';
  let name = base.slice(0, MAX_SHEET_NAME).replace(/'+$/, '');
  for (let i = 2; used.has(name.toLocaleLowerCase('sv')); i++) {
    const suffix = `_${i}`;
    name = base.slice(0, MAX_SHEET_NAME - suffix.length).replace(/'+$/, '') + suffix;
  }
  used.add(name.toLocaleLowerCase('sv'));
  return name;
}

function fileSafe(s: string, fallback: string): string {
  const cleaned = s.replace(FILE_UNSAFE, '_').replace(/^\.+/, '_').trim();
  return cleaned || fallback;
}

/** "N/ntu_otrygg_kvall.csv"; the id is made file-safe (a "/" in it must not make a folder), clashes suffixed. */
function csvPathFor(areaCode: string, id: string, used: Set<string>): string {
  const dir = fileSafe(areaCode, 'omrade');
  const base = fileSafe(id, 'indikator');
  let path = `${dir}/${base}.csv`;
  for (let i = 2; used.has(path.toLowerCase()); i++) path = `${dir}/${base}_${i}.csv`;
  used.add(path.toLowerCase());
  return path;
}

/** "'Sheet name'!A1", apostrophes in the name doubled. */
function sheetRef(name: string, cell = 'A1'): string {
  return `'${name.replace(/'/g, "''")}'!${cell}`;
}

// ---------------------------------------------------------------------------------------------- xlsx

const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };

function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { bottom: { style: 'thin' } };
    c.alignment = { vertical: 'top', wrapText: true };
  });
}

function internalLink(cell: ExcelJS.Cell, label: string, sheet: string): void {
  // exceljs recognises "'Sheet'!A1" as internal and writes it as `location`; fixInternalLinks removes the
  // external relationship it also adds.
  cell.value = { text: label, hyperlink: sheetRef(sheet) };
  cell.font = LINK_FONT;
}

function widthOf(values: string[], min: number, max: number): number {
  const longest = values.reduce((m, v) => Math.max(m, ...v.split('\n').map((l) => l.length)), 0);
  return Math.min(max, Math.max(min, longest + 2));
}

function addContentsSheet(wb: ExcelJS.Workbook, data: LagesbildData, list: Entry[], sheetNames: string[]): void {
  const ws = wb.addWorksheet(CONTENTS_SHEET);
  ws.getCell('A1').value = `Lägesbild-underlag – ${text(data.kommun)}`;
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A2').value = `Skapad ${formatGenerated(data.generatedAt)}`;
  ws.getCell('A3').value =
    'Ett blad per indikator med hela tidsserien. Klicka på indikatorns namn för att öppna dess blad. KI = 95 % konfidensintervall.';
  if (list.some((e) => hasExample(e.indicator))) {
    ws.getCell('A4').value = 'Obs! Underlaget innehåller exempeldata (markerade i kolumnen Exempeldata) – inte riktiga värden.';
    ws.getCell('A4').font = { bold: true, color: { argb: 'FFC00000' } };
  }

  const headerRow = 6;
  const header = ws.getRow(headerRow);
  header.values = ['Område', 'Indikator', 'Källa', 'Enhet', 'Antal värden', 'Exempeldata', 'Signifikans'];
  styleHeaderRow(header);

  list.forEach((e, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    row.getCell(1).value = text(e.areaTitle);
    internalLink(row.getCell(2), text(e.indicator.name), sheetNames[i] ?? '');
    row.getCell(3).value = text(e.indicator.source);
    row.getCell(4).value = text(e.indicator.unit);
    row.getCell(5).value = valueCount(e.indicator);
    row.getCell(5).numFmt = '#,##0';
    row.getCell(6).value = hasExample(e.indicator) ? 'Ja' : 'Nej';
    row.getCell(7).value = e.indicator.statements.length > 0 ? e.indicator.statements.map(text).join('\n') : '–';
    row.alignment = { vertical: 'top', wrapText: true };
  });

  ws.columns = [
    {
      width: widthOf(
        list.map((e) => e.areaTitle),
        12,
        30,
      ),
    },
    {
      width: widthOf(
        list.map((e) => e.indicator.name),
        20,
        50,
      ),
    },
    {
      width: widthOf(
        list.map((e) => e.indicator.source),
        10,
        35,
      ),
    },
    {
      width: widthOf(
        list.map((e) => e.indicator.unit),
        8,
        25,
      ),
    },
    { width: 13 },
    { width: 13 },
    { width: 80 },
  ];
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: 'B7' }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + Math.max(list.length, 1), column: 7 } };
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function addIndicatorSheet(wb: ExcelJS.Workbook, e: Entry, name: string): void {
  const ind = e.indicator;
  const ws = wb.addWorksheet(name);
  let line = 1;
  const title = ws.getCell(line++, 1);
  title.value = text(ind.name);
  title.font = { bold: true, size: 14 };

  const labelled = (label: string, value: string) => {
    const row = ws.getRow(line++);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
  };
  labelled('Definition', ind.definition ? text(ind.definition) : '–');
  labelled('Källa', text(ind.source));
  labelled('Enhet', text(ind.unit));
  labelled('Område i planen', text(e.areaTitle));
  labelled('Förbehåll', ind.caveats ? text(ind.caveats) : '–');
  if (ind.statements.length === 0) labelled('Signifikans', '–');
  ind.statements.forEach((s, i) => labelled(i === 0 ? 'Signifikans' : '', text(s)));
  if (hasExample(ind)) {
    labelled('Obs!', 'Serien innehåller exempeldata (Exempeldata = Ja) – inte riktiga värden.');
    ws.getCell(line - 1, 2).font = { bold: true, color: { argb: 'FFC00000' } };
  }
  internalLink(ws.getCell(line++, 1), `← Tillbaka till ${CONTENTS_SHEET}`, CONTENTS_SHEET);
  line++; // blank row before the table

  const headerRow = line;
  const header = ws.getRow(headerRow);
  header.values = [...LAGESBILD_COLUMNS];
  styleHeaderRow(header);

  const valueFmt = numberFormat(e.decimals);
  ind.rows.forEach((r, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    rowCells(r).forEach((v, c) => {
      if (v === null || v === undefined || v === '') return; // a missing value is an empty cell; its status says why
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (typeof v === 'number') cell.numFmt = c === 8 ? '#,##0' : valueFmt;
    });
  });
  const lastRow = headerRow + Math.max(ind.rows.length, 1);

  const col = (pick: (r: Row) => string | null) => ind.rows.map((r) => pick(r) ?? '');
  ws.columns = [
    {
      width: widthOf(
        col((r) => r.regionName),
        8,
        30,
      ),
    },
    { width: 11 },
    {
      width: widthOf(
        col((r) => r.period),
        8,
        20,
      ),
    },
    {
      width: widthOf(
        col((r) => r.sex),
        6,
        15,
      ),
    },
    {
      width: widthOf(
        col((r) => r.group),
        8,
        30,
      ),
    },
    { width: 11 },
    { width: 11 },
    { width: 11 },
    { width: 9 },
    {
      width: widthOf(
        col((r) => r.status),
        8,
        30,
      ),
    },
    { width: 13 },
  ];
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: LAGESBILD_COLUMNS.length } };
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

async function loadJsZip() {
  const { default: JSZip } = await import('jszip');
  return JSZip;
}

/**
 * exceljs 4.4 writes an internal link with both `location` and an r:id to an *external* relationship whose
 * target is "'Sheet'!A1"; Excel then treats the link as a file path (exceljs issues #749, #3027). Keep the
 * `location` only, and drop the bogus relationships.
 */
async function fixInternalLinks(xlsx: Uint8Array): Promise<Buffer> {
  const JSZip = await loadJsZip();
  const zip = await JSZip.loadAsync(xlsx);
  const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  for (const path of sheets) {
    const relsPath = path.replace(/^xl\/worksheets\//, 'xl/worksheets/_rels/') + '.rels';
    const sheetFile = zip.file(path);
    const relsFile = zip.file(relsPath);
    if (!sheetFile || !relsFile) continue;
    const internal = new Set<string>();
    const xml = (await sheetFile.async('string')).replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
      const rid = /\sr:id="([^"]+)"/.exec(tag)?.[1];
      if (!rid || !/\slocation="/.test(tag)) return tag;
      internal.add(rid);
      return tag.replace(/\sr:id="[^"]+"/, '');
    });
    if (internal.size === 0) continue;
    const rels = (await relsFile.async('string')).replace(/<Relationship\b[^>]*\/>/g, (tag) => {
      const id = /\sId="([^"]+)"/.exec(tag)?.[1];
      return id && internal.has(id) ? '' : tag;
    });
    zip.file(path, xml);
    zip.file(relsPath, rels);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The workbook: "Innehåll" first, then one sheet per indicator in area order. */
export async function lagesbildXlsx(data: LagesbildData): Promise<Buffer> {
  // Loaded on demand, like lib/import/xlsx.ts: exceljs is large.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.title = `Lägesbild-underlag – ${data.kommun}`;
  const created = new Date(data.generatedAt);
  if (!Number.isNaN(created.getTime())) {
    wb.created = created;
    wb.modified = created;
  }

  const list = entries(data);
  const used = new Set<string>([CONTENTS_SHEET.toLocaleLowerCase('sv'), 'history']);
  const names = list.map((e) => sheetNameFor(e.indicator.id, used));

  addContentsSheet(wb, data, list, names);
  list.forEach((e, i) => addIndicatorSheet(wb, e, names[i] ?? ''));

  const written = await wb.xlsx.writeBuffer();
  return fixInternalLinks(new Uint8Array(written as ArrayBuffer));
}

// ---------------------------------------------------------------------------------------------- csv zip

function readme(data: LagesbildData, list: Entry[], paths: string[]): string {
  const example = list.some((e) => hasExample(e.indicator));
  const lines = [
    `Lägesbild-underlag – ${data.kommun}`,
    `Skapad ${formatGenerated(data.generatedAt)}`,
    '',
    'Vad filerna är',
    'Underlaget till kommunens lägesbild: varje indikators hela tidsserie för kommunen, länet, riket och',
    'länets övriga kommuner. En CSV-fil per indikator, i en mapp per område (mappnamnet är områdets kod).',
    'innehall.csv listar alla indikatorer med område, källa, enhet, antal värden, filnamn och de',
    'statistiska slutsatserna (signifikans) i klartext. Samma uppgifter finns i Excel-filen, ett blad per indikator.',
    '',
    'Filformat',
    'CSV för svenskt Excel: UTF-8 med BOM, semikolon som kolumnavgränsare och decimalkomma.',
    'Text som börjar med = + - @ har fått en apostrof först så att den aldrig tolkas som en formel.',
    '',
    'Kolumner',
    'Område       regionens namn (kommun, län eller riket)',
    'Regionkod    SCB:s kod: 00 = riket, 20 = Dalarnas län, fyra siffror = kommun',
    'Period       år, tvåårsperiod (t.ex. 2021–2022) eller månad',
    'Kön          T = totalt, K = kvinnor, M = män (eller så som källan redovisar)',
    'Grupp        delgrupp, t.ex. ålder eller årskurs; tom = hela befolkningen',
    'Värde        indikatorns värde i enheten som står i innehall.csv',
    'KI låg       nedre gräns för 95 % konfidensintervall',
    'KI hög       övre gräns för 95 % konfidensintervall',
    'n            antal svarande eller observationer bakom värdet',
    'Status       varför ett värde saknas eller är osäkert (t.ex. otillräckligt underlag); tomt Värde har alltid en status',
    'Exempeldata  Ja = påhittat exempelvärde, inte riktig statistik',
    '',
    'Konfidensintervall',
    'KI är 95 % konfidensintervall. Att två intervall överlappar betyder inte alltid att skillnaden är osäker;',
    'använd signifikansuttalandena i innehall.csv för slutsatser.',
    '',
    'Exempeldata',
    example
      ? 'OBS! Underlaget innehåller exempeldata. Rader med Exempeldata = Ja är inte riktiga värden och får inte användas i lägesbilden.'
      : 'Underlaget innehåller inga exempeldata. Rader med Exempeldata = Ja skulle annars vara påhittade värden.',
    '',
    'Filer',
    'innehall.csv',
    ...paths,
    '',
  ];
  return `\uFEFF${lines.join('\r\n')}`;
}

/** The zip: "{område-kod}/{indikator-id}.csv" per indicator, innehall.csv and LASMIG.txt. */
export async function lagesbildCsvZip(data: LagesbildData): Promise<Buffer> {
  const JSZip = await loadJsZip();
  const zip = new JSZip();
  const date = new Date(data.generatedAt);
  const fileDate = Number.isNaN(date.getTime()) ? undefined : date;

  const list = entries(data);
  const used = new Set<string>(['innehall.csv', 'lasmig.txt']);
  const paths = list.map((e) => csvPathFor(e.areaCode, e.indicator.id, used));

  list.forEach((e, i) => {
    const csv = toSwedishCsv([...LAGESBILD_COLUMNS], e.indicator.rows.map(rowCells));
    zip.file(paths[i] ?? `${e.indicator.id}.csv`, csv, { date: fileDate });
  });

  const contents = toSwedishCsv(
    [
      'Områdeskod',
      'Område',
      'Indikator-id',
      'Indikator',
      'Källa',
      'Enhet',
      'Antal värden',
      'Exempeldata',
      'Fil',
      'Signifikans',
      'Förbehåll',
    ],
    list.map((e, i) => [
      e.areaCode,
      e.areaTitle,
      e.indicator.id,
      e.indicator.name,
      e.indicator.source,
      e.indicator.unit,
      valueCount(e.indicator),
      hasExample(e.indicator) ? 'Ja' : 'Nej',
      paths[i] ?? '',
      e.indicator.statements.join(' '),
      e.indicator.caveats ?? '',
    ]),
  );
  zip.file('innehall.csv', contents, { date: fileDate });
  zip.file('LASMIG.txt', readme(data, list, paths), { date: fileDate });

  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
