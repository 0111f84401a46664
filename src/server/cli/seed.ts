import { seedDemo } from '../../../seeds/seed-demo.js';
import { loadConfig } from '../config.js';
import { databaseOptionsFromConfig, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { ensureBuiltInFrameworks } from '../modules/frameworks/frameworks.service.js';

const config = loadConfig();
const SCENARIOS: Record<string, (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<unknown>> = { demo: (db) => seedDemo(db, { config }) };

const name = process.argv[2] ?? 'demo';
const scenario = SCENARIOS[name];
if (!scenario) {
  console.error(`unknown scenario "${name}"; choose one of: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
const database = await openDatabase(databaseOptionsFromConfig(config));
try {
  await migrateToLatest(database.db);
  await ensureBuiltInFrameworks(database.db);
  await scenario(database.db);
  console.log(`seeded scenario "${name}"`);
} finally {
  await database.close();
}
