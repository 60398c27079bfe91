import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { importMappings } from '../db/schema';
import { columnMappingSchema, type ColumnMapping } from './mapping';

export interface SavedMapping {
  signature: string;
  headers: string[];
  mapping: ColumnMapping;
  fileName: string;
  updatedBy: string;
  updatedAt: string;
}

/** Every saved column mapping by header signature (a kommun has a handful). A row that no longer parses is left out. */
export async function loadSavedMappings(db: Db): Promise<Map<string, SavedMapping>> {
  const rows = await db.select().from(importMappings);
  const out = new Map<string, SavedMapping>();
  for (const r of rows) {
    const m = columnMappingSchema.safeParse(r.mapping);
    if (m.success) {
      out.set(r.signature, {
        signature: r.signature,
        headers: r.headers,
        mapping: m.data,
        fileName: r.fileName,
        updatedBy: r.updatedBy,
        updatedAt: r.updatedAt.toISOString(),
      });
    }
  }
  return out;
}

/** Saves (or replaces) the mapping for a header signature; called inside the import's transaction. */
export async function saveMapping(
  tx: Db,
  m: { signature: string; headers: string[]; mapping: ColumnMapping; fileName: string; by: string },
): Promise<void> {
  await tx
    .insert(importMappings)
    .values({ signature: m.signature, headers: m.headers, mapping: m.mapping, fileName: m.fileName, updatedBy: m.by })
    .onConflictDoUpdate({
      target: importMappings.signature,
      set: { headers: m.headers, mapping: m.mapping, fileName: m.fileName, updatedBy: m.by, updatedAt: sql`now()` },
    });
}
