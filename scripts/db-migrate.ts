// Applies the migrations in drizzle/ to the database the environment names (DATABASE_URL or PGLITE_DIR).
import { openDbFromEnv } from '../lib/db/client';
import { describeDbError } from '../lib/db/errors';

try {
  const handle = await openDbFromEnv({ migrate: true });
  await handle.close();
  console.log(`Migreringar körda (${handle.driver}).`);
} catch (err) {
  console.error(`Kunde inte migrera databasen: ${describeDbError(err)}`);
  process.exit(1);
}
