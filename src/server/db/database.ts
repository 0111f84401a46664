import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PgliteWorkerDialect, PgliteWorkerHost } from './pglite/pglite-dialect.js';
import type { DB } from './schema.js';

export type Database = {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` is a folder, or `memory://` for a throw-away database. */
  | { kind: 'pglite'; dataDir: string };

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_OID = 1082;

// Both drivers return the same JavaScript types: counts (int8) and numeric as
// numbers, dates as 'YYYY-MM-DD' strings, timestamptz as Date.
const pgTypes = {
  getTypeParser(oid: number, format?: any) {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
    if (oid === DATE_OID) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types: pgTypes as any });
    // An idle client whose server connection ends (restart, admin kill) emits
    // 'error' on the pool; unhandled, that would crash the process. The pool
    // replaces the client on next use, so logging is enough.
    pool.on('error', (err) => console.error(`[mestring] idle database connection lost: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  const host = new PgliteWorkerHost(options.dataDir);
  await host.whenReady();
  const db = new Kysely<DB>({ dialect: new PgliteWorkerDialect(host) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

export function databaseOptionsFromConfig(config: { databaseUrl?: string; dataDir: string }): DatabaseOptions {
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl };
  return { kind: 'pglite', dataDir: join(config.dataDir, 'pglite') };
}
