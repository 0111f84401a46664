import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, type TestApp } from '../../../../test/harness.js';
import { completeSurveyAnswers, insertCampaign, invite, starterVersion, type Invited } from './mapping.fixtures.js';

// The attack of anonymity.test.ts on the leader survey. An anonymous campaign
// with both instruments: six leaders of one unit answer the self-assessment and
// the leader survey, four nurses the self-assessment, each differently, and
// the sixteen submissions come in a known, interleaved order. Then we try to tie
// each stored leader-survey response back to its leader with what the database
// holds, and check that a survey submission does not disturb the
// self-assessment responses (the rewrite keeps each row's instrument).

let t: TestApp;
let tenant: Tenant;
let campaignId: string;
type Leader = Invited & { fingerprint: string };
let leaders: Leader[]; // leader-survey invitations
let selfInvited: Invited[]; // self-assessment invitations (leaders and nurses)
let surveyOrder: string[]; // person ids, in the order they submitted the survey
let lastSubmitted: string; // invitation id of the very last submission (either instrument)
const LEADERS = 6;
const NURSES = 4;
const CODES = ['HC.SEC.1', 'HC.SEC.2', 'HC.DIG.1'];

const selfAnswers = (i: number) => [
  { competenceCode: 'HC.SEC.1', level: 1 + (i % 4), wantsTraining: i % 2 === 0 },
  { competenceCode: 'HC.SEC.2', level: 1 + Math.floor(i / 4) },
  { competenceCode: 'HC.DIG.1', level: 4 - (i % 3) },
];
type SurveyAnswers = Record<string, string[]>;
const fingerprint = (answers: SurveyAnswers) =>
  Object.keys(answers)
    .sort()
    .map((code) => `${code}=${answers[code]!.join('+')}`)
    .join(';');
const fingerprintOf = (i: number) => fingerprint(Object.fromEntries(completeSurveyAnswers(i).map((a) => [a.itemCode, a.optionCodes])));

type Response = { id: string; instrument: string; unit_id: string | null; profession: string; answers: Record<string, unknown>; x: string };
const responses = async (instrument?: string) =>
  (
    await sql<Response>`select id, instrument, unit_id, profession, answers, xmin::text as x from anonymous_responses
      where campaign_id = ${campaignId} and (${instrument ?? null}::text is null or instrument = ${instrument ?? null})`.execute(t.db)
  ).rows;
/** The ground truth, known only to the test: whose survey response is which. */
const ownerOf = (r: Response) => leaders.find((l) => l.fingerprint === fingerprint(r.answers as SurveyAnswers))!.personId;

beforeAll(async () => {
  t = await createTestApp();
  await starterVersion(t.db);
  tenant = await buildTenant(t.db);
  const m = tenant.municipality.id;
  const leaderPeople = [];
  for (let i = 0; i < LEADERS; i++) leaderPeople.push(await createPerson(t.db, m, tenant.units.unit.id, { profession: 'leader' }));
  const nurses = [];
  for (let i = 0; i < NURSES; i++) nurses.push(await createPerson(t.db, m, tenant.units.unit.id, { profession: 'nurse' }));
  campaignId = await insertCampaign(t.db, m, { mode: 'anonymous', competenceCodes: CODES, instruments: ['self_assessment', 'leader_survey'] });
  const surveyMade = await invite(t.db, m, campaignId, leaderPeople.map((p) => p.id), 'leader_survey');
  leaders = leaderPeople.map((p, i) => ({ ...surveyMade.find((x) => x.personId === p.id)!, fingerprint: fingerprintOf(i) }));
  const selfMade = await invite(t.db, m, campaignId, [...leaderPeople, ...nurses].map((p) => p.id));
  selfInvited = [...leaderPeople, ...nurses].map((p) => selfMade.find((x) => x.personId === p.id)!);

  // Every leader saves half a survey first (in one order) …
  for (const i of [0, 2, 4, 1, 3, 5]) {
    const res = await call(t.app, null, 'PUT', `/api/v1/assessments/${leaders[i]!.token}/answers`, { surveyAnswers: completeSurveyAnswers(i).slice(0, 10) });
    expect(res.statusCode, res.body).toBe(200);
  }
  // … then the sixteen submissions come interleaved: s = self-assessment, l = leader survey.
  // The last is a survey, so that only the survey's own rewrite can hide it.
  const order: [kind: 's' | 'l', index: number][] = [
    ['l', 3], ['s', 7], ['s', 0], ['l', 0], ['l', 5], ['s', 9], ['s', 3], ['l', 1],
    ['s', 5], ['s', 1], ['l', 4], ['s', 8], ['s', 2], ['s', 6], ['s', 4], ['l', 2],
  ];
  for (const [kind, i] of order) {
    const res =
      kind === 'l'
        ? await call(t.app, null, 'POST', `/api/v1/assessments/${leaders[i]!.token}/submit`, { surveyAnswers: completeSurveyAnswers(i).slice(10) })
        : await call(t.app, null, 'POST', `/api/v1/assessments/${selfInvited[i]!.token}/submit`, { answers: selfAnswers(i) });
    expect(res.statusCode, res.body).toBe(200);
  }
  surveyOrder = order.filter(([kind]) => kind === 'l').map(([, i]) => leaders[i]!.personId);
  const [kind, i] = order.at(-1)!;
  lastSubmitted = (kind === 'l' ? leaders[i] : selfInvited[i])!.invitationId;
});
afterAll(() => t.close());

describe('an anonymous leader-survey response cannot be tied back to its leader', () => {
  it('stores one survey response per submission with the answers as item → options, and keeps the self-assessments as they were', async () => {
    const survey = await responses('leader_survey');
    expect(survey).toHaveLength(LEADERS);
    expect(new Set(survey.map(ownerOf)).size).toBe(LEADERS);
    expect(survey.every((r) => r.unit_id === tenant.units.unit.id && r.profession === 'leader')).toBe(true);
    const first = survey.find((r) => ownerOf(r) === leaders[0]!.personId)!;
    expect(first.answers).toEqual(Object.fromEntries(completeSurveyAnswers(0).map((a) => [a.itemCode, a.optionCodes])));
    // Rewritten by every submission, of either instrument, each row kept its instrument and answers.
    const self = await responses('self_assessment');
    expect(self).toHaveLength(LEADERS + NURSES);
    expect(self.every((r) => Object.keys(r.answers).sort().join() === [...CODES].sort().join())).toBe(true);
    expect(self.filter((r) => r.profession === 'leader')).toHaveLength(LEADERS);
  });

  it('leaves no survey drafts behind, and the invitations only say "submitted"; no audit event', async () => {
    const ids = leaders.map((l) => l.invitationId);
    expect(await t.db.selectFrom('leader_survey_answers').select('item_code').where('invitation_id', 'in', ids).execute()).toEqual([]);
    const rows = await t.db.selectFrom('campaign_invitations').selectAll().where('id', 'in', ids).execute();
    expect(rows.every((r) => r.submitted && r.instrument === 'leader_survey')).toBe(true);
    const q = (await call(t.app, null, 'GET', `/api/v1/assessments/${leaders[0]!.token}`)).json();
    expect(q).toMatchObject({ instrument: 'leader_survey', submitted: true, answered: 0, survey: { answers: [] } });
    const events = await t.db.selectFrom('audit_events').select('action').where('entity_id', 'in', [...ids, ...selfInvited.map((i) => i.invitationId)]).execute();
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
    for (const r of await responses('leader_survey')) {
      expect(haystack.includes(r.id), `response ${r.id} is referred to elsewhere`).toBe(false);
      expect(haystack.includes(JSON.stringify(r.answers)), 'the answers are stored elsewhere').toBe(false);
    }
    const own = JSON.stringify(await t.db.selectFrom('anonymous_responses').selectAll().where('campaign_id', '=', campaignId).execute());
    for (const i of [...leaders, ...selfInvited]) {
      expect(own).not.toContain(i.personId);
      expect(own).not.toContain(i.invitationId);
    }
    const hashes = await t.db.selectFrom('invitation_keys').select('key_hash').where('invitation_id', 'in', leaders.map((l) => l.invitationId)).execute();
    for (const h of hashes) expect(own).not.toContain(h.key_hash);
  });

  it('cannot be matched to the order in which leaders submitted', async () => {
    // What an attacker can know: the invitations' transaction ids give the order away.
    const byXmin = await sql<{ person_id: string }>`
      select person_id from campaign_invitations where campaign_id = ${campaignId} and instrument = 'leader_survey' order by xmin::text::bigint`.execute(t.db);
    expect(byXmin.rows.map((r) => r.person_id)).toEqual(surveyOrder);

    const rows = await responses('leader_survey');
    const orderings: Record<string, Response[]> = {
      'id ascending': [...rows].sort((a, b) => a.id.localeCompare(b.id)),
      'id descending': [...rows].sort((a, b) => b.id.localeCompare(a.id)),
      'answers text': [...rows].sort((a, b) => JSON.stringify(a.answers).localeCompare(JSON.stringify(b.answers))),
    };
    // Physical order, over the survey rows alone and over the whole campaign.
    const physical = await sql<{ id: string }>`select id from anonymous_responses where campaign_id = ${campaignId} and instrument = 'leader_survey' order by ctid`.execute(t.db);
    orderings['physical (ctid)'] = physical.rows.map((p) => rows.find((r) => r.id === p.id)!);
    for (const [how, ordered] of Object.entries(orderings)) {
      const hits = ordered.filter((r, k) => ownerOf(r) === surveyOrder[k]).length;
      expect(hits, `ordering by ${how} re-links ${hits} of ${LEADERS}`).toBeLessThan(LEADERS);
    }
  });

  it('cannot be joined on transaction ids (xmin): every response of the campaign, of either instrument, carries the same one', async () => {
    const rows = await responses();
    expect(rows).toHaveLength(LEADERS + LEADERS + NURSES);
    expect(new Set(rows.map((r) => r.x)).size).toBe(1);
    const joined = await sql<{ id: string; matches: number }>`
      select i.id, count(r.id)::int as matches
      from campaign_invitations i left join anonymous_responses r on r.xmin = i.xmin and r.campaign_id = i.campaign_id
      where i.campaign_id = ${campaignId} group by i.id`.execute(t.db);
    for (const j of joined.rows) expect([0, rows.length], j.id).toContain(Number(j.matches));
    expect(joined.rows.filter((j) => Number(j.matches) > 0).map((j) => j.id)).toEqual([lastSubmitted]);
  });
});
