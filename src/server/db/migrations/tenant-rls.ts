import { sql, type Kysely } from 'kysely';

// The second wall, as every tenant table gets it: the request role may use the
// table, and only on rows of the municipality its transaction is bound to.
// Later migrations call this instead of repeating the loop; do not change what
// it does (earlier migrations wrote the same statements inline).
export async function enableTenantRls(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  const tenant = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;
  for (const table of tables) {
    await sql.raw(`grant select, insert, update, delete on ${table} to mestring_app`).execute(db);
    await sql.raw(`alter table ${table} enable row level security`).execute(db);
    await sql.raw(`create policy tenant_isolation on ${table} using (${tenant}) with check (${tenant})`).execute(db);
  }
}
