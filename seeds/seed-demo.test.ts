import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor } from '../test/factories.js';
import { packageTestConfig, tempDataDir } from '../test/fixtures/packages/upload.js';
import { call, createTestApp, type TestApp } from '../test/harness.js';
import { seedDemo as seedDemoWith } from './seed-demo.js';

let t: TestApp;
let data: Awaited<ReturnType<typeof tempDataDir>>;
beforeAll(async () => {
  // The demo's SCORM packages are stored under the data folder: a throw-away one here.
  data = await tempDataDir();
  t = await createTestApp(packageTestConfig(data.dataDir));
});
afterAll(async () => {
  await t.close();
  await data.cleanup();
});
const seedDemo = (db: TestApp['db']) => seedDemoWith(db, { config: t.deps.config });

const TABLES = [
  'networks', 'municipalities', 'units', 'persons', 'person_units', 'users', 'role_grants', 'audit_events', 'role_profiles',
  'campaigns', 'campaign_invitations', 'invitation_keys', 'identified_responses', 'identified_answers', 'anonymous_responses',
  'leader_survey_answers', 'leader_ratings', 'campaign_results', 'benchmark_contributions',
] as const;

async function counts() {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);
  return out;
}

const municipalityId = async (code: string) => (await t.db.selectFrom('municipalities').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const userId = async (email: string) => (await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

/** The campaigns of a municipality, oldest first, with their snapshot's respondents and mean level. */
async function campaignsOf(code: string) {
  const mid = await municipalityId(code);
  const { rows } = await sql<{ id: string; name: string; mode: string; instruments: string[]; closes_at: Date; respondents: number | null; survey_respondents: number | null; mean: number | null; invited: number; submitted: number }>`
    select c.id, c.name, c.mode, c.instruments, c.closes_at, r.respondents, r.survey_respondents,
      (select sum(n * l)::float / nullif(sum(n), 0) from campaign_result_stats s
        cross join lateral unnest(s.level_counts) with ordinality as u(n, l)
        where s.municipality_id = c.municipality_id and s.campaign_id = c.id) as mean,
      (select count(*)::int from campaign_invitations i where i.municipality_id = c.municipality_id and i.campaign_id = c.id and i.instrument = 'self_assessment') as invited,
      (select count(*)::int from campaign_invitations i where i.municipality_id = c.municipality_id and i.campaign_id = c.id and i.instrument = 'self_assessment' and i.submitted) as submitted
    from campaigns c left join campaign_results r on r.municipality_id = c.municipality_id and r.campaign_id = c.id
    where c.municipality_id = ${mid} order by c.closes_at`.execute(t.db);
  return rows;
}

describe('npm run db:seed -- demo', () => {
  it('creates the demo network and is idempotent when run again', async () => {
    expect((await seedDemo(t.db)).created).toBe(true);
    const first = await counts();
    expect(first.networks).toBe(1);
    expect(first.municipalities).toBe(9);
    expect(first.persons).toBeGreaterThanOrEqual(280 + 6 * 25);
    expect(first.users).toBeGreaterThanOrEqual(20);
    expect(first.campaigns).toBe(3 * 2 + 6);
    expect(first.campaign_results).toBe(first.campaigns);
    expect((await seedDemo(t.db)).created).toBe(false);
    expect(await counts()).toEqual(first);
  }, 120_000);

  it('uses the unused codes 9901–9903 for the network and 9904–9909 for benchmark municipalities, all sharing nationally', async () => {
    const rows = await t.db.selectFrom('municipalities').select(['code', 'name', 'size_class', 'network_id', 'share_national_benchmarks']).orderBy('code').execute();
    expect(rows.slice(0, 3).map((r) => [r.code, r.size_class])).toEqual([
      ['9901', 'small'],
      ['9902', 'medium'],
      ['9903', 'large'],
    ]);
    expect(new Set(rows.slice(0, 3).map((r) => r.network_id)).size).toBe(1);
    expect(rows[0]!.network_id).not.toBeNull();
    const benchmark = rows.slice(3);
    expect(benchmark.map((r) => r.code)).toEqual(['9904', '9905', '9906', '9907', '9908', '9909']);
    for (const r of benchmark) {
      expect(r.name).toMatch(/^Demo: /);
      expect(r.network_id).toBeNull();
    }
    expect(rows.every((r) => r.share_national_benchmarks)).toBe(true);
    const employees = await sql<{ code: string; n: number; units: number }>`
      select m.code, (select count(*)::int from persons p where p.municipality_id = m.id) as n,
        (select count(*)::int from units u where u.municipality_id = m.id and u.parent_id is not null) as units
      from municipalities m where m.code >= '9904' order by m.code`.execute(t.db);
    for (const r of employees.rows) {
      expect(r.n, r.code).toBeGreaterThanOrEqual(25);
      expect(r.n, r.code).toBeLessThanOrEqual(60);
      expect(r.units, r.code).toBeGreaterThanOrEqual(2);
      expect(r.units, r.code).toBeLessThanOrEqual(3);
    }
    // Every benchmark municipality contributes one campaign to the national pool.
    const pool = await sql<{ n: number }>`
      select count(distinct b.municipality_id)::int as n from benchmark_contributions b join municipalities m on m.id = b.municipality_id
      where m.code >= '9904' and b.kind = 'competence'`.execute(t.db);
    expect(pool.rows[0]!.n).toBe(6);
  });

  it('gives each demo municipality two closed campaigns half a year apart, with results and an improvement', async () => {
    const now = Date.now();
    const modes: Record<string, string> = { '9901': 'anonymous', '9902': 'anonymous', '9903': 'identified' };
    for (const code of ['9901', '9902', '9903']) {
      const [first, second, ...more] = await campaignsOf(code);
      expect(more, code).toHaveLength(0);
      for (const c of [first!, second!]) {
        expect(c.mode, code).toBe(modes[code]);
        expect(c.instruments.sort(), code).toEqual(['leader_survey', 'self_assessment']);
        expect(c.closes_at.getTime(), code).toBeLessThan(now);
        expect(c.respondents, code).toBe(c.submitted);
        expect(c.submitted / c.invited, code).toBeGreaterThanOrEqual(0.55);
        expect(c.submitted / c.invited, code).toBeLessThanOrEqual(0.9);
        expect(c.survey_respondents, code).toBeGreaterThanOrEqual(5);
      }
      const apart = (second!.closes_at.getTime() - first!.closes_at.getTime()) / 86_400_000;
      expect(apart, code).toBeGreaterThan(150);
      expect(apart, code).toBeLessThan(210);
      expect(second!.mean!, code).toBeGreaterThan(first!.mean! + 0.1);
      expect(second!.name).not.toBe(first!.name);
    }
    // The submit path leaves no drafts.
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from assessment_drafts`.execute(t.db)).rows[0]!.n)).toBe(0);
  });

  it('keeps "don\'t know" and "wants training" answers in the results', async () => {
    const { rows } = await sql<{ dont_know: number; wants: number; total: number }>`
      select sum(dont_know)::int as dont_know, sum(wants_training)::int as wants,
        sum((select sum(n) from unnest(level_counts) n) + dont_know)::int as total
      from campaign_result_stats`.execute(t.db);
    const r = rows[0]!;
    expect(r.dont_know / r.total).toBeGreaterThan(0.01);
    expect(r.dont_know / r.total).toBeLessThan(0.1);
    expect(r.wants / r.total).toBeGreaterThan(0.05);
    expect(r.wants / r.total).toBeLessThan(0.4);
  });

  it('shows Solvik\'s results although most of its units are too small, merged into larger rows', async () => {
    const mid = await municipalityId('9901');
    const session = await sessionFor(t.db, await userId('kompetanse@solvik.kommune.example'));
    let gaps = 0;
    for (const c of await campaignsOf('9901')) {
      const res = await call(t.app, session, 'GET', `/api/v1/municipalities/${mid}/campaigns/${c.id}/results`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.state).toBe('ready');
      expect(body.respondents).toBeGreaterThanOrEqual(5);
      expect(body.units.some((u: { mergedUnitIds: string[]; includesOther: boolean }) => u.mergedUnitIds.length > 0 || u.includesOther)).toBe(true);
      expect(body.leaderSurvey?.respondents).toBeGreaterThanOrEqual(5);
      gaps += body.topGaps.length;
    }
    // Gaps need groups whose role profiles agree; in a small place most groups mix professions, but not all.
    expect(gaps).toBeGreaterThan(0);
  });

  it('shows gaps against the role profiles in Bergheim and Havstad', async () => {
    for (const [code, login] of [['9902', 'kompetanse@bergheim.kommune.example'], ['9903', 'kompetanse@havstad.kommune.example']] as const) {
      const mid = await municipalityId(code);
      const session = await sessionFor(t.db, await userId(login));
      for (const c of await campaignsOf(code)) {
        const res = await call(t.app, session, 'GET', `/api/v1/municipalities/${mid}/campaigns/${c.id}/results`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().topGaps.length, `${code} ${c.name}`).toBeGreaterThan(0);
      }
    }
  });

  it('shows the improvement in Bergheim\'s trend and the leaders moving towards strategy and training', async () => {
    const mid = await municipalityId('9902');
    const session = await sessionFor(t.db, await userId('kompetanse@bergheim.kommune.example'));
    const res = await call(t.app, session, 'GET', `/api/v1/municipalities/${mid}/results/trend`);
    expect(res.statusCode, res.body).toBe(200);
    const points = res.json().points as { competences: { code: string; average: number | null }[] }[];
    expect(points).toHaveLength(2);
    const mean = (p: (typeof points)[number], prefix: string) => {
      const xs = p.competences.filter((c) => c.code.startsWith(prefix) && c.average !== null).map((c) => c.average!);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    for (const area of ['HC.SEC.', 'HC.WT.']) expect(mean(points[1]!, area) - mean(points[0]!, area), area).toBeGreaterThan(0.2);
    const survey = await sql<{ option_code: string; first: number; second: number }>`
      select s.option_code, sum(s.count) filter (where c.closes_at < now() - interval '100 days')::int as first,
        sum(s.count) filter (where c.closes_at >= now() - interval '100 days')::int as second
      from campaign_result_survey s join campaigns c on c.municipality_id = s.municipality_id and c.id = s.campaign_id
      where s.municipality_id = ${mid} and s.item_code = 'LS.STRAT.1' group by 1`.execute(t.db);
    const yes = survey.rows.find((r) => r.option_code === 'yes')!;
    expect(yes.second).toBeGreaterThan(yes.first);
  });

  it('keeps Havstad identified, with profiles and leader ratings by the home-care leader', async () => {
    const mid = await municipalityId('9903');
    const leader = await userId('leder.hjemmetjeneste@havstad.kommune.example');
    const [first, second] = await campaignsOf('9903');
    const ratings = await sql<{ campaign_id: string; people: number; rated_by: string }>`
      select campaign_id, count(distinct person_id)::int as people, min(rated_by::text) as rated_by
      from leader_ratings where municipality_id = ${mid} group by 1`.execute(t.db);
    expect(ratings.rows.map((r) => r.campaign_id).sort()).toEqual([first!.id, second!.id].sort());
    for (const r of ratings.rows) {
      expect(r.rated_by).toBe(leader);
      expect(r.people).toBeGreaterThanOrEqual(5);
    }
    // Identified responses are dated inside the campaign's window, not at seed time.
    const outside = await sql<{ n: number }>`
      select count(*)::int as n from identified_responses r join campaigns c on c.municipality_id = r.municipality_id and c.id = r.campaign_id
      where r.municipality_id = ${mid} and (r.submitted_at < c.opens_at or r.submitted_at > c.closes_at)`.execute(t.db);
    expect(outside.rows[0]!.n).toBe(0);
    const session = await sessionFor(t.db, await userId('kompetanse@havstad.kommune.example'));
    const res = await call(t.app, session, 'GET', `/api/v1/municipalities/${mid}/campaigns/${second!.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('ready');
  });

  it('has role profiles from the templates in each demo municipality', async () => {
    const rows = await sql<{ code: string; templates: string[] }>`
      select m.code, array_agg(p.template_key order by p.template_key) as templates
      from role_profiles p join municipalities m on m.id = p.municipality_id group by 1 order by 1`.execute(t.db);
    expect(rows.rows.map((r) => r.code)).toEqual(['9901', '9902', '9903']);
    for (const r of rows.rows) expect(r.templates).toContain('nurse-home-care');
  });
});
