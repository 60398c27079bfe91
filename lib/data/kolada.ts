import 'server-only';
import { getDb } from '../server-db';
import { runKoladaImport, type KoladaImportInput } from '../kolada/fetch';

/** The Kolada fetch (preview or commit) on the server's database handle: the same path as `npm run fetch:kolada`. */
export async function saveKoladaImport(input: KoladaImportInput) {
  return runKoladaImport(await getDb(), input);
}

export { KoladaError } from '../kolada/client';
export { KoladaFetchRefused } from '../kolada/fetch';
export { KoladaKpiFileError, readKoladaKpis } from '../kolada/kpis';
