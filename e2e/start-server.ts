import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// The server for the browser tests, always on a fresh database: a temporary
// PGlite folder, or a new PostgreSQL database when DATABASE_URL is set, and a
// temporary data folder for stored files either way.
// It then runs the real entry point, which migrates and seeds the demo.
const url = process.env.DATABASE_URL;
if (url) {
  const name = `mestring_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // Databases of earlier runs (a killed run cannot clean up after itself).
  const stale = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'mestring_e2e_%'`);
  for (const row of stale.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  process.env.DATABASE_URL = u.toString();
}
// Package files and other stored data go to a throw-away folder on either database.
process.env.MESTRING_DATA_DIR = mkdtempSync(join(tmpdir(), 'mestring-e2e-'));
process.env.PORT ??= '3100';
process.env.LOG_LEVEL ??= 'warn';
await import('../src/server/main.js');
