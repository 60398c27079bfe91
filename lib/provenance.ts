/** Where a shown value comes from, in the words a reader needs: publisher and publication, or the file. */
export interface ProvenanceFields {
  publication: string | null;
  publisher: string | null;
  retrieved: string | null;
  fileName: string;
  kind: 'seed' | 'example' | 'upload';
  createdAt: Date | string;
}

/** The day as a reader in Sweden sees it ("2026-12-01"), not the UTC date. */
const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

export const EXAMPLE_SOURCE = 'Exempeldata (påhittade värden, inte statistik)';

/** "Brå, Indikatorer för kommuners lägesbild"; an upload without a known publication is named by its file and day. */
export function provenanceLabel(p: ProvenanceFields): string {
  if (p.kind === 'example') return EXAMPLE_SOURCE;
  if (p.publication) return p.publisher ? `${p.publisher}, ${p.publication}` : p.publication;
  const day = STOCKHOLM_DAY.format(typeof p.createdAt === 'string' ? new Date(p.createdAt) : p.createdAt);
  return p.kind === 'upload' ? `Importerad fil ${p.fileName} (${day})` : `Fil ${p.fileName}`;
}

/** Distinct labels of a series' values, real sources first. */
export function provenanceLabels(sources: string[]): string[] {
  const labels = [...new Set(sources)];
  return labels.sort((a, b) => Number(a === EXAMPLE_SOURCE) - Number(b === EXAMPLE_SOURCE));
}

/** The fuller line for an indicator's facts: publication, file, retrieval and the import that wrote the values. */
export function provenanceDetail(p: ProvenanceFields & { importId: number }): string {
  if (p.kind === 'example') return `${EXAMPLE_SOURCE} (import ${p.importId})`;
  const label = provenanceLabel(p);
  const file = p.publication ? `, fil ${p.fileName}` : '';
  return `${label}${file}${p.retrieved ? `, hämtad ${p.retrieved}` : ''} (import ${p.importId})`;
}
