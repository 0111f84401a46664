import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrator.js';
import { buildApp, type App } from '../../src/server/http/app.js';
import { BackgroundJobs } from '../../src/server/jobs/background.js';
import { createMailer } from '../../src/server/mail/mailer.js';
import { ensureBuiltInFrameworks } from '../../src/server/modules/frameworks/frameworks.service.js';
import { computeCampaignResults } from '../../src/server/modules/results/snapshot.js';
import { seededRandom } from '../../seeds/demo/demo-random.js';
import { onInterrupt } from '../lib/cleanup.js';
import { createScratchPostgres } from '../lib/postgres.js';
import type { Figure } from '../lib/results.js';
import { get, round, summarize, timeEndpoint, type Timing } from '../mapping/measure.js';
import { FULL, planMunicipalities, QUICK, type PlannedMunicipality, type ScenarioSize } from '../mapping/plan.js';
import { seedNationalScenario, type NationalScenario } from '../mapping/scenario.js';

// mapping: results of mapping campaigns at national scale. On PostgreSQL, 400
// municipalities (400,000 employees, one with 5,000) with two closed anonymous
// campaigns each (self-assessment and leader survey) on 21 competences; every
// campaign's frozen results computed with computeCampaignResults (timed); then
// the server time of the municipality dashboard, the trend, and the national and
// municipal benchmark comparisons, through app.inject with real sessions. On
// PGlite the 5,000-employee municipality alone. `--quick`: a small scenario for
// smoke tests (printed, not written). See bench/README.md.

const PG_DATABASE = 'mestring_bench_mapping';
/** Campaigns whose results are computed at the same time once the timed sample is done. */
const CONCURRENCY = 2;
const DASHBOARD_TARGET_MS = 50;
const NATIONAL_TARGET_MS = 500;

type Backend = 'pg' | 'pglite';
const log = (msg: string) => console.log(`[mapping] ${msg}`);

export async function run(args: string[] = []): Promise<Figure[]> {
  const quick = args.includes('--quick');
  const size = quick ? QUICK : FULL;
  const plan = planMunicipalities(size);
  log(`${quick ? 'QUICK scenario' : 'national scenario'}: ${plan.length} municipalities, ${size.employees.toLocaleString('en-US')} employees, dashboard municipality ${size.dashboardEmployees.toLocaleString('en-US')}`);
  // The machine's load when the run began: figures from a busy machine are not comparable.
  const figures: Figure[] = [{ id: 'load_average_at_start', value: round(os.loadavg()[0] ?? 0, 2), unit: 'load (1 min)' }];

  const scratch = await createScratchPostgres(undefined, { name: PG_DATABASE });
  if (!scratch.ok) {
    log(`NOTE: PostgreSQL figures skipped: ${scratch.reason}`);
  } else {
    log(`pg: database ${scratch.name} on ${scratch.server}`);
    const forget = onInterrupt(() => scratch.drop());
    try {
      const database = await openDatabase({ kind: 'postgres', url: scratch.url });
      figures.push(...(await measureBackend('pg', database, plan, size, os.tmpdir())));
    } finally {
      forget();
      await scratch.drop().then(
        () => log(`pg: dropped ${scratch.name}`),
        (err) => log(`WARNING: could not drop ${scratch.name}: ${String(err)}`),
      );
    }
  }

  const tmp = mkdtempSync(join(os.tmpdir(), 'mestring-bench-mapping-'));
  const removeTmp = () => rmSync(tmp, { recursive: true, force: true });
  const forgetTmp = onInterrupt(removeTmp);
  try {
    log(`pglite: the ${size.dashboardEmployees.toLocaleString('en-US')}-employee municipality alone, data directory ${tmp}`);
    const database = await openDatabase({ kind: 'pglite', dataDir: join(tmp, 'pglite') });
    figures.push(...(await measureBackend('pglite', database, plan.slice(0, 1), { ...size, networks: 1 }, tmp)));
  } finally {
    forgetTmp();
    removeTmp();
  }
  summary(figures);
  return figures;
}

async function measureBackend(backend: Backend, database: Database, plan: PlannedMunicipality[], size: ScenarioSize, dataDir: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const f = (id: string, value: number, unit: string) => figures.push({ id: `${id}_${backend}`, value, unit });
  let app: App | undefined;
  try {
    let t = performance.now();
    await migrateToLatest(database.db);
    await ensureBuiltInFrameworks(database.db);
    log(`${backend}: migrated in ${((performance.now() - t) / 1000).toFixed(1)} s; seeding`);
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'never', HOST: '127.0.0.1', PORT: '0', PUBLIC_URL: 'http://localhost', MESTRING_DATA_DIR: dataDir });
    // (localhost: app.inject sends Host: localhost, and on 127.0.0.1 that would be the content origin, which serves only /content/.)
    t = performance.now();
    const scenario = await seedNationalScenario(database.db, plan, { networks: size.networks, sessionTtlMs: config.sessionTtlMs, log });
    // Planner statistics as production has them: PostgreSQL's autovacuum would
    // analyze the new rows within a minute; PGlite's worker analyzes by itself
    // after bulk writes (db/pglite/pglite-worker.mjs).
    if (backend === 'pg') await sql`analyze`.execute(database.db);
    const seedMs = Math.round(performance.now() - t);
    const c = scenario.counts;
    log(`${backend}: seeded ${c.municipalities} municipalities, ${c.employees} employees, ${c.units} units, ${c.campaigns} campaigns, ${c.invitations} invitations, ${c.responses} self-assessments, ${c.surveyResponses} leader surveys in ${(seedMs / 1000).toFixed(1)} s`);
    f('seed_ms', seedMs, 'ms');
    f('scenario_municipalities', c.municipalities, 'municipalities');
    f('scenario_employees', c.employees, 'employees');
    f('scenario_campaigns', c.campaigns, 'campaigns');
    f('scenario_responses', c.responses, 'responses');
    f('scenario_survey_responses', c.surveyResponses, 'responses');
    f('scenario_competences', 21, 'competences');

    const snapshot = await computeAll(backend, database, scenario, size.snapshotSample);
    f('snapshot_total_ms', snapshot.totalMs, 'ms');
    f('snapshot_ms_p50', snapshot.timing.p50, 'ms');
    f('snapshot_ms_p95', snapshot.timing.p95, 'ms');
    f('snapshot_ms_max', snapshot.timing.max, 'ms');
    f('snapshot_ms_dashboard_municipality', snapshot.dashboardMs, 'ms');
    f('snapshot_timed_campaigns', snapshot.sampled, 'campaigns');
    if (backend === 'pg') await sql`analyze`.execute(database.db);

    const deps = {
      db: database.db,
      config,
      mailer: createMailer({ from: 'x', log: () => {} }),
      jobs: new BackgroundJobs(console),
      log: { info: () => {}, error: (obj: unknown, msg?: string) => console.error(`[server] ${msg ?? ''}`, obj) },
    };
    app = await buildApp(deps);
    const mid = scenario.dashboard.municipalityId;
    const latest = scenario.dashboard.campaignIds[scenario.dashboard.campaignIds.length - 1]!;
    const endpoints = {
      dashboard: { url: `/api/v1/municipalities/${mid}/campaigns/${latest}/results`, cookie: scenario.advisorCookie },
      trend: { url: `/api/v1/municipalities/${mid}/results/trend`, cookie: scenario.advisorCookie },
      municipality_benchmark: { url: `/api/v1/municipalities/${mid}/benchmarks`, cookie: scenario.advisorCookie },
      national_benchmark: { url: '/api/v1/benchmarks', cookie: scenario.analystCookie },
    };
    await check(app, endpoints.dashboard, (b) => b.state === 'ready' && b.respondents > 0 && b.units.length > 0, 'the dashboard is not ready');
    await check(app, endpoints.trend, (b) => b.points.length === 2, 'the trend does not have two points');
    const opts = { requests: size.requests, warmup: size.warmup };
    const timed: [keyof typeof endpoints, string][] = [
      ['dashboard', 'dashboard'],
      ['trend', 'trend'],
    ];
    if (backend === 'pg') {
      // Both comparison routes are new; a missing route is reported, not guessed.
      for (const name of ['municipality_benchmark', 'national_benchmark'] as const) {
        const probe = await get(app, endpoints[name].url, endpoints[name].cookie);
        if (probe.status === 404) log(`NOTE: ${endpoints[name].url} answers 404 (route missing?): ${name} figures left out`);
        else if (probe.status !== 200) throw new Error(`GET ${endpoints[name].url}: ${probe.status} ${probe.body.slice(0, 300)}`);
        else {
          const body = JSON.parse(probe.body) as { groups: { suppressed: boolean; municipalities: number | null }[] };
          const shown = body.groups.filter((g) => !g.suppressed);
          log(`${backend}: ${name}: ${body.groups.length} groups, ${shown.length} shown (up to ${Math.max(0, ...shown.map((g) => g.municipalities ?? 0))} municipalities)`);
          timed.push([name, name]);
        }
      }
    }
    for (const [name, id] of timed) {
      const e = endpoints[name];
      const timing = await timeEndpoint(app, e.url, e.cookie, opts);
      report(backend, name, timing);
      if (id === 'national_benchmark') {
        f('national_benchmark_p50_ms', timing.p50, 'ms');
        f('national_benchmark_ms', timing.p95, 'ms');
      } else {
        f(`${id}_p50_ms`, timing.p50, 'ms');
        f(`${id}_p95_ms`, timing.p95, 'ms');
      }
    }
    f('requests_per_endpoint', size.requests, 'requests');
    return figures;
  } finally {
    await app?.close();
    await database.close();
  }
}

/**
 * computeCampaignResults for every campaign (every municipality must be in the
 * benchmark pool). Per-campaign times come from campaigns computed one at a
 * time: first the dashboard municipality's, then a seeded random sample of the
 * rest; the remaining campaigns run CONCURRENCY at a time to keep the run
 * bounded, and count only in the total (wall time for all).
 */
async function computeAll(backend: Backend, database: Database, scenario: NationalScenario, sample: number): Promise<{ totalMs: number; timing: Timing; dashboardMs: number; sampled: number }> {
  const dashboard = scenario.campaigns.filter((c) => c.municipalityId === scenario.dashboard.municipalityId);
  const others = scenario.campaigns.filter((c) => c.municipalityId !== scenario.dashboard.municipalityId);
  const rnd = seededRandom(8080);
  for (let i = others.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  const compute = async (c: NationalScenario['campaigns'][number]) => {
    const t = performance.now();
    const done = await computeCampaignResults(database.db, c.municipalityId, c.campaignId);
    if (!done) throw new Error(`computeCampaignResults refused campaign ${c.campaignId}`);
    return performance.now() - t;
  };
  const start = performance.now();
  const dashboardTimes: number[] = [];
  for (const c of dashboard) dashboardTimes.push(await compute(c));
  const times = [...dashboardTimes];
  const sequential = others.slice(0, sample);
  for (const c of sequential) times.push(await compute(c));
  const rest = others.slice(sample);
  let next = 0;
  let last = performance.now();
  const worker = async () => {
    while (next < rest.length) {
      const c = rest[next++]!;
      await compute(c);
      if (performance.now() - last > 15_000) {
        last = performance.now();
        log(`${backend}: results of ${dashboard.length + sequential.length + next} of ${scenario.campaigns.length} campaigns computed`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rest.length) }, worker));
  const totalMs = Math.round(performance.now() - start);
  const timing = summarize(times);
  const dashboardMs = round(Math.max(...dashboardTimes));
  log(
    `${backend}: results of ${scenario.campaigns.length} campaigns in ${(totalMs / 1000).toFixed(1)} s; one at a time (${times.length} campaigns): ` +
      `p50 ${timing.p50} ms, p95 ${timing.p95} ms, max ${timing.max} ms; the dashboard municipality's ${dashboardMs} ms`,
  );
  return { totalMs, timing, dashboardMs, sampled: times.length };
}

async function check(app: App, e: { url: string; cookie: string }, ok: (body: any) => boolean, message: string) {
  const probe = await get(app, e.url, e.cookie);
  if (probe.status !== 200) throw new Error(`GET ${e.url}: ${probe.status} ${probe.body.slice(0, 300)}`);
  if (!ok(JSON.parse(probe.body))) throw new Error(`GET ${e.url}: ${message}: ${probe.body.slice(0, 300)}`);
}

function report(backend: Backend, name: string, t: Timing) {
  log(`${backend}: ${name}: p50 ${t.p50} ms, p95 ${t.p95} ms, max ${t.max} ms over ${t.n} requests`);
}

function summary(figures: Figure[]) {
  const value = (id: string) => figures.find((x) => x.id === id)?.value;
  const verdict = (id: string, target: number) => {
    const v = value(id);
    return v === undefined ? 'not measured' : `${v} ms (target < ${target} ms: ${v < target ? 'PASS' : 'FAIL'})`;
  };
  log('');
  log(`dashboard p95 on PostgreSQL: ${verdict('dashboard_p95_ms_pg', DASHBOARD_TARGET_MS)}`);
  log(`dashboard p95 on PGlite:     ${verdict('dashboard_p95_ms_pglite', DASHBOARD_TARGET_MS)}`);
  log(`national benchmark p95:      ${verdict('national_benchmark_ms_pg', NATIONAL_TARGET_MS)}`);
  log(`results per campaign p95:    ${value('snapshot_ms_p95_pg') ?? 'not measured'} ms (total ${round((value('snapshot_total_ms_pg') ?? 0) / 1000)} s)`);
}
