import type { RegionKey } from '../vocabulary';

/** Colour never carries meaning alone: each region also has its own dash pattern and marker shape. */
export const REGION_STYLES: Record<RegionKey, { color: string; dash: string | undefined; marker: 'circle' | 'square' | 'triangle' }> = {
  kommun: { color: '#1f4e79', dash: undefined, marker: 'circle' },
  lan: { color: '#a34700', dash: '6 3', marker: 'square' },
  riket: { color: '#4d4d4d', dash: '2 3', marker: 'triangle' },
};

/** One chart style for every chart of the app: grid, ticks, reference lines. */
export const CHART = {
  grid: '#e3e6ea',
  tick: { fontSize: 12, fill: '#4a4a4a' },
  axisLabel: { fontSize: 12, fill: '#4a4a4a' },
  baseline: '#1b1b1b',
  target: { stroke: '#1e6b30', text: '#1e4620' },
  seriesBreak: '#8a1c24',
  action: '#5c4300',
} as const;
