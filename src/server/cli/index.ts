import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { basename } from 'node:path';
import { loadConfig } from '../config.js';
import { databaseOptionsFromConfig, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { AppError } from '../http/app-error.js';
import { issueSetPasswordLink } from '../modules/auth/auth.service.js';
import { createCredentialFromCli, LRS_CREDENTIALS_USAGE, parseCredentialArgs } from '../modules/lrs/admin/lrs-credentials.cli.js';
import { importRegistryFile } from '../modules/registry/registry.service.js';

// `npm run cli -- <command> [args]`: operations that need no browser. Works on
// the embedded database and on DATABASE_URL alike.
const COMMANDS: Record<string, { usage: string; run: (args: string[]) => Promise<unknown> }> = {
  'registry:import': {
    usage: 'registry:import <file.json|file.csv>   load an official municipality list (NO, SE or DK)',
    run: async ([file]) => {
      if (!file) throw new Error('give the file to import');
      return withDatabase((db) => importRegistryFile(db, { userId: null, label: 'cli' }, basename(file), readFileSync(file)));
    },
  },
  'platform-admin:create': {
    usage: 'platform-admin:create <email> [display name]   first administrator of an empty installation; prints a set-password link',
    run: async ([email, ...name]) => {
      if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error('give the e-mail address of the administrator');
      const config = loadConfig();
      return withDatabase(async (db) => {
        const user =
          (await db.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst()) ??
          (await db.insertInto('users').values({ email: email.toLowerCase(), display_name: name.join(' ') || email }).returning('id').executeTakeFirstOrThrow());
        await db
          .insertInto('role_grants')
          .values({ user_id: user.id, role: 'platform_admin', scope_type: 'platform' })
          .onConflict((oc) => oc.doNothing())
          .execute();
        const link = await issueSetPasswordLink({ db, config }, user.id, 24 * 3600_000);
        return { userId: user.id, email, setPasswordLink: link };
      });
    },
  },
  'lrs:credentials': {
    usage: LRS_CREDENTIALS_USAGE,
    run: async (args) => {
      const parsed = parseCredentialArgs(args);
      const config = loadConfig();
      return withDatabase((db) => createCredentialFromCli(db, config.publicUrl, parsed));
    },
  },
};

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseOptionsFromConfig(loadConfig()));
  try {
    await migrateToLatest(database.db);
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  console.error(`usage: npm run cli -- <command>\n\n${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n')}`);
  process.exit(name ? 2 : 0);
}
try {
  console.log(JSON.stringify(await command.run(args)));
} catch (err) {
  if (err instanceof AppError) console.error(JSON.stringify({ error: { code: err.code, message: err.message, details: err.details } }));
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
