import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, type TestApp } from '../../../../test/harness.js';
import { insertCampaign, invite, starterVersion, type Invited } from './mapping.fixtures.js';

// An attack on anonymous campaigns. Ten nurses of one unit (so unit and
// profession, the quasi-identifiers kept on purpose for k-anonymous aggregates,
// single no one out) answer, each differently, and submit in a known order.
// Then we try to tie each stored response back to its person with what the
// database holds: every column, every value in every table, every ordering, the
// order in which invitations were submitted, transaction ids (xmin) and, though
// out of scope, physical row order (ctid).

let t: TestApp;
let tenant: Tenant;
let campaignId: string;
let invited: (Invited & { fingerprint: string })[];
let submissionOrder: string[]; // person ids, first to last
const N = 10;
const CODES = ['HC.SEC.1', 'HC.SEC.2', 'HC.DIG.1'];

/** Person i's answers: different for everyone, so the response tells us (and only us) whose it is. */
function answersOf(i: number) {
  return [
    { competenceCode: 'HC.SEC.1', level: 1 + (i % 4), wantsTraining: i % 2 === 0 },
    { competenceCode: 'HC.SEC.2', level: 1 + Math.floor(i / 4) },
    { competenceCode: 'HC.DIG.1', level: i === 9 ? null : 4 - (i % 3) },
  ];
}
const fingerprint = (answers: Record<string, { level: number | null; wantsTraining: boolean }>) =>
  CODES.map((c) => `${c}=${answers[c]!.level}/${answers[c]!.wantsTraining}`).join(';');
const fingerprintOf = (i: number) => fingerprint(Object.fromEntries(answersOf(i).map((a) => [a.competenceCode, { level: a.level, wantsTraining: a.wantsTraining ?? false }])));

type Response = { id: string; unit_id: string | null; profession: string; answers: Record<string, { level: number | null; wantsTraining: boolean }>; x: string };
const responses = async () =>
  (await sql<Response>`select id, unit_id, profession, answers, xmin::text as x from anonymous_responses where campaign_id = ${campaignId}`.execute(t.db)).rows;
/** The ground truth, known only to the test: whose response is which. */
const ownerOf = (r: Response) => invited.find((i) => i.fingerprint === fingerprint(r.answers))!.personId;

beforeAll(async () => {
  t = await createTestApp();
  await starterVersion(t.db);
  tenant = await buildTenant(t.db);
  const m = tenant.municipality.id;
  const people = [];
  for (let i = 0; i < N; i++) people.push(await createPerson(t.db, m, tenant.units.unit.id, { profession: 'nurse' }));
  campaignId = await insertCampaign(t.db, m, { mode: 'anonymous', competenceCodes: CODES });
  const made = await invite(t.db, m, campaignId, people.map((p) => p.id));
  invited = people.map((p, i) => ({ ...made.find((x) => x.personId === p.id)!, fingerprint: fingerprintOf(i) }));

  // Everyone saves a draft first (in one order), then submits in another.
  for (const i of [0, 2, 4, 6, 8, 1, 3, 5, 7, 9]) {
    const res = await call(t.app, null, 'PUT', `/api/v1/assessments/${invited[i]!.token}/answers`, { answers: answersOf(i).slice(0, 2) });
    expect(res.statusCode).toBe(200);
  }
  const order = [7, 2, 9, 0, 5, 3, 8, 1, 6, 4];
  for (const i of order) {
    const res = await call(t.app, null, 'POST', `/api/v1/assessments/${invited[i]!.token}/submit`, { answers: answersOf(i).slice(2) });
    expect(res.statusCode, res.body).toBe(200);
  }
  submissionOrder = order.map((i) => invited[i]!.personId);
});
afterAll(() => t.close());

describe('an anonymous response cannot be tied back to its person', () => {
  it('stores one response per submission, with the right answers (the ground truth for the attacks below)', async () => {
    const rows = await responses();
    expect(rows).toHaveLength(N);
    expect(new Set(rows.map(ownerOf)).size).toBe(N);
    expect(rows.every((r) => r.unit_id === tenant.units.unit.id && r.profession === 'nurse')).toBe(true);
  });

  it('has no column that could point at a person, an invitation, a key or a moment', async () => {
    const columns = await sql<{ column_name: string; data_type: string; column_default: string | null; is_identity: string }>`
      select column_name, data_type, column_default, is_identity from information_schema.columns
      where table_schema = 'public' and table_name = 'anonymous_responses' order by ordinal_position`.execute(t.db);
    expect(columns.rows.map((c) => c.column_name)).toEqual(['municipality_id', 'campaign_id', 'id', 'unit_id', 'profession', 'answers', 'instrument']);
    for (const c of columns.rows) {
      expect(c.data_type, c.column_name).not.toMatch(/time|date|interval/);
      expect(c.is_identity, c.column_name).toBe('NO');
      // The id is random (version 4); nothing is numbered or stamped. The instrument defaults to a constant.
      if (c.column_default) expect(c.column_default, c.column_name).toBe(c.column_name === 'instrument' ? "'self_assessment'::text" : 'gen_random_uuid()');
    }
    const ids = (await responses()).map((r) => r.id);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    const references = await sql<{ target: string }>`
      select confrelid::regclass::text as target from pg_constraint where conrelid = 'anonymous_responses'::regclass and contype = 'f'`.execute(t.db);
    expect(references.rows.map((r) => r.target).sort()).toEqual(['campaigns', 'units']);
    // And the invitation keeps no trace of its response: no time, no reference.
    const invitationColumns = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns where table_schema = 'public' and table_name = 'campaign_invitations'`.execute(t.db);
    expect(invitationColumns.rows.filter((c) => /time|date/.test(c.data_type))).toEqual([]);
  });

  it('leaves no drafts behind, and the invitations only say "submitted"', async () => {
    const ids = invited.map((i) => i.invitationId);
    expect(await t.db.selectFrom('assessment_drafts').select('competence_code').where('invitation_id', 'in', ids).execute()).toEqual([]);
    const rows = await t.db.selectFrom('campaign_invitations').selectAll().where('id', 'in', ids).execute();
    expect(rows.every((r) => r.submitted)).toBe(true);
    // Opening one's link afterwards shows that it was submitted, not what was answered.
    const q = (await call(t.app, null, 'GET', `/api/v1/assessments/${invited[0]!.token}`)).json();
    expect(q).toMatchObject({ submitted: true, answers: [], answered: 0 });
    // No audit event dates an anonymous submission.
    const events = await t.db.selectFrom('audit_events').select('action').where('entity_id', 'in', ids).execute();
    expect(events).toEqual([]);
  });

  it('shares no value with any other row of any table (ids, answers)', async () => {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'anonymous_responses'`.execute(t.db);
    const everythingElse: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await sql<{ j: string }>`select row_to_json(x)::text as j from ${sql.table(name)} x`.execute(t.db);
      everythingElse.push(...rows.rows.map((r) => r.j));
    }
    const haystack = everythingElse.join('\n');
    for (const r of await responses()) {
      expect(haystack.includes(r.id), `response ${r.id} is referred to elsewhere`).toBe(false);
      expect(haystack.includes(JSON.stringify(r.answers)), 'the answers are stored elsewhere').toBe(false);
    }
    // Conversely, nothing personal is in the responses.
    const own = JSON.stringify(await t.db.selectFrom('anonymous_responses').selectAll().where('campaign_id', '=', campaignId).execute());
    for (const i of invited) {
      expect(own).not.toContain(i.personId);
      expect(own).not.toContain(i.invitationId);
    }
    const hashes = await t.db.selectFrom('invitation_keys').select('key_hash').where('invitation_id', 'in', invited.map((i) => i.invitationId)).execute();
    for (const h of hashes) expect(own).not.toContain(h.key_hash);
  });

  it('cannot be matched to the order in which invitations were submitted', async () => {
    // What an attacker can know: the order people submitted in. The invitations'
    // transaction ids give it away exactly (so can web server logs of the submit URL).
    const byXmin = await sql<{ person_id: string }>`
      select person_id from campaign_invitations where campaign_id = ${campaignId} order by xmin::text::bigint`.execute(t.db);
    expect(byXmin.rows.map((r) => r.person_id)).toEqual(submissionOrder);

    // Every way to put the responses in an order, matched position by position to that order.
    const rows = await responses();
    const orderings: Record<string, Response[]> = {
      'id ascending': [...rows].sort((a, b) => a.id.localeCompare(b.id)),
      'id descending': [...rows].sort((a, b) => b.id.localeCompare(a.id)),
      'answers text': [...rows].sort((a, b) => JSON.stringify(a.answers).localeCompare(JSON.stringify(b.answers))),
    };
    // Physical order (ctid) is out of scope for this issue, but every submission rewrites
    // the responses in random order, so the order in which they lie says nothing either.
    const physical = await sql<{ id: string }>`select id from anonymous_responses where campaign_id = ${campaignId} order by ctid`.execute(t.db);
    orderings['physical (ctid)'] = physical.rows.map((p) => rows.find((r) => r.id === p.id)!);
    for (const [how, ordered] of Object.entries(orderings)) {
      const hits = ordered.filter((r, k) => ownerOf(r) === submissionOrder[k]).length;
      expect(hits, `ordering by ${how} re-links ${hits} of ${N}`).toBeLessThan(N);
    }
    // xmin does not order the responses at all (next test).
  });

  it('cannot be joined on transaction ids (xmin): every response carries the same one', async () => {
    const rows = await responses();
    expect(new Set(rows.map((r) => r.x)).size).toBe(1);
    const joined = await sql<{ person_id: string; matches: number }>`
      select i.person_id, count(r.id)::int as matches
      from campaign_invitations i left join anonymous_responses r on r.xmin = i.xmin and r.campaign_id = i.campaign_id
      where i.campaign_id = ${campaignId} group by i.person_id`.execute(t.db);
    // Each invitation matches no response, or (the last one submitted) all of them alike.
    for (const j of joined.rows) expect([0, N], j.person_id).toContain(Number(j.matches));
    expect(joined.rows.filter((j) => Number(j.matches) === N).map((j) => j.person_id)).toEqual([submissionOrder[N - 1]]);
  });

  it('(control) the xmin join does tie rows together when one transaction writes both', async () => {
    // Shows that the attack above is real: the same join finds a row written
    // alongside an invitation update when nothing rewrites it afterwards.
    const other = await insertCampaign(t.db, tenant.municipality.id, { mode: 'anonymous', competenceCodes: CODES });
    const [inv] = await invite(t.db, tenant.municipality.id, other, [tenant.people.inTeam.id]);
    await t.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('anonymous_responses')
        .values({ municipality_id: tenant.municipality.id, campaign_id: other, unit_id: null, profession: 'nurse', answers: '{}' })
        .execute();
      await tx.updateTable('campaign_invitations').set({ submitted: true }).where('id', '=', inv!.invitationId).execute();
    });
    const joined = await sql<{ person_id: string }>`
      select i.person_id from campaign_invitations i join anonymous_responses r on r.xmin = i.xmin and r.campaign_id = i.campaign_id
      where i.campaign_id = ${other}`.execute(t.db);
    expect(joined.rows.map((r) => r.person_id)).toEqual([tenant.people.inTeam.id]);
  });
});
