import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureId, type FixtureAu, type FixtureCourse } from '../../../../test/fixtures/cmi5/course.js';
import { api, CMI5, cmi5Tenant, cmi5TestApp, importCourse, launch, learner, registrationOf, SimulatedAu, statementsOf, verbsOf, type Cmi5Tenant } from '../../../../test/fixtures/cmi5/harness.js';
import type { TestApp } from '../../../../test/harness.js';

// moveOn (cmi5 10, 13.1.4) and the LMS's statements about it: "satisfied"
// for blocks and the course once all their AUs meet their criteria (9.3.9),
// at registration time for NotApplicable (9.6.1), "waived" (9.3.7) and
// "abandoned" (9.3.6), each read back through /xapi.

let t: TestApp;
let close: () => Promise<void>;
let tenant: Cmi5Tenant;
beforeAll(async () => {
  ({ t, close } = await cmi5TestApp());
  tenant = await cmi5Tenant(t);
});
afterAll(() => close());

const oneAu = (au: Partial<FixtureAu>): FixtureCourse => ({ id: fixtureId('course'), children: [{ kind: 'block', id: fixtureId('block'), children: [{ id: fixtureId('au'), ...au }] }] });

async function run(courseId: string, body: Record<string, unknown>, steps: (au: SimulatedAu) => unknown[]) {
  const l = await launch(t, tenant, courseId, { auIndex: 0, ...body, actor: body.actor ?? learner() });
  const au = await new SimulatedAu(t, l.url).prepare();
  await au.ok(au.statement('initialized'));
  for (const st of steps(au)) await au.ok(st);
  await au.ok(au.terminated());
  return { launch: l, au };
}

const satisfiedCount = async (registration: string) => verbsOf(await statementsOf(t, tenant.credential, registration)).filter((v) => v === 'satisfied').length;

describe('moveOn criteria', () => {
  const cases: [FixtureAu['moveOn'], string, boolean, (au: SimulatedAu) => unknown[]][] = [
    ['Completed', 'completed', true, (au) => [au.completed()]],
    ['Completed', 'passed only', false, (au) => [au.passed(0.9)]],
    ['Passed', 'passed', true, (au) => [au.passed(0.9)]],
    ['Passed', 'completed only', false, (au) => [au.completed()]],
    ['Passed', 'failed', false, (au) => [au.failed(0.1)]],
    ['CompletedOrPassed', 'completed', true, (au) => [au.completed()]],
    ['CompletedOrPassed', 'passed', true, (au) => [au.passed(0.9)]],
    ['CompletedOrPassed', 'failed and completed', true, (au) => [au.failed(0.1), au.completed()]],
    ['CompletedAndPassed', 'completed only', false, (au) => [au.completed()]],
    ['CompletedAndPassed', 'completed and passed', true, (au) => [au.completed(), au.passed(0.9)]],
  ];
  it.each(cases)('%s after %s → satisfied: %s', async (moveOn, _what, satisfied, steps) => {
    const course = await importCourse(t, tenant, oneAu({ moveOn, masteryScore: 0.5 }));
    const { launch: l } = await run(course.courseId, {}, steps);
    expect(await satisfiedCount(l.registration)).toBe(satisfied ? 2 : 0);
    const reg = await registrationOf(t, tenant, l.registration);
    expect(reg.satisfied).toBe(satisfied);
    expect(reg.aus[0].satisfied).toBe(satisfied);
  });

  it('CompletedAndPassed across two sessions of one registration: satisfied when the second criterion is met, once', async () => {
    const course = await importCourse(t, tenant, oneAu({ moveOn: 'CompletedAndPassed' }));
    const actor = learner();
    const first = await run(course.courseId, { actor }, (au) => [au.completed()]);
    expect(await satisfiedCount(first.launch.registration)).toBe(0);
    const second = await run(course.courseId, { actor, registration: first.launch.registration }, (au) => [au.passed()]);
    const statements = await statementsOf(t, tenant.credential, first.launch.registration);
    const satisfied = statements.filter((s) => s.verb.id === CMI5.verb('satisfied'));
    expect(satisfied).toHaveLength(2);
    for (const s of satisfied) expect(s.context.extensions[CMI5.sessionId]).toBe(second.launch.sessionId);
    // A third session that does nothing new issues no more.
    await run(course.courseId, { actor, registration: first.launch.registration }, () => []);
    expect(await satisfiedCount(first.launch.registration)).toBe(2);
  });

  it('NotApplicable: block and course are satisfied when the registration is made, before "launched"', async () => {
    const course = await importCourse(t, tenant, oneAu({ moveOn: 'NotApplicable' }));
    const l = await launch(t, tenant, course.courseId, { actor: learner(), auIndex: 0 });
    const statements = await statementsOf(t, tenant.credential, l.registration);
    expect(verbsOf(statements)).toEqual(['satisfied', 'satisfied', 'launched']);
    expect(statements[0].object.definition.type).toBe('https://w3id.org/xapi/cmi5/activitytype/block');
    expect(statements[1].object.definition.type).toBe('https://w3id.org/xapi/cmi5/activitytype/course');
    // Outside a launch session: a session id of the LMS's own, not the launch's.
    expect(statements[0].context.extensions[CMI5.sessionId]).not.toBe(l.sessionId);
    expect(statements[0].context.extensions[CMI5.sessionId]).toBe(statements[1].context.extensions[CMI5.sessionId]);
  });

  it('satisfies a block when all its AUs are, and the course only when every block and AU is', async () => {
    const [a, b, c] = [fixtureId('au'), fixtureId('au'), fixtureId('au')];
    const [outer, inner] = [fixtureId('block'), fixtureId('block')];
    const course = await importCourse(t, tenant, {
      id: fixtureId('course'),
      children: [{ kind: 'block', id: outer, children: [{ id: a, moveOn: 'Completed' }, { kind: 'block', id: inner, children: [{ id: b, moveOn: 'Completed' }] }] }, { id: c, moveOn: 'Completed' }],
    });
    expect(course.aus.map((x: { publisherId: string }) => x.publisherId)).toEqual([a, b, c]);
    const actor = learner();
    const ran = await run(course.courseId, { actor, auIndex: 1 }, (au) => [au.completed()]);
    const reg = ran.launch.registration;
    const groupingOfSatisfied = async () =>
      (await statementsOf(t, tenant.credential, reg)).filter((s) => s.verb.id === CMI5.verb('satisfied')).map((s) => s.context.contextActivities.grouping[0].id);
    expect(await groupingOfSatisfied()).toEqual([inner]);
    await run(course.courseId, { actor, registration: reg, auIndex: 0 }, (au) => [au.completed()]);
    expect(await groupingOfSatisfied()).toEqual([inner, outer]);
    await run(course.courseId, { actor, registration: reg, auIndex: 2 }, (au) => [au.completed()]);
    expect(await groupingOfSatisfied()).toEqual([inner, outer, course.publisherId]);
  });
});

describe('waived', () => {
  it('records "waived" with the reason under a session id of its own, then satisfies with that id', async () => {
    const course = await importCourse(t, tenant, oneAu({ moveOn: 'Passed' }));
    const { launch: l, au } = await run(course.courseId, {}, (a) => [a.completed()]);
    const res = await api(t, tenant.credential, 'POST', `/municipalities/${tenant.municipalityId}/cmi5/registrations/${l.registration}/waive`, { auIndex: 0, reason: 'Tested Out' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ satisfied: true, aus: [{ waived: true, waiveReason: 'Tested Out', satisfied: true }] });
    const statements = await statementsOf(t, tenant.credential, l.registration);
    expect(verbsOf(statements).slice(-3)).toEqual(['waived', 'satisfied', 'satisfied']);
    const [waived, ...satisfied] = statements.slice(-3);
    expect(waived.object.id).toBe(l.activityId);
    expect(waived.actor).toEqual(au.actor);
    expect(waived.result).toEqual({ success: true, completion: true, extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/reason': 'Tested Out' } });
    expect(waived.context.contextActivities.category.map((c: { id: string }) => c.id)).toEqual([CMI5.category, CMI5.moveOn]);
    const waiveSession = waived.context.extensions[CMI5.sessionId];
    expect(waiveSession).not.toBe(l.sessionId);
    for (const s of satisfied) expect(s.context.extensions[CMI5.sessionId]).toBe(waiveSession);
  });

  it('waives once per AU and registration, and never an AU that already met its criteria (409)', async () => {
    const course = await importCourse(t, tenant, { id: fixtureId('course'), children: [{ id: fixtureId('au'), moveOn: 'Completed' }, { id: fixtureId('au'), moveOn: 'Completed' }] });
    const { launch: l } = await run(course.courseId, {}, (a) => [a.completed()]);
    const waive = (auIndex: number) => api(t, tenant.credential, 'POST', `/municipalities/${tenant.municipalityId}/cmi5/registrations/${l.registration}/waive`, { auIndex, reason: 'Administrative' });
    const done = await waive(0);
    expect(done.statusCode).toBe(409);
    expect(done.json().error.details.reason).toBe('AU_ALREADY_SATISFIED');
    expect((await waive(1)).statusCode).toBe(200);
    const again = await waive(1);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('AU_ALREADY_WAIVED');
    expect(verbsOf(await statementsOf(t, tenant.credential, l.registration)).filter((v) => v === 'waived')).toHaveLength(1);
  });
});

describe('abandoned', () => {
  it('abandons an open session when the registration launches again: duration, session id, and the old token stops', async () => {
    const course = await importCourse(t, tenant, oneAu({ moveOn: 'Completed' }));
    const actor = learner();
    const first = await launch(t, tenant, course.courseId, { actor, auIndex: 0 });
    const au = await new SimulatedAu(t, first.url).prepare();
    await au.ok(au.statement('initialized'));
    const second = await launch(t, tenant, course.courseId, { actor, auIndex: 0 });
    expect(second.registration).toBe(first.registration);
    const statements = await statementsOf(t, tenant.credential, first.registration);
    expect(verbsOf(statements)).toEqual(['launched', 'initialized', 'abandoned', 'launched']);
    const abandoned = statements[2];
    expect(abandoned.actor).toEqual(au.actor);
    expect(abandoned.object.id).toBe(first.activityId);
    expect(abandoned.result.duration).toMatch(/^PT[\d.HMS]+$/);
    expect(abandoned.context.registration).toBe(first.registration);
    expect(abandoned.context.extensions[CMI5.sessionId]).toBe(first.sessionId);
    expect(abandoned.context.contextActivities.category).toContainEqual(expect.objectContaining({ id: CMI5.category }));
    expect((await au.send(au.statement('experienced', { allowed: true }))).statusCode).toBe(401);
    expect((await au.xapi('GET', '/activities/state', { query: au.stateQuery('LMS.LaunchData') })).statusCode).toBe(401);
  });

  it('leaves a terminated session alone when the registration launches again', async () => {
    const course = await importCourse(t, tenant, oneAu({ moveOn: 'Completed' }));
    const actor = learner();
    const first = await run(course.courseId, { actor }, () => []);
    await launch(t, tenant, course.courseId, { actor, auIndex: 0 });
    expect(verbsOf(await statementsOf(t, tenant.credential, first.launch.registration))).toEqual(['launched', 'initialized', 'terminated', 'launched']);
  });

  it('abandons a session on request (once), after which its token and fetch URL are refused', async () => {
    const course = await importCourse(t, tenant, oneAu({ moveOn: 'Completed' }));
    const l = await launch(t, tenant, course.courseId, { actor: learner(), auIndex: 0 });
    const au = new SimulatedAu(t, l.url);
    const abandon = () => api(t, tenant.credential, 'POST', `/municipalities/${tenant.municipalityId}/cmi5/sessions/${l.sessionId}/abandon`);
    const res = await abandon();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sessionId: l.sessionId, state: 'abandoned', registration: l.registration });
    expect(verbsOf(await statementsOf(t, tenant.credential, l.registration))).toEqual(['launched', 'abandoned']);
    const [, abandoned] = await statementsOf(t, tenant.credential, l.registration);
    expect(abandoned.result.duration).toBe('PT0S');
    const again = await abandon();
    expect(again.statusCode).toBe(409);
    expect((await au.fetch()).json()['error-code']).toBe('1');
  });
});
