import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrator.js';
import { buildApp } from '../../src/server/http/app.js';
import { BackgroundJobs } from '../../src/server/jobs/background.js';
import { createMailer } from '../../src/server/mail/mailer.js';
import { onInterrupt } from '../lib/cleanup.js';
import { seedBenchFixture, type BenchFixture } from '../lib/fixture.js';
import { assertAll2xx, runLoad, startLoad, type LoadResult } from '../lib/load.js';
import { createScratchPostgres } from '../lib/postgres.js';
import type { Figure } from '../lib/results.js';

// api-baseline: the cost of an authenticated request (GET /api/v1/me) and of the
// people list of a 5,000-employee municipality, on the embedded database (PGlite,
// in a worker thread) and on PostgreSQL; and whether a slow PGlite query stalls
// the HTTP event loop. The server runs in this process; autocannon runs in a
// separate process (bench/load/autocannon-worker.mjs).

const EMPLOYEES = 5_000;
const CONNECTIONS = 10;
const DURATION_S = 10;
const WARMUP_S = 2;
const SLOW_QUERY_S = 1;
const STALL_TARGET_MS = 50;

type Backend = 'pglite' | 'pg';

const log = (msg: string) => console.log(`[api-baseline] ${msg}`);

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];

  const tmp = mkdtempSync(join(os.tmpdir(), 'mestring-bench-'));
  const removeTmp = () => rmSync(tmp, { recursive: true, force: true });
  const forgetTmp = onInterrupt(removeTmp);
  try {
    log(`pglite: fresh data directory in ${tmp}`);
    const database = await openDatabase({ kind: 'pglite', dataDir: join(tmp, 'pglite') });
    figures.push(...(await measureBackend('pglite', database, tmp)));
  } finally {
    forgetTmp();
    removeTmp();
  }

  const scratch = await createScratchPostgres();
  if (!scratch.ok) {
    log(`NOTE: PostgreSQL figures skipped: ${scratch.reason}`);
  } else {
    log(`pg: scratch database ${scratch.name} on ${scratch.server}`);
    const forget = onInterrupt(() => scratch.drop());
    try {
      const database = await openDatabase({ kind: 'postgres', url: scratch.url });
      // The app keeps nothing in MESTRING_DATA_DIR when on PostgreSQL.
      figures.push(...(await measureBackend('pg', database, os.tmpdir())));
    } finally {
      forget();
      await scratch.drop().then(
        () => log(`pg: dropped ${scratch.name}`),
        (err) => log(`WARNING: could not drop ${scratch.name}: ${String(err)}`),
      );
    }
  }
  return figures;
}

/** Counts the statements Kysely sends (BEGIN/COMMIT are sent by the driver and not counted). */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

async function measureBackend(backend: Backend, database: Database, dataDir: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const counter = new QueryCounter();
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    let t = performance.now();
    await migrateToLatest(database.db);
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'never', HOST: '127.0.0.1', PORT: '0', PUBLIC_URL: 'http://127.0.0.1', MESTRING_DATA_DIR: dataDir });
    const fixture = await seedBenchFixture(database.db, { employees: EMPLOYEES, sessionTtlMs: config.sessionTtlMs });
    // Planner statistics as each backend has them in production. PostgreSQL's
    // autovacuum would ANALYZE the new rows within a minute; doing it now keeps
    // runs independent of its timing. PGlite runs single-user, without
    // autovacuum, so its tables have no statistics unless someone runs ANALYZE:
    // it is measured as it is, then once more after an ANALYZE (below).
    if (backend === 'pg') await sql`analyze`.execute(database.db);
    log(`${backend}: migrated and seeded ${fixture.units} units, ${fixture.employees} employees in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const db = database.db.withPlugin(counter);
    const deps = {
      db,
      config,
      mailer: createMailer({ from: 'x', log: () => {} }),
      jobs: new BackgroundJobs(console),
      log: { info: () => {}, error: (obj: unknown, msg?: string) => console.error(`[server] ${msg ?? ''}`, obj) },
    };
    app = await buildApp(deps);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const headers = { cookie: fixture.cookie };
    const meUrl = `${base}/api/v1/me`;
    const peopleUrl = `${base}/api/v1/municipalities/${fixture.municipalityId}/people?page=1&pageSize=50`;

    await checkResponses(meUrl, peopleUrl, headers, fixture);
    const meQueries = await queriesPerRequest(counter, meUrl, headers);
    const peopleQueries = await queriesPerRequest(counter, peopleUrl, headers);
    log(`${backend}: statements per request: /me ${meQueries}, people list ${peopleQueries}`);

    t = performance.now();
    const me = await measured(`${backend} GET /api/v1/me`, meUrl, headers);
    const people = await measured(`${backend} GET people list`, peopleUrl, headers);
    log(`${backend}: load runs done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    figures.push(
      { id: `me_req_per_s_${backend}`, value: round(me.requests.average), unit: 'req/s' },
      { id: `me_p99_ms_${backend}`, value: me.latency.p99, unit: 'ms' },
      { id: `people_req_per_s_${backend}`, value: round(people.requests.average), unit: 'req/s' },
      { id: `people_p99_ms_${backend}`, value: people.latency.p99, unit: 'ms' },
      { id: `me_queries_per_request_${backend}`, value: meQueries, unit: 'statements' },
      { id: `people_queries_per_request_${backend}`, value: peopleQueries, unit: 'statements' },
    );

    if (backend === 'pglite') {
      await sql`analyze`.execute(database.db);
      const analyzed = await measured(`${backend} GET people list after ANALYZE`, peopleUrl, headers);
      figures.push(
        { id: `people_analyzed_req_per_s_${backend}`, value: round(analyzed.requests.average), unit: 'req/s' },
        { id: `people_analyzed_p99_ms_${backend}`, value: analyzed.latency.p99, unit: 'ms' },
      );
      figures.push(...(await measureStall(database, base, app.server)));
    }
    return figures;
  } finally {
    await app?.close();
    await database.close();
  }
}

/** Fails unless both endpoints answer 200 with what the fixture implies. */
async function checkResponses(meUrl: string, peopleUrl: string, headers: Record<string, string>, fixture: BenchFixture): Promise<void> {
  const me = await fetch(meUrl, { headers });
  const meBody = (await me.json()) as { user?: { id?: string }; grants?: { role: string; municipalityId: string | null }[] };
  if (me.status !== 200 || meBody.user?.id !== fixture.userId || !meBody.grants?.some((g) => g.role === 'municipal_admin' && g.municipalityId === fixture.municipalityId)) {
    throw new Error(`GET /api/v1/me answered ${me.status}: ${JSON.stringify(meBody).slice(0, 300)}`);
  }
  const people = await fetch(peopleUrl, { headers });
  const body = (await people.json()) as { items?: unknown[]; total?: number };
  if (people.status !== 200 || body.total !== fixture.employees || body.items?.length !== 50) {
    throw new Error(`people list answered ${people.status} with total ${String(body.total)} and ${String(body.items?.length)} items (expected ${fixture.employees} and 50)`);
  }
}

async function queriesPerRequest(counter: QueryCounter, url: string, headers: Record<string, string>, n = 20): Promise<number> {
  const before = counter.count;
  for (let i = 0; i < n; i++) {
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  }
  return round((counter.count - before) / n);
}

/** A short warm-up, then the measured run; both must be all 2xx. */
async function measured(label: string, url: string, headers: Record<string, string>): Promise<LoadResult> {
  await runLoad(`${label} (warm-up)`, { url, headers, duration: WARMUP_S, connections: CONNECTIONS });
  const r = await runLoad(label, { url, headers, duration: DURATION_S, connections: CONNECTIONS });
  log(`${label}: ${round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms (${r.requests.total} requests)`);
  return r;
}

/**
 * A 1-second query through PGlite while the separate load generator hits
 * /api/health (which needs no database). The PGlite worker thread is busy for
 * the whole second; the HTTP event loop in this process should not be.
 */
async function measureStall(database: Database, base: string, httpServer: Server): Promise<Figure[]> {
  const healthUrl = `${base}/api/health`;
  const load = startLoad({ url: healthUrl, duration: SLOW_QUERY_S, connections: CONNECTIONS, syncStart: true });
  await load.ready;

  // Server-side witness: /api/health responses finished while the query ran.
  const finishedAt: number[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/api/health') res.once('finish', () => finishedAt.push(performance.now()));
  };
  httpServer.on('request', onRequest);

  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.reset();
  histogram.enable();
  const start = performance.now();
  load.go();
  await sql`select pg_sleep(${SLOW_QUERY_S})`.execute(database.db);
  const end = performance.now();
  histogram.disable();
  const health = await load.result;
  httpServer.off('request', onRequest);

  assertAll2xx('GET /api/health during the slow query', health);
  const during = finishedAt.filter((at) => at >= start && at <= end).length;
  if (end - start < SLOW_QUERY_S * 1000 * 0.95) throw new Error(`pg_sleep(${SLOW_QUERY_S}) returned after ${Math.round(end - start)} ms`);
  if (during === 0) throw new Error('/api/health did not answer once while the slow query ran');
  const stallMs = round(histogram.max / 1e6);
  const verdict = stallMs < STALL_TARGET_MS ? 'PASS' : 'FAIL';
  log(
    `pglite: event-loop stall during a ${Math.round(end - start)} ms query: max ${stallMs} ms, mean ${round(histogram.mean / 1e6)} ms ` +
      `(target < ${STALL_TARGET_MS} ms): ${verdict}; /api/health answered ${during} times in that window, p99 ${health.latency.p99} ms`,
  );
  return [
    { id: 'event_loop_stall_ms_pglite', value: stallMs, unit: 'ms' },
    { id: 'health_p99_ms_during_slow_query_pglite', value: health.latency.p99, unit: 'ms' },
    { id: 'health_answered_during_slow_query_pglite', value: during, unit: 'responses' },
  ];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
