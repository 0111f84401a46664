import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../../test/harness.js';
import type { MyLearning } from '../../../../shared/api/assignments.js';
import { COMPLETE_ANSWERS, insertCampaign, invite, starterVersion } from '../../mapping/mapping.fixtures.js';
import { todayInLearningZone } from './assignment-status.js';
import { addDays, complete, daysAgo, insertAssignment, insertItem, startLearning } from './assignments.fixtures.js';

// "My learning" for the signed-in employee: assigned (earliest due per item,
// overdue first), recommended from their latest identified self-assessment,
// in progress and completed.

let t: TestApp;
let a: Tenant;
let m: string;
const today = todayInLearningZone();

beforeAll(async () => {
  t = await createTestApp();
  a = await buildTenant(t.db);
  m = a.municipality.id;
});
afterAll(() => t.close());

const url = (tenant = a) => `/api/v1/municipalities/${tenant.municipality.id}/my-learning`;
const mine = async (lang?: string) => {
  const res = await call(t.app, a.sessions.employee, 'GET', `${url()}${lang ? `?lang=${lang}` : ''}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json<MyLearning>();
};

describe('my learning', () => {
  it('shows assigned, in progress and completed items of the caller only', async () => {
    const self = a.people.self.id;
    const late = await insertItem(t.db, m, { title: 'Sent' });
    const twice = await insertItem(t.db, m, { title: 'To ganger' });
    const open = await insertItem(t.db, m, { title: 'Uten frist' });
    const started = await insertItem(t.db, m, { title: 'Påbegynt' });
    const done = await insertItem(t.db, m, { title: 'Ferdig' });
    const yearly = await insertItem(t.db, m, { title: 'Årlig' });
    await insertAssignment(t.db, m, late.id, { kind: 'person', personId: self }, { dueDate: addDays(today, -3) });
    await insertAssignment(t.db, m, twice.id, { kind: 'unit', unitId: a.units.area.id }, { dueDate: addDays(today, 40) });
    const earlier = await insertAssignment(t.db, m, twice.id, { kind: 'profession', profession: 'nurse' }, { dueDate: addDays(today, 10) });
    await insertAssignment(t.db, m, open.id, { kind: 'unit', unitId: a.units.unit.id });
    await insertAssignment(t.db, m, yearly.id, { kind: 'person', personId: self }, { recurrenceMonths: 12 });
    await insertAssignment(t.db, m, late.id, { kind: 'person', personId: a.people.inTeam.id }, { dueDate: addDays(today, -30) });
    await startLearning(t.db, m, self, started);
    await startLearning(t.db, m, self, open);
    await complete(t.db, m, self, done, daysAgo(5));
    await complete(t.db, m, self, yearly, daysAgo(20));

    const body = await mine();
    expect(body.personId).toBe(self);
    expect(body.assigned.map((x) => [x.item.title, x.status, x.overdue, x.dueSoon, x.dueDate])).toEqual([
      ['Sent', 'not_started', true, false, addDays(today, -3)],
      ['To ganger', 'not_started', false, true, addDays(today, 10)],
      ['Uten frist', 'in_progress', false, false, null],
    ]);
    expect(body.assigned[1]!.assignmentId).toBe(earlier);
    expect(body.assigned[0]!.item).toEqual({ id: late.id, kind: 'link', title: 'Sent', durationMinutes: 20, languages: ['nb', 'en'] });
    // The assigned item in progress shows under assigned, not twice.
    expect(body.inProgress.map((x) => x.item.title)).toEqual(['Påbegynt']);
    expect(body.completed.map((x) => [x.item.title, x.outcome, x.scoreScaled])).toEqual([
      ['Ferdig', 'passed', expect.closeTo(0.9, 5)],
      ['Årlig', 'passed', expect.closeTo(0.9, 5)],
    ]);
    expect((await mine('en')).assigned[0]!.item.title).toBe('Sent (en)');
  });

  it('is only for someone with an employee record here', async () => {
    expect(errorCode(await call(t.app, a.sessions.municipal_admin, 'GET', url()))).toBe('FORBIDDEN');
    const b = await buildTenant(t.db);
    expect(errorCode(await call(t.app, a.sessions.employee, 'GET', url(b)))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, null, 'GET', url()))).toBe('UNAUTHENTICATED');
  });
});

describe('recommendations', () => {
  it('suggests published items for competences below the role profile or marked "wants training", best fit first', async () => {
    const c = await buildTenant(t.db);
    const mc = c.municipality.id;
    const versionId = await starterVersion(t.db);
    const { id: profileId } = await t.db
      .insertInto('role_profiles')
      .values({ municipality_id: mc, name: 'Sykepleier nord', framework_version_id: versionId, profession: 'nurse', unit_id: c.units.unit.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('role_profile_requirements')
      .values([
        { municipality_id: mc, profile_id: profileId, competence_code: 'HC.SEC.1', required_level: 3 },
        { municipality_id: mc, profile_id: profileId, competence_code: 'HC.SEC.2', required_level: 2 },
      ])
      .execute();
    const tag = (code: string, level: number | null) => [{ code, level }];
    const reaches = await insertItem(t.db, mc, { title: 'C når nivå 3', competences: tag('HC.SEC.1', 3) });
    const anyLevel = await insertItem(t.db, mc, { title: 'B alle nivå', competences: tag('HC.SEC.1', null) });
    const below = await insertItem(t.db, mc, { title: 'A nivå 1', competences: tag('HC.SEC.1', 1) });
    await insertItem(t.db, mc, { title: 'Ikke et gap', competences: tag('HC.SEC.2', 3) });
    await insertItem(t.db, mc, { title: 'Utkast', status: 'draft', competences: tag('HC.SEC.1', 3) });
    const assigned = await insertItem(t.db, mc, { title: 'Tildelt', competences: tag('HC.SEC.1', 3) });
    const done = await insertItem(t.db, mc, { title: 'Fullført', competences: tag('HC.SEC.1', 3) });
    await insertAssignment(t.db, mc, assigned.id, { kind: 'person', personId: c.people.self.id });
    await complete(t.db, mc, c.people.self.id, done, daysAgo(400));

    const get = async () => (await call(t.app, c.sessions.employee, 'GET', `/api/v1/municipalities/${mc}/my-learning?lang=nb`)).json<MyLearning>();
    expect((await get()).recommended).toEqual([]); // nothing submitted yet

    const campaignId = await insertCampaign(t.db, mc, { mode: 'identified' });
    const [invited] = await invite(t.db, mc, campaignId, [c.people.self.id]);
    const submitted = await call(t.app, null, 'POST', `/api/v1/assessments/${encodeURIComponent(invited!.token)}/submit`, { answers: COMPLETE_ANSWERS });
    expect(submitted.statusCode, submitted.body.slice(0, 300)).toBe(200);

    const { recommended } = await get();
    expect(recommended.map((r) => r.item.id)).toEqual([reaches.id, anyLevel.id, below.id]);
    expect(recommended[0]!.reasons).toEqual([{ competenceCode: 'HC.SEC.1', competenceName: expect.any(String), selfLevel: 2, requiredLevel: 3, wantsTraining: true }]);
    expect(recommended[0]!.reasons[0]!.competenceName).not.toBe('HC.SEC.1');
  });
});
