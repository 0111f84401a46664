import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type PackageS3Config } from '../../../config.js';

// For tests only: a real S3-compatible server to run the S3 storage against.
// By default s3rver (an S3 implementation in Node) on 127.0.0.1 with a random
// port and a temporary folder. With S3_TEST_ENDPOINT, S3_TEST_BUCKET,
// S3_TEST_ACCESS_KEY_ID and S3_TEST_SECRET_ACCESS_KEY set (optionally
// S3_TEST_REGION, S3_TEST_FORCE_PATH_STYLE), the same tests run against that
// server instead (MinIO, Ceph, AWS…), each run under its own random prefix.

export type S3TestTarget = {
  /** 's3rver' or the external endpoint, for test names. */
  name: string;
  /** Settings for the bucket, with a prefix of this run's own. */
  settings: PackageS3Config;
  /** Settings whose access key the server does not know. */
  badCredentials: PackageS3Config;
  /** Settings naming a bucket that does not exist. */
  missingBucket: PackageS3Config;
  close: () => Promise<void>;
};

const S3RVER_BUCKET = 'mestring-test';
// s3rver's built-in account; it checks that the access key exists but not V4 signatures.
const S3RVER_KEY = 'S3RVER';

export async function startS3Target(): Promise<S3TestTarget> {
  const runPrefix = `mestring-test-${randomUUID()}`;
  const external = process.env.S3_TEST_ENDPOINT;
  if (external) {
    const env = {
      NODE_ENV: 'test',
      S3_ENDPOINT: external,
      S3_BUCKET: process.env.S3_TEST_BUCKET,
      S3_ACCESS_KEY_ID: process.env.S3_TEST_ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: process.env.S3_TEST_SECRET_ACCESS_KEY,
      S3_REGION: process.env.S3_TEST_REGION,
      S3_FORCE_PATH_STYLE: process.env.S3_TEST_FORCE_PATH_STYLE,
      S3_PREFIX: runPrefix,
    };
    const settings = s3Settings(env);
    return {
      name: external,
      settings,
      badCredentials: { ...settings, accessKeyId: `MESTRINGNOSUCHKEY${randomUUID().slice(0, 8).toUpperCase()}`, secretAccessKey: 'not-the-secret' },
      missingBucket: { ...settings, bucket: `mestring-missing-${randomUUID().slice(0, 8)}` },
      close: async () => {},
    };
  }
  const directory = await mkdtemp(join(tmpdir(), 'mestring-s3rver-'));
  const server = await startS3rver(directory);
  const port = server.port;
  const settings = s3Settings({
    NODE_ENV: 'test',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: S3RVER_BUCKET,
    S3_ACCESS_KEY_ID: S3RVER_KEY,
    S3_SECRET_ACCESS_KEY: S3RVER_KEY,
    S3_PREFIX: runPrefix,
  });
  return {
    name: 's3rver',
    settings,
    badCredentials: { ...settings, accessKeyId: 'NOT-AN-S3RVER-KEY', secretAccessKey: 'wrong' },
    missingBucket: { ...settings, bucket: 'mestring-missing' },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

// s3rver makes ListObjectsV2 continuation tokens with DES, which OpenSSL 3
// only offers through its legacy provider, so it runs in its own Node process
// started with that flag (and this process's crypto stays as it is).
const S3RVER_MAIN = `
const S3rver = require(process.argv[1]);
new S3rver({ address: '127.0.0.1', port: 0, directory: process.argv[2], silent: true, configureBuckets: [{ name: process.argv[3] }] })
  .run()
  .then(({ port }) => process.stdout.write(JSON.stringify({ port }) + '\\n'), (err) => { console.error(err); process.exit(1); });
`;

async function startS3rver(directory: string): Promise<{ port: number; close: () => Promise<void> }> {
  const entry = createRequire(import.meta.url).resolve('s3rver');
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', S3RVER_MAIN, entry, directory, S3RVER_BUCKET], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => child.kill();
  process.once('exit', stop);
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n')[0];
      if (output.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited with code ${code} before listening`)));
    child.once('error', reject);
  });
  return {
    port,
    close: async () => {
      process.off('exit', stop);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill();
        await exited;
      }
    },
  };
}

/** A loopback port that nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function s3Settings(env: Record<string, string | undefined>): PackageS3Config {
  const settings = loadConfig(env).packageS3;
  if (!settings) throw new Error('the S3 test settings were not taken as S3 configuration');
  return settings;
}
