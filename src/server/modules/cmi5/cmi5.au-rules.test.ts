import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureId, type FixtureCourse } from '../../../../test/fixtures/cmi5/course.js';
import { CMI5, cmi5Tenant, cmi5TestApp, importCourse, launch, learner, SimulatedAu, statementsOf, type Cmi5Tenant } from '../../../../test/fixtures/cmi5/harness.js';
import type { TestApp } from '../../../../test/harness.js';

// The cmi5 rules for what an AU sends under its session token (7.1, 9, 10,
// 11), through the real /xapi endpoint: every rule-breaking request is
// refused with 403 (the status the ADL LMS test suite expects) and stores
// nothing; a statement that is not valid xAPI at all stays a 400.

let t: TestApp;
let close: () => Promise<void>;
let tenant: Cmi5Tenant;
let courseId: string;
beforeAll(async () => {
  ({ t, close } = await cmi5TestApp());
  tenant = await cmi5Tenant(t);
  const course: FixtureCourse = { id: fixtureId('course'), children: [{ id: fixtureId('au'), moveOn: 'CompletedAndPassed', masteryScore: 0.8 }] };
  courseId = (await importCourse(t, tenant, course)).courseId;
});
afterAll(() => close());

async function newAu(body: Record<string, unknown> = {}, actor = learner()) {
  const l = await launch(t, tenant, courseId, { actor, auIndex: 0, ...body });
  return new SimulatedAu(t, l.url);
}

async function initializedAu(body: Record<string, unknown> = {}) {
  const au = await (await newAu(body)).prepare();
  await au.ok(au.statement('initialized'));
  return au;
}

async function expectRefused(au: SimulatedAu, statement: unknown, status = 403) {
  const before = (await statementsOf(t, tenant.credential, au.registration)).length;
  const res = await au.send(statement);
  expect(res.statusCode, res.body).toBe(status);
  expect((await statementsOf(t, tenant.credential, au.registration)).length).toBe(before);
  return res;
}

type Alter = (st: any, au: SimulatedAu) => any;
const alter = (base: (au: SimulatedAu) => any, change: (st: any, au: SimulatedAu) => void): Alter => (_st, au) => {
  const st = base(au);
  change(st, au);
  return st;
};
const allowed = (au: SimulatedAu) => au.statement('experienced', { allowed: true });

const REFUSED: [string, string, Alter][] = [
  ['a statement without an id (9.1)', '9.1.0.0-1', alter(allowed, (st) => delete st.id)],
  ['a statement without a timestamp (9.7)', '9.7.0.0-1', alter(allowed, (st) => delete st.timestamp)],
  ['a timestamp that is not UTC (9.7)', '9.7.0.0-2', alter(allowed, (st) => (st.timestamp = st.timestamp.replace('Z', '-06:00')))],
  ['a Group as actor (9.2)', '9.2.0.0-2', alter((au) => au.passed(), (st) => (st.actor = { ...st.actor, objectType: 'Group' }))],
  ['another actor (8.1.3)', '8.1.3.0-3', alter((au) => au.completed(), (st) => (st.actor = { objectType: 'Agent', mbox: 'mailto:someone@example.org' }))],
  ['no context (9.6)', '9.6.0.0-1', alter((au) => au.completed(), (st) => delete st.context)],
  ['no registration (9.6.1)', '9.6.1.0-1', alter((au) => au.completed(), (st) => delete st.context.registration)],
  ['another registration (9.6.1)', '9.6.1.0-1', alter((au) => au.completed(), (st) => (st.context.registration = 'ccaf384c-f8d4-4e7a-8304-49af58f0b176'))],
  ['no session id (9.6.3.1)', '9.6.3.1-4', alter(allowed, (st) => delete st.context.extensions[CMI5.sessionId])],
  ['without the publisher id grouping of the context template (10)', '10.2.1.0-6', alter(allowed, (st) => delete st.context.contextActivities.grouping)],
  ['a cmi5 defined statement about another activity (9.4)', '8.1.5.0-6', alter((au) => au.completed(), (st) => (st.object.id = 'https://example.org/not/the/au'))],
  ['a voiding statement (6.3)', '6.3.0.0-1', alter(allowed, (st) => {
      st.verb = { id: 'http://adlnet.gov/expapi/verbs/voided' };
      st.object = { objectType: 'StatementRef', id: 'ccaf384c-f8d4-4e7a-8304-49af58f0b176' };
    })],
  ['an LMS verb from the AU (9.3)', '9.3.0.0-1', alter((au) => au.statement('satisfied'), () => {})],
  ['a cmi5 verb without the cmi5 category (7.1.3)', '7.1.3.0-1', alter((au) => au.completed(), (st) => st.context.contextActivities.category.splice(0, 1))],
  ['the cmi5 category with a verb cmi5 does not define (9.3)', '9.3.0.0-1', alter((au) => au.statement('experienced'), () => {})],
  ['a second initialized (9.3)', '9.3.0.0-2', alter((au) => au.statement('initialized'), () => {})],
  ['completed with result.success (9.5.2)', '9.5.2.0-3', alter((au) => au.completed(), (st) => (st.result.success = true))],
  ['completed without result.completion (9.5.3)', '9.5.3.0-1', alter((au) => au.completed(), (st) => delete st.result.completion)],
  ['completed with completion false (9.5.3)', '9.5.3.0-1', alter((au) => au.completed(), (st) => (st.result.completion = false))],
  ['completed with a score (9.5.1)', '9.5.1.0-2', alter((au) => au.completed(), (st) => (st.result.score = { scaled: 0.5 }))],
  ['completed without duration (9.5.4.1)', '9.5.4.1-1', alter((au) => au.completed(), (st) => delete st.result.duration)],
  ['completed without the moveOn category (9.6.2.2)', '9.6.2.2-1', alter((au) => au.completed(), (st) => st.context.contextActivities.category.pop())],
  ['passed without result.success (9.5.2)', '9.5.2.0-1', alter((au) => au.passed(), (st) => delete st.result.success)],
  ['passed with success false (9.5.2)', '9.5.2.0-1', alter((au) => au.passed(), (st) => (st.result.success = false))],
  ['passed with result.completion (9.5.3)', '9.5.3.0-2', alter((au) => au.passed(), (st) => (st.result.completion = true))],
  ['passed below the masteryScore (9.3.4)', '9.3.4.0-2', alter((au) => au.passed(0.79), () => {})],
  ['a scored passed without the masteryScore extension (9.6.3.2)', '9.6.3.2-2', alter((au) => au.passed(0.9), (st) => delete st.context.extensions[CMI5.masteryScore])],
  ['a masteryScore extension that is not the launch data (9.6.3.2)', '9.6.3.2-2', alter((au) => au.passed(0.9), (st) => (st.context.extensions[CMI5.masteryScore] = 0.5))],
  ['a raw score without min and max (9.5.1)', '9.5.1.0-3', alter((au) => au.passed(0.9), (st) => (st.result.score.raw = 90))],
  ['failed with success true (9.5.2)', '9.5.2.0-2', alter((au) => au.failed(), (st) => (st.result.success = true))],
  ['failed at the masteryScore (9.3.5)', '9.3.5.0-2', alter((au) => au.failed(0.8), () => {})],
  ['failed without duration (9.5.4.1)', '9.5.4.1-1', alter((au) => au.failed(), (st) => delete st.result.duration)],
  ['terminated without duration (9.5.4.1)', '9.5.4.1-1', alter((au) => au.terminated(), (st) => delete st.result)],
  ['the moveOn category on a cmi5 allowed statement (9.6.2.2)', '9.6.2.2-2', alter(allowed, (st) => st.context.contextActivities.category.push({ id: CMI5.moveOn }))],
  ['the moveOn category on terminated (9.6.2.2)', '9.6.2.2-2', alter((au) => au.terminated(), (st) => st.context.contextActivities.category.push({ id: CMI5.moveOn }))],
  ['a progress outside 0–100 (9.5.5.1)', '9.5.5.1-1', alter(allowed, (st) => (st.result = { extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': 120 } }))],
];

describe('statements an AU may not send', () => {
  let au: SimulatedAu;
  beforeAll(async () => {
    au = await initializedAu();
  });
  it.each(REFUSED)('refuses %s with 403 (requirement %s) and stores nothing', async (_name, rule, make) => {
    const res = await expectRefused(au, make(null, au));
    expect(res.json().error.details.rule).toBe(rule);
  });

  it('refuses the whole batch when one statement breaks a rule', async () => {
    const bad = au.completed();
    delete bad.result.duration;
    await expectRefused(au, [allowed(au), bad]);
  });

  it('keeps a statement that is not valid xAPI a 400', async () => {
    const st = au.completed();
    st.actor = { ...st.actor, objectType: 'Unknown' };
    await expectRefused(au, st, 400);
  });
});

describe('the order of a session', () => {
  it('refuses statements before initialized, and initialized before the learner preferences were read (11)', async () => {
    const au = await newAu();
    await au.fetchToken();
    const ld = await au.xapi('GET', '/activities/state', { query: au.stateQuery('LMS.LaunchData') });
    au.launchData = ld.json();
    await expectRefused(au, au.statement('initialized'));
    await au.xapi('GET', '/agents/profile', { query: { profileId: 'cmi5LearnerPreferences', agent: JSON.stringify(au.actor) } });
    await expectRefused(au, allowed(au));
    await au.ok(au.statement('initialized'));
    await au.ok(allowed(au));
  });

  it('takes each cmi5 defined verb once per session, and only one of passed and failed', async () => {
    const au = await initializedAu();
    await au.ok(au.failed(0.5));
    await expectRefused(au, au.failed(0.4));
    await expectRefused(au, au.passed(0.9));
    await au.ok(au.completed());
    await expectRefused(au, au.completed());
    await au.ok(au.terminated());
  });

  it('accepts a retried statement (same id, same content) without counting it twice', async () => {
    const au = await initializedAu();
    const completed = au.completed();
    await au.ok(completed);
    await au.ok(completed);
    const verbs = (await statementsOf(t, tenant.credential, au.registration)).map((s) => s.verb.id);
    expect(verbs.filter((v) => v === CMI5.verb('completed'))).toHaveLength(1);
  });

  it('holds completed and passed to once per registration, and failed never after passed', async () => {
    const actor = learner();
    const first = await (await newAu({}, actor)).prepare();
    await first.ok(first.statement('initialized'));
    await first.ok(first.completed());
    await first.ok(first.passed(0.9));
    await first.ok(first.terminated());
    const second = await (await newAu({ registration: first.registration }, actor)).prepare();
    await second.ok(second.statement('initialized'));
    await expectRefused(second, second.completed());
    await expectRefused(second, second.passed(0.95));
    await expectRefused(second, second.failed(0.1));
    await second.ok(second.terminated());
  });

  it.each(['Browse', 'Review'])('in %s mode refuses completed, passed and failed but takes initialized and terminated', async (launchMode) => {
    const au = await initializedAu({ launchMode });
    expect(au.launchData.launchMode).toBe(launchMode);
    await expectRefused(au, au.completed());
    await expectRefused(au, au.passed());
    await expectRefused(au, au.failed());
    await au.ok(au.terminated());
  });
});

describe('documents and reads under a session token', () => {
  let au: SimulatedAu;
  beforeAll(async () => {
    au = await initializedAu();
  });
  const state = (q: Record<string, string>) => ({ query: q, body: { x: 1 } });

  it('keeps LMS.LaunchData read-only for the AU (10)', async () => {
    for (const method of ['PUT', 'POST'] as const) expect((await au.xapi(method, '/activities/state', state(au.stateQuery('LMS.LaunchData')))).statusCode).toBe(403);
    expect((await au.xapi('DELETE', '/activities/state', { query: au.stateQuery('LMS.LaunchData') })).statusCode).toBe(403);
    const { stateId: _omit, ...all } = au.stateQuery('LMS.LaunchData');
    expect((await au.xapi('DELETE', '/activities/state', { query: all })).statusCode).toBe(403);
    expect((await au.xapi('GET', '/activities/state', { query: au.stateQuery('LMS.LaunchData') })).statusCode).toBe(200);
  });

  it("refuses another agent, another registration or an activity outside the course", async () => {
    const other = JSON.stringify({ objectType: 'Agent', mbox: 'mailto:other@example.org' });
    expect((await au.xapi('PUT', '/activities/state', state({ ...au.stateQuery('mine'), agent: other }))).statusCode).toBe(403);
    const { agent: _a, ...noAgent } = au.stateQuery('mine');
    expect((await au.xapi('PUT', '/activities/state', state(noAgent))).statusCode).toBe(403);
    expect((await au.xapi('PUT', '/activities/state', state({ ...au.stateQuery('mine'), registration: 'ccaf384c-f8d4-4e7a-8304-49af58f0b176' }))).statusCode).toBe(403);
    expect((await au.xapi('PUT', '/activities/state', state({ ...au.stateQuery('mine'), activityId: 'https://example.org/elsewhere' }))).statusCode).toBe(403);
    expect((await au.xapi('GET', '/agents/profile', { query: { profileId: 'x', agent: other } })).statusCode).toBe(403);
    expect((await au.xapi('GET', '/agents', { query: { agent: other } })).statusCode).toBe(403);
    expect((await au.xapi('GET', '/activities', { query: { activityId: 'https://example.org/elsewhere' } })).statusCode).toBe(403);
    expect((await au.xapi('GET', '/activities', { query: { activityId: au.activityId } })).statusCode).toBe(200);
  });

  it('leaves the learner preferences to the LMS: the AU reads them, its writes get 403 (11)', async () => {
    const agent = JSON.stringify(au.actor);
    const good = { languagePreference: 'nb-NO,en-US', audioPreference: 'on' };
    expect((await au.xapi('PUT', '/agents/profile', { query: { profileId: 'cmi5LearnerPreferences', agent }, body: good, headers: { 'if-none-match': '*' } })).statusCode).toBe(403);
    expect((await au.xapi('PUT', '/agents/profile', { query: { profileId: 'cmi5LearnerPreferences' }, body: good })).statusCode).toBe(403);
    expect((await au.xapi('PUT', '/agents/profile', { query: { profileId: 'cmi5LearnerPreferences', agent }, body: 'just some text', headers: { 'content-type': 'text/plain' } })).statusCode).toBe(403);
    expect((await au.xapi('DELETE', '/agents/profile', { query: { profileId: 'cmi5LearnerPreferences', agent } })).statusCode).toBe(403);
  });
});
