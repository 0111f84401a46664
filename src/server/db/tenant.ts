import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';

declare const tenantBrand: unique symbol;
/** A transaction bound to one municipality: RLS shows it only that tenant's rows. */
export type TenantTx = Transaction<DB> & { readonly [tenantBrand]: string };
/** A transaction for global tables (identity, networks) and cross-tenant system work. */
export type SystemTx = Transaction<DB>;

/**
 * Runs `fn` in a transaction as the unprivileged `mestring_app` role with
 * `app.municipality_id` set, so row-level security backs up the explicit
 * municipality filters that every repository call carries.
 */
export async function withTenant<T>(db: Kysely<DB>, municipalityId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', 'mestring_app', true), set_config('app.municipality_id', ${municipalityId}, true)`.execute(trx);
    return fn(trx as TenantTx);
  });
}

export async function withSystem<T>(db: Kysely<DB>, fn: (tx: SystemTx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
