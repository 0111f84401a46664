import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrator.js';
import { withTenant } from '../../src/server/db/tenant.js';
import { ensureAssignmentTargets } from '../../src/server/modules/learning/assignments/assignment-targets.js';
import type { DB } from '../../src/server/db/schema.js';
import { SESSION_COOKIE } from '../../src/server/http/auth-hooks.js';
import { buildApp, type App } from '../../src/server/http/app.js';
import { BackgroundJobs } from '../../src/server/jobs/background.js';
import { createMailer } from '../../src/server/mail/mailer.js';
import { createSession } from '../../src/server/modules/auth/session.repository.js';
import { ensureBuiltInFrameworks } from '../../src/server/modules/frameworks/frameworks.service.js';
import { onInterrupt } from '../lib/cleanup.js';
import { createScratchPostgres } from '../lib/postgres.js';
import type { Figure } from '../lib/results.js';
import { explainRequest, QueryRecorder, timeRequests, type Request } from '../learning/measure.js';
import { FULL, QUICK, type LearningSize } from '../learning/plan.js';
import { countLearning, dropHelpers, seedLearning } from '../learning/scenario.js';
import { loadStatements } from '../learning/statements.js';
import { get, round, timeEndpoint, type Timing } from '../mapping/measure.js';
import { planMunicipalities, type PlannedMunicipality } from '../mapping/plan.js';

// learning: "my learning" and the completion dashboard at national scale. On
// PostgreSQL the mapping benchmark's country (400 municipalities, 400,000
// employees, one with 5,000) with a learning catalogue, assignments, two years
// of progress and completions per employee and 20 million xAPI statements; then
// the server time of GET …/my-learning (each request a different employee,
// signed in) and of GET …/learning/reports/completion (a municipal admin of
// the 5,000-employee municipality), through app.inject. On PGlite that
// municipality alone with its share of everything. `--quick`: a small
// scenario, not written. `--explain`: EXPLAIN ANALYZE of each endpoint's
// statements, written to a file in the temp folder. See bench/README.md.

const PG_DATABASE = 'mestring_bench_learning';
// app.inject sends Host: localhost, and the content origin is PUBLIC_URL's loopback twin: the app must be on localhost.
const PUBLIC_URL = 'http://localhost';
const TARGETS = { my_learning: 30, completion_dashboard: 50 } as const;

type Backend = 'pg' | 'pglite';
const log = (msg: string) => console.log(`[learning] ${msg}`);

export async function run(args: string[] = []): Promise<Figure[]> {
  const quick = args.includes('--quick');
  const size = quick ? QUICK : FULL;
  const plan = planMunicipalities(size);
  log(`${quick ? 'QUICK scenario' : 'national scenario'}: ${plan.length} municipalities, ${size.employees.toLocaleString('en-US')} employees, ${size.statements.toLocaleString('en-US')} statements`);
  const figures: Figure[] = [{ id: 'load_average_at_start', value: round(os.loadavg()[0] ?? 0, 2), unit: 'load (1 min)' }];
  const options = { explain: args.includes('--explain') };

  const scratch = await createScratchPostgres(undefined, { name: PG_DATABASE });
  if (!scratch.ok) log(`NOTE: PostgreSQL figures skipped: ${scratch.reason}`);
  else {
    log(`pg: database ${scratch.name} on ${scratch.server}`);
    const forget = onInterrupt(() => scratch.drop());
    try {
      const database = await openDatabase({ kind: 'postgres', url: scratch.url });
      figures.push(...(await measureBackend('pg', database, plan, size, os.tmpdir(), options)));
    } finally {
      forget();
      await scratch.drop().then(
        () => log(`pg: dropped ${scratch.name}`),
        (err) => log(`WARNING: could not drop ${scratch.name}: ${String(err)}`),
      );
    }
  }

  const tmp = mkdtempSync(join(os.tmpdir(), 'mestring-bench-learning-'));
  const removeTmp = () => rmSync(tmp, { recursive: true, force: true });
  const forgetTmp = onInterrupt(removeTmp);
  try {
    log(`pglite: the ${size.dashboardEmployees.toLocaleString('en-US')}-employee municipality alone, data directory ${tmp}`);
    const database = await openDatabase({ kind: 'pglite', dataDir: join(tmp, 'pglite') });
    figures.push(...(await measureBackend('pglite', database, plan.slice(0, 1), { ...size, networks: 1 }, tmp, options)));
  } finally {
    forgetTmp();
    removeTmp();
  }
  summary(figures);
  return figures;
}

async function measureBackend(backend: Backend, database: Database, plan: PlannedMunicipality[], size: LearningSize, dataDir: string, options: { explain: boolean }): Promise<Figure[]> {
  const figures: Figure[] = [];
  const f = (id: string, value: number, unit: string) => figures.push({ id: `${id}_${backend}`, value, unit });
  const recorder = new QueryRecorder();
  let app: App | undefined;
  try {
    await migrateToLatest(database.db);
    await ensureBuiltInFrameworks(database.db);
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'never', HOST: '127.0.0.1', PORT: '0', PUBLIC_URL, MESTRING_DATA_DIR: dataDir });
    const anchor = new Date();
    let t = performance.now();
    log(`${backend}: seeding people, catalogue, assignments and history`);
    const { municipalityIds } = await seedLearning(database.db, plan, size, { publicUrl: PUBLIC_URL, anchor, log });
    const seedMs = Math.round(performance.now() - t);
    log(`${backend}: loading statements`);
    const load = await loadStatements(database.db, size, { publicUrl: PUBLIC_URL, anchor, pglite: backend === 'pglite', log });
    await dropHelpers(database.db);
    // Planner statistics as autovacuum would have them (PGlite's worker analyzes by itself after bulk writes).
    t = performance.now();
    if (backend === 'pg') await sql`analyze`.execute(database.db);
    const analyzeMs = Math.round(performance.now() - t);
    // Who each assignment reaches is kept as rows (migration 0013), rebuilt by
    // the first read after people or assignments change. Build them now, as
    // the first reads after the scenario's writes would, and time that
    // rebuild: it is what one request pays after each such change.
    // The scenario writes with session_replication_role = replica, which also
    // silences the triggers that mark a municipality's targets stale: mark them here.
    await sql`insert into learning_targets_stale (municipality_id) select id from municipalities on conflict do nothing`.execute(database.db);
    t = performance.now();
    await withTenant(database.db, municipalityIds[0]!, (tx) => ensureAssignmentTargets(tx, municipalityIds[0]!));
    const rebuildMs = round(performance.now() - t, 1);
    t = performance.now();
    for (const id of municipalityIds.slice(1)) await withTenant(database.db, id, (tx) => ensureAssignmentTargets(tx, id));
    log(`${backend}: assignment targets built: ${rebuildMs} ms for the ${size.dashboardEmployees.toLocaleString('en-US')}-employee municipality, ${((performance.now() - t) / 1000).toFixed(1)} s for the other ${municipalityIds.length - 1}`);
    f('assignment_targets_rebuild_ms', rebuildMs, 'ms');
    const c = await countLearning(database.db, plan.length);
    const bytes = Number((await sql<{ b: string }>`select pg_total_relation_size('xapi_statements') as b`.execute(database.db)).rows[0]!.b);
    log(`${backend}: ${c.municipalities} municipalities, ${c.employees} employees, ${c.items} items, ${c.assignments} assignments, ${c.progress} progress rows, ${c.completions} completions in ${(seedMs / 1000).toFixed(1)} s; ` +
      `${load.statements} statements (${(bytes / 2 ** 30).toFixed(1)} GiB with indexes) inserted in ${(load.insertMs / 1000).toFixed(1)} s, indexed in ${(load.indexMs / 1000).toFixed(1)} s; analyze ${(analyzeMs / 1000).toFixed(1)} s`);
    f('seed_ms', seedMs, 'ms');
    f('statements_insert_ms', load.insertMs, 'ms');
    f('statements_index_ms', load.indexMs, 'ms');
    f('scenario_municipalities', c.municipalities, 'municipalities');
    f('scenario_employees', c.employees, 'employees');
    f('scenario_items', c.items, 'items');
    f('scenario_assignments', c.assignments, 'assignments');
    f('scenario_progress_rows', c.progress, 'rows');
    f('scenario_completions', c.completions, 'rows');
    f('scenario_statements', load.statements, 'statements');
    f('statements_table_bytes', bytes, 'bytes');

    const dashboardId = municipalityIds[0]!;
    const people = await sessions(database.db, dashboardId, size.learners, config.sessionTtlMs);
    const deps = {
      db: database.db.withPlugin(recorder),
      config,
      mailer: createMailer({ from: 'x', log: () => {} }),
      jobs: new BackgroundJobs(console),
      log: { info: () => {}, error: (obj: unknown, msg?: string) => console.error(`[server] ${msg ?? ''}`, obj) },
    };
    app = await buildApp(deps);
    const completion: Request = { url: `/api/v1/municipalities/${dashboardId}/learning/reports/completion`, cookie: people.adminCookie };
    const learners: Request[] = people.learners.map((l) => ({ url: `/api/v1/municipalities/${l.municipalityId}/my-learning`, cookie: l.cookie }));
    const explained: string[] = [];
    for (const [name, requests] of [['my_learning', learners], ['completion_dashboard', Array.from({ length: size.warmup + size.requests }, () => completion)]] as const) {
      // The endpoints are new: a missing route is reported and its figures left out, not guessed.
      const probe = await get(app, requests[0]!.url, requests[0]!.cookie);
      if (probe.status === 404) {
        log(`NOTE: ${requests[0]!.url} answers 404 (route missing?): ${name} figures left out: ${probe.body.slice(0, 200)}`);
        continue;
      }
      if (probe.status !== 200) throw new Error(`GET ${requests[0]!.url}: ${probe.status} ${probe.body.slice(0, 300)}`);
      log(`${backend}: ${name}: a response of ${(probe.body.length / 1024).toFixed(1)} KB`);
      const timing = name === 'my_learning' ? await timeRequests(app, requests, size.warmup) : await timeEndpoint(app, completion.url, completion.cookie, size);
      report(backend, name, timing);
      f(`${name}_p50_ms`, timing.p50, 'ms');
      f(`${name}_p95_ms`, timing.p95, 'ms');
      if (options.explain) explained.push(await explainRequest(app, database.db, recorder, requests[0]!, name === 'my_learning' ? people.learners[0]!.municipalityId : dashboardId));
    }
    f('requests_per_endpoint', size.requests, 'requests');
    if (explained.length > 0) {
      const file = join(os.tmpdir(), `mestring-bench-learning-explain-${backend}.txt`);
      writeFileSync(file, explained.join('\n\n'));
      log(`${backend}: query plans written to ${file}`);
    }
    return figures;
  } finally {
    await app?.close();
    await database.close();
  }
}

/**
 * Sessions for `count` employees drawn across all municipalities (a fixed hash
 * order, so every run asks the same employees' numbers) and for a new municipal
 * admin of the dashboard municipality.
 */
async function sessions(db: Kysely<DB>, dashboardId: string, count: number, ttl: number) {
  const meta = { ip: '127.0.0.1', userAgent: 'mestring-bench' };
  const picked = (
    await sql<{ municipality_id: string; user_id: string }>`select p.municipality_id, p.user_id from persons p join municipalities m on m.id = p.municipality_id
      order by hashtext(m.code || '/' || p.employee_number), p.id limit ${count}`.execute(db)
  ).rows;
  const learners = [];
  for (const p of picked) learners.push({ municipalityId: p.municipality_id, cookie: `${SESSION_COOKIE}=${(await createSession(db, p.user_id, ttl, meta)).token}` });
  const admin = await db.insertInto('users').values({ email: 'admin@benchby.kommune.example', display_name: 'Bench Admin', password_hash: null, preferred_language: 'nb' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('role_grants').values({ user_id: admin.id, role: 'municipal_admin', scope_type: 'municipality', municipality_id: dashboardId }).execute();
  return { learners, adminCookie: `${SESSION_COOKIE}=${(await createSession(db, admin.id, ttl, meta)).token}` };
}

function report(backend: Backend, name: string, t: Timing) {
  log(`${backend}: ${name}: p50 ${t.p50} ms, p95 ${t.p95} ms, max ${t.max} ms over ${t.n} requests`);
}

function summary(figures: Figure[]) {
  const verdict = (id: string, target: number) => {
    const v = figures.find((x) => x.id === id)?.value;
    return v === undefined ? 'not measured' : `${v} ms (target < ${target} ms: ${v < target ? 'PASS' : 'FAIL'})`;
  };
  log('');
  log(`my learning p95 on PostgreSQL:          ${verdict('my_learning_p95_ms_pg', TARGETS.my_learning)}`);
  log(`completion dashboard p95 on PostgreSQL: ${verdict('completion_dashboard_p95_ms_pg', TARGETS.completion_dashboard)}`);
  log(`completion dashboard p95 on PGlite:     ${verdict('completion_dashboard_p95_ms_pglite', TARGETS.completion_dashboard)}`);
}
