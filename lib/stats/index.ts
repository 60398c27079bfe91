/** lib/stats: pure statistics functions (statistics.md). */
export * from './types';
export * from './distributions';
export * from './points';
export * from './intervals';
export * from './compare';
export * from './wastewater';
export * from './trend';
export * from './pace';
export * from './sentence';
export * from './verdict';
export * from './benchmark';
export * from './dispersion';
export * from './rank';
export * from './staleness';
export * from './suppression';
