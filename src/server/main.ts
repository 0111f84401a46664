import { seedDemo } from '../../seeds/seed-demo.js';
import { loadConfig } from './config.js';
import { databaseOptionsFromConfig, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { buildApp } from './http/app.js';
import { redactedRequest } from './http/log-redaction.js';
import { BackgroundJobs } from './jobs/background.js';
import { createMailer } from './mail/mailer.js';
import { ensureBuiltInFrameworks } from './modules/frameworks/frameworks.service.js';
import { resumeUnfinishedImports } from './modules/people/people-import.service.js';
import { startLearningReminderSweep } from './modules/learning/assignments/reminders.sweep.js';
import { startResultsSweep } from './modules/results/results.sweep.js';

// Composition root: config → database → migrations → seed → app → jobs → listen.
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(databaseOptionsFromConfig(config));
  const applied = await migrateToLatest(database.db);
  const app0Log = (msg: string) => console.log(`[mestring] ${msg}`);
  if (applied.length > 0) app0Log(`applied migrations: ${applied.join(', ')}`);
  await ensureBuiltInFrameworks(database.db);
  if (config.seedDemo) {
    const empty = !(await database.db.selectFrom('municipalities').select('id').limit(1).executeTakeFirst());
    if (empty) {
      await seedDemo(database.db, { config });
      app0Log('empty database: loaded the demo scenario (see README for the demo logins)');
    }
  }
  let app: Awaited<ReturnType<typeof buildApp>>;
  const log = { info: (o: unknown, m?: string) => app.log.info(o, m), error: (o: unknown, m?: string) => app.log.error(o, m) };
  const jobs = new BackgroundJobs(log);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: (m) => app.log.info(m) });
  const deps = { db: database.db, config, mailer, jobs, log };
  app = await buildApp(deps, { logger: { level: config.logLevel, serializers: { req: redactedRequest } } });
  await resumeUnfinishedImports(deps);
  const stopSweep = startResultsSweep(deps);
  const stopReminders = startLearningReminderSweep(deps);
  await app.listen({ port: config.port, host: config.host });
  app0Log(`Mestring is running at ${config.publicUrl} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    stopSweep();
    stopReminders();
    await app.close();
    await jobs.drain();
    mailer.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
