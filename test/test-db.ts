import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { adminUrl, TEMPLATE_DB } from './db-names.js';
import { withDatabase } from './global-setup.js';

export type TestDatabase = Database & { backend: 'pglite' | 'postgres' };

/** The backend under test: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export const backend: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** A fresh, migrated database for one test file. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await migrateToLatest(database.db);
    return { ...database, backend: 'pglite' };
  }
  const name = `mestring_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 5 });
  return {
    ...database,
    backend: 'postgres',
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: adminUrl(url) });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
