// npm run fetch:kolada [-- --yes] [--json] [--user <namn>]
// Fetches every KPI of data-imports/kolada-kpis.json from Kolada API v3 for the plan's kommun, its län, riket and the
// län's kommuner (all years) and imports it through the same path as a file. Without --yes it only previews (writes
// nothing); with --yes it commits. Exit 0 = previewed or committed, 1 = Kolada failed or the answer was refused
// (nothing written), 2 = usage error.
import { parseArgs } from 'node:util';
import { openDbFromEnv } from '../lib/db/client';
import { describeDbError } from '../lib/db/errors';
import { DatabaseBusyError } from '../lib/db/pglite-lock';
import { ConfigError } from '../lib/env';
import type { Change } from '../lib/import/commit';
import { KoladaError } from '../lib/kolada/client';
import { KoladaFetchRefused, runKoladaImport } from '../lib/kolada/fetch';
import { KoladaKpiFileError } from '../lib/kolada/kpis';

const USAGE =
  'Användning: npm run fetch:kolada [-- --yes] [--json] [--user <namn>]\n' +
  '  utan --yes: förhandsgranska (inget sparas); --yes: hämta och spara.';
const SHOWN_CHANGES = 20;

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: false,
    options: {
      yes: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      user: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
}
try {
  args = parse();
} catch (err) {
  usage((err as Error).message);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}

/** A failure: printed (as the JSON report with --json), exit code 1. */
const refuse = (message: string) => {
  if (args.values.json) console.log(JSON.stringify({ committed: false, errors: [{ row: null, column: null, value: null, message }] }));
  else console.error(message);
  process.exitCode = 1;
};
const fail = (message: string): never => {
  refuse(message);
  process.exit(1);
};

let handle;
try {
  handle = await openDbFromEnv();
} catch (err) {
  fail(err instanceof DatabaseBusyError ? err.message : `Databasen kunde inte öppnas: ${describeDbError(err)}`);
}
const fmtChange = (c: Change) => {
  const v = (x: { value: number | null; status: string | null } | null) =>
    x === null ? '–' : x.value === null ? `(${x.status ?? 'saknas'})` : String(x.value);
  return `  ${c.kind === 'new' ? 'ny    ' : 'ändrad'} ${c.indicatorId} ${c.regionCode} ${c.period}${c.sex !== 'T' ? ` kön ${c.sex}` : ''}: ${v(c.before)} → ${v(c.after)}`;
};

try {
  const user = args.values.user ?? process.env.USER ?? 'kommandorad';
  const commit = args.values.yes;
  const { run, document } = await runKoladaImport(handle!, {
    dryRun: !commit,
    user,
    changes: SHOWN_CHANGES,
    audit: commit ? { actorId: null, actor: `kommandoraden (${user})` } : undefined,
  });
  const r = run.report;
  if (args.values.json) {
    console.log(
      JSON.stringify({
        ...r,
        kpis: document.plan.kpis.map((k) => k.kpi),
        skippedKpis: document.plan.skipped.map((k) => k.kpi),
        municipalities: document.plan.municipalities,
        retrieved: document.retrievedAt,
        requests: document.requests,
        importId: run.importId,
      }),
    );
  } else {
    for (const e of r.errors)
      console.error(
        `${e.row !== null ? `post ${e.row}` : ''}${e.column ? ` (${e.column})` : ''}${e.value ? ` "${e.value}"` : ''}: ${e.message}`,
      );
    const pages = document.requests.reduce((n, q) => n + q.pages, 0);
    console.log(
      `Kolada API v3, hämtat ${document.retrievedAt}: ${document.plan.kpis.map((k) => k.kpi).join(', ')} för ` +
        `${document.plan.kommun.name}, ${document.plan.lan.name}, riket och länets kommuner (${document.requests.length} anrop, ${pages} sidor).`,
    );
    if (document.plan.skipped.length > 0) {
      console.log(
        `Hoppade över (indikatorn finns inte i katalogen): ${document.plan.skipped.map((k) => `${k.kpi} → ${k.indicator}`).join(', ')}.`,
      );
    }
    const what = r.committed
      ? `Importerat (import ${run.importId})`
      : r.errors.length === 0
        ? 'Förhandsgranskning (inget sparades)'
        : 'Inte importerat';
    console.log(`${what}: ${r.observations} värden: ${r.inserted} nya, ${r.updated} ändrade, ${r.unchanged} oförändrade.`);
    if (!commit && run.diff) {
      for (const c of run.diff.changes) console.log(fmtChange(c));
      if (run.diff.inserted + run.diff.updated > run.diff.changes.length)
        console.log(`  … och ${run.diff.inserted + run.diff.updated - run.diff.changes.length} till.`);
      if (run.diff.inserted + run.diff.updated > 0) console.log('Kör igen med --yes för att spara: npm run fetch:kolada -- --yes');
    }
  }
  process.exitCode = r.errors.length > 0 ? 1 : 0;
} catch (err) {
  const known =
    err instanceof KoladaError || err instanceof KoladaFetchRefused || err instanceof KoladaKpiFileError || err instanceof ConfigError;
  refuse(known ? err.message : `Hämtningen avbröts: ${describeDbError(err)}. Inget har sparats.`);
} finally {
  await handle?.close();
}
