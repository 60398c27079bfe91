import type { RegionKey } from '../vocabulary';

/** Colour never carries meaning alone: each region also has its own dash pattern and marker shape. */
export const REGION_STYLES: Record<RegionKey, { color: string; dash: string | undefined; marker: 'circle' | 'square' | 'triangle' }> = {
  kommun: { color: '#1f4e79', dash: undefined, marker: 'circle' },
  lan: { color: '#a34700', dash: '6 3', marker: 'square' },
  riket: { color: '#4d4d4d', dash: '2 3', marker: 'triangle' },
};
