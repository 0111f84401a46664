import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { SESSION_COOKIE } from '../../src/server/http/auth-hooks.js';
import { createSession } from '../../src/server/modules/auth/session.repository.js';
import { STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION } from '../../src/server/modules/frameworks/starter/starter-framework.js';
import { answerOptions, LEADER_SURVEY_ITEMS } from '../../src/server/modules/mapping/question-bank/question-bank.js';
import { ROLE_PROFILE_TEMPLATES } from '../../src/server/modules/role-profiles/role-profile.templates.js';
import { seedPeople, step, type Steps } from './people.js';
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

export type NationalScenario = {
  frameworkVersionId: string;
  dashboard: { municipalityId: string; campaignIds: string[] };
  campaigns: { municipalityId: string; campaignId: string }[];
  advisorCookie: string;
  analystCookie: string;
  counts: { municipalities: number; employees: number; units: number; campaigns: number; invitations: number; responses: number; surveyResponses: number };
  steps: Steps;
};

const h = (x: string) => sql.raw(`abs(hashint8(${x}))`);

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

export async function seedNationalScenario(
  outer: Kysely<DB>,
  plan: PlannedMunicipality[],
  options: { networks: number; sessionTtlMs: number; log: (m: string) => void },
): Promise<NationalScenario> {
  const steps: Steps = [];
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

async function bulkLoad(db: Kysely<DB>, plan: PlannedMunicipality[], options: { networks: number; log: (m: string) => void }, steps: Steps) {
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

  const municipalityIds = await seedPeople(db, plan, options, steps);

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
  steps: Steps,
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
