import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl, TEMPLATE_DB } from '../../../../test/db-names.js';
import { buildTenant, createPerson } from '../../../../test/factories.js';
import { withDatabase } from '../../../../test/global-setup.js';
import { backend, openTestDatabase } from '../../../../test/test-db.js';
import { loadConfig } from '../../config.js';
import { openDatabase, type Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { RequestContext } from '../../http/context.js';
import { BackgroundJobs } from '../../jobs/background.js';
import { AppError } from '../../http/app-error.js';
import * as assessments from './assessments.service.js';
import { COMPLETE_ANSWERS, insertCampaign, invite, starterVersion } from './mapping.fixtures.js';

// Simultaneous submissions of one invitation, and of one anonymous campaign, on
// separate connections. On PostgreSQL this needs a pool of several connections;
// the database is closed here with care (waiting for those connections to end
// before dropping it), so the test cannot trip over its own teardown.

let database: Database;
let close: () => Promise<void>;

async function ownPostgres(): Promise<{ database: Database; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL!;
  const name = `mestring_test_${randomBytes(6).toString('hex')}`;
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const c = new pg.Client({ connectionString: adminUrl(url) });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  await admin((c) => c.query(`create database ${name} template ${TEMPLATE_DB}`));
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 4 });
  return {
    database: db,
    close: async () => {
      await db.close();
      await admin(async (c) => {
        for (let i = 0; i < 200; i++) {
          const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        await c.query(`drop database if exists ${name}`);
      });
    },
  };
}

beforeAll(async () => {
  if (backend === 'postgres') ({ database, close } = await ownPostgres());
  else {
    const d = await openTestDatabase();
    database = d;
    close = d.close;
  }
  await starterVersion(database.db);
});
afterAll(() => close());

function ctx(db: Kysely<DB>): RequestContext {
  const log = { info: () => {}, error: () => {} };
  return {
    db,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    mailer: { send: async () => {}, close: () => {} },
    jobs: new BackgroundJobs(log),
    log,
    principal: null,
    requestId: 'race',
    ip: '192.0.2.1',
    userAgent: null,
  };
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'submitted',
    (err) => (err instanceof AppError ? `${err.code}:${(err.details as { reason?: string } | undefined)?.reason}` : String(err)),
  );

describe(`simultaneous submissions (${backend})`, () => {
  it('lets one of two submissions of the same invitation through, the other gets ALREADY_SUBMITTED', async () => {
    const db = database.db;
    const tenant = await buildTenant(db);
    const m = tenant.municipality.id;
    const campaignId = await insertCampaign(db, m, { mode: 'anonymous' });
    const [inv] = await invite(db, m, campaignId, [tenant.people.inTeam.id]);
    await assessments.saveAnswers(ctx(db), inv!.token, { answers: COMPLETE_ANSWERS });
    const results = await Promise.all([outcome(assessments.submit(ctx(db), inv!.token, undefined)), outcome(assessments.submit(ctx(db), inv!.token, undefined))]);
    expect(results.sort()).toEqual(['CONFLICT:ALREADY_SUBMITTED', 'submitted']);
    expect(await db.selectFrom('anonymous_responses').select('id').where('campaign_id', '=', campaignId).execute()).toHaveLength(1);
  });

  it('keeps every response when many people of one anonymous campaign submit at once', async () => {
    const db = database.db;
    const tenant = await buildTenant(db);
    const m = tenant.municipality.id;
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await createPerson(db, m, tenant.units.unit.id));
    const campaignId = await insertCampaign(db, m, { mode: 'anonymous' });
    const invited = await invite(db, m, campaignId, people.map((p) => p.id));
    for (const i of invited) await assessments.saveAnswers(ctx(db), i.token, { answers: COMPLETE_ANSWERS });
    const results = await Promise.all(invited.map((i) => outcome(assessments.submit(ctx(db), i.token, undefined))));
    expect(results).toEqual(invited.map(() => 'submitted'));
    const rows = await db.selectFrom('anonymous_responses').select('id').where('campaign_id', '=', campaignId).execute();
    expect(rows).toHaveLength(6);
  });
});
