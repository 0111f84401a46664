import { loadConfig } from '../config.js';
import { databaseOptionsFromConfig, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';

const database = await openDatabase(databaseOptionsFromConfig(loadConfig()));
try {
  const applied = await migrateToLatest(database.db);
  console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'the database is up to date');
} finally {
  await database.close();
}
