import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../../test/harness.js';
import { withTenant } from '../../../db/tenant.js';
import { todayInLearningZone } from '../assignments/assignment-status.js';
import { addDays, complete, insertAssignment, insertItem, startLearning } from '../assignments/assignments.fixtures.js';
import { completionTrend } from './people.repository.js';

// Leader reports against a hand-computed fixture. The tenant's tree is
// Hjemmetjenesten → { Sone nord → Team A, Sone sør }; the leader leads Sone nord.
//
//   item A: assigned to Hjemmetjenesten (everyone), due 10 days ago;
//           extra is also assigned A personally, due in 20 days (counts once).
//   item B: assigned to inOther, due in 30 days.      item C: assigned to nobody.
//
//   inTeam (Team A)      completed A (2025-04-10), completed C (2025-04-25)
//   self (Sone nord)     started A; completed C 2025-05-31T22:30Z (= June 1st, 00:30 in Oslo)
//   extra (Team A)       completed C (2025-04-20)
//   inOther (Sone sør)   completed B (2025-03-15); completed C 2025-05-31T21:30Z (= May 31st, 23:30 in Oslo)

let t: TestApp;
let a: Tenant;
let m: string;
let extraId: string;
const items = {} as Record<'A' | 'B' | 'C', Awaited<ReturnType<typeof insertItem>>>;
const today = todayInLearningZone();

beforeAll(async () => {
  t = await createTestApp();
  a = await buildTenant(t.db);
  m = a.municipality.id;
  extraId = (await createPerson(t.db, m, a.units.team.id, { given_name: 'Ekstra', family_name: 'Person' })).id;
  items.A = await insertItem(t.db, m, { title: 'Smittevern' });
  items.B = await insertItem(t.db, m, { title: 'Legemiddelhåndtering' });
  items.C = await insertItem(t.db, m, { title: 'Velferdsteknologi' });
  await insertAssignment(t.db, m, items.A.id, { kind: 'unit', unitId: a.units.area.id }, { dueDate: addDays(today, -10) });
  await insertAssignment(t.db, m, items.A.id, { kind: 'person', personId: extraId }, { dueDate: addDays(today, 20) });
  await insertAssignment(t.db, m, items.B.id, { kind: 'person', personId: a.people.inOther.id }, { dueDate: addDays(today, 30) });
  const { inTeam, self, inOther } = a.people;
  await complete(t.db, m, inTeam.id, items.A, new Date('2025-04-10T10:00:00Z'));
  await complete(t.db, m, inTeam.id, items.C, new Date('2025-04-25T10:00:00Z'));
  await startLearning(t.db, m, self.id, items.A);
  await complete(t.db, m, self.id, items.C, new Date('2025-05-31T22:30:00Z'));
  await complete(t.db, m, extraId, items.C, new Date('2025-04-20T10:00:00Z'));
  await complete(t.db, m, inOther.id, items.B, new Date('2025-03-15T10:00:00Z'));
  await complete(t.db, m, inOther.id, items.C, new Date('2025-05-31T21:30:00Z'));
});
afterAll(() => t.close());

const url = (path: string, tenant = m) => `/api/v1/municipalities/${tenant}/learning/reports/${path}`;
const counts = (assigned: number, completed: number, inProgress: number, notStarted: number, overdue: number) => ({
  assigned,
  completed,
  inProgress,
  notStarted,
  overdue,
  completionRate: assigned ? Math.round((completed / assigned) * 10000) / 10000 : null,
});

describe('completion', () => {
  it('counts per item, per top unit and in total for the whole municipality, a person assigned twice once', async () => {
    const res = await call(t.app, a.sessions.municipal_admin, 'GET', url('completion'));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.unit).toBeNull();
    expect(r.totals).toEqual({ people: 4, ...counts(5, 2, 1, 2, 3) });
    const byTitle = Object.fromEntries(r.items.map((i: any) => [i.title, i]));
    expect(Object.keys(byTitle).sort()).toEqual(['Legemiddelhåndtering', 'Smittevern']);
    expect(byTitle.Smittevern).toMatchObject({ itemId: items.A.id, ...counts(4, 1, 1, 2, 3) });
    expect(byTitle['Legemiddelhåndtering']).toMatchObject(counts(1, 1, 0, 0, 0));
    expect(r.units).toEqual([{ unitId: a.units.area.id, name: 'Hjemmetjenesten', hasChildren: true, people: 4, ...counts(5, 2, 1, 2, 3) }]);
  });

  it('goes one level down a unit, each child with its whole subtree, and narrows to one item', async () => {
    const r = (await call(t.app, a.sessions.competence_advisor, 'GET', url(`completion?unitId=${a.units.area.id}`))).json();
    expect(r.unit).toEqual({ id: a.units.area.id, name: 'Hjemmetjenesten' });
    expect(r.units).toEqual([
      { unitId: a.units.unit.id, name: 'Sone nord', hasChildren: true, people: 3, ...counts(3, 1, 1, 1, 2) },
      { unitId: a.units.other.id, name: 'Sone sør', hasChildren: false, people: 1, ...counts(2, 1, 0, 1, 1) },
    ]);
    const onlyB = (await call(t.app, a.sessions.competence_advisor, 'GET', url(`completion?itemId=${items.B.id}`))).json();
    expect(onlyB.items.map((i: any) => i.itemId)).toEqual([items.B.id]);
    expect(onlyB.totals).toEqual({ people: 1, ...counts(1, 1, 0, 0, 0) });
  });

  it('shows a unit leader only their subtree; another unit is not found', async () => {
    const r = (await call(t.app, a.sessions.leader, 'GET', url('completion'))).json();
    expect(r.totals).toEqual({ people: 3, ...counts(3, 1, 1, 1, 2) });
    expect(r.items.map((i: any) => i.itemId)).toEqual([items.A.id]);
    expect(r.units).toEqual([{ unitId: a.units.unit.id, name: 'Sone nord', hasChildren: true, people: 3, ...counts(3, 1, 1, 1, 2) }]);
    const team = (await call(t.app, a.sessions.leader, 'GET', url(`completion?unitId=${a.units.team.id}`))).json();
    expect(team.totals).toEqual({ people: 2, ...counts(2, 1, 0, 1, 1) });
    expect(team.units).toEqual([]);
    for (const unitId of [a.units.other.id, a.units.area.id]) {
      const res = await call(t.app, a.sessions.leader, 'GET', url(`completion?unitId=${unitId}`));
      expect(res.statusCode).toBe(404);
    }
  });

  it('answers 403 to roles without reports and 404 in a municipality the caller has no grant in', async () => {
    for (const role of ['employee', 'ombud', 'network_coordinator', 'analyst'] as const) {
      const res = await call(t.app, a.sessions[role], 'GET', url('completion'));
      expect([role, res.statusCode]).toEqual([role, 403]);
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    const stranger = await buildTenant(t.db);
    for (const path of ['completion', 'trend', 'people', `people/${a.people.self.id}`, 'completion.xlsx']) {
      expect((await call(t.app, stranger.sessions.municipal_admin, 'GET', url(path))).statusCode).toBe(404);
    }
    expect((await call(t.app, null, 'GET', url('completion'))).statusCode).toBe(401);
  });
});

describe('trend', () => {
  it('counts completions and distinct learners per month in Oslo time, with zero months', async () => {
    const trend = (unitIds: string[] | null) => withTenant(t.db, m, (tx) => completionTrend(tx, m, unitIds, '2025-06-20', 4));
    expect(await trend(null)).toEqual([
      { month: '2025-03', completions: 1, learners: 1 },
      { month: '2025-04', completions: 3, learners: 2 },
      { month: '2025-05', completions: 1, learners: 1 },
      { month: '2025-06', completions: 1, learners: 1 },
    ]);
    expect(await trend([a.units.unit.id, a.units.team.id])).toEqual([
      { month: '2025-03', completions: 0, learners: 0 },
      { month: '2025-04', completions: 3, learners: 2 },
      { month: '2025-05', completions: 0, learners: 0 },
      { month: '2025-06', completions: 1, learners: 1 },
    ]);
  });

  it('answers the months up to this one over HTTP, within the caller scope', async () => {
    const fresh = await buildTenant(t.db);
    const item = await insertItem(t.db, fresh.municipality.id);
    await complete(t.db, fresh.municipality.id, fresh.people.inOther.id, item, new Date());
    await complete(t.db, fresh.municipality.id, fresh.people.inTeam.id, item, new Date());
    const all = (await call(t.app, fresh.sessions.municipal_admin, 'GET', url('trend?months=6', fresh.municipality.id))).json();
    expect(all.timeZone).toBe('Europe/Oslo');
    expect(all.months).toHaveLength(6);
    expect(all.months.at(-1)).toEqual({ month: today.slice(0, 7), completions: 2, learners: 2 });
    expect(all.months.slice(0, 5).every((x: any) => x.completions === 0)).toBe(true);
    const led = (await call(t.app, fresh.sessions.leader, 'GET', url('trend', fresh.municipality.id))).json();
    expect(led.months).toHaveLength(12);
    expect(led.months.at(-1)).toMatchObject({ completions: 1, learners: 1 });
  });
});

describe('people and one person', () => {
  it('lists people in scope with their counts, most overdue first, filtered by status', async () => {
    const r = (await call(t.app, a.sessions.municipal_admin, 'GET', url('people'))).json();
    expect(r.total).toBe(4);
    const byId = Object.fromEntries(r.items.map((p: any) => [p.personId, p]));
    expect(byId[a.people.inOther.id]).toMatchObject({ assigned: 2, completed: 1, overdue: 1, unitName: 'Sone sør' });
    expect(byId[a.people.inTeam.id]).toMatchObject({ assigned: 1, completed: 1, overdue: 0, unitName: 'Team A' });
    expect(byId[extraId]).toMatchObject({ name: 'Ekstra Person', assigned: 1, completed: 0, overdue: 1 });
    expect(r.items.at(-1).personId).toBe(a.people.inTeam.id);
    const overdue = (await call(t.app, a.sessions.municipal_admin, 'GET', url('people?status=overdue'))).json();
    expect(overdue.items.map((p: any) => p.personId).sort()).toEqual([a.people.self.id, a.people.inOther.id, extraId].sort());
    const complete = (await call(t.app, a.sessions.municipal_admin, 'GET', url('people?status=complete'))).json();
    expect(complete.items.map((p: any) => p.personId)).toEqual([a.people.inTeam.id]);
    const page = (await call(t.app, a.sessions.municipal_admin, 'GET', url('people?pageSize=1&page=2&q=ekstra'))).json();
    expect(page).toMatchObject({ total: 1, items: [] });
    const leader = (await call(t.app, a.sessions.leader, 'GET', url('people'))).json();
    expect(leader.items.map((p: any) => p.personId).sort()).toEqual([a.people.inTeam.id, a.people.self.id, extraId].sort());
  });

  it("shows one person's assignments and own-choice completions; a person outside the leader's units is not found", async () => {
    const r = (await call(t.app, a.sessions.leader, 'GET', url(`people/${a.people.self.id}?lang=en`))).json();
    expect(r.person).toMatchObject({ id: a.people.self.id, units: [{ id: a.units.unit.id, name: 'Sone nord' }] });
    expect(r.assignments).toEqual([expect.objectContaining({ itemId: items.A.id, title: 'Smittevern (en)', status: 'in_progress', overdue: true, dueDate: addDays(today, -10), lastCompletedAt: null })]);
    expect(r.otherCompletions).toEqual([expect.objectContaining({ itemId: items.C.id, outcome: 'passed', completedAt: '2025-05-31T22:30:00.000Z', scoreScaled: expect.closeTo(0.9, 5), source: 'manual' })]);
    expect((await call(t.app, a.sessions.leader, 'GET', url(`people/${a.people.inOther.id}`))).statusCode).toBe(404);
    const stranger = await buildTenant(t.db);
    expect((await call(t.app, a.sessions.municipal_admin, 'GET', url(`people/${stranger.people.self.id}`))).statusCode).toBe(404);
    expect((await call(t.app, a.sessions.ombud, 'GET', url(`people/${a.people.self.id}`))).statusCode).toBe(403);
  });
});

describe('the XLSX export', () => {
  it('holds per item, per unit, per person and trend sheets with headers in the asked language', async () => {
    const res = await call(t.app, a.sessions.municipal_admin, 'GET', url(`completion.xlsx?unitId=${a.units.area.id}&lang=en`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="hjemmetjenesten-report-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['By item', 'By unit', 'By person', 'Trend', 'About']);
    const rows = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows('By item')[0]).toEqual(['Learning item', 'Kind', 'Assigned', 'Completed', 'In progress', 'Not started', 'Overdue', 'Completion rate']);
    expect(rows('By item')).toContainEqual(['Smittevern (en)', 'link', 4, 1, 1, 2, 3, 0.25]);
    expect(rows('By unit').slice(1)).toEqual([
      ['Sone nord', 3, 3, 1, 1, 1, 2, 0.3333],
      ['Sone sør', 1, 2, 1, 0, 1, 1, 0.5],
    ]);
    expect(rows('By person').slice(1).map((r) => r[0]).sort()).toEqual(
      [a.people.inTeam, a.people.self, a.people.inOther].map((p) => `${p.given_name} ${p.family_name}`).concat('Ekstra Person').sort(),
    );
    expect(rows('By person')).toContainEqual(['Ekstra Person', expect.any(String), 'Nurse', 'Team A', 1, 0, 1]);
    expect(rows('Trend')).toHaveLength(13);
  });

  it('writes Norwegian headers for a Norwegian reader and keeps a unit leader to their units', async () => {
    const res = await call(t.app, a.sessions.leader, 'GET', url('completion.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Per aktivitet', 'Per enhet', 'Per person', 'Utvikling', 'Om uttrekket']);
    expect(wb.getWorksheet('Per person')!.rowCount).toBe(1 + 3);
    expect((await call(t.app, a.sessions.leader, 'GET', url(`completion.xlsx?unitId=${a.units.other.id}`))).statusCode).toBe(404);
  });
});
