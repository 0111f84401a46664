import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureId, type FixtureAu, type FixtureCourse } from '../../../../test/fixtures/cmi5/course.js';
import { CMI5, cmi5Tenant, cmi5TestApp, importCourse, launch, learner, registrationOf, SimulatedAu, statementsOf, verbsOf, type Cmi5Tenant } from '../../../../test/fixtures/cmi5/harness.js';
import type { TestApp } from '../../../../test/harness.js';

// A launch end to end over HTTP: the fetch URL's single token, LMS.LaunchData,
// the AU's statements under the session token, the LMS's launched and
// satisfied statements read back through /xapi, and the token's end.

let t: TestApp;
let close: () => Promise<void>;
let tenant: Cmi5Tenant;
beforeAll(async () => {
  ({ t, close } = await cmi5TestApp());
  tenant = await cmi5Tenant(t);
});
afterAll(() => close());

function course(moveOn: FixtureAu['moveOn'] = 'CompletedAndPassed', extra: Partial<FixtureAu> = {}): FixtureCourse {
  return { id: fixtureId('course'), children: [{ kind: 'block', id: fixtureId('block'), children: [{ id: fixtureId('au'), moveOn, masteryScore: 0.8, launchParameters: 'mode=quiz', entitlementKey: 'key-1', ...extra }] }] };
}

async function launched(c: FixtureCourse, body: Record<string, unknown> = {}) {
  const imported = await importCourse(t, tenant, c);
  const l = await launch(t, tenant, imported.courseId, { actor: learner(), auIndex: 0, ...body });
  return { imported, launch: l, au: new SimulatedAu(t, l.url) };
}

describe('the fetch URL', () => {
  it('hands out the auth token once; later POSTs get error 1 with status 200', async () => {
    const { au } = await launched(course());
    const first = await au.fetch();
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['access-control-allow-origin']).toBe('*');
    const token = first.json()['auth-token'];
    expect(Buffer.from(token, 'base64').toString()).toMatch(/^cmi5s_[0-9a-f-]+_[0-9a-f-]+:.+$/);
    const second = await au.fetch();
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ 'error-code': '1', 'error-text': expect.any(String) });
    expect(second.json()['auth-token']).toBeUndefined();
  });

  it('answers only POST: other methods get 405 and leave the token unused', async () => {
    const { au } = await launched(course());
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await au.fetch(method);
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe('POST');
      expect(res.json()['error-code']).toMatch(/^[123]$/);
    }
    expect((await au.fetch()).json()['auth-token']).toBeTruthy();
  });

  it('refuses a forged or unknown token with error 2', async () => {
    const { au } = await launched(course());
    const path = au.fetchPath();
    const forged = path.slice(0, -4) + 'AAAA';
    expect((await t.app.inject({ method: 'POST', url: forged })).json()['error-code']).toBe('2');
    expect((await t.app.inject({ method: 'POST', url: '/cmi5/fetch/not-a-token' })).json()['error-code']).toBe('2');
    // The real one still works afterwards.
    expect((await au.fetch()).json()['auth-token']).toBeTruthy();
  });

  it('answers preflight requests for the cross-origin AU', async () => {
    const { au } = await launched(course());
    const res = await t.app.inject({ method: 'OPTIONS', url: au.fetchPath(), headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'POST' } });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-methods']).toContain('POST');
  });
});

describe('the launch', () => {
  it('writes LMS.LaunchData with the context template, launch mode, parameters, masteryScore, moveOn, returnURL and entitlement key', async () => {
    const { au, launch: l } = await launched(course(), { launchMode: 'Normal', returnURL: 'https://lms.example.org/back' });
    await au.prepare();
    expect(au.launchData).toEqual({
      contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: l.auId }] }, extensions: { [CMI5.sessionId]: l.sessionId } },
      launchMode: 'Normal',
      launchParameters: 'mode=quiz',
      masteryScore: 0.8,
      moveOn: 'CompletedAndPassed',
      returnURL: 'https://lms.example.org/back',
      entitlementKey: { courseStructure: 'key-1' },
    });
  });

  it('records "launched" with the cmi5 context before the AU runs', async () => {
    const { au, launch: l } = await launched(course(), { launchMode: 'Browse' });
    const [st] = await statementsOf(t, tenant.credential, l.registration);
    expect(st.verb.id).toBe(CMI5.verb('launched'));
    expect(st.actor).toEqual(au.actor);
    expect(st.object.id).toBe(l.activityId);
    expect(st.context.registration).toBe(l.registration);
    expect(st.context.contextActivities.category).toContainEqual(expect.objectContaining({ id: CMI5.category }));
    expect(st.context.contextActivities.grouping).toContainEqual(expect.objectContaining({ id: l.auId }));
    const ext = st.context.extensions;
    expect(ext[CMI5.sessionId]).toBe(l.sessionId);
    expect(ext['https://w3id.org/xapi/cmi5/context/extensions/launchmode']).toBe('Browse');
    expect(ext['https://w3id.org/xapi/cmi5/context/extensions/moveon']).toBe('CompletedAndPassed');
    expect(ext['https://w3id.org/xapi/cmi5/context/extensions/launchparameters']).toBe('mode=quiz');
    expect(ext[CMI5.masteryScore]).toBe(0.8);
    const launchUrl = new URL(ext['https://w3id.org/xapi/cmi5/context/extensions/launchurl']);
    const opened = new URL(l.url);
    expect(launchUrl.origin + launchUrl.pathname).toBe(opened.origin + opened.pathname);
    expect(launchUrl.searchParams.get('fetch')).toBeNull();
  });

  it('puts the launch parameters on the AU address on the content origin, with an activity id of its own', async () => {
    const c = course('Completed', { url: 'lesson/index.html?paramA=1&paramB=2' });
    const { launch: l, imported } = await launched(c);
    const url = new URL(l.url);
    expect(url.origin).toBe(t.deps.config.contentUrl);
    expect(url.pathname).toMatch(/^\/content\/[^/]+\/lesson\/index\.html$/);
    expect(url.searchParams.get('paramA')).toBe('1');
    expect(url.searchParams.get('paramB')).toBe('2');
    expect(url.searchParams.get('endpoint')).toBe(`${t.deps.config.publicUrl}/xapi`);
    expect(JSON.parse(url.searchParams.get('actor')!)).toMatchObject({ account: { homePage: 'https://learners.example.org' } });
    expect(url.searchParams.get('registration')).toBe(l.registration);
    expect(url.searchParams.get('activityId')).toBe(imported.aus[0].activityId);
    expect(url.searchParams.get('activityId')).not.toBe(imported.aus[0].publisherId);
    // The content origin serves the AU's page with that address.
    const page = await t.app.inject({ method: 'GET', url: url.pathname + url.search, headers: { host: new URL(t.deps.config.contentUrl!).host } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('cmi5 fixture AU');
  });

  it('launches an AU hosted elsewhere at its own absolute address', async () => {
    const c: FixtureCourse = { id: fixtureId('course'), children: [{ id: fixtureId('au'), url: 'https://au.example.net/start.html?x=1' }] };
    const { launch: l } = await launched(c);
    expect(l.url.startsWith('https://au.example.net/start.html?x=1&endpoint=')).toBe(true);
  });
});

describe('an AU session', () => {
  it('runs initialized → completed → passed → terminated, and the LMS satisfies the block and then the course', async () => {
    const { au, launch: l, imported } = await launched(course());
    await au.prepare();
    await au.ok(au.statement('initialized'));
    await au.ok(au.completed());
    await au.ok(au.passed(0.9));
    await au.ok(au.terminated());
    const statements = await statementsOf(t, tenant.credential, l.registration);
    expect(verbsOf(statements)).toEqual(['launched', 'initialized', 'completed', 'passed', 'satisfied', 'satisfied', 'terminated']);
    const [block, courseSt] = [statements[4], statements[5]];
    expect(block.object).toMatchObject({ id: imported.blocks[0].activityId, definition: { type: 'https://w3id.org/xapi/cmi5/activitytype/block' } });
    expect(block.context.contextActivities.grouping).toContainEqual(expect.objectContaining({ id: imported.blocks[0].publisherId }));
    expect(courseSt.object).toMatchObject({ id: imported.activityId, definition: { type: 'https://w3id.org/xapi/cmi5/activitytype/course' } });
    expect(courseSt.object.id).not.toBe(imported.publisherId);
    expect(courseSt.context.contextActivities.grouping).toContainEqual(expect.objectContaining({ id: imported.publisherId }));
    for (const s of [block, courseSt]) {
      expect(s.context.extensions[CMI5.sessionId]).toBe(l.sessionId);
      expect(s.context.registration).toBe(l.registration);
      expect(s.actor).toEqual(au.actor);
      expect(s.context.contextActivities.category).toContainEqual(expect.objectContaining({ id: CMI5.category }));
    }
    const reg = await registrationOf(t, tenant, l.registration);
    expect(reg).toMatchObject({ satisfied: true, aus: [{ completed: true, passed: true, satisfied: true }], blocks: [{ satisfied: true }], sessions: [{ state: 'terminated' }] });
  });

  it('stops the token when the session terminates: statements and documents get 401', async () => {
    const { au } = await launched(course());
    await au.prepare();
    await au.ok(au.statement('initialized'));
    await au.ok(au.terminated());
    expect((await au.send(au.statement('experienced', { allowed: true }))).statusCode).toBe(401);
    expect((await au.xapi('GET', '/activities/state', { query: au.stateQuery('LMS.LaunchData') })).statusCode).toBe(401);
  });

  it('lets the AU read its own state and registration statements, and nothing of other registrations', async () => {
    const { au, launch: l } = await launched(course());
    await au.prepare();
    await au.ok(au.statement('initialized'));
    const put = await au.xapi('PUT', '/activities/state', { query: au.stateQuery('bookmark'), body: { page: 3 } });
    expect(put.statusCode).toBe(204);
    const mine = await au.xapi('GET', '/statements', { query: { registration: l.registration } });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().statements.length).toBeGreaterThan(0);
    expect((await au.xapi('GET', '/statements')).statusCode).toBe(403);
    const other = await launched(course());
    expect((await au.xapi('GET', '/statements', { query: { registration: other.launch.registration } })).statusCode).toBe(403);
    const [someoneElses] = await statementsOf(t, tenant.credential, other.launch.registration);
    expect((await au.xapi('GET', '/statements', { query: { statementId: someoneElses.id } })).statusCode).toBe(404);
  });
});
