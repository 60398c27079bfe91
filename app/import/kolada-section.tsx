import { KoladaKpiFileError, readKoladaKpis } from '@/lib/data/kolada';
import { KoladaFetch, type KoladaKpiInfo } from './kolada-fetch';

/** Server part of "Hämta från Kolada": the KPI list from data-imports/kolada-kpis.json (a broken file says where). */
export function KoladaSection() {
  let kpis: KoladaKpiInfo[] = [];
  let error: string | null = null;
  try {
    kpis = readKoladaKpis().map((k) => ({ kpi: k.kpi, title: k.title, indicator: k.indicator }));
  } catch (err) {
    if (!(err instanceof KoladaKpiFileError)) throw err;
    error = err.message;
  }
  return <KoladaFetch kpis={kpis} error={error} />;
}
