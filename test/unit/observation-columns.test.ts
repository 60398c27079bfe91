import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { OBSERVATION_COLUMNS } from '@/lib/db/observation-columns';
import { observations } from '@/lib/db/schema';
import { STAGING_COLUMNS } from '@/lib/import/stage';

/** Written by the import and seed themselves, not taken from a file. */
const BOOKKEEPING = ['id', 'is_example', 'import_id', 'updated_at'];

describe('the observation record defined once', () => {
  it('lists every column of the observations table in schema.ts, with its SQL type and nullability', () => {
    const schema = Object.entries(getTableColumns(observations))
      .filter(([, c]) => !BOOKKEEPING.includes(c.name))
      .map(([field, c]) => ({ name: c.name, field, type: c.getSQLType(), notNull: c.notNull }));
    expect(OBSERVATION_COLUMNS.map(({ name, field, type, notNull }) => ({ name, field, type, notNull }))).toEqual(schema);
  });

  it('stages the same columns, behind the file row number', () => {
    expect(STAGING_COLUMNS).toEqual([
      'row',
      ...Object.values(getTableColumns(observations))
        .map((c) => c.name)
        .filter((n) => !BOOKKEEPING.includes(n)),
    ]);
  });
});
