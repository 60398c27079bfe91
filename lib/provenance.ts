/** Where a shown value comes from, in the words a reader needs: publisher and publication, or the file. */
export interface ProvenanceFields {
  publication: string | null;
  publisher: string | null;
  retrieved: string | null;
  fileName: string;
  kind: 'seed' | 'example' | 'upload';
  createdAt: Date | string;
}

export const EXAMPLE_SOURCE = 'Exempeldata (påhittade värden, inte statistik)';

/** "Brå, Indikatorer för kommuners lägesbild"; an upload without a known publication is named by its file and day. */
export function provenanceLabel(p: ProvenanceFields): string {
  if (p.kind === 'example') return EXAMPLE_SOURCE;
  if (p.publication) return p.publisher ? `${p.publisher}, ${p.publication}` : p.publication;
  const day = (typeof p.createdAt === 'string' ? p.createdAt : p.createdAt.toISOString()).slice(0, 10);
  return p.kind === 'upload' ? `Importerad fil ${p.fileName} (${day})` : `Fil ${p.fileName}`;
}

/** Distinct labels of a series' values, real sources first. */
export function provenanceLabels(sources: string[]): string[] {
  const labels = [...new Set(sources)];
  return labels.sort((a, b) => Number(a === EXAMPLE_SOURCE) - Number(b === EXAMPLE_SOURCE));
}
