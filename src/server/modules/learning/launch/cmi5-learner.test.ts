import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedAu, cmi5TestApp } from '../../../../../test/fixtures/cmi5/harness.js';
import { cmi5Zip, PAGE } from '../../../../../test/fixtures/packages/packages.js';
import { buildTenant, createPerson, createUser, sessionFor, type Tenant } from '../../../../../test/factories.js';
import { call, errorCode, type Session, type TestApp } from '../../../../../test/harness.js';
import type { LearnerCmi5Launch, LearnerCmi5View } from '../../../../shared/api/learning-launch.js';
import { cmi5TextIn } from './cmi5-text.js';

// A learner starts a cmi5 item from the catalogue: the LMS launches the AU as
// the learner's own person (an account on this deployment), in their latest
// registration; what the AU reports with its session token flows through
// records/cmi5-source.ts into learning_progress and learning_completions.

let t: TestApp;
let close: () => Promise<void>;
let a: Tenant;
let b: Tenant;
let m: string;
let itemId: string;
beforeAll(async () => {
  ({ t, close } = await cmi5TestApp());
  a = await buildTenant(t.db);
  b = await buildTenant(t.db);
  m = a.municipality.id;
  itemId = await publishedCmi5Item(a);
});
afterAll(() => close());

const itemPath = (id: string, tenant = a) => `/api/v1/municipalities/${tenant.municipality.id}/learning/items/${id}`;
const employee = () => a.sessions.employee!;

/** Two AUs: "Lesson 1" done by completing it, "Leksjon 2" (also in English) by passing it, in its own window. */
function courseZip(courseId: string): Buffer {
  const au2 = `<au id="${courseId}/au2" moveOn="Passed" launchMethod="AnyWindow">
    <title><langstring lang="nb-NO">Leksjon 2</langstring><langstring lang="en-US">Lesson 2</langstring></title>
    <description><langstring>Second</langstring></description><url>au2/index.html</url></au>`;
  return cmi5Zip({ courseId, moveOn: 'Completed', extraAu: au2 }, [{ name: 'au2/index.html', data: PAGE }]);
}

async function publishedCmi5Item(tenant: Tenant, over: Record<string, unknown> = {}): Promise<string> {
  const admin = tenant.sessions.municipal_admin!;
  const imported = await t.app.inject({
    method: 'POST',
    url: `/api/v1/municipalities/${tenant.municipality.id}/cmi5/courses`,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/zip' },
    payload: courseZip(`https://courses.example.no/${randomUUID()}`),
  });
  expect(imported.statusCode, imported.body).toBe(201);
  const body = { kind: 'cmi5', status: 'published', titles: { nb: 'Smittevern (cmi5)' }, languages: ['nb'], packageId: imported.json().courseId, ...over };
  const created = await call(t.app, admin, 'POST', `/api/v1/municipalities/${tenant.municipality.id}/learning/items`, body);
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

async function view(session: Session = employee(), id = itemId) {
  const res = await call(t.app, session, 'GET', `${itemPath(id)}/cmi5`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<LearnerCmi5View>();
}
async function launch(payload: Record<string, unknown> = {}, session: Session = employee(), id = itemId) {
  const res = await call(t.app, session, 'POST', `${itemPath(id)}/cmi5/launch`, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<LearnerCmi5Launch>();
}
const progressOf = (personId: string, id = itemId) =>
  t.db.selectFrom('learning_progress').select(['status', 'completed_at']).where('municipality_id', '=', m).where('person_id', '=', personId).where('item_id', '=', id).executeTakeFirst();
const completionsOf = (personId: string, id = itemId) =>
  t.db.selectFrom('learning_completions').select(['outcome', 'source', 'statement_id']).where('municipality_id', '=', m).where('person_id', '=', personId).where('item_id', '=', id).execute();

describe("the learner's course view and launches", () => {
  it('shows the course in the learner\'s language with every AU not yet begun', async () => {
    const v = await view();
    expect(v).toMatchObject({ itemId, title: 'Smittevern', satisfied: false, started: false, nextAuIndex: 0 });
    expect(v.aus).toEqual([
      { index: 0, id: expect.stringMatching(/\/au1$/), title: 'Lesson 1', moveOn: 'Completed', launchMethod: 'OwnWindow', completed: false, passed: false, failed: false, waived: false, satisfied: false },
      { index: 1, id: expect.stringMatching(/\/au2$/), title: 'Leksjon 2', moveOn: 'Passed', launchMethod: 'AnyWindow', completed: false, passed: false, failed: false, waived: false, satisfied: false },
    ]);
  });

  it('launches as the learner\'s person, AU by AU, and the AU\'s statements complete the item', async () => {
    const personId = a.people.self.id;
    const first = await launch();
    expect(first).toMatchObject({ auIndex: 0, launchMethod: 'OwnWindow' });
    const au1 = new SimulatedAu(t, first.url);
    expect(au1.actor).toMatchObject({ account: { homePage: t.deps.config.publicUrl, name: personId } });
    await au1.prepare();
    expect(au1.launchData).toMatchObject({ launchMode: 'Normal', returnURL: `${t.deps.config.publicUrl}/learning/items/${itemId}` });
    const prefs = await au1.xapi('GET', '/agents/profile', { query: { profileId: 'cmi5LearnerPreferences', agent: JSON.stringify(au1.actor) } });
    expect(prefs.json()).toEqual({ languagePreference: 'nb', audioPreference: 'on' });
    await au1.ok(au1.statement('initialized'));
    await au1.ok(au1.completed());
    await au1.ok(au1.terminated());
    expect(await progressOf(personId)).toMatchObject({ status: 'in_progress', completed_at: null });
    expect(await completionsOf(personId)).toEqual([]);

    const halfway = await view();
    expect(halfway).toMatchObject({ started: true, satisfied: false, nextAuIndex: 1 });
    expect(halfway.aus.map((au) => au.satisfied)).toEqual([true, false]);

    // "Start next" goes on with the AU not yet satisfied, in the same registration.
    const second = await launch();
    expect(second).toMatchObject({ auIndex: 1, launchMethod: 'AnyWindow' });
    const au2 = await new SimulatedAu(t, second.url).prepare();
    expect(au2.registration).toBe(au1.registration);
    await au2.ok(au2.statement('initialized'));
    await au2.ok(au2.passed());
    await au2.ok(au2.terminated());

    expect(await progressOf(personId)).toMatchObject({ status: 'completed', completed_at: expect.any(Date) });
    const [completion, ...more] = await completionsOf(personId);
    expect(more).toEqual([]);
    expect(completion).toMatchObject({ outcome: 'completed', source: 'cmi5', statement_id: expect.any(String) });
    const satisfied = await t.db.selectFrom('xapi_statements').select('verb_id').where('municipality_id', '=', m).where('id', '=', completion!.statement_id!).executeTakeFirst();
    expect(satisfied?.verb_id).toBe('https://w3id.org/xapi/adl/verbs/satisfied');

    const done = await view();
    expect(done).toMatchObject({ satisfied: true, nextAuIndex: 0 });
    expect(done.aus.map((au) => [au.completed, au.passed, au.satisfied])).toEqual([
      [true, false, true],
      [false, true, true],
    ]);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('municipality_id', '=', m).where('entity_id', '=', second.sessionId).execute();
    expect(audit).toEqual([{ action: 'cmi5.session.launch', actor_user_id: a.users.employee.id }]);
  });

  it('launches the AU asked for, and refuses an index the course does not have without starting a session', async () => {
    const chosen = await launch({ auIndex: 1 });
    expect(chosen.auIndex).toBe(1);
    const sessionsBefore = await t.db.selectFrom('cmi5_sessions').select('id').where('municipality_id', '=', m).execute();
    const res = await call(t.app, employee(), 'POST', `${itemPath(itemId)}/cmi5/launch`, { auIndex: 2 });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
    expect(await t.db.selectFrom('cmi5_sessions').select('id').where('municipality_id', '=', m).execute()).toHaveLength(sessionsBefore.length);
  });

  it('reads the titles in English for an English reader', async () => {
    const user = await createUser(t.db, [{ role: 'employee', scopeType: 'municipality', municipalityId: m }], { language: 'en' });
    await createPerson(t.db, m, a.units.team.id, { user_id: user.id });
    const v = await view(await sessionFor(t.db, user.id));
    expect(v.title).toBe('Infection control');
    expect(v.aus.map((au) => au.title)).toEqual(['Lesson 1', 'Lesson 2']);
  });
});

describe('who may launch what', () => {
  it('answers 409 NOT_CMI5 for an item of another kind, and 404 for a draft', async () => {
    const link = await call(t.app, a.sessions.municipal_admin!, 'POST', `/api/v1/municipalities/${m}/learning/items`, {
      kind: 'link',
      status: 'published',
      titles: { nb: 'Lenke' },
      languages: ['nb'],
      url: 'https://learning.example/link',
    });
    for (const path of [`${itemPath(link.json().id)}/cmi5`, `${itemPath(link.json().id)}/cmi5/launch`]) {
      const res = await call(t.app, employee(), path.endsWith('launch') ? 'POST' : 'GET', path, path.endsWith('launch') ? {} : undefined);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe('NOT_CMI5');
    }
    const draft = await publishedCmi5Item(a, { status: 'draft' });
    expect((await call(t.app, employee(), 'GET', `${itemPath(draft)}/cmi5`)).statusCode).toBe(404);
    expect((await call(t.app, employee(), 'POST', `${itemPath(draft)}/cmi5/launch`, {})).statusCode).toBe(404);
  });

  it('hides the item from employees of another municipality and refuses those without a person record here', async () => {
    for (const [method, path] of [['GET', `${itemPath(itemId)}/cmi5`], ['POST', `${itemPath(itemId)}/cmi5/launch`]] as const) {
      const payload = method === 'POST' ? {} : undefined;
      expect((await call(t.app, b.sessions.employee, method, path, payload)).statusCode).toBe(404);
      for (const role of ['analyst', 'municipal_admin', 'leader'] as const) {
        const res = await call(t.app, a.sessions[role], method, path, payload);
        expect(res.statusCode, role).toBe(403);
        expect(errorCode(res)).toBe('FORBIDDEN');
      }
    }
    // Another municipality's item under one's own path does not exist.
    const theirs = await publishedCmi5Item(b);
    expect((await call(t.app, employee(), 'GET', `${itemPath(theirs)}/cmi5`)).statusCode).toBe(404);
  });
});

describe('cmi5 titles in the reader\'s language', () => {
  const text = [
    { lang: 'en-US', value: 'Hand hygiene' },
    { lang: 'no', value: 'Håndhygiene' },
    { lang: 'sv-SE', value: 'Handhygien' },
  ];
  it('matches on the primary language subtag, with "no" for both Norwegian written forms', () => {
    expect(cmi5TextIn(text, ['sv', 'en'])).toBe('Handhygien');
    expect(cmi5TextIn(text, ['nn', 'en'])).toBe('Håndhygiene');
    expect(cmi5TextIn(text, ['da', 'en'])).toBe('Hand hygiene');
  });
  it('falls back to the first text, and to nothing for an empty list', () => {
    expect(cmi5TextIn([{ value: 'Untagged' }, { lang: 'de', value: 'Deutsch' }], ['nb'])).toBe('Untagged');
    expect(cmi5TextIn([], ['nb'])).toBeNull();
  });
});
