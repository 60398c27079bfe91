/** The KPI list is shared with the file adapters: it lives in lib/import (lib/kolada builds on lib/import). */
export {
  KOLADA_KPIS_FILE,
  KoladaKpiFileError,
  koladaKpiMap,
  koladaKpiSchema,
  koladaKpisFileSchema,
  parseKoladaKpis,
  readKoladaKpis,
  type KoladaKpi,
} from '../import/kolada-kpis';
