// npm run import -- <file> [--source <id>] [--sheet <blad>] [--dry-run] [--json] [--user <namn>]
//   [--indicator <id>] [--map "region=Boendekommun;period=År;value=andel;grupp=Undersökning"] [--scale 100]
// Exit 0 = committed (or a clean dry run), 1 = refused (nothing written), 2 = usage error.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDbFromEnv } from '../lib/db/client';
import { describeDbError } from '../lib/db/errors';
import { DatabaseBusyError } from '../lib/db/pglite-lock';
import { columnMappingSchema, parseMapArg, type ColumnMapping } from '../lib/import/mapping';
import type { CliReport } from '../lib/import/report';
import { runImport } from '../lib/import/run';

/** The line TL_TEST_SIGNAL_STAGED=1 makes the CLI print to stderr once a streamed import has staged rows in its transaction. */
const STAGED_MARKER = 'import: rows staged in the open transaction';
const USAGE =
  'Användning: npm run import -- <fil> [--source <källa>] [--sheet <blad>] [--dry-run] [--json] [--user <namn>]\n' +
  '  kolumnmappning: [--indicator <id>] --map "region=<kolumn>;period=<kolumn>;value=<kolumn>[;ki_låg=…;ki_hög=…;n=…;kön=…;grupp=…;kpi=…]" [--scale 100]';

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      user: { type: 'string' },
      help: { type: 'boolean', default: false },
      indicator: { type: 'string' },
      map: { type: 'string' },
      scale: { type: 'string' },
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
if (args.positionals.length !== 1) usage('Ange exakt en fil att importera.');
const file = path.resolve(args.positionals[0]!);

/** `--indicator`, `--map` and `--scale` as one column mapping (saved under the file's header signature when committed). */
function mappingFromArgs(): ColumnMapping | undefined {
  const { indicator, map, scale } = args.values;
  if (!map) {
    if (indicator || scale) usage('--indicator och --scale hör till en kolumnmappning: ange även --map "region=…;period=…;value=…".');
    return undefined;
  }
  if (args.values.source) usage('Ange antingen --source eller --map, inte båda.');
  const { columns, errors } = parseMapArg(map);
  if (errors.length > 0) usage(`--map: ${errors.join('; ')}`);
  const scaleNum = scale === undefined ? undefined : Number(scale.replace(',', '.'));
  if (scaleNum !== undefined && !(scaleNum > 0)) usage(`--scale: förväntade ett positivt tal, fick "${scale}"`);
  const parsed = columnMappingSchema.safeParse({ indicator, columns, scale: scaleNum });
  if (!parsed.success) usage(`--map: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}
const mapping = mappingFromArgs();
if (!fs.existsSync(file) || !fs.statSync(file).isFile()) usage(`Filen finns inte: ${file}`);

const print = (r: CliReport) => {
  if (args.values.json) {
    console.log(JSON.stringify(r));
    return;
  }
  for (const e of r.errors) {
    const where = [e.sheet ? `blad "${e.sheet}"` : null, e.row !== null ? `rad ${e.row}` : null, e.column ? `kolumn ${e.column}` : null]
      .filter(Boolean)
      .join(', ');
    console.error(`${where ? `${where}: ` : ''}${e.value ? `"${e.value}": ` : ''}${e.message}`);
  }
  const what = r.committed
    ? 'Importerat'
    : args.values['dry-run'] && r.errors.length === 0
      ? 'Provkörning (inget skrevs)'
      : 'Inte importerat';
  console.log(
    `${what}: ${r.file} (${r.source ?? 'okänd källa'}), ${r.rows} rader, ${r.observations} värden: ` +
      `${r.inserted} nya, ${r.updated} ändrade, ${r.unchanged} oförändrade.`,
  );
};

let handle;
try {
  handle = await openDbFromEnv();
} catch (err) {
  const msg = err instanceof DatabaseBusyError ? err.message : `Databasen kunde inte öppnas: ${describeDbError(err)}`;
  print({
    source: null,
    file: path.basename(file),
    sha256: null,
    rows: 0,
    observations: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    errors: [{ row: null, column: null, value: null, message: msg }],
    committed: false,
  });
  process.exit(1);
}
try {
  const user = args.values.user ?? process.env.USER ?? 'kommandorad';
  // Large files in the generic format stream through; everything else is read whole (and size-limited).
  const { report } = await runImport(handle, {
    fileName: path.basename(file),
    file: { path: file },
    source: args.values.source,
    sheet: args.values.sheet,
    mapping,
    dryRun: args.values['dry-run'],
    user,
    // Only for test/integration/cli.test.ts: tells it when the import's transaction holds staged rows.
    onStaged: process.env.TL_TEST_SIGNAL_STAGED === '1' ? () => console.error(STAGED_MARKER) : undefined,
  });
  print(report);
  process.exitCode = report.errors.length > 0 ? 1 : 0;
} finally {
  await handle.close();
}
