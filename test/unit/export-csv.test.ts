import { describe, expect, it } from 'vitest';
import { neutralise, toSwedishCsv } from '@/lib/export/csv';
import { OBSERVATION_CSV_HEADER, observationsCsv } from '@/lib/api/v1';

describe('CSV for Swedish Excel', () => {
  it('starts with a BOM, uses semicolons, CRLF and decimal commas', () => {
    const csv = toSwedishCsv(
      ['a', 'b'],
      [
        [12.5, 'Hedemora'],
        [-3.25, null],
      ],
    );
    expect(csv.startsWith('\uFEFFa;b\r\n')).toBe(true);
    expect(csv).toBe('\uFEFFa;b\r\n12,5;Hedemora\r\n-3,25;\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+46701234567', "'+46701234567"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['Hedemora', 'Hedemora'],
  ])('neutralises %j so no cell starts a formula', (input, output) => {
    expect(neutralise(input)).toBe(output);
  });

  it('quotes cells with separators, quotes or line breaks, after neutralising', () => {
    const csv = toSwedishCsv(['x'], [['a;b'], ['say "hi"'], ['=1;2']]);
    expect(csv.split('\r\n').slice(1, 4)).toEqual(['"a;b"', '"say ""hi"""', '"\'=1;2"']);
  });

  it('writes observation rows with every column, no live formula anywhere', () => {
    const csv = observationsCsv([
      {
        indicator: 'ntu_otrygg_kvall',
        region: '2083',
        regionName: 'Hedemora',
        period: '2023–2024',
        periodStart: '2023-01-01',
        periodEnd: '2024-12-31',
        referenceYear: null,
        sex: 'T',
        group: '',
        site: '',
        value: 27.5,
        ciLow: 21.8,
        ciHigh: 33.2,
        n: 204,
        numerator: null,
        denominator: null,
        responseRate: null,
        status: null,
        note: '=cmd|"/c calc"!A1',
        example: false,
        source: '=HYPERLINK("http://x")',
        importId: 7,
      },
    ]);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(OBSERVATION_CSV_HEADER.join(';'));
    const cells = lines[1]!.split(';');
    expect(cells.slice(0, 4)).toEqual(['ntu_otrygg_kvall', '2083', 'Hedemora', '2023–2024']);
    expect(cells.slice(8, 12)).toEqual(['27,5', '21,8', '33,2', '204']);
    expect(cells.slice(17, 19)).toEqual(['nej', '"\'=HYPERLINK(""http://x"")"']);
    for (const c of cells) expect(c.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]/);
  });
});
