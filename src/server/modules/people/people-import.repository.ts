import type { TenantTx } from '../../db/tenant.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export function findImport(tx: TenantTx | Kysely<DB>, municipalityId: string, importId: string) {
  return tx
    .selectFrom('people_imports')
    .select(['id', 'file_name', 'format', 'status', 'progress_done', 'progress_total', 'rows', 'errors', 'file_errors', 'summary', 'created_at', 'committed_at', 'created_by'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', importId)
    .executeTakeFirst();
}

export type ImportRecord = NonNullable<Awaited<ReturnType<typeof findImport>>>;

export function loadImportFile(db: Kysely<DB>, municipalityId: string, importId: string) {
  return db
    .selectFrom('people_imports')
    .select(['file_name', 'file_data'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', importId)
    .executeTakeFirstOrThrow();
}

export async function updateImport(
  db: Kysely<DB> | TenantTx,
  municipalityId: string,
  importId: string,
  set: Partial<{ status: string; format: string | null; progress_done: number; progress_total: number; rows: string; errors: string; file_errors: string; summary: string; committed_at: Date }>,
) {
  await db.updateTable('people_imports').set({ ...set, updated_at: new Date() }).where('municipality_id', '=', municipalityId).where('id', '=', importId).execute();
}

/** Imports left unfinished by a stopped server: their uploads are kept, so the work can be redone. */
export function unfinishedImports(db: Kysely<DB>) {
  return db.selectFrom('people_imports').select(['municipality_id', 'id', 'status']).where('status', 'in', ['parsing', 'committing']).execute();
}
