import { eq, inArray } from 'drizzle-orm';
import type { DbHandle, Db } from '../db/client';
import { getCurrentPlan, getRegionWithParent } from '../db/queries/plan';
import { indicators, regions } from '../db/schema';
import { readEnv, type Env } from '../env';
import type { Provenance } from '../import/adapter';
import type { Actor, RetrievalInfo } from '../import/commit';
import { runImport, type ImportRun } from '../import/run';
import { createKoladaClient, type KoladaClient, type KoladaRecord, type KoladaRequestLog } from './client';
import { readKoladaKpis, type KoladaKpi } from './kpis';

/** The publication every Kolada fetch is recorded as (import record, preview, every value's source line). */
export const KOLADA_PROVENANCE = { publication: 'Kolada API v3', publisher: 'RKA (Kolada)' } as const;

/** Something the fetch cannot do that is not Kolada's failure (no plan, no KPI with an indicator, no values). */
export class KoladaFetchRefused extends Error {}

export interface KoladaArea {
  code: string;
  name: string;
}

/** What a fetch asks Kolada for: the plan's kommun, its län, riket and the län's kommuner, for every mapped KPI. */
export interface KoladaFetchPlan {
  kommun: KoladaArea;
  lan: KoladaArea;
  /** Kolada ids: riket 0000, the län 00xx, then the län's kommuner. */
  municipalities: string[];
  /** KPIs whose indicator is in the catalogue. */
  kpis: KoladaKpi[];
  /** KPIs of the data file whose indicator the catalogue does not have (not fetched). */
  skipped: KoladaKpi[];
}

/** Our region code as Kolada writes it: riket "00" → "0000", län "20" → "0020", kommuner unchanged. */
export function koladaAreaId(code: string, kind: 'riket' | 'lan' | 'kommun'): string {
  if (kind === 'riket') return '0000';
  if (kind === 'lan') return `00${code}`;
  return code;
}

export async function planKoladaFetch(db: Db, kpis: KoladaKpi[] = readKoladaKpis()): Promise<KoladaFetchPlan> {
  const plan = await getCurrentPlan(db);
  if (!plan) throw new KoladaFetchRefused('Det finns ingen plan i databasen: hämtningen från Kolada behöver planens kommun.');
  const r = await getRegionWithParent(db, plan.kommunCode);
  if (!r?.parent) throw new KoladaFetchRefused(`Planens kommun ${plan.kommunCode} saknar län i region-listan.`);
  const lanKommuner = await db
    .select({ code: regions.code })
    .from(regions)
    .where(eq(regions.parentCode, r.parent.code))
    .orderBy(regions.code);
  const [riket] = await db.select({ code: regions.code }).from(regions).where(eq(regions.kind, 'riket'));
  const known =
    kpis.length === 0
      ? []
      : await db
          .select({ id: indicators.id })
          .from(indicators)
          .where(
            inArray(
              indicators.id,
              kpis.map((k) => k.indicator),
            ),
          );
  const have = new Set(known.map((k) => k.id));
  const municipalities = [
    ...(riket ? [koladaAreaId(riket.code, 'riket')] : []),
    koladaAreaId(r.parent.code, 'lan'),
    ...new Set([r.region.code, ...lanKommuner.map((k) => k.code)]),
  ];
  const plan2: KoladaFetchPlan = {
    kommun: { code: r.region.code, name: r.region.name },
    lan: { code: r.parent.code, name: r.parent.name },
    municipalities,
    kpis: kpis.filter((k) => have.has(k.indicator)),
    skipped: kpis.filter((k) => !have.has(k.indicator)),
  };
  if (plan2.kpis.length === 0) {
    throw new KoladaFetchRefused(
      'Inget nyckeltal i data-imports/kolada-kpis.json har en indikator i katalogen: det finns inget att hämta.',
    );
  }
  return plan2;
}

/** A fetched answer as one JSON document in Kolada's own format, ready for the import pipeline. */
export interface KoladaDocument {
  fileName: string;
  bytes: Uint8Array;
  plan: KoladaFetchPlan;
  requests: KoladaRequestLog[];
  /** Data items (kpi × area × year) in the answer. */
  records: number;
  /** When the answer was complete (ISO 8601). */
  retrievedAt: string;
  provenance: Provenance;
  retrieval: RetrievalInfo;
}

const GENDER_ORDER: Record<string, number> = { T: 0, K: 1, M: 2 };

/**
 * The records in a fixed order (KPI, area, year, gender), so that the same values always give the same bytes and the
 * same checksum: the preview's checksum then tells whether a later fetch brought the same values.
 */
export function koladaDocumentBytes(values: KoladaRecord[]): Uint8Array {
  const records = values
    .map((r) => ({
      ...r,
      values: [...r.values].sort(
        (a, b) => (GENDER_ORDER[a.gender] ?? 9) - (GENDER_ORDER[b.gender] ?? 9) || a.gender.localeCompare(b.gender),
      ),
    }))
    .sort(
      (a, b) =>
        a.kpi.localeCompare(b.kpi) || a.municipality.localeCompare(b.municipality) || String(a.period).localeCompare(String(b.period)),
    );
  const text = `{"count":${records.length},"next_url":null,"values":[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
  return new TextEncoder().encode(text);
}

/** "2026-12-03 14:45" in Swedish time: how the import record and the source lines show when it was retrieved. */
const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

export function koladaClientFromEnv(env: Env = readEnv()): KoladaClient {
  return createKoladaClient({ baseUrl: env.KOLADA_BASE_URL, timeoutMs: env.KOLADA_TIMEOUT_S * 1000 });
}

/** Fetches every mapped KPI for the plan's areas, all years. Throws KoladaError (nothing returned) or KoladaFetchRefused. */
export async function fetchKoladaDocument(
  db: Db,
  opts: { client?: KoladaClient; now?: () => Date; kpis?: KoladaKpi[] } = {},
): Promise<KoladaDocument> {
  const plan = await planKoladaFetch(db, opts.kpis);
  const client = opts.client ?? koladaClientFromEnv();
  const { values, requests } = await client.fetchValues({ kpis: plan.kpis.map((k) => k.kpi), municipalities: plan.municipalities });
  const at = (opts.now ?? (() => new Date()))();
  if (values.length === 0) {
    throw new KoladaFetchRefused(
      `Kolada har inga värden för nyckeltalen ${plan.kpis.map((k) => k.kpi).join(', ')} i ${plan.kommun.name}, ${plan.lan.name} eller riket. Inget har sparats.`,
    );
  }
  const pages = requests.reduce((n, r) => n + r.pages, 0);
  const retrievedAt = at.toISOString();
  const note =
    `Hämtat från Kolada API v3 (${client.baseUrl}) ${retrievedAt}: nyckeltalen ${plan.kpis.map((k) => `${k.kpi} (${k.title} → ${k.indicator})`).join('; ')}; ` +
    `för ${plan.kommun.name} (${plan.kommun.code}), ${plan.lan.name}, riket och länets ${plan.municipalities.length - 2} kommuner, alla år; ` +
    `${requests.length} ${requests.length === 1 ? 'anrop' : 'anrop'}, ${pages} ${pages === 1 ? 'sida' : 'sidor'}: ${requests.map((r) => r.url).join(' ')}`;
  return {
    fileName: `kolada-v3-${plan.kommun.code}-${retrievedAt.slice(0, 10)}.json`,
    bytes: koladaDocumentBytes(values),
    plan,
    requests,
    records: values.length,
    retrievedAt,
    provenance: { ...KOLADA_PROVENANCE, url: client.baseUrl },
    retrieval: { retrieved: STOCKHOLM.format(at), url: requests[0]?.url ?? client.baseUrl, note },
  };
}

export interface KoladaImportInput {
  dryRun: boolean;
  user: string;
  audit?: Actor;
  /** Commit only if the fetched values have this checksum (the one the preview showed). */
  sha256?: string;
  changes?: number;
  client?: KoladaClient;
  now?: () => Date;
  /** An answer already fetched (the schedule's preview, then its commit): not fetched again. */
  document?: KoladaDocument;
}

/**
 * Fetch, then the same path as an uploaded file: runImport with the kolada adapter (preview = dry run; commit with the
 * previewed checksum), the import record naming Kolada API v3, the KPIs, the retrieval time and the URLs.
 */
export async function runKoladaImport(handle: DbHandle, input: KoladaImportInput): Promise<{ run: ImportRun; document: KoladaDocument }> {
  const document = input.document ?? (await fetchKoladaDocument(handle.db, { client: input.client, now: input.now }));
  const run = await runImport(handle, {
    fileName: document.fileName,
    file: { bytes: document.bytes },
    source: 'kolada',
    dryRun: input.dryRun,
    user: input.user,
    audit: input.audit,
    sha256: input.sha256,
    changes: input.changes,
    provenance: document.provenance,
    retrieval: document.retrieval,
  });
  return { run, document };
}
