import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { indexStatement } from '../../src/server/modules/lrs/xapi/statement-index.js';
import { validateStatement } from '../../src/server/modules/lrs/xapi/statement-validation.js';
import { slotHash, slotItemNo, slotStartedAt } from './history.js';
import { VERBS, type LearningSize } from './plan.js';

// The LRS's share of the scenario: xAPI statements spread over the
// municipalities in proportion to their employees, each one a step of an
// attempt in an employee's history (history.ts: the same person, item and
// start time as their learning_progress row), shaped like the player's and
// cmi5's statements (about 1.3 KB of JSON) with the filter columns the LRS
// computes (statement-index.ts; checked on a sample before the bulk of the load).
//
// Loading: the secondary indexes and the primary key are dropped, the rows
// inserted set-based in chunks (one transaction each, no synchronous commit,
// foreign-key trigger off), then the very same indexes and key re-created
// from their recorded definitions and checked, so the final table is exactly
// the app's; building an index once is several times faster than maintaining
// two GIN and six B-tree indexes row by row.

const CHUNK = 250_000;
const PLAYER = 'mestring-player';
const CLIENT = 'bench-lrs-client';

export type StatementLoad = { statements: number; insertMs: number; indexMs: number };

/**
 * The parts of statements that do not change from row to row, built once:
 * each employee's actor (bench_actors) and, per municipality and item, the
 * object, context activities and authority of its root activity (part 0) and
 * of its six lessons (bench_activity_parts). Assembling a row from these is
 * several times cheaper than building its 1.3 KB of JSON from scratch.
 */
async function createParts(db: Kysely<DB>, publicUrl: string) {
  const player = `account:${publicUrl}/xapi|${PLAYER}`;
  const client = `account:${publicUrl}/xapi|${CLIENT}`;
  await sql`create table bench_actors as select bp.municipality_id, bp.n, bp.person_id, 'account:' || ${publicUrl}::text || '|' || bp.person_id as actor_key,
      jsonb_build_object('objectType', 'Agent', 'name', 'Ansatt Nummer ' || bp.n, 'account', jsonb_build_object('homePage', ${publicUrl}::text, 'name', bp.person_id)) as actor
    from bench_people bp`.execute(db);
  await sql`alter table bench_actors add primary key (municipality_id, n)`.execute(db);
  await sql`create table bench_activity_parts as
    select y.municipality_id, y.no, y.part, y.item_id, y.object_id, y.authority_key,
      jsonb_build_object('objectType', 'Activity', 'id', y.object_id, 'definition', jsonb_build_object(
        'name', jsonb_build_object('nb-NO', y.title_nb || case when y.part > 0 then ', del ' || y.part else '' end, 'en-US', y.title_en || case when y.part > 0 then ', part ' || y.part else '' end),
        'type', case when y.part > 0 then 'http://adlnet.gov/expapi/activities/lesson' else 'http://adlnet.gov/expapi/activities/course' end)) as object,
      jsonb_build_object('grouping', jsonb_build_array(jsonb_build_object('id', y.grouping, 'objectType', 'Activity')),
          'category', jsonb_build_array(jsonb_build_object('id', y.category, 'objectType', 'Activity')))
        || case when y.part > 0 then jsonb_build_object('parent', jsonb_build_array(jsonb_build_object('id', y.activity_root, 'objectType', 'Activity'))) else '{}'::jsonb end as context_activities,
      case when y.part > 0 then array[y.object_id, y.activity_root, y.grouping, y.category] else array[y.object_id, y.grouping, y.category] end as related_activity_ids,
      jsonb_build_object('objectType', 'Agent', 'name', case when y.kind = 'xapi' then 'Kursleverandør' else 'Mestring player' end,
        'account', jsonb_build_object('homePage', ${publicUrl}::text || '/xapi', 'name', case when y.kind = 'xapi' then ${CLIENT} else ${PLAYER} end)) as authority
    from (
      select it.municipality_id, it.no, it.id as item_id, it.kind, it.activity_root, bi.title_nb, bi.title_en, part,
        case when part = 0 then it.activity_root else it.activity_root || '/lesson-' || part end as object_id,
        ${publicUrl}::text || '/xapi/activities/municipalities/' || it.municipality_id as grouping,
        case it.kind when 'scorm' then 'https://w3id.org/xapi/scorm' when 'cmi5' then 'https://w3id.org/xapi/cmi5/context/categories/cmi5'
          else 'https://mestring.example/xapi/categories/' || it.kind end as category,
        case when it.kind = 'xapi' then ${client} else ${player} end as authority_key
      from bench_item_ids it join bench_items bi on bi.no = it.no cross join generate_series(0, 6) part
    ) y`.execute(db);
  await sql`alter table bench_activity_parts add primary key (municipality_id, no, part)`.execute(db);
  await sql`analyze bench_actors, bench_activity_parts, bench_statement_plan`.execute(db);
}

/**
 * Statement j (0-based) of a municipality is step k of the attempt of
 * employee n on slot s; verb v of the attempt's sequence (VERBS): 2–4 name a
 * lesson, 4–6 carry a score, 2 a progress measure.
 */
export function statementSelect(size: LearningSize, lo: number, hi: number) {
  const verbs = JSON.stringify(VERBS.map((v) => ({ id: v.id, display: { 'nb-NO': v.nb, 'en-US': v.en } })));
  const S = size.itemsPerEmployee;
  return sql`
    select t.municipality_id, t.id, t.stored, t.verb ->> 'id' as verb_id, t.registration,
      array[a.actor_key] as agent_keys, array[a.actor_key, o.authority_key] as related_agent_keys,
      array[o.object_id] as activity_ids, o.related_activity_ids,
      jsonb_build_object(
        'id', t.id, 'actor', a.actor, 'verb', t.verb, 'object', o.object,
        'context', jsonb_build_object('registration', t.registration, 'platform', 'Mestring', 'language', 'nb-NO', 'contextActivities', o.context_activities,
          'extensions', jsonb_build_object('https://mestring.example/xapi/extensions/session-id', t.registration)),
        'timestamp', to_char(t.stored - interval '2 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'stored', to_char(t.stored, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'authority', o.authority, 'version', '1.0.3')
      || case
        when t.v between 4 and 6 then jsonb_build_object('result', jsonb_build_object('completion', true, 'success', true,
          'score', jsonb_build_object('scaled', 0.8 + (t.x % 20) / 100.0, 'raw', 80 + t.x % 20, 'min', 0, 'max', 100), 'duration', 'PT' || (5 + t.x % 40) || 'M' || (t.x % 60) || 'S'))
        when t.v = 2 then jsonb_build_object('result', jsonb_build_object('extensions', jsonb_build_object('https://w3id.org/xapi/cmi5/result/extensions/progress', 10 * (1 + t.x % 9))))
        else '{}'::jsonb end as statement
    from (
      select u.*, (${verbs}::jsonb) -> u.v as verb, case when u.v between 2 and 4 then 1 + (u.k + u.s) % 6 else 0 end as part,
        md5(u.municipality_id::text || u.n || '/' || u.s)::uuid as registration,
        ${sql.raw(slotStartedAt('u.anchor', 'u.x'))} + u.k * interval '9 minutes' as stored
      from (
        select sp.municipality_id, sp.anchor, gen_random_uuid() as id, c.n, c.s, c.k, ((c.k * 3 + c.s) % ${VERBS.length})::int as v,
          ${slotItemNo('c.n', 'sp.idx', 'c.s')} as no, ${sql.raw(slotHash('c.n', 'sp.idx', 'c.s'))} as x
        from bench_statement_plan sp
        cross join lateral generate_series(greatest(sp.first, ${lo}::int8), least(sp.first + sp.count, ${hi}::int8) - 1) i
        cross join lateral (select (i - sp.first) % sp.employees + 1 as n, ((i - sp.first) / sp.employees) % ${S} + 1 as s, (i - sp.first) / (sp.employees * ${S}) as k) c
        where sp.first < ${hi}::int8 and sp.first + sp.count > ${lo}::int8
      ) u
    ) t
    join bench_actors a on a.municipality_id = t.municipality_id and a.n = t.n
    join bench_activity_parts o on o.municipality_id = t.municipality_id and o.no = t.no and o.part = t.part`;
}

type IndexDef = { name: string; def: string };

export async function loadStatements(
  db: Kysely<DB>,
  size: LearningSize,
  options: { publicUrl: string; anchor: Date; pglite: boolean; log: (m: string) => void },
): Promise<StatementLoad> {
  const { log } = options;
  const plan = (await sql<{ municipality_id: string; employees: number }>`select municipality_id, employees from bench_plan order by idx`.execute(db)).rows;
  const employees = plan.reduce((a, p) => a + p.employees, 0);
  // Shares proportional to employees (for one municipality alone: its share of the national total).
  const total = Math.round((size.statements * employees) / size.employees);
  await sql`create table bench_statement_plan (municipality_id uuid primary key, idx int, employees int, first int8, count int8, anchor timestamptz)`.execute(db);
  let first = 0;
  for (const p of plan) {
    const count = p === plan[plan.length - 1] ? total - first : Math.round((total * p.employees) / employees);
    await sql`insert into bench_statement_plan select ${p.municipality_id}::uuid, idx, employees, ${first}::int8, ${count}::int8, ${options.anchor.toISOString()}::timestamptz
      from bench_plan where municipality_id = ${p.municipality_id}::uuid`.execute(db);
    first += count;
  }

  await createParts(db, options.publicUrl);
  const bytes = await checkIndexColumns(db, size);
  log(`  statements of about ${Math.round(bytes)} bytes of JSON each`);
  const indexes = (await sql<IndexDef>`select indexname as name, indexdef as def from pg_indexes
    where schemaname = current_schema() and tablename = 'xapi_statements' and indexname <> 'xapi_statements_pkey' order by indexname`.execute(db)).rows;
  const pk = (await sql<IndexDef>`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'xapi_statements'::regclass and contype = 'p'`.execute(db)).rows[0]!;
  for (const i of indexes) await sql`drop index ${sql.id(i.name)}`.execute(db);
  await sql`alter table xapi_statements drop constraint ${sql.id(pk.name)}`.execute(db);

  let t = performance.now();
  let last = t;
  let next = 0;
  let done = 0;
  // Two chunks at a time on PostgreSQL (one per core: the JSON is built on the server); PGlite has one session.
  const worker = async () => {
    while (next < total) {
      const lo = next;
      const hi = Math.min(total, lo + CHUNK);
      next = hi;
      await db.transaction().execute(async (tx) => {
        await sql`set local synchronous_commit = off`.execute(tx);
        await sql`set local work_mem = '256MB'`.execute(tx);
        if ((await sql<{ s: boolean }>`select rolsuper as s from pg_roles where rolname = current_user`.execute(tx)).rows[0]?.s) await sql`set local session_replication_role = replica`.execute(tx);
        await sql`insert into xapi_statements (municipality_id, id, stored, verb_id, registration, agent_keys, related_agent_keys, activity_ids, related_activity_ids, statement)
          ${statementSelect(size, lo, hi)}`.execute(tx);
      });
      done += hi - lo;
      if (performance.now() - last > 15_000 || done === total) {
        last = performance.now();
        log(`  statements: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} (${((last - t) / 1000).toFixed(0)} s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.pglite ? 1 : 2 }, worker));
  const insertMs = Math.round(performance.now() - t);

  t = performance.now();
  await db.transaction().execute(async (tx) => {
    await sql`set local maintenance_work_mem = ${sql.lit(options.pglite ? '256MB' : '1GB')}`.execute(tx);
    await sql`alter table xapi_statements add constraint ${sql.id(pk.name)} ${sql.raw(pk.def)}`.execute(tx);
    for (const i of indexes) {
      const started = performance.now();
      await sql.raw(i.def).execute(tx);
      log(`  index ${i.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  });
  const indexMs = Math.round(performance.now() - t);
  const after = (await sql<IndexDef>`select indexname as name, indexdef as def from pg_indexes
    where schemaname = current_schema() and tablename = 'xapi_statements' and indexname <> 'xapi_statements_pkey' order by indexname`.execute(db)).rows;
  if (JSON.stringify(after) !== JSON.stringify(indexes)) throw new Error('xapi_statements does not have the indexes it had before the load');
  for (const t of ['bench_statement_plan', 'bench_actors', 'bench_activity_parts']) await sql`drop table ${sql.table(t)}`.execute(db);
  return { statements: total, insertMs, indexMs };
}

/**
 * The statements must be valid xAPI and their filter columns what the LRS
 * computes: runs the generator for a sample, validates each statement as the
 * LRS does and compares its row with indexStatement(). Returns the mean JSON size.
 */
async function checkIndexColumns(db: Kysely<DB>, size: LearningSize): Promise<number> {
  const rows = (await sql<Record<string, any>>`select * from (${statementSelect(size, 0, 400)}) x`.execute(db)).rows;
  if (rows.length === 0) throw new Error('the statement generator produced no rows');
  const sorted = (a: string[] | null) => [...(a ?? [])].sort();
  for (const row of rows) {
    const ix = indexStatement(row.statement);
    const same =
      row.statement.id === row.id &&
      ix.verbId === row.verb_id &&
      ix.registration === row.registration &&
      JSON.stringify(sorted(ix.agentKeys)) === JSON.stringify(sorted(row.agent_keys)) &&
      JSON.stringify(sorted(ix.relatedAgentKeys)) === JSON.stringify(sorted(row.related_agent_keys)) &&
      JSON.stringify(sorted(ix.activityIds)) === JSON.stringify(sorted(row.activity_ids)) &&
      JSON.stringify(sorted(ix.relatedActivityIds)) === JSON.stringify(sorted(row.related_activity_ids));
    const issues = validateStatement(row.statement, '1.0.3');
    if (issues.length > 0) throw new Error(`a generated statement is not valid xAPI 1.0.3: ${JSON.stringify(issues).slice(0, 600)}`);
    if (!same) throw new Error(`generated filter columns differ from indexStatement(): ${JSON.stringify({ row, ix }).slice(0, 1500)}`);
  }
  const bytes = rows.reduce((a, r) => a + JSON.stringify(r.statement).length, 0) / rows.length;
  return bytes;
}
