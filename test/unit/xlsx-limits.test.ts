import { describe, expect, it } from 'vitest';
import { ImportFileError } from '@/lib/import/issues';
import { readWorkbook } from '@/lib/import/xlsx';
import { checkXlsx, type XlsxLimits } from '@/lib/import/xlsx-limits';
import { sheetRow, xlsxWithSheet } from '../helpers/zip';

const LIMITS: XlsxLimits = { unpackedBytes: 1024 * 1024, rows: 100, columns: 8, cells: 500 };
const header = sheetRow(1, ['indikator', 'region', 'period', 'värde']);
const dataRows = (n: number, width = 4) =>
  function* () {
    yield header;
    for (let r = 2; r <= n; r++)
      yield sheetRow(r, ['ntu_otrygg_kvall', '2083', '2025–2026', 30.5, ...Array<number>(Math.max(0, width - 4)).fill(1)]);
  };

async function refusal(bytes: Buffer): Promise<string> {
  try {
    await checkXlsx(bytes, 'test.xlsx', LIMITS);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    return (err as Error).message;
  }
  return expect.unreachable('checkXlsx should refuse');
}

describe('checkXlsx (#12.6: an .xlsx is measured before it is read)', () => {
  it('lets a workbook within the limits through, and readWorkbook reads it', async () => {
    const file = await xlsxWithSheet(dataRows(60));
    const shape = await checkXlsx(file, 'test.xlsx', LIMITS);
    expect([...shape.sheets.values()]).toEqual([expect.objectContaining({ rows: 60, columns: 4 })]);
    const [table] = await readWorkbook(file, 'test.xlsx', LIMITS);
    expect(table!.rows).toHaveLength(60);
    expect(table!.rows[1]).toEqual({ line: 2, cells: ['ntu_otrygg_kvall', '2083', '2025–2026', '30.5'] });
  });

  it('refuses a zip bomb by the sizes it declares', async () => {
    const bomb = await xlsxWithSheet(function* () {
      yield header;
      for (let i = 0; i < 4; i++) yield ' '.repeat(1 << 20);
    });
    expect(await refusal(bomb)).toMatch(/packas upp till .*MB; högst 1 MB uppackat kan läsas/);
  });

  it('refuses a zip bomb that declares a small size, while unpacking it', async () => {
    const liar = await xlsxWithSheet(
      function* () {
        yield header;
        for (let i = 0; i < 4; i++) yield ' '.repeat(1 << 20);
      },
      { declaredSize: 1000 },
    );
    expect(await refusal(liar)).toMatch(/högst 1 MB uppackat kan läsas/);
  });

  it('refuses too many rows (exactly, when the sheet declares its size), columns or cells', async () => {
    expect(await refusal(await xlsxWithSheet(dataRows(101)))).toMatch(/fler än 100 rader; högst 100 rader kan läsas/);
    expect(await refusal(await xlsxWithSheet(dataRows(150), { dimension: 'A1:D150' }))).toMatch(/har 150 rader/);
    expect(await refusal(await xlsxWithSheet(dataRows(5, 9)))).toMatch(/9 kolumner; högst 8/);
    expect(await refusal(await xlsxWithSheet(dataRows(80, 8)))).toMatch(/fler än 500 ifyllda celler/);
  });

  it('refuses what is not a zip archive as damaged', async () => {
    expect(await refusal(Buffer.from('PK\x03\x04 inte alls en arbetsbok'))).toMatch(/kunde inte läsas som Excel-arbetsbok/);
  });
});
