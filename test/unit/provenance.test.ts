import { describe, expect, it } from 'vitest';
import { EXAMPLE_SOURCE, provenanceDetail, provenanceLabel, provenanceLabels } from '@/lib/provenance';

const bra = {
  publication: 'Indikatorer för kommuners lägesbild',
  publisher: 'Brå',
  retrieved: '2026-01',
  fileName: 'bra/bra-kommunindikatorer-dalarna.csv',
  kind: 'seed' as const,
  createdAt: new Date('2026-12-01T10:00:00Z'),
};

describe('where a value comes from, in words', () => {
  it('a published file: publisher and publication; the detail adds file, retrieval and import', () => {
    expect(provenanceLabel(bra)).toBe('Brå, Indikatorer för kommuners lägesbild');
    expect(provenanceDetail({ ...bra, importId: 2 })).toBe(
      'Brå, Indikatorer för kommuners lägesbild, fil bra/bra-kommunindikatorer-dalarna.csv, hämtad 2026-01 (import 2)',
    );
  });

  it('an upload without a known publication is named by its file and day; example data says it is invented', () => {
    const upload = {
      publication: null,
      publisher: null,
      retrieved: null,
      fileName: 'lupp.csv',
      kind: 'upload' as const,
      createdAt: '2026-11-30T23:30:00.000Z',
    };
    // 23:30 UTC on 30 November is 1 December in Sweden.
    expect(provenanceLabel(upload)).toBe('Importerad fil lupp.csv (2026-12-01)');
    expect(provenanceLabel({ ...upload, kind: 'example' })).toBe(EXAMPLE_SOURCE);
    expect(provenanceDetail({ ...upload, kind: 'example', importId: 3 })).toBe(`${EXAMPLE_SOURCE} (import 3)`);
  });

  it('lists each source once, example data last', () => {
    expect(provenanceLabels([EXAMPLE_SOURCE, 'Brå, X', 'Brå, X', 'EUDA, Y'])).toEqual(['Brå, X', 'EUDA, Y', EXAMPLE_SOURCE]);
  });
});
