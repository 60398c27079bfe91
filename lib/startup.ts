import { ConfigError, readEnv } from './env';

/** At server start (instrumentation.ts): check the configuration, then open, migrate and (when empty) seed. */
export async function startServer(): Promise<void> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv();
    // First, before any request is served: which address each request comes from.
    const { installClientAddress, parseTrustedProxies } = await import('./net/client-address');
    installClientAddress(parseTrustedProxies(env.TRUSTED_PROXIES));
  } catch (err) {
    // A bad or missing setting (no session secret in production) must stop the server, not half-run it.
    console.error(`Trygghetsläget startar inte. ${err instanceof ConfigError ? err.message : String(err)}`);
    process.exit(1);
  }
  const { getDb } = await import('./server-db');
  const { describeDbError } = await import('./db/errors');
  try {
    const { driver, db } = await getDb();
    console.log(`Trygghetsläget: databasen är redo (${driver}).`);
    // While there is no administrator: the one-time code for /forsta-start, on the console and in a file.
    const { prepareFirstAdmin } = await import('./auth/first-admin');
    await prepareFirstAdmin(db, readEnv());
  } catch (err) {
    // The server still starts: pages show a Swedish error and /api/health answers 503 until it can connect.
    console.error(`Trygghetsläget: databasen kunde inte öppnas: ${describeDbError(err)}`);
  }
  if (env.KOLADA_REFRESH) {
    // KOLADA_REFRESH=daily|weekly: fetch from Kolada inside the server; an advisory lock keeps it to one server at a time.
    const { startKoladaSchedule } = await import('./kolada/schedule');
    startKoladaSchedule(getDb, env.KOLADA_REFRESH);
    console.log(`Trygghetsläget: hämtar från Kolada ${env.KOLADA_REFRESH === 'daily' ? 'dagligen' : 'varje vecka'} (KOLADA_REFRESH).`);
  }
}
