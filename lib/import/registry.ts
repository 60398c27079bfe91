import type { SourceAdapter } from './adapter';
import { eudaAdapter } from './sources/euda';
import { genericAdapter } from './sources/generic';

/** Every source adapter. Adding a source adds a module here; the pipeline never changes. */
export const ADAPTERS: SourceAdapter[] = [eudaAdapter, genericAdapter];

export function getAdapter(id: string): SourceAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}
