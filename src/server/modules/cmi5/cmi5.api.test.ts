import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmi5CourseXml, cmi5CourseZip, fixtureId, type FixtureCourse } from '../../../../test/fixtures/cmi5/course.js';
import { api, cmi5Tenant, cmi5TestApp, importCourse, importZip, launch, launchUrl, learner, SimulatedAu, type Cmi5Tenant } from '../../../../test/fixtures/cmi5/harness.js';
import { scorm12Zip } from '../../../../test/fixtures/packages/packages.js';
import { buildZip } from '../../../../test/fixtures/packages/zip-builder.js';
import type { TestApp } from '../../../../test/harness.js';
import { multipartBody } from '../../../../test/isolation/multipart.js';

// The cmi5 REST API: import, course, launch URL, registration, waive,
// abandon; both ways in (an administrator's session, the municipality's LRS
// credential); each error case; another municipality's objects not found.

let t: TestApp;
let close: () => Promise<void>;
let a: Cmi5Tenant;
let b: Cmi5Tenant;
let courseA: any;
let courseB: any;
beforeAll(async () => {
  ({ t, close } = await cmi5TestApp());
  a = await cmi5Tenant(t);
  b = await cmi5Tenant(t);
  courseA = await importCourse(t, a, simple());
  courseB = await importCourse(t, b, simple());
});
afterAll(() => close());

function simple(): FixtureCourse {
  return { id: fixtureId('course'), title: 'Hand hygiene', children: [{ kind: 'block', id: fixtureId('block'), children: [{ id: fixtureId('au'), moveOn: 'Passed', masteryScore: 0.7 }, { id: fixtureId('au'), moveOn: 'Completed' }] }] };
}
const path = (tenant: Cmi5Tenant, rest: string) => `/municipalities/${tenant.municipalityId}/cmi5${rest}`;
const asSession = (session: { cookie: string; csrf: string }, csrf = true) => ({ cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrf } : {}) });

describe('import', () => {
  it('takes a zip as the request body with the LRS credential and answers the course with generated activity ids', async () => {
    const course = simple();
    const res = await importZip(t, a, course);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ courseId: body.packageId, version: 1, title: 'Hand hygiene', publisherId: course.id });
    expect(body.aus.map((x: any) => [x.index, x.moveOn, x.masteryScore])).toEqual([
      [0, 'Passed', 0.7],
      [1, 'Completed', null],
    ]);
    const ids = [body.activityId, ...body.aus.map((x: any) => x.activityId), ...body.blocks.map((x: any) => x.activityId)];
    const publisherIds = [course.id, ...body.aus.map((x: any) => x.publisherId), ...body.blocks.map((x: any) => x.publisherId)];
    for (const id of ids) expect(publisherIds).not.toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(body.blocks[0].auIndexes).toEqual([0, 1]);
  });

  it('takes a multipart upload from an administrator or competence advisor session', async () => {
    for (const session of [a.admin, a.advisor]) {
      const mp = multipartBody({ fileName: 'course.zip', content: cmi5CourseZip(simple()), contentType: 'application/zip' });
      const res = await api(t, null, 'POST', path(a, '/courses'), mp.body, { 'content-type': mp.contentType, ...asSession(session) });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('makes a new version of the same course on a second import, keeping the course and AU activity ids', async () => {
    const course = simple();
    const first = await importCourse(t, a, course);
    const second = await importCourse(t, a, course);
    expect(second).toMatchObject({ courseId: first.courseId, version: 2 });
    expect(second.aus.map((x: any) => x.activityId)).toEqual(first.aus.map((x: any) => x.activityId));
  });

  it('takes a bare cmi5.xml whose AUs are hosted elsewhere (14.2)', async () => {
    const xml = cmi5CourseXml({ id: fixtureId('course'), children: [{ id: fixtureId('au'), url: 'https://au.example.net/a.html' }] });
    const res = await api(t, a.credential, 'POST', path(a, '/courses'), xml, { 'content-type': 'text/xml' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().aus[0]).toMatchObject({ external: true, url: 'https://au.example.net/a.html' });
  });

  it.each([
    ['a SCORM package', () => scorm12Zip({ identifier: `scorm-${randomUUID()}` }), 'MANIFEST_MISSING'],
    ['a file that is not a zip', () => Buffer.from('not a zip at all'), 'NOT_A_ZIP'],
    ['a cmi5.xml that is not valid', () => buildZip([{ name: 'cmi5.xml', data: '<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"><course id="x"/></courseStructure>' }]), 'MANIFEST_INVALID'],
    ['an AU whose file is missing', () => buildZip([{ name: 'cmi5.xml', data: cmi5CourseXml(simple()) }]), 'REFERENCE_MISSING'],
    ['an AU url with a launch parameter name (8.1)', () => cmi5CourseZip({ id: fixtureId('course'), children: [{ id: fixtureId('au'), url: 'a/index.html?endpoint=x' }] }), 'MANIFEST_INVALID'],
  ])('refuses %s with 422 PACKAGE_INVALID and stores no package', async (_name, make, reason) => {
    const before = await t.db.selectFrom('packages').select('id').where('municipality_id', '=', a.municipalityId).execute();
    const res = await importZip(t, a, make());
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'PACKAGE_INVALID', details: { reason } });
    const after = await t.db.selectFrom('packages').select('id').where('municipality_id', '=', a.municipalityId).execute();
    expect(after.length).toBe(before.length);
  });

  it('refuses a bare cmi5.xml with relative AU urls (their files are not there)', async () => {
    const res = await api(t, a.credential, 'POST', path(a, '/courses'), cmi5CourseXml(simple()), { 'content-type': 'application/xml' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.reason).toBe('REFERENCE_MISSING');
  });
});

describe('who may call', () => {
  const course = () => path(a, `/courses/${courseA.courseId}`);
  it('answers 401 without a session or credential, and for a wrong secret', async () => {
    expect((await api(t, null, 'GET', course())).statusCode).toBe(401);
    const wrong = { ...a.credential, authorization: `Basic ${Buffer.from(`${a.credential.key}:nope`).toString('base64')}` };
    expect((await api(t, wrong, 'GET', course())).statusCode).toBe(401);
  });
  it('answers 403 to an employee and to a cmi5 session token', async () => {
    expect((await api(t, null, 'GET', course(), undefined, asSession(a.employee))).statusCode).toBe(403);
    const l = await launch(t, a, courseA.courseId, { actor: learner(), auIndex: 0 });
    const token = (await new SimulatedAu(t, l.url).fetch()).json()['auth-token'];
    expect((await api(t, null, 'GET', course(), undefined, { authorization: `Basic ${token}` })).statusCode).toBe(403);
  });
  it("answers 404 for another municipality's credential, and for its course under one's own municipality", async () => {
    expect((await api(t, b.credential, 'GET', course())).statusCode).toBe(404);
    expect((await api(t, a.credential, 'GET', path(a, `/courses/${courseB.courseId}`))).statusCode).toBe(404);
    expect((await launchUrl(t, a, courseB.courseId, { actor: learner(), auIndex: 0 })).statusCode).toBe(404);
  });
  it('needs the CSRF token with a session', async () => {
    const res = await api(t, null, 'POST', path(a, `/courses/${courseA.courseId}/launch-url`), { actor: learner(), auIndex: 0 }, asSession(a.admin, false));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const ok = await api(t, null, 'POST', path(a, `/courses/${courseA.courseId}/launch-url`), { actor: learner(), auIndex: 0 }, asSession(a.admin));
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

describe('launch URL', () => {
  it('creates the registration once per actor and course, and reuses it when none is named', async () => {
    const actor = learner();
    const first = await launch(t, a, courseA.courseId, { actor, auIndex: 0 });
    const second = await launch(t, a, courseA.courseId, { actor, auId: courseA.aus[1].publisherId });
    expect(first.registrationCreated).toBe(true);
    expect(second).toMatchObject({ registration: first.registration, registrationCreated: false, auIndex: 1, activityId: courseA.aus[1].activityId });
    expect(second.sessionId).not.toBe(first.sessionId);
  });

  it('creates a named registration that does not exist yet', async () => {
    const registration = randomUUID();
    expect(await launch(t, a, courseA.courseId, { actor: learner(), auIndex: 0, registration })).toMatchObject({ registration, registrationCreated: true });
  });

  it('refuses a registration of another learner or another course (409)', async () => {
    const l = await launch(t, a, courseA.courseId, { actor: learner(), auIndex: 0 });
    const other = await launchUrl(t, a, courseA.courseId, { actor: learner(), auIndex: 0, registration: l.registration });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.details.reason).toBe('REGISTRATION_OTHER_ACTOR');
    const otherCourse = await importCourse(t, a, simple());
    const res = await launchUrl(t, a, otherCourse.courseId, { actor: JSON.parse(new URL(l.url).searchParams.get('actor')!), auIndex: 0, registration: l.registration });
    expect(res.json().error.details.reason).toBe('REGISTRATION_OTHER_COURSE');
  });

  it.each([
    ['an actor without an account', { actor: { mbox: 'mailto:x@example.org' }, auIndex: 0 }, 400],
    ['both auIndex and auId', { actor: learner(), auIndex: 0, auId: 'x' }, 400],
    ['neither auIndex nor auId', { actor: learner() }, 400],
    ['an unknown launch mode', { actor: learner(), auIndex: 0, launchMode: 'Sneaky' }, 400],
    ['an AU index past the end', { actor: learner(), auIndex: 9 }, 404],
    ['an unknown AU id', { actor: learner(), auId: 'https://example.org/nope' }, 404],
  ])('refuses %s', async (_name, body, status) => {
    const res = await launchUrl(t, a, courseA.courseId, body);
    expect(res.statusCode, res.body).toBe(status);
  });

  it('answers 404 for an unknown course', async () => {
    expect((await launchUrl(t, a, randomUUID(), { actor: learner(), auIndex: 0 })).statusCode).toBe(404);
  });

  it('writes the learner preferences it is given to the Agent Profile', async () => {
    const l = await launch(t, a, courseA.courseId, { actor: learner(), auIndex: 0, learnerPreferences: { languagePreference: 'nb-NO,en-US', audioPreference: 'off' } });
    const au = new SimulatedAu(t, l.url);
    await au.fetchToken();
    const res = await au.xapi('GET', '/agents/profile', { query: { profileId: 'cmi5LearnerPreferences', agent: JSON.stringify(au.actor) } });
    expect(res.json()).toEqual({ languagePreference: 'nb-NO,en-US', audioPreference: 'off' });
  });

  it('records launches, registrations, waivers and abandonments in the audit log', async () => {
    const l = await launch(t, a, courseA.courseId, { actor: learner(), auIndex: 0 });
    await api(t, a.credential, 'POST', path(a, `/registrations/${l.registration}/waive`), { auIndex: 1, reason: 'Administrative' });
    await api(t, a.credential, 'POST', path(a, `/sessions/${l.sessionId}/abandon`));
    const events = await t.db.selectFrom('audit_events').select(['action', 'entity_id']).where('municipality_id', '=', a.municipalityId).where('action', 'like', 'cmi5.%').execute();
    const actions = events.filter((e) => e.entity_id === l.registration || e.entity_id === l.sessionId).map((e) => e.action);
    expect(actions.sort()).toEqual(['cmi5.au.waive', 'cmi5.registration.create', 'cmi5.session.abandon', 'cmi5.session.launch']);
  });
});

describe('registration, waive and abandon', () => {
  it("answers 404 for another municipality's registration and session", async () => {
    const l = await launch(t, b, courseB.courseId, { actor: learner(), auIndex: 0 });
    expect((await api(t, a.credential, 'GET', path(a, `/registrations/${l.registration}`))).statusCode).toBe(404);
    expect((await api(t, a.credential, 'POST', path(a, `/registrations/${l.registration}/waive`), { auIndex: 0, reason: 'Administrative' })).statusCode).toBe(404);
    expect((await api(t, a.credential, 'POST', path(a, `/sessions/${l.sessionId}/abandon`))).statusCode).toBe(404);
  });

  it('refuses a waiver without a valid reason or with an unknown AU', async () => {
    const l = await launch(t, a, courseA.courseId, { actor: learner(), auIndex: 0 });
    expect((await api(t, a.credential, 'POST', path(a, `/registrations/${l.registration}/waive`), { auIndex: 0, reason: 'Because' })).statusCode).toBe(400);
    expect((await api(t, a.credential, 'POST', path(a, `/registrations/${l.registration}/waive`), { auIndex: 5, reason: 'Administrative' })).statusCode).toBe(404);
  });

  it('reads a registration with its AUs, blocks and sessions', async () => {
    const l = await launch(t, a, courseA.courseId, { actor: learner(), auIndex: 1, launchMode: 'Review' });
    const res = await api(t, a.credential, 'GET', path(a, `/registrations/${l.registration}`));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      registration: l.registration,
      courseId: courseA.courseId,
      satisfied: false,
      aus: [{ index: 0, moveOn: 'Passed', satisfied: false }, { index: 1, moveOn: 'Completed', satisfied: false }],
      blocks: [{ satisfied: false }],
      sessions: [{ sessionId: l.sessionId, auId: courseA.aus[1].publisherId, launchMode: 'Review', state: 'launched', endedAt: null }],
    });
  });
});

describe('OpenAPI', () => {
  it('documents the cmi5 routes with both ways in', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.components.securitySchemes.lrsBasic).toMatchObject({ type: 'http', scheme: 'basic' });
    for (const [p, method] of [
      ['/api/v1/municipalities/{municipalityId}/cmi5/courses', 'post'],
      ['/api/v1/municipalities/{municipalityId}/cmi5/courses/{courseId}', 'get'],
      ['/api/v1/municipalities/{municipalityId}/cmi5/courses/{courseId}/launch-url', 'post'],
      ['/api/v1/municipalities/{municipalityId}/cmi5/registrations/{registrationId}', 'get'],
      ['/api/v1/municipalities/{municipalityId}/cmi5/registrations/{registrationId}/waive', 'post'],
      ['/api/v1/municipalities/{municipalityId}/cmi5/sessions/{sessionId}/abandon', 'post'],
    ] as const) {
      expect(doc.paths[p]?.[method]?.security, `${method} ${p}`).toEqual([{ session: [] }, { lrsBasic: [] }]);
    }
  });
});
