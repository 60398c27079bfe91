import { describe, expect, it } from 'vitest';
import { analyzeFile } from '@/lib/import/analyze';
import { ImportFileError } from '@/lib/import/issues';
import { fixture, importContextFromFiles } from '../helpers/import-context';

const ctx = importContextFromFiles();
const text = (s: string) => new TextEncoder().encode(s);

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    return (err as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('source recognition from the header, among all adapters', () => {
  it.each([
    ['generic/hedemora-2025.csv', 'generic'],
    ['generic/hedemora-2025-excel.csv', 'generic'],
    ['bra/Anmälda brott kommunerna 2024.csv', 'bra_anmalda'],
    ['bra/Anmälda brott kommunerna 2024 (excel).csv', 'bra_anmalda'],
    ['bra/anmalda_brott_kommuner_2021.csv', 'bra_anmalda'],
    ['kolada/N07403-v2.json', 'kolada'],
    ['kolada/N07540-v3.json', 'kolada'],
    ['lupp/lupp-utf8.csv', 'lupp'],
    ['lupp/lupp-excel-1252.csv', 'lupp'],
    ['sn/sn-utf8.csv', 'svenskt_naringsliv'],
    ['sn/sn-excel-1252.csv', 'svenskt_naringsliv'],
    ['rise/rise-utf8.csv', 'rise'],
    ['rise/rise-excel-1252.csv', 'rise'],
    ['ntu/hedemora-otrygghet.xlsx', 'ntu_kommun'],
    ['ntu/hedemora-utsatthet.xlsx', 'ntu_kommun'],
    ['ntu/lan-otrygghet.xlsx', 'ntu_lan'],
  ])('%s → %s, without errors', async (file, adapter) => {
    const fileName = file.split('/').pop()!;
    const a = await analyzeFile({ fileName, bytes: fixture(file) }, ctx);
    expect(a.adapter.id).toBe(adapter);
    expect(a.issues).toEqual([]);
    expect(a.observations.length).toBeGreaterThan(0);
  });

  it('reads the real EUDA release file', async () => {
    const fs = await import('node:fs');
    const a = await analyzeFile(
      { fileName: 'ww2025-all-data.csv', bytes: new Uint8Array(fs.readFileSync('data-imports/euda/ww2025-all-data.csv')) },
      ctx,
    );
    expect(a.adapter.id).toBe('euda');
    expect(a.rows).toBe(4376);
    expect(a.notes[0]).toMatch(/utanför Sverige/);
    expect(a.observations.every((o) => (o.value === null ? o.status === 'below_loq' : o.value > 0))).toBe(true);
  });
});

describe("Excel's other save formats", () => {
  it('reads "Unicode-text" (UTF-16LE with BOM, tab-separated)', async () => {
    const content = 'indikator\tregion\tperiod\tvärde\r\nsn_brott_paverkar_foretag\tSäters kommun\t2025\t31,5\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(content, 'utf16le'))]);
    const a = await analyzeFile({ fileName: 'unicode.txt', bytes }, ctx);
    expect(a.encoding).toBe('utf-16le');
    expect(a.delimiter).toBe('\t');
    expect(a.observations[0]).toMatchObject({ indicatorId: 'sn_brott_paverkar_foretag', regionCode: '2082', value: 31.5 });
  });

  it('reads a "sep=;" first line as the separator', async () => {
    const a = await analyzeFile(
      { fileName: 'sep.csv', bytes: text('sep=;\nindikator;region;period;värde\nkmk_serveringsstallen;2083;2025;60,5\n') },
      ctx,
    );
    expect(a.observations[0]).toMatchObject({ row: 3, value: 60.5 });
  });
});

describe('files that cannot be read are refused with a Swedish message', () => {
  it('an empty file', async () => {
    expect(await refusal(analyzeFile({ fileName: 'tom.csv', bytes: new Uint8Array() }, ctx))).toBe('Filen tom.csv är tom.');
  });

  it('a binary file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await refusal(analyzeFile({ fileName: 'bild.png', bytes: png }, ctx))).toMatch(/ingen textfil.*\.xlsx/);
  });

  it('a header without data rows', async () => {
    expect(await refusal(analyzeFile({ fileName: 'mall.csv', bytes: text('indikator;region;period;värde\n') }, ctx))).toMatch(
      /bara rubrikrad och inga datarader/,
    );
  });

  it('an unknown header names the sources tried and the nearest match with what it lacks', async () => {
    const msg = await refusal(
      analyzeFile({ fileName: 'x.csv', bytes: text('indikator;region;år;värde\nntu_otrygg_kvall;2083;2024;3\n') }, ctx),
    );
    expect(msg).toMatch(/^Okänt filformat/);
    expect(msg).toContain('Provade: ');
    expect(msg).toContain('Generiskt format');
    expect(msg).toMatch(/Närmast: Generiskt format.*"period"/);
  });

  it('a chosen source the file does not match says what that source expects', async () => {
    const msg = await refusal(analyzeFile({ fileName: 'x.csv', bytes: fixture('generic/hedemora-2025.csv'), source: 'lupp' }, ctx));
    expect(msg).toMatch(/^Filen har inte formatet för Lupp/);
  });

  it('a file over the size limit', async () => {
    const msg = await refusal(analyzeFile({ fileName: 'stor.csv', bytes: new Uint8Array(3 * 1024 * 1024) }, ctx, 2 * 1024 * 1024));
    expect(msg).toBe('Filen stor.csv är 3,0 MB; största tillåtna storlek är 2 MB.');
  });

  it('a workbook with several NTU sheets is read whole, with the same values as each sheet read on its own', async () => {
    const bytes = fixture('ntu/hedemora-tva-blad.xlsx');
    const whole = await analyzeFile({ fileName: 'hedemora-tva-blad.xlsx', bytes }, ctx);
    expect(whole.issues).toEqual([]);
    expect(whole.sheets.length).toBeGreaterThanOrEqual(2);
    const key = (o: {
      indicatorId: string;
      regionCode: string;
      period: { label: string };
      value: number | null;
      ciLow?: number | null;
      ciHigh?: number | null;
      n?: number | null;
    }) => [o.indicatorId, o.regionCode, o.period.label, o.value, o.ciLow ?? null, o.ciHigh ?? null, o.n ?? null].join('|');
    const single: string[] = [];
    for (const sheet of whole.sheets) {
      const one = await analyzeFile({ fileName: 'hedemora-tva-blad.xlsx', bytes, sheet }, ctx);
      if (one) single.push(...one.observations.map(key));
    }
    expect(single.length).toBeGreaterThan(0);
    expect(whole.observations.map(key).sort()).toEqual(single.sort());
    const chosen = await analyzeFile({ fileName: 'hedemora-tva-blad.xlsx', bytes, sheet: whole.sheets[0] }, ctx).catch((e: Error) => e);
    expect(chosen instanceof Error ? chosen.message : (chosen.sheet ?? '')).toMatch(new RegExp(whole.sheets[0]!.replace(/[()]/g, '.')));
  });

  it('text re-saved in the wrong encoding (UTF-8 read as Latin-1 and saved again)', async () => {
    const mojibake = text('indikator;region;period;värde\nntu_otrygg_kvall;HÃ¤rnÃ¶sand;2024;3\n');
    expect(await refusal(analyzeFile({ fileName: 'fel.csv', bytes: mojibake }, ctx))).toMatch(/felaktiga tecken/);
  });

  it('a required column missing from a chosen template', async () => {
    const msg = await refusal(
      analyzeFile({ fileName: 'x.csv', bytes: text('indikator;region;period\nntu_otrygg_kvall;2083;2024\n'), source: 'generic' }, ctx),
    );
    expect(msg).toMatch(/"värde" saknas/);
  });
});
