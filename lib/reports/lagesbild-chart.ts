import type { LagesbildIndicator, ReportIndicator } from './types';

/** A lägesbild indicator's chart input: the kommun, the län and riket over the whole series (totals only). */
export function lagesbildChart(
  ind: LagesbildIndicator,
  codes: { kommun: string; lan: string },
  unitKind: ReportIndicator['unitKind'],
): ReportIndicator {
  const totals = ind.rows.filter((r) => r.sex === 'Totalt' && r.group === '');
  const periods = [...new Set(totals.map((r) => r.period))];
  const keys = [
    ['kommun', codes.kommun],
    ['lan', codes.lan],
    ['riket', '00'],
  ] as const;
  return {
    id: ind.id,
    name: ind.name,
    unit: ind.unit,
    unitKind,
    decimals: ind.decimals ?? 1,
    verdictLabel: '',
    sentence: '',
    flags: [],
    isExample: totals.some((r) => r.isExample),
    latest: [],
    baselinePeriod: null,
    target: null,
    source: ind.source,
    measuredGeography: '',
    caveats: null,
    series: keys
      .map(([key, code]) => {
        const mine = totals.filter((r) => r.regionCode === code);
        return {
          key,
          name: mine[0]?.regionName ?? code,
          points: periods.map((p) => {
            const r = mine.find((x) => x.period === p);
            return { period: p, value: r?.value ?? null, ciLow: r?.ciLow ?? null, ciHigh: r?.ciHigh ?? null };
          }),
        };
      })
      .filter((s) => s.points.some((p) => p.value !== null)),
  };
}
