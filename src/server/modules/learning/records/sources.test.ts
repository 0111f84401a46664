import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, type Tenant } from '../../../../../test/factories.js';
import { fixtureId, type FixtureCourse } from '../../../../../test/fixtures/cmi5/course.js';
import { cmi5Tenant, importCourse, launch, learner, SimulatedAu, type Cmi5Tenant } from '../../../../../test/fixtures/cmi5/harness.js';
import { packageTestConfig, tempDataDir, uploadPackage } from '../../../../../test/fixtures/packages/upload.js';
import { commitOk, launchOk, openSession, scorm12Session } from '../../../../../test/fixtures/scorm/runtime.js';
import { scorm12CourseZip } from '../../../../../test/fixtures/scorm/scorm-packages.js';
import { createTestApp, type TestApp } from '../../../../../test/harness.js';
import { createLrsCredential, xapi } from '../../../../../test/xapi.js';
import { personAgent } from '../../lrs/xapi/identity.js';
import { insertTestItem } from './source-test-items.js';

// The three outside sources feed recordLearning: the SCORM player's commits,
// cmi5 AU results and course satisfaction, and xAPI statements about an
// item's activity by one of the municipality's people.

let t: TestApp;
let data: Awaited<ReturnType<typeof tempDataDir>>;
beforeAll(async () => {
  data = await tempDataDir();
  t = await createTestApp(packageTestConfig(data.dataDir));
});
afterAll(async () => {
  await t.close();
  await data.cleanup();
});

const progressOf = (m: string, personId: string, itemId: string) =>
  t.db.selectFrom('learning_progress').selectAll().where('municipality_id', '=', m).where('person_id', '=', personId).where('item_id', '=', itemId).executeTakeFirst();
const completionsOf = (m: string, personId: string, itemId: string) =>
  t.db.selectFrom('learning_completions').selectAll().where('municipality_id', '=', m).where('person_id', '=', personId).where('item_id', '=', itemId).orderBy('completed_at').execute();

describe('the SCORM player as a source', () => {
  let m: Tenant;
  let packageId: string;
  beforeAll(async () => {
    m = await buildTenant(t.db);
    const up = await uploadPackage(t, m.sessions.municipal_admin!, m.municipality.id, scorm12CourseZip({ masteryScore: 80 }));
    packageId = up.status.packageId;
  });

  async function attempt(values: Record<string, string>, newAttempt = false) {
    const launched = await launchOk(t, m.sessions.employee!, m.municipality.id, { packageId, ...(newAttempt ? { newAttempt: true } : {}) });
    const session = await openSession(t, launched.token);
    const sco = scorm12Session(session.items[0]!.cmi!);
    const first = await commitOk(t, session.token, [{ seq: session.lastSeq + 1, item: 'lesson1', events: ['initialize'], cmi: sco.cmi() }]);
    sco.set(values);
    await commitOk(t, first.token, [{ seq: session.lastSeq + 2, item: 'lesson1', events: [], cmi: sco.cmi() }]);
  }

  it('records progress, then a pass with its score, for every published or archived item on the package; drafts hear nothing', async () => {
    const item = await insertTestItem(t.db, m.municipality.id, 'scorm', { packageId });
    const archived = await insertTestItem(t.db, m.municipality.id, 'scorm', { packageId, status: 'archived' });
    const draft = await insertTestItem(t.db, m.municipality.id, 'scorm', { packageId, status: 'draft' });
    const person = m.people.self.id;
    await attempt({ 'cmi.core.lesson_location': 'page-2' });
    expect(await progressOf(m.municipality.id, person, item.id)).toMatchObject({ status: 'in_progress', completed_at: null });
    expect(await completionsOf(m.municipality.id, person, item.id)).toEqual([]);

    await attempt({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '85', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100' });
    for (const id of [item.id, archived.id]) {
      expect(await progressOf(m.municipality.id, person, id)).toMatchObject({ status: 'passed', score_scaled: 0.85 });
      const done = await completionsOf(m.municipality.id, person, id);
      expect(done).toHaveLength(1);
      expect(done[0]).toMatchObject({ outcome: 'passed', source: 'scorm', score_scaled: 0.85 });
    }
    expect(await progressOf(m.municipality.id, person, draft.id)).toBeUndefined();
  });

  it('counts a later attempt that passes again as a new round, and a revisit that does not finish changes nothing', async () => {
    const item = await insertTestItem(t.db, m.municipality.id, 'scorm', { packageId });
    const person = m.people.self.id;
    await attempt({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100' }, true);
    expect(await completionsOf(m.municipality.id, person, item.id)).toHaveLength(1);
    await attempt({ 'cmi.core.lesson_location': 'page-1' }, true);
    expect(await progressOf(m.municipality.id, person, item.id)).toMatchObject({ status: 'passed' });
    expect(await completionsOf(m.municipality.id, person, item.id)).toHaveLength(1);
    await attempt({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '95', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100' }, true);
    const rounds = await completionsOf(m.municipality.id, person, item.id);
    expect(rounds.map((r) => r.score_scaled)).toEqual([0.9, 0.95]);
  });

  it('records a failed test as failed, not as a completion', async () => {
    const tenant = await buildTenant(t.db);
    const up = await uploadPackage(t, tenant.sessions.municipal_admin!, tenant.municipality.id, scorm12CourseZip({ masteryScore: 80 }));
    const item = await insertTestItem(t.db, tenant.municipality.id, 'scorm', { packageId: up.status.packageId });
    const launched = await launchOk(t, tenant.sessions.employee!, tenant.municipality.id, { packageId: up.status.packageId });
    const session = await openSession(t, launched.token);
    const sco = scorm12Session(session.items[0]!.cmi!);
    sco.set({ 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '40', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100' });
    await commitOk(t, session.token, [{ seq: 1, item: 'lesson1', events: ['initialize'], cmi: sco.cmi() }]);
    expect(await progressOf(tenant.municipality.id, tenant.people.self.id, item.id)).toMatchObject({ status: 'failed', score_scaled: 0.4 });
    expect(await completionsOf(tenant.municipality.id, tenant.people.self.id, item.id)).toEqual([]);
  });
});

describe('cmi5 as a source', () => {
  let tenant: Cmi5Tenant;
  let personId: string;
  beforeAll(async () => {
    tenant = await cmi5Tenant(t);
    const unit = await t.db.insertInto('units').values({ municipality_id: tenant.municipalityId, name: 'Avdeling', kind: 'unit', code: null, parent_id: null }).returning('id').executeTakeFirstOrThrow();
    personId = (await createPerson(t.db, tenant.municipalityId, unit.id)).id;
  });
  const twoAus = (): FixtureCourse => ({ id: fixtureId('course'), children: [{ id: fixtureId('au1'), moveOn: 'Completed' }, { id: fixtureId('au2'), moveOn: 'Passed', masteryScore: 0.5 }] });

  async function startAu(courseId: string, auIndex: number, actor: object) {
    const l = await launch(t, tenant, courseId, { actor, auIndex });
    const au = new SimulatedAu(t, l.url);
    await au.prepare();
    await au.ok(au.statement('initialized'));
    return au;
  }

  it('records an AU completed as progress and the satisfied course as completed, with the satisfied statement', async () => {
    const imported = await importCourse(t, tenant, twoAus());
    const item = await insertTestItem(t.db, tenant.municipalityId, 'cmi5', { packageId: imported.courseId });
    const actor = personAgent(t.deps.config.publicUrl, personId);
    const first = await startAu(imported.courseId, 0, actor);
    await first.ok(first.completed());
    expect(await progressOf(tenant.municipalityId, personId, item.id)).toMatchObject({ status: 'in_progress' });
    expect(await completionsOf(tenant.municipalityId, personId, item.id)).toEqual([]);

    const second = await startAu(imported.courseId, 1, actor);
    await second.ok(second.passed(0.9));
    expect(await progressOf(tenant.municipalityId, personId, item.id)).toMatchObject({ status: 'completed' });
    const [done, ...more] = await completionsOf(tenant.municipalityId, personId, item.id);
    expect(more).toEqual([]);
    expect(done).toMatchObject({ outcome: 'completed', source: 'cmi5' });
    const satisfied = await t.db.selectFrom('cmi5_satisfied').select('statement_id').where('municipality_id', '=', tenant.municipalityId).where('kind', '=', 'course').where('registration_id', '=', first.registration).executeTakeFirstOrThrow();
    expect(done!.statement_id).toBe(satisfied.statement_id);
  });

  it('ignores learners who are not Mestring people of the municipality', async () => {
    const imported = await importCourse(t, tenant, { id: fixtureId('course'), children: [{ id: fixtureId('au'), moveOn: 'Completed' }] });
    const item = await insertTestItem(t.db, tenant.municipalityId, 'cmi5', { packageId: imported.courseId });
    for (const actor of [learner(), personAgent(t.deps.config.publicUrl, randomUUID())]) {
      const au = await startAu(imported.courseId, 0, actor);
      await au.ok(au.completed());
    }
    const rows = await t.db.selectFrom('learning_progress').select('person_id').where('municipality_id', '=', tenant.municipalityId).where('item_id', '=', item.id).execute();
    expect(rows).toEqual([]);
  });
});

describe('xAPI statements as a source', () => {
  let m: Tenant;
  let credential: Awaited<ReturnType<typeof createLrsCredential>>;
  const activity = `https://content.example.org/activities/${randomUUID()}`;
  beforeAll(async () => {
    m = await buildTenant(t.db);
    credential = await createLrsCredential(t.db, m.municipality.id);
  });
  const statement = (personId: string, verb: string, objectId = activity, extra: object = {}) => ({
    id: randomUUID(),
    actor: personAgent(t.deps.config.publicUrl, personId),
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { objectType: 'Activity', id: objectId },
    timestamp: '2025-03-14T09:30:00.000Z',
    ...extra,
  });
  const post = async (body: unknown) => {
    const res = await xapi(t.app, credential, 'POST', '/statements', { body });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('records failed, then passed with the score and statement id, from a person of the municipality', async () => {
    const item = await insertTestItem(t.db, m.municipality.id, 'xapi', { activityId: activity });
    const person = m.people.inTeam.id;
    await post(statement(person, 'failed', activity, { result: { score: { scaled: 0.3 } } }));
    expect(await progressOf(m.municipality.id, person, item.id)).toMatchObject({ status: 'failed', score_scaled: 0.3 });
    const passed = statement(person, 'passed', activity, { result: { score: { scaled: 0.9 } } });
    await post(passed);
    expect(await progressOf(m.municipality.id, person, item.id)).toMatchObject({ status: 'passed', score_scaled: 0.9 });
    const done = await completionsOf(m.municipality.id, person, item.id);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ outcome: 'passed', source: 'xapi', statement_id: passed.id, score_scaled: 0.9 });
    expect(done[0]!.completed_at.toISOString()).toBe('2025-03-14T09:30:00.000Z');
    // The same statement again is a retry, not news.
    await post(passed);
    expect(await completionsOf(m.municipality.id, person, item.id)).toHaveLength(1);
  });

  it('ignores other verbs, other activities, draft items, unknown people and foreign accounts', async () => {
    const other = `https://content.example.org/activities/${randomUUID()}`;
    const item = await insertTestItem(t.db, m.municipality.id, 'xapi', { activityId: other });
    const draftActivity = `https://content.example.org/activities/${randomUUID()}`;
    const draft = await insertTestItem(t.db, m.municipality.id, 'xapi', { activityId: draftActivity, status: 'draft' });
    const stranger = await buildTenant(t.db);
    await post([
      statement(m.people.inOther.id, 'experienced', other),
      statement(m.people.inOther.id, 'completed', `${other}/elsewhere`),
      statement(m.people.inOther.id, 'completed', draftActivity),
      statement(stranger.people.self.id, 'completed', other),
      { ...statement(m.people.inOther.id, 'completed', other), actor: { objectType: 'Agent', account: { homePage: 'https://elsewhere.example.org', name: m.people.inOther.id } } },
    ]);
    for (const id of [item.id, draft.id]) {
      const rows = await t.db.selectFrom('learning_progress').select('person_id').where('municipality_id', '=', m.municipality.id).where('item_id', '=', id).execute();
      expect(rows).toEqual([]);
    }
    await post(statement(m.people.inOther.id, 'completed', other));
    expect(await progressOf(m.municipality.id, m.people.inOther.id, item.id)).toMatchObject({ status: 'completed' });
  });
});
