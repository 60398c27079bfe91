import type { SourceAdapter } from './adapter';
import { braAnmaldaAdapter } from './sources/bra-anmalda';
import { braLagesbildAdapter } from './sources/bra-lagesbild';
import { eudaAdapter } from './sources/euda';
import { genericAdapter } from './sources/generic';
import { koladaAdapter } from './sources/kolada';
import { koladaFileAdapter } from './sources/kolada-file';
import { luppAdapter } from './sources/lupp';
import { ntuKommunAdapter } from './sources/ntu-kommun';
import { ntuLanAdapter } from './sources/ntu-lan';
import { riseAdapter } from './sources/rise';
import { snAdapter } from './sources/svenskt-naringsliv';

/**
 * Every source adapter, most specific first: the first whose header matches wins, and the generic
 * template comes last. Adding a source adds a module here; the pipeline never changes.
 */
export const ADAPTERS: SourceAdapter[] = [
  braLagesbildAdapter,
  ntuKommunAdapter,
  ntuLanAdapter,
  eudaAdapter,
  braAnmaldaAdapter,
  koladaAdapter,
  koladaFileAdapter,
  luppAdapter,
  snAdapter,
  riseAdapter,
  genericAdapter,
];

export function getAdapter(id: string): SourceAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}
