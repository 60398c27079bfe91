/** Runs once when the server starts: open, migrate and (on an empty database) seed before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDb } = await import('./lib/db');
  const { describeDbError } = await import('./lib/db/errors');
  try {
    const { driver } = await getDb();
    console.log(`Trygghetsläget: databasen är redo (${driver}).`);
  } catch (err) {
    // The server still starts: pages show a Swedish error and /api/health answers 503 until it can connect.
    console.error(`Trygghetsläget: databasen kunde inte öppnas: ${describeDbError(err)}`);
  }
}
