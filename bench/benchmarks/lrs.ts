import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrator.js';
import { buildApp } from '../../src/server/http/app.js';
import { BackgroundJobs } from '../../src/server/jobs/background.js';
import { createMailer } from '../../src/server/mail/mailer.js';
import { insertCredential } from '../../src/server/modules/lrs/lrs-credentials.repository.js';
import { insertStatements } from '../../src/server/modules/lrs/statements.repository.js';
import { prepareForStore } from '../../src/server/modules/lrs/xapi/statement-format.js';
import { indexStatement } from '../../src/server/modules/lrs/xapi/statement-index.js';
import { onInterrupt } from '../lib/cleanup.js';
import { createScratchPostgres } from '../lib/postgres.js';
import type { Figure } from '../lib/results.js';

// lrs: statement ingest over HTTP (batches of 1, 10 and 100, from a separate
// process on 127.0.0.1) against raw batched INSERTs of the same rows into the
// same table (4 connections on PostgreSQL, PGlite's one), and the p95 of a
// filtered GET /xapi/statements (verb + since) with 1,000,000 stored statements
// on PostgreSQL. --quick: 2-second runs and 50,000 statements, not written.

const WORKER = fileURLToPath(new URL('../load/http-worker.mjs', import.meta.url));
const BATCHES = [1, 10, 100] as const;
const CONNECTIONS = 8;
const RAW_CONNECTIONS = { pg: 4, pglite: 1 } as const;
const VERBS = ['completed', 'attempted', 'passed', 'failed', 'experienced', 'answered', 'launched', 'initialized', 'terminated', 'progressed', 'scored', 'commented'].map((v) => `http://adlnet.gov/expapi/verbs/${v}`);

type Backend = 'pg' | 'pglite';
type WorkerResult = { requests: number; ok: number; errors: number; non2xx: number; statusCodes: Record<string, number>; seconds: number; latency: { p50: number; p95: number; p99: number; max: number; mean: number } };

const log = (msg: string) => console.log(`[lrs] ${msg}`);

function httpLoad(options: { url: string; method?: string; headers?: Record<string, string>; body?: string; duration: number; connections: number }): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`load worker failed (${code}): ${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as WorkerResult);
    });
  });
}

/** A realistic statement from an e-learning course, without id (the LRS assigns it). */
function sampleStatement(i: number) {
  return {
    actor: { objectType: 'Agent', name: `Ansatt ${i}`, account: { homePage: 'http://127.0.0.1', name: randomUUID() } },
    verb: { id: VERBS[i % VERBS.length]!, display: { 'nb-NO': 'fullførte', 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: `http://127.0.0.1/xapi/activities/packages/taushetsplikt/lesson-${i % 12}`,
      definition: { name: { 'nb-NO': `Leksjon ${i % 12}`, 'en-US': `Lesson ${i % 12}` }, type: 'http://adlnet.gov/expapi/activities/lesson' },
    },
    result: { completion: true, success: i % 3 !== 0, score: { scaled: 0.8, raw: 8, min: 0, max: 10 }, duration: 'PT12M30S' },
    context: { registration: randomUUID(), contextActivities: { parent: [{ id: 'http://127.0.0.1/xapi/activities/packages/taushetsplikt' }] }, platform: 'Mestring', language: 'nb-NO' },
    timestamp: new Date().toISOString(),
  };
}

export async function run(args: string[]): Promise<Figure[]> {
  const quick = args.includes('--quick');
  const figures: Figure[] = [];
  const tmp = mkdtempSync(join(os.tmpdir(), 'mestring-bench-lrs-'));
  const removeTmp = () => rmSync(tmp, { recursive: true, force: true });
  const forgetTmp = onInterrupt(removeTmp);
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: join(tmp, 'pglite') });
    try {
      figures.push(...(await measure('pglite', database, quick)));
    } finally {
      await database.close();
    }
  } finally {
    forgetTmp();
    removeTmp();
  }
  const scratch = await createScratchPostgres();
  if (!scratch.ok) {
    log(`NOTE: PostgreSQL figures skipped: ${scratch.reason}`);
    return figures;
  }
  const forget = onInterrupt(() => scratch.drop());
  try {
    const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 10 });
    try {
      figures.push(...(await measure('pg', database, quick)));
    } finally {
      await database.close();
    }
  } finally {
    forget();
    await scratch.drop().catch((err) => log(`WARNING: could not drop ${scratch.name}: ${String(err)}`));
  }
  return figures;
}

async function measure(backend: Backend, database: Database, quick: boolean): Promise<Figure[]> {
  const figures: Figure[] = [];
  const seconds = quick ? 2 : 10;
  await migrateToLatest(database.db);
  const m = await database.db.insertInto('municipalities').values({ country: 'NO', code: '9980', name: 'Benkvik', population: 20000 }).returning('id').executeTakeFirstOrThrow();
  const credential = await insertCredential(database.db, m.id, 'Benchmark', null);
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'never', HOST: '127.0.0.1', PORT: '0', PUBLIC_URL: 'http://127.0.0.1' });
  const deps = {
    db: database.db,
    config,
    mailer: createMailer({ from: 'x', log: () => {} }),
    jobs: new BackgroundJobs(console),
    log: { info: () => {}, error: (obj: unknown, msg?: string) => console.error(`[server] ${msg ?? ''}`, obj) },
  };
  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const headers = {
    authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`,
    'x-experience-api-version': '1.0.3',
    'content-type': 'application/json',
  };
  let acknowledged = 0;
  try {
    for (const batch of BATCHES) {
      const body = JSON.stringify(Array.from({ length: batch }, (_, i) => sampleStatement(i)));
      const r = await httpLoad({ url: `${base}/xapi/statements`, method: 'POST', headers, body, duration: seconds, connections: CONNECTIONS });
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`ingest b${batch} on ${backend}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)}), ${r.errors} errors`);
      const perSecond = (r.ok * batch) / r.seconds;
      acknowledged += r.ok * batch;
      log(`${backend} ingest b${batch}: ${perSecond.toFixed(0)} statements/s, ${(r.ok / r.seconds).toFixed(0)} req/s, p95 ${r.latency.p95} ms`);
      figures.push(
        { id: `ingest_stmts_per_s_${backend}_b${batch}`, value: Math.round(perSecond), unit: 'statements/s' },
        { id: `ingest_p95_ms_${backend}_b${batch}`, value: r.latency.p95, unit: 'ms' },
      );
    }
  } finally {
    await app.close();
  }
  const stored = await database.db.selectFrom('xapi_statements').select(sql<number>`count(*)`.as('n')).where('municipality_id', '=', m.id).executeTakeFirstOrThrow();
  if (Number(stored.n) !== acknowledged) throw new Error(`${backend}: ${acknowledged} statements acknowledged but ${stored.n} stored`);

  const raw = await rawInsert(backend, database, m.id, credential.id, seconds);
  log(`${backend} raw INSERT b100 (${RAW_CONNECTIONS[backend]} connection${RAW_CONNECTIONS[backend] > 1 ? 's' : ''}): ${raw.perSecond.toFixed(0)} statements/s, p95 ${raw.p95.toFixed(1)} ms`);
  const b100 = figures.find((f) => f.id === `ingest_stmts_per_s_${backend}_b100`)!.value;
  figures.push(
    { id: `raw_insert_stmts_per_s_${backend}_b100`, value: Math.round(raw.perSecond), unit: 'statements/s' },
    { id: `raw_insert_p95_ms_${backend}_b100`, value: Math.round(raw.p95 * 10) / 10, unit: 'ms' },
    { id: `ingest_ratio_${backend}_b100`, value: Math.round((b100 / raw.perSecond) * 1000) / 1000, unit: 'ratio' },
  );
  if (backend === 'pg') figures.push(...(await filteredGet(database, deps, m.id, headers, quick)));
  return figures;
}

/**
 * The same rows the LRS writes, INSERTed in batches of 100 with no HTTP,
 * validation or transaction around them, in two forms: a multi-row VALUES
 * with bind parameters, and the LRS's own statement (the rows as one JSON
 * parameter, unpacked by jsonb_to_recordset). The faster form is the baseline.
 */
async function rawInsert(backend: Backend, database: Database, municipalityId: string, credentialId: string, seconds: number) {
  const authority = { objectType: 'Agent', account: { homePage: 'http://127.0.0.1/xapi', name: 'bench' } };
  // Rows are built once (the LRS's own preparation and index extraction); each
  // INSERT only gives them fresh primary keys, so the timing is the database's.
  const stored = new Date().toISOString();
  const prepared = Array.from({ length: 100 }, (_, i) => {
    const statement = prepareForStore(sampleStatement(i), { id: randomUUID(), stored, authority, version: '1.0.3' }) as Record<string, unknown>;
    return { statement, index: indexStatement(statement) };
  });
  const valuesRows = prepared.map(({ statement, index: ix }) => ({
    municipality_id: municipalityId,
    stored,
    verb_id: ix.verbId,
    registration: ix.registration,
    agent_keys: ix.agentKeys,
    related_agent_keys: ix.relatedAgentKeys,
    activity_ids: ix.activityIds,
    related_activity_ids: ix.relatedActivityIds,
    ref_target: ix.refTarget,
    voids: ix.voids,
    statement: JSON.stringify(statement),
    attachment_hashes: ix.attachmentHashes,
    credential_id: credentialId,
  }));
  const forms = {
    values: () => database.db.insertInto('xapi_statements').values(valuesRows.map((row) => ({ ...row, id: randomUUID() }))).execute(),
    json: () => insertStatements(database.db, municipalityId, prepared.map((p) => ({ id: randomUUID(), stored, statement: p.statement, index: p.index, credentialId }))),
  };
  const results: Record<string, { perSecond: number; p95: number }> = {};
  for (const [form, insert] of Object.entries(forms)) {
    const latencies: number[] = [];
    let rows = 0;
    const endAt = performance.now() + (seconds * 1000) / 2;
    const loop = async () => {
      while (performance.now() < endAt) {
        const t0 = performance.now();
        await insert();
        latencies.push(performance.now() - t0);
        rows += 100;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: RAW_CONNECTIONS[backend] }, loop));
    latencies.sort((a, b) => a - b);
    results[form] = { perSecond: rows / ((performance.now() - started) / 1000), p95: latencies[Math.ceil(0.95 * latencies.length) - 1] ?? 0 };
    log(`${backend} raw INSERT b100 as ${form}: ${results[form]!.perSecond.toFixed(0)} statements/s`);
  }
  return results.values!.perSecond >= results.json!.perSecond ? results.values! : results.json!;
}

/** Fills the store to 1M statements (a year of a large municipality), then measures GET ?verb&since. */
async function filteredGet(database: Database, deps: Parameters<typeof buildApp>[0], municipalityId: string, headers: Record<string, string>, quick: boolean): Promise<Figure[]> {
  const target = quick ? 50_000 : 1_000_000;
  const have = Number((await database.db.selectFrom('xapi_statements').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const chunk = 100_000;
  let t = performance.now();
  for (let done = have; done < target; done += chunk) {
    const n = Math.min(chunk, target - done);
    // Spread over a year, 12 verbs, 40,000 people, 400 activities.
    await sql`insert into xapi_statements (municipality_id, id, stored, verb_id, agent_keys, related_agent_keys, activity_ids, related_activity_ids, statement)
      select ${municipalityId}::uuid, gen_random_uuid(), now() - ((i::float / ${target}) * interval '365 days'),
        (${sql.lit(`{${VERBS.join(',')}}`)}::text[])[1 + i % 12],
        array['account:http://127.0.0.1|person-' || (i % 40000)], array['account:http://127.0.0.1|person-' || (i % 40000), 'account:http://127.0.0.1/xapi|bench'],
        array['http://127.0.0.1/xapi/activities/a' || (i % 400)], array['http://127.0.0.1/xapi/activities/a' || (i % 400), 'http://127.0.0.1/xapi/activities/course'],
        jsonb_build_object('id', gen_random_uuid(), 'actor', jsonb_build_object('objectType', 'Agent', 'account', jsonb_build_object('homePage', 'http://127.0.0.1', 'name', 'person-' || (i % 40000))),
          'verb', jsonb_build_object('id', (${sql.lit(`{${VERBS.join(',')}}`)}::text[])[1 + i % 12]),
          'object', jsonb_build_object('objectType', 'Activity', 'id', 'http://127.0.0.1/xapi/activities/a' || (i % 400)),
          'result', jsonb_build_object('completion', true, 'score', jsonb_build_object('scaled', 0.8)),
          'stored', now(), 'timestamp', now(), 'version', '1.0.0')
      from generate_series(${done + 1}::int, ${done + n}::int) as i`.execute(database.db);
    log(`pg: ${done + n} of ${target} statements stored`);
  }
  await sql`analyze xapi_statements`.execute(database.db);
  log(`pg: filled to ${target} statements in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const since = new Date(Date.now() - 7 * 86400_000).toISOString();
    const url = `${base}/xapi/statements?verb=${encodeURIComponent(VERBS[0]!)}&since=${encodeURIComponent(since)}`;
    const check = await fetch(url, { headers });
    const page = (await check.json()) as { statements: unknown[] };
    if (check.status !== 200 || page.statements.length === 0) throw new Error(`filtered GET returned ${check.status} with ${page.statements?.length} statements`);
    t = performance.now();
    const r = await httpLoad({ url, headers, duration: quick ? 2 : 10, connections: 4 });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`filtered GET: ${r.non2xx} non-2xx, ${r.errors} errors`);
    log(`pg: GET verb+since at ${target} statements: p95 ${r.latency.p95} ms, ${(r.ok / r.seconds).toFixed(0)} req/s, ${page.statements.length} statements per page`);
    return [
      { id: 'get_filtered_p95_ms_pg', value: r.latency.p95, unit: 'ms' },
      { id: 'get_filtered_req_per_s_pg', value: Math.round(r.ok / r.seconds), unit: 'req/s' },
      { id: 'stored_statements_pg', value: target, unit: 'statements' },
    ];
  } finally {
    await app.close();
  }
}
