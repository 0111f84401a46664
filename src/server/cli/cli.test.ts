import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

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
