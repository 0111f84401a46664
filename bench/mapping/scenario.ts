import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { SESSION_COOKIE } from '../../src/server/http/auth-hooks.js';
import { createSession } from '../../src/server/modules/auth/session.repository.js';
import { STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION } from '../../src/server/modules/frameworks/starter/starter-framework.js';
import { answerOptions, LEADER_SURVEY_ITEMS } from '../../src/server/modules/mapping/question-bank/question-bank.js';
import { ROLE_PROFILE_TEMPLATES } from '../../src/server/modules/role-profiles/role-profile.templates.js';
import type { PlannedMunicipality } from './plan.js';

// Writes the national scenario with set-based SQL (generate_series and
// INSERT … SELECT), as the owning role: one statement per table and step
// instead of one per row, so 400,000 employees take seconds, not hours.
// The rows look like the application's own: campaigns published and closed,
// one invitation per person and instrument, anonymous responses with the
// answers as jsonb (no person, no time), leader-survey responses likewise.
// Values come from hash functions of ids and row numbers (hashint8, hashtext),
// so the distributions are fixed while the ids are fresh on every run.

/** The first 21 competences of the starter framework: the size of DigComp. */
export const COMPETENCES = 21;

const DAY_SQL = (days: number) => sql.raw(`now() - interval '${days} days'`);
/** Two campaigns half a year apart: opened/closed this many days ago. */
const CAMPAIGNS = [
  { no: 1, name: 'Kartlegging 1', opens: 221, closes: 200, levelCuts: [18, 50, 84], dontKnow: 4, wants: 22 },
  { no: 2, name: 'Kartlegging 2', opens: 41, closes: 20, levelCuts: [12, 42, 80], dontKnow: 3, wants: 16 },
] as const;

// Staff by the kind of unit (units take turns over the service areas: home care,
// nursing home, disability services, rehabilitation), as cumulative percentages
// of a row's hash; every unit's first employee is its leader. Rare professions
// thus cluster where they work, as they do in municipalities.
const PROFESSION_MIX: [string, number][][] = [
  [['nurse', 24], ['specialist_nurse', 29], ['health_care_worker', 71], ['assistant', 96], ['occupational_therapist', 97], ['other', 100]],
  [['nurse', 22], ['specialist_nurse', 27], ['health_care_worker', 71], ['assistant', 97], ['doctor', 98], ['other', 100]],
  [['social_educator', 32], ['health_care_worker', 62], ['assistant', 96], ['nurse', 100]],
  [['physiotherapist', 38], ['occupational_therapist', 70], ['nurse', 82], ['health_care_worker', 96], ['other', 100]],
];

export type NationalScenario = {
  frameworkVersionId: string;
  dashboard: { municipalityId: string; campaignIds: string[] };
  campaigns: { municipalityId: string; campaignId: string }[];
  advisorCookie: string;
  analystCookie: string;
  counts: { municipalities: number; employees: number; units: number; campaigns: number; invitations: number; responses: number; surveyResponses: number };
  steps: { step: string; ms: number }[];
};

const h = (x: string) => sql.raw(`abs(hashint8(${x}))`);

/** SQL for the profession of employee `g` (1-based) of unit `unit` (1-based), from the row's hash. */
function professionCase(g: string, unit: string, hash: string): RawBuilder<unknown> {
  const kinds = PROFESSION_MIX.map((mix, k) => `when (${unit} - 1) % 4 = ${k} then case ${mix.map(([p, upTo]) => `when ${hash} % 100 < ${upTo} then '${p}'`).join(' ')} else 'other' end`).join(' ');
  return sql.raw(`case when ${g} <= p.unit_count then 'leader' ${kinds} end`);
}

/**
 * Distinct self-assessments per campaign that responses are drawn from by hash:
 * building 600,000 jsonb documents one by one is most of the seeding time, and
 * 4,096 variants already give every unit and profession its own mix.
 */
const ANSWER_VARIANTS = 4096;

/** jsonb of one self-assessment: {"<code>": {"level": 1..4 | null, "wantsTraining": bool}} for every competence. */
function answersJson(codes: string[], c: (typeof CAMPAIGNS)[number]): RawBuilder<unknown> {
  const [a, b, d] = c.levelCuts;
  const parts = codes.map((code, k) => {
    const x = `abs(hashint8(s.h0 * 64 + ${k + 1}))`;
    const level = `case when (${x} / 100) % 100 < ${c.dontKnow} then null when ${x} % 100 < ${a} then 1 when ${x} % 100 < ${b} then 2 when ${x} % 100 < ${d} then 3 else 4 end`;
    return `'${code}', jsonb_build_object('level', ${level}, 'wantsTraining', (${x} / 10000) % 100 < ${c.wants})`;
  });
  return sql.raw(`jsonb_build_object(${parts.join(', ')})`);
}

/** jsonb of one leader survey: {"<item>": ["<option>"]}, one option each (never an exclusive one). */
function surveyJson(): RawBuilder<unknown> {
  const parts = LEADER_SURVEY_ITEMS.map((item, k) => {
    const options = answerOptions(item).filter((o) => !o.exclusive).map((o) => `'${o.code}'`);
    return `'${item.code}', jsonb_build_array((array[${options.join(',')}])[1 + abs(hashint8(s.h0 * 64 + ${k + 1})) % ${options.length}])`;
  });
  return sql.raw(`jsonb_build_object(${parts.join(', ')})`);
}

async function step<T>(steps: NationalScenario['steps'], name: string, log: (m: string) => void, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await fn();
  const ms = Math.round(performance.now() - t);
  steps.push({ step: name, ms });
  log(`  ${name}: ${(ms / 1000).toFixed(1)} s`);
  return out;
}

export async function seedNationalScenario(
  outer: Kysely<DB>,
  plan: PlannedMunicipality[],
  options: { networks: number; sessionTtlMs: number; log: (m: string) => void },
): Promise<NationalScenario> {
  const steps: NationalScenario['steps'] = [];
  const { log } = options;
  // One transaction for the bulk load. As a superuser (the scratch database's
  // owner normally is), foreign-key triggers are off for it
  // (session_replication_role = replica): every row references rows written
  // just before by construction, and checking 2 million references one by one
  // would double the seeding time.
  const bulk = await outer.transaction().execute(async (db) => {
    const superuser = (await sql<{ s: boolean }>`select rolsuper as s from pg_roles where rolname = current_user`.execute(db)).rows[0]?.s;
    if (superuser) await sql`set local session_replication_role = replica`.execute(db);
    else log('  (not a superuser: foreign keys are checked row by row, which is slower)');
    return bulkLoad(db, plan, options, steps);
  });
  return finish(outer, plan, options, steps, bulk);
}

async function bulkLoad(db: Kysely<DB>, plan: PlannedMunicipality[], options: { networks: number; log: (m: string) => void }, steps: NationalScenario['steps']) {
  const { log } = options;
  const version = await db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select('v.id')
    .where('f.key', '=', STARTER_FRAMEWORK_KEY)
    .where('v.version', '=', STARTER_FRAMEWORK_VERSION)
    .executeTakeFirstOrThrow();
  const codes = (await db.selectFrom('framework_competences').select('code').where('version_id', '=', version.id).orderBy('position').execute())
    .map((r) => r.code)
    .slice(0, COMPETENCES);
  if (codes.length !== COMPETENCES) throw new Error(`the starter framework has ${codes.length} competences, fewer than ${COMPETENCES}`);

  const municipalityIds = await step(steps, 'municipalities and networks', log, async () => {
    const networks = await db
      .insertInto('networks')
      .values(Array.from({ length: options.networks }, (_, i) => ({ name: `Benchnettverk ${i + 1}`, slug: `bench-network-${i + 1}` })))
      .returning('id')
      .execute();
    const rows = await db
      .insertInto('municipalities')
      .values(plan.map((m) => ({ country: 'NO', code: m.code, name: m.name, population: m.population, network_id: networks[m.network]!.id, share_national_benchmarks: true })))
      .returning(['id', 'code'])
      .execute();
    const byCode = new Map(rows.map((r) => [r.code, r.id]));
    const ids = plan.map((m) => byCode.get(m.code)!);
    await sql`create table bench_plan (municipality_id uuid primary key, idx int not null, employees int not null, unit_count int not null, rate1 int not null, rate2 int not null)`.execute(db);
    await sql`insert into bench_plan values ${sql.join(
      plan.map((m, i) => sql`(${ids[i]!}::uuid, ${m.index}, ${m.employees}, ${m.units}, ${Math.round(m.rates[0] * 1000)}, ${Math.round(m.rates[1] * 1000)})`),
    )}`.execute(db);
    return ids;
  });

  await step(steps, 'units', log, async () => {
    await sql`insert into units (municipality_id, parent_id, code, name, kind)
      select p.municipality_id, null, 'SA' || s, 'Tjenesteområde ' || s, 'service_area'
      from bench_plan p cross join generate_series(1, least(4, p.unit_count)) s`.execute(db);
    await sql`insert into units (municipality_id, parent_id, code, name, kind)
      select p.municipality_id, sa.id, 'U' || u, 'Enhet ' || u, 'unit'
      from bench_plan p cross join generate_series(1, p.unit_count) u
      join units sa on sa.municipality_id = p.municipality_id and sa.code = 'SA' || (1 + (u - 1) % least(4, p.unit_count))`.execute(db);
  });

  await step(steps, 'persons', log, async () => {
    await sql`insert into persons (municipality_id, employee_number, given_name, family_name, profession, position_pct, preferred_language)
      select p.municipality_id, 'E' || g, 'Ansatt', 'Nummer ' || g, ${professionCase('g', '(1 + (g - 1) % p.unit_count)', 'abs(hashint8(g * 7919 + p.idx))')},
        (array[100, 80, 75, 60, 50, 40, 20])[1 + abs(hashint8(g * 104729 + p.idx)) % 7], 'nb'
      from bench_plan p cross join generate_series(1, p.employees) g`.execute(db);
    await sql`insert into person_units (municipality_id, person_id, unit_id, is_primary)
      select pe.municipality_id, pe.id, u.id, true
      from persons pe join bench_plan p on p.municipality_id = pe.municipality_id
      join units u on u.municipality_id = pe.municipality_id and u.code = 'U' || (1 + (substr(pe.employee_number, 2)::int - 1) % p.unit_count)`.execute(db);
  });

  await step(steps, 'campaigns and invitations', log, async () => {
    for (const c of CAMPAIGNS) {
      await sql`insert into campaigns (municipality_id, name, framework_version_id, competence_codes, mode, instruments, opens_at, closes_at, published_at, closed_at, created_at, updated_at)
        select p.municipality_id, ${c.name}, ${version.id}, ${codes}::text[], 'anonymous', array['self_assessment', 'leader_survey'],
          ${DAY_SQL(c.opens)}, ${DAY_SQL(c.closes)}, ${DAY_SQL(c.opens)}, ${DAY_SQL(c.closes)}, ${DAY_SQL(c.opens + 7)}, ${DAY_SQL(c.closes)}
        from bench_plan p`.execute(db);
      const rate = sql.raw(c.no === 1 ? 'p.rate1' : 'p.rate2');
      await sql`insert into campaign_invitations (municipality_id, campaign_id, person_id, instrument, unit_id, submitted)
        select pe.municipality_id, c.id, pe.id, 'self_assessment', pu.unit_id, ${h(`substr(pe.employee_number, 2)::int8 * 31 + ${c.no}`)} % 1000 < ${rate}
        from persons pe join bench_plan p on p.municipality_id = pe.municipality_id
        join campaigns c on c.municipality_id = pe.municipality_id and c.name = ${c.name}
        join person_units pu on pu.municipality_id = pe.municipality_id and pu.person_id = pe.id and pu.is_primary`.execute(db);
      await sql`insert into campaign_invitations (municipality_id, campaign_id, person_id, instrument, unit_id, submitted)
        select i.municipality_id, i.campaign_id, i.person_id, 'leader_survey', i.unit_id, ${h(`hashtext(i.id::text)::int8 + 7`)} % 100 < 85
        from campaign_invitations i join persons pe on pe.municipality_id = i.municipality_id and pe.id = i.person_id
        join campaigns c on c.municipality_id = i.municipality_id and c.id = i.campaign_id
        where i.instrument = 'self_assessment' and pe.profession = 'leader' and c.name = ${c.name}`.execute(db);
    }
  });

  await step(steps, 'anonymous responses', log, async () => {
    await sql`create table bench_answers (no int not null, variant int not null, answers jsonb not null, primary key (no, variant))`.execute(db);
    for (const c of CAMPAIGNS) {
      await sql`insert into bench_answers select ${c.no}, s.h0, ${answersJson(codes, c)}
        from (select g::int8 as h0 from generate_series(0, ${ANSWER_VARIANTS - 1}) g) s`.execute(db);
      await sql`insert into anonymous_responses (municipality_id, campaign_id, instrument, unit_id, profession, answers)
        select i.municipality_id, i.campaign_id, 'self_assessment', i.unit_id, pe.profession, v.answers
        from campaign_invitations i
        join persons pe on pe.municipality_id = i.municipality_id and pe.id = i.person_id
        join campaigns c on c.municipality_id = i.municipality_id and c.id = i.campaign_id
        join bench_answers v on v.no = ${c.no} and v.variant = abs(hashtext(i.id::text)) % ${ANSWER_VARIANTS}
        where i.instrument = 'self_assessment' and i.submitted and c.name = ${c.name}`.execute(db);
    }
    await sql`drop table bench_answers`.execute(db);
    await sql`insert into anonymous_responses (municipality_id, campaign_id, instrument, unit_id, profession, answers)
      select s.municipality_id, s.campaign_id, 'leader_survey', s.unit_id, 'leader', ${surveyJson()}
      from (select i.municipality_id, i.campaign_id, i.unit_id, hashtext(i.id::text)::int8 as h0
        from campaign_invitations i where i.instrument = 'leader_survey' and i.submitted) s`.execute(db);
  });

  const dashboardId = municipalityIds[0]!;
  await step(steps, 'role profiles', log, async () => {
    // Role profiles from the templates for the dashboard municipality, so its results carry gaps.
    for (const t of ROLE_PROFILE_TEMPLATES.filter((x) => x.profession !== null)) {
      const profile = await db
        .insertInto('role_profiles')
        .values({ municipality_id: dashboardId, name: t.name.nb ?? t.key, framework_version_id: version.id, profession: t.profession, template_key: t.key })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('role_profile_requirements')
        .values(t.requirements.map((r) => ({ municipality_id: dashboardId, profile_id: profile.id, competence_code: r.competenceCode, required_level: r.requiredLevel })))
        .execute();
    }
    await sql`drop table bench_plan`.execute(db);
  });
  return { versionId: version.id, dashboardId };
}

async function finish(
  db: Kysely<DB>,
  plan: PlannedMunicipality[],
  options: { sessionTtlMs: number; log: (m: string) => void },
  steps: NationalScenario['steps'],
  bulk: { versionId: string; dashboardId: string },
): Promise<NationalScenario> {
  const { dashboardId } = bulk;
  const people = await step(steps, 'users and sessions', options.log, async () => {
    const advisor = await db
      .insertInto('users')
      .values({ email: 'kompetanse@benchby.kommune.example', display_name: 'Bench Advisor', password_hash: null, preferred_language: 'nb' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('role_grants').values({ user_id: advisor.id, role: 'competence_advisor', scope_type: 'municipality', municipality_id: dashboardId }).execute();
    const analyst = await db
      .insertInto('users')
      .values({ email: 'analytiker@mestring.example', display_name: 'Bench Analyst', password_hash: null, preferred_language: 'nb' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('role_grants').values({ user_id: analyst.id, role: 'analyst', scope_type: 'platform' }).execute();
    const meta = { ip: '127.0.0.1', userAgent: 'mestring-bench' };
    const a = await createSession(db, advisor.id, options.sessionTtlMs, meta);
    const b = await createSession(db, analyst.id, options.sessionTtlMs, meta);
    return { advisorCookie: `${SESSION_COOKIE}=${a.token}`, analystCookie: `${SESSION_COOKIE}=${b.token}` };
  });

  const campaigns = (await db.selectFrom('campaigns').select(['municipality_id', 'id', 'name']).orderBy('municipality_id').orderBy('name').execute()).map((c) => ({
    municipalityId: c.municipality_id,
    campaignId: c.id,
    name: c.name,
  }));
  const count = async (q: RawBuilder<{ n: number }>) => Number((await q.execute(db)).rows[0]!.n);
  const counts = {
    municipalities: plan.length,
    employees: await count(sql`select count(*)::int as n from persons`),
    units: await count(sql`select count(*)::int as n from units`),
    campaigns: campaigns.length,
    invitations: await count(sql`select count(*)::int as n from campaign_invitations`),
    responses: await count(sql`select count(*)::int as n from anonymous_responses where instrument = 'self_assessment'`),
    surveyResponses: await count(sql`select count(*)::int as n from anonymous_responses where instrument = 'leader_survey'`),
  };
  return {
    frameworkVersionId: bulk.versionId,
    dashboard: { municipalityId: dashboardId, campaignIds: campaigns.filter((c) => c.municipalityId === dashboardId).map((c) => c.campaignId) },
    campaigns: campaigns.map(({ municipalityId, campaignId }) => ({ municipalityId, campaignId })),
    ...people,
    counts,
    steps,
  };
}
