import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { municipalityByCode, parseCredentialArgs } from '../modules/lrs/admin/lrs-credentials.cli.js';
import { authenticateLrs } from '../modules/lrs/lrs-auth.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'mestring-cli-'));
// Always the embedded database here: the CLI must not write into the shared DATABASE_URL database.
const { DATABASE_URL: _ignored, ...baseEnv } = process.env;
const env = { ...baseEnv, MESTRING_DATA_DIR: dataDir };
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/server/cli/index.ts', ...args], { env, cwd: resolve('.') });
const NO_REGISTRY = resolve('../shared/data/municipalities-no.json');

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run cli', () => {
  it('imports a municipality registry CSV and refuses a bad one without changing anything', async () => {
    const good = join(dataDir, 'registry.csv');
    writeFileSync(good, 'country;code;name;population;region\nNO;9901;Solvik;3200;Testfylke\nNO;9902;Bergheim;12500;Testfylke\n');
    const first = await cli('registry:import', good);
    expect(JSON.parse(first.stdout)).toMatchObject({ inserted: 2, updated: 0 });
    const bad = join(dataDir, 'bad.csv');
    writeFileSync(bad, 'country;code;name;population;region\nNO;12;;-5;Testfylke\n');
    await expect(cli('registry:import', bad)).rejects.toMatchObject({ stderr: expect.stringContaining('IMPORT_INVALID') });
    const again = await cli('registry:import', good);
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 2 });
  }, 60_000);

  it.skipIf(!existsSync(NO_REGISTRY))('imports the official Norwegian list from ../shared (skipped where ../shared is absent)', async () => {
    const { stdout } = await cli('registry:import', NO_REGISTRY);
    expect(JSON.parse(stdout).inserted + JSON.parse(stdout).updated).toBe(357);
  }, 60_000);
});

describe('npm run cli -- platform-admin:create', () => {
  it('bootstraps the first administrator with a one-time set-password link', async () => {
    const { stdout } = await cli('platform-admin:create', 'root@mestring.example', 'Første', 'Admin');
    const out = JSON.parse(stdout);
    expect(out.email).toBe('root@mestring.example');
    expect(out.setPasswordLink).toMatch(/\/reset-password\?token=[\w-]{20,}/);
    const again = JSON.parse((await cli('platform-admin:create', 'root@mestring.example')).stdout);
    expect(again.userId).toBe(out.userId);
  }, 60_000);
});

describe('npm run cli -- lrs:credentials', () => {
  const pgliteDir = join(dataDir, 'pglite');

  /** Opens the CLI's own embedded database while no CLI process runs. */
  async function withCliDatabase<T>(fn: (db: Database['db']) => Promise<T>): Promise<T> {
    const database = await openDatabase({ kind: 'pglite', dataDir: pgliteDir });
    try {
      await migrateToLatest(database.db);
      return await fn(database.db);
    } finally {
      await database.close();
    }
  }

  it('refuses missing or unknown arguments with a clear message and a non-zero exit', async () => {
    await expect(cli('lrs:credentials', '--name', 'Kurs')).rejects.toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('give --municipality') });
    await expect(cli('lrs:credentials', '--municipality', '9901')).rejects.toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('give --name') });
    // The same checks without a process each.
    for (const [args, message] of [
      [['--municipality', '9901', '--name', '   '], 'give --name'],
      [['--municipality'], '--municipality needs a value'],
      [['--municipality', '--name', 'Kurs'], '--municipality needs a value'],
      [['--municipality', '9901', '--municipality', '9902', '--name', 'Kurs'], 'given twice'],
      [['--municipality', '9901', '--name', 'Kurs', '--secret', 'x'], 'unexpected argument "--secret"'],
    ] as const) {
      expect(() => parseCredentialArgs([...args]), args.join(' ')).toThrow(message);
    }
    expect(parseCredentialArgs(['--municipality=NO-9901', '--name', ' Kurs '])).toEqual({ municipality: 'NO-9901', name: 'Kurs' });
    // Checked before any query: no database needed.
    await expect(municipalityByCode(null as never, 'Solvik')).rejects.toThrow('is not a municipality code');
  }, 60_000);

  it('creates a credential on the embedded database and prints exactly {endpoint, key, secret}; ambiguous and unknown codes are refused', async () => {
    // The same official code in two countries, as NO and SE numbering overlap.
    await withCliDatabase(async (db) => {
      await db.insertInto('municipalities').values([{ country: 'NO', code: '9901', name: 'Solvik', population: 3200 }, { country: 'SE', code: '9901', name: 'Solvik (SE)', population: 4000 }, { country: 'NO', code: '9904', name: 'Nordvik', population: 900 }]).execute();
    });
    await expect(cli('lrs:credentials', '--municipality', '9901', '--name', 'Kurs')).rejects.toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('ambiguous') });
    await expect(cli('lrs:credentials', '--municipality', '4242', '--name', 'Kurs')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('no municipality has the code 4242') });

    const { stdout } = await cli('lrs:credentials', '--municipality', 'no-9901', '--name=Kursleverandør AS');
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const printed = JSON.parse(stdout) as Record<string, string>;
    expect(Object.keys(printed).sort()).toEqual(['endpoint', 'key', 'secret']);
    expect(printed.endpoint).toBe(`${loadConfig(env).publicUrl}/xapi`);
    const byCode = JSON.parse((await cli('lrs:credentials', '--municipality', '9904', '--name', 'Nordvik-kurs')).stdout) as Record<string, string>;
    expect(byCode.key).not.toBe(printed.key);

    await withCliDatabase(async (db) => {
      const row = await db
        .selectFrom('lrs_credentials as c')
        .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .select(['c.id', 'c.name', 'c.secret_hash', 'm.country', 'm.code'])
        .where('c.key', '=', printed.key!)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ name: 'Kursleverandør AS', country: 'NO', code: '9901' });
      expect(row.secret_hash).not.toContain(printed.secret!);
      const authorization = `Basic ${Buffer.from(`${printed.key}:${printed.secret}`).toString('base64')}`;
      expect(await authenticateLrs(db, loadConfig(env).publicUrl, authorization)).toMatchObject({ credentialId: row.id });
      expect(await authenticateLrs(db, loadConfig(env).publicUrl, `Basic ${Buffer.from(`${printed.key}:wrong`).toString('base64')}`)).toBeNull();
      const audit = await db.selectFrom('audit_events').select(['action', 'actor_label', 'after']).where('entity_id', '=', row.id).execute();
      expect(audit).toMatchObject([{ action: 'lrs_credential.create', actor_label: 'cli' }]);
      expect(JSON.stringify(audit)).not.toContain(printed.secret!);
    });
  }, 180_000);

  it.skipIf(!process.env.DATABASE_URL)('works on DATABASE_URL, migrating a fresh database first', async () => {
    const url = process.env.DATABASE_URL!;
    const name = `mestring_cli_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const pgEnv = { ...env, DATABASE_URL: target.toString() };
    const pgCli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/server/cli/index.ts', ...args], { env: pgEnv, cwd: resolve('.') });
    try {
      // An empty database: the command migrates it, then finds no such municipality.
      await expect(pgCli('lrs:credentials', '--municipality', '9901', '--name', 'Kurs')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('no municipality has the code 9901') });
      const database = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 1 });
      try {
        await database.db.insertInto('municipalities').values({ country: 'NO', code: '9901', name: 'Solvik', population: 3200 }).execute();
        const printed = JSON.parse((await pgCli('lrs:credentials', '--municipality', '9901', '--name', 'Kurs')).stdout) as Record<string, string>;
        const authorization = `Basic ${Buffer.from(`${printed.key}:${printed.secret}`).toString('base64')}`;
        expect(await authenticateLrs(database.db, loadConfig(pgEnv).publicUrl, authorization)).not.toBeNull();
      } finally {
        await database.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});
