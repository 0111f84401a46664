import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_frameworks.js';
import * as m0003 from './migrations/0003_role_profiles.js';
import * as m0004 from './migrations/0004_campaigns.js';
import * as m0005 from './migrations/0005_results.js';
import * as m0006 from './migrations/0006_lrs.js';
import * as m0007 from './migrations/0007_packages.js';
import * as m0008 from './migrations/0008_player.js';
import * as m0009 from './migrations/0009_cmi5.js';
import * as m0010 from './migrations/0010_package_version_numbers.js';
import * as m0011 from './migrations/0011_player_global_objectives.js';
import * as m0012 from './migrations/0012_learning.js';
import * as m0013 from './migrations/0013_learning_assignment_people.js';

// Listed explicitly (not read from disk) so that migrations run the same under
// tsx, vitest and a bundler. Forward-only: add a new file, never edit an old one.
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_frameworks': m0002,
  '0003_role_profiles': m0003,
  '0004_campaigns': m0004,
  '0005_results': m0005,
  '0006_lrs': m0006,
  '0007_packages': m0007,
  '0008_player': m0008,
  '0009_cmi5': m0009,
  '0010_package_version_numbers': m0010,
  '0011_player_global_objectives': m0011,
  '0012_learning': m0012,
  '0013_learning_assignment_people': m0013,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
