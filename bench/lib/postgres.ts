import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type ScratchPostgres =
  | { ok: true; url: string; name: string; server: string; drop: () => Promise<void> }
  | { ok: false; reason: string };

/** The URL with any password masked, for printing. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Creates a throw-away database `mestring_bench_<random>` (or `options.name`,
 * which must start with `mestring_bench_`; a leftover of that name from an
 * interrupted run is dropped first) on the server of DATABASE_URL (or the local
 * default) so that a benchmark never writes into a real database. `ok: false`
 * when no server answers or it refuses CREATE DATABASE.
 */
export async function createScratchPostgres(
  serverUrl: string = process.env.DATABASE_URL || DEFAULT_POSTGRES_URL,
  options: { name?: string } = {},
): Promise<ScratchPostgres> {
  if (options.name !== undefined && !/^mestring_bench_[a-z0-9_]+$/.test(options.name)) throw new Error(`scratch database name "${options.name}" must match mestring_bench_[a-z0-9_]+`);
  const server = redactUrl(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    await admin.end().catch(() => undefined);
    return { ok: false, reason: `could not connect to PostgreSQL at ${server} (${errorText(err)})` };
  }
  const name = options.name ?? `mestring_bench_${randomBytes(4).toString('hex')}`;
  try {
    if (options.name) await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } catch (err) {
    await admin.end().catch(() => undefined);
    return { ok: false, reason: `PostgreSQL at ${server} refused to create a scratch database (${errorText(err)}); the role needs CREATEDB` };
  }
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    ok: true,
    url: url.href,
    name,
    server,
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

function errorText(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return err.errors.map(errorText).join('; ');
  if (err instanceof Error) return (err as Error & { code?: string }).code ? `${(err as Error & { code?: string }).code}: ${err.message}` : err.message;
  return String(err);
}
