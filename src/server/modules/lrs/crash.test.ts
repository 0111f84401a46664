// "An acknowledged statement is never lost": a real server process takes
// statements from concurrent clients and is killed with SIGKILL in the middle
// of the stream. Every statement id the server answered 200 for must be in the
// database afterwards. On PGlite this exercises the WAL flush before the
// acknowledgement (db/pglite); on PostgreSQL, commit-before-reply.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { adminUrl, TEMPLATE_DB } from '../../../../test/db-names.js';
import { withDatabase } from '../../../../test/global-setup.js';
import { backend } from '../../../../test/test-db.js';
import { openDatabase, type Database, type DatabaseOptions } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrator.js';
import { insertCredential } from './lrs-credentials.repository.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Where the server under test keeps its data, and how the test opens it itself. */
async function prepareStore(): Promise<{ options: DatabaseOptions; env: Record<string, string> }> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'mestring-lrs-crash-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { options: { kind: 'pglite', dataDir: join(dir, 'pglite') }, env: { MESTRING_DATA_DIR: dir, DATABASE_URL: '' } };
  }
  const url = process.env.DATABASE_URL!;
  const name = `mestring_crash_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  cleanups.push(async () => {
    const drop = new pg.Client({ connectionString: adminUrl(url) });
    await drop.connect();
    await drop.query(`drop database if exists ${name} with (force)`);
    await drop.end();
  });
  return { options: { kind: 'postgres', url: withDatabase(url, name), poolSize: 2 }, env: { DATABASE_URL: withDatabase(url, name) } };
}

async function waitForHealth(base: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start:\n${log()}`);
}

describe(`LRS crash safety (${backend})`, () => {
  it('keeps every statement acknowledged before a SIGKILL of the server', async () => {
    const { options, env } = await prepareStore();
    let database: Database = await openDatabase(options);
    await migrateToLatest(database.db);
    const m = await database.db.insertInto('municipalities').values({ country: 'NO', code: '9990', name: 'Krasjvik', population: 1000 }).returning('id').executeTakeFirstOrThrow();
    const credential = await insertCredential(database.db, m.id, 'Crash test', null);
    await database.close(); // PGlite: one process at a time owns the data directory

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'never', LOG_LEVEL: 'warn', NODE_ENV: 'production', PUBLIC_URL: base },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => void child.kill('SIGKILL'));
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await waitForHealth(base, child, () => output);

    const headers = {
      authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`,
      'x-experience-api-version': '1.0.3',
      'content-type': 'application/json',
    };
    const acknowledged: string[] = [];
    let killed = false;
    const client = async () => {
      while (!killed) {
        const batch = Array.from({ length: 10 }, () => ({
          id: randomUUID(),
          actor: { mbox: `mailto:${randomUUID()}@krasjvik.example` },
          verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
          object: { id: 'http://mestring.example/activities/crash' },
        }));
        try {
          const res = await fetch(`${base}/xapi/statements`, { method: 'POST', headers, body: JSON.stringify(batch) });
          if (res.status === 200) acknowledged.push(...((await res.json()) as string[]));
        } catch {
          // the connection died with the server: this batch was never acknowledged
        }
      }
    };
    const clients = Array.from({ length: 6 }, client);
    // Kill once a good number of batches have been acknowledged, mid-stream.
    const deadline = Date.now() + 30_000;
    while (acknowledged.length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    killed = true;
    await Promise.all(clients);
    await new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
    expect(acknowledged.length, output).toBeGreaterThanOrEqual(300);

    database = await openDatabase(options);
    cleanups.push(() => database.close());
    const found = new Set<string>();
    for (let i = 0; i < acknowledged.length; i += 500) {
      const rows = await database.db.selectFrom('xapi_statements').select('id').where('municipality_id', '=', m.id).where('id', 'in', acknowledged.slice(i, i + 500)).execute();
      for (const r of rows) found.add(r.id);
    }
    const lost = acknowledged.filter((id) => !found.has(id));
    expect(lost, `${lost.length} acknowledged statements lost`).toEqual([]);
  }, 180_000);
});
