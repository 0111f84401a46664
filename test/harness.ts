import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../src/server/config.js';
import { buildApp, type App } from '../src/server/http/app.js';
import type { AppDeps } from '../src/server/http/context.js';
import { BackgroundJobs } from '../src/server/jobs/background.js';
import { createMailer } from '../src/server/mail/mailer.js';
import { startSmtpServer } from './smtp.js';
import { openTestDatabase, type TestDatabase } from './test-db.js';

export type TestApp = {
  app: App;
  db: TestDatabase['db'];
  database: TestDatabase;
  deps: AppDeps;
  smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  close: () => Promise<void>;
};

/** One app per test file: fresh database, real SMTP server, no listening socket (inject). */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const smtp = await startSmtpServer();
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' }), smtpUrl: smtp.url, ...overrides };
  const log = { info: () => {}, error: (o: unknown, m?: string) => console.error(m, o) };
  const mailer = createMailer({ smtpUrl: smtp.url, from: config.mailFrom, log: () => {} });
  const deps: AppDeps = { db: database.db, config, mailer, jobs: new BackgroundJobs(log), log };
  const app = await buildApp(deps, { webDir: '/nonexistent' });
  return {
    app,
    db: database.db,
    database,
    deps,
    smtp,
    close: async () => {
      await app.close();
      await deps.jobs.drain();
      mailer.close();
      await smtp.close();
      await database.close();
    },
  };
}

export type Session = { cookie: string; csrf: string };

/** Calls the API as a signed-in user (or anonymously with `session` null). */
export async function call(
  app: App,
  session: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse & { body: string; json: <T = any>() => T }> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  return (await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) })) as never;
}

export function errorCode(res: { json: () => any }): string | undefined {
  return res.json()?.error?.code;
}
