import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, type Tenant } from '../../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../../test/harness.js';
import { withTenant } from '../../../db/tenant.js';
import { starterVersion } from '../../mapping/mapping.fixtures.js';
import { assignmentStatuses, todayInLearningZone, type AssignmentScope } from './assignment-status.js';
import { addDays, complete, daysAgo, insertAssignment, insertItem, startLearning } from './assignments.fixtures.js';

// The rules of assignmentStatuses (README.md): who a target reaches, when a
// round is due, what counts as done (recurrence), and the overdue/due-soon flags.

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

const statuses = (scope: AssignmentScope, day = today) => withTenant(t.db, m, (tx) => assignmentStatuses(tx, m, scope, day));
const reached = async (assignmentId: string) => (await statuses({ assignmentIds: [assignmentId] })).map((r) => r.personId).sort();
const sorted = (ids: string[]) => [...ids].sort();

async function roleProfile(profession: string | null, unitId: string | null) {
  const { id } = await t.db
    .insertInto('role_profiles')
    .values({ municipality_id: m, name: `Profil ${Math.random()}`, framework_version_id: await starterVersion(t.db), profession, unit_id: unitId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

describe('targets', () => {
  it('reaches one person, a unit with its sub-units, a profession, or a role profile (both parts must match), and only active people', async () => {
    const item = await insertItem(t.db, m);
    const doctorInTeam = await createPerson(t.db, m, a.units.team.id, { profession: 'doctor' });
    const gone = await createPerson(t.db, m, a.units.unit.id);
    await t.db.updateTable('persons').set({ active: false }).where('id', '=', gone.id).execute();
    // Someone whose second unit is under "Sone nord" counts there too.
    const twoUnits = await createPerson(t.db, m, a.units.other.id, { profession: 'assistant' });
    await t.db.insertInto('person_units').values({ municipality_id: m, person_id: twoUnits.id, unit_id: a.units.team.id, is_primary: false }).execute();

    const { inTeam, inOther, self } = a.people;
    expect(await reached(await insertAssignment(t.db, m, item.id, { kind: 'person', personId: inOther.id }))).toEqual([inOther.id]);
    expect(await reached(await insertAssignment(t.db, m, item.id, { kind: 'person', personId: gone.id }))).toEqual([]);
    expect(await reached(await insertAssignment(t.db, m, item.id, { kind: 'unit', unitId: a.units.unit.id }))).toEqual(sorted([inTeam.id, self.id, doctorInTeam.id, twoUnits.id]));
    expect(await reached(await insertAssignment(t.db, m, item.id, { kind: 'unit', unitId: a.units.other.id }))).toEqual(sorted([inOther.id, twoUnits.id]));
    expect(await reached(await insertAssignment(t.db, m, item.id, { kind: 'profession', profession: 'doctor' }))).toEqual([doctorInTeam.id]);

    const nursesNorth = await roleProfile('nurse', a.units.unit.id);
    expect(await reached(await insertAssignment(t.db, m, item.id, { kind: 'role_profile', roleProfileId: nursesNorth }))).toEqual(sorted([inTeam.id, self.id]));
    const allDoctors = await roleProfile('doctor', null);
    expect(await reached(await insertAssignment(t.db, m, item.id, { kind: 'role_profile', roleProfileId: allDoctors }))).toEqual([doctorInTeam.id]);
    const team = await roleProfile(null, a.units.team.id);
    expect(await reached(await insertAssignment(t.db, m, item.id, { kind: 'role_profile', roleProfileId: team }))).toEqual(sorted([inTeam.id, doctorInTeam.id, twoUnits.id]));
    const nobody = await roleProfile(null, null);
    expect(await reached(await insertAssignment(t.db, m, item.id, { kind: 'role_profile', roleProfileId: nobody }))).toEqual([]);

    const archived = await insertAssignment(t.db, m, item.id, { kind: 'unit', unitId: a.units.area.id }, { archived: true });
    expect(await reached(archived)).toEqual([]);
  });

  it('narrows to people, units (with sub-units) and items', async () => {
    // A tenant of its own: the other tests add people to the shared one.
    const b = await buildTenant(t.db);
    const mb = b.municipality.id;
    const item = await insertItem(t.db, mb);
    const other = await insertItem(t.db, mb);
    const id = await insertAssignment(t.db, mb, item.id, { kind: 'unit', unitId: b.units.area.id });
    const id2 = await insertAssignment(t.db, mb, other.id, { kind: 'unit', unitId: b.units.area.id });
    const pick = async (scope: AssignmentScope) =>
      (await withTenant(t.db, mb, (tx) => assignmentStatuses(tx, mb, scope, today))).map((r) => `${r.assignmentId === id ? 'a' : 'b'}:${r.personId}`).sort();
    expect(await pick({ personIds: [b.people.self.id] })).toEqual(sorted([`a:${b.people.self.id}`, `b:${b.people.self.id}`]));
    expect(await pick({ unitIds: [b.units.unit.id], itemIds: [item.id] })).toEqual(sorted([`a:${b.people.self.id}`, `a:${b.people.inTeam.id}`]));
    expect(await pick({ unitIds: [b.units.team.id], personIds: [b.people.self.id] })).toEqual([]);
    expect(await pick({ personIds: [] })).toEqual([]);
  });
});

describe('due dates and status', () => {
  it('uses a fixed date, or days after the later of assignment and start (new hires get their own), or none', async () => {
    const item = await insertItem(t.db, m);
    const fixed = await insertAssignment(t.db, m, item.id, { kind: 'person', personId: a.people.self.id }, { dueDate: addDays(today, 20) });
    const none = await insertAssignment(t.db, m, item.id, { kind: 'person', personId: a.people.self.id });
    const relative = await insertAssignment(t.db, m, item.id, { kind: 'unit', unitId: a.units.unit.id }, { dueDays: 30, createdAt: daysAgo(10) });
    await t.db.updateTable('persons').set({ created_at: daysAgo(400) } as never).where('id', '=', a.people.self.id).execute();
    const newHire = await createPerson(t.db, m, a.units.team.id);
    const rows = await statuses({ assignmentIds: [fixed, none, relative] });
    const due = (assignmentId: string, personId: string) => rows.find((r) => r.assignmentId === assignmentId && r.personId === personId)!.dueDate;
    expect(due(fixed, a.people.self.id)).toBe(addDays(today, 20));
    expect(due(none, a.people.self.id)).toBeNull();
    expect(due(relative, a.people.self.id)).toBe(addDays(today, 20));
    expect(due(relative, newHire.id)).toBe(addDays(today, 30));
  });

  it('is not started, in progress or completed; overdue after the due date unless done; due soon within 14 days', async () => {
    const person = await createPerson(t.db, m, a.units.team.id);
    const item1 = await insertItem(t.db, m);
    const item2 = await insertItem(t.db, m);
    const item3 = await insertItem(t.db, m);
    const item4 = await insertItem(t.db, m);
    const late = await insertAssignment(t.db, m, item1.id, { kind: 'person', personId: person.id }, { dueDate: addDays(today, -1) });
    const soon = await insertAssignment(t.db, m, item2.id, { kind: 'person', personId: person.id }, { dueDate: addDays(today, 14) });
    const lateDone = await insertAssignment(t.db, m, item3.id, { kind: 'person', personId: person.id }, { dueDate: addDays(today, -5) });
    const later = await insertAssignment(t.db, m, item4.id, { kind: 'person', personId: person.id }, { dueDate: addDays(today, 15) });
    await startLearning(t.db, m, person.id, item2);
    // Completed before the assignment existed: any completion satisfies a one-off assignment.
    await complete(t.db, m, person.id, item3, daysAgo(300));
    const rows = await statuses({ personIds: [person.id] });
    const row = (id: string) => rows.find((r) => r.assignmentId === id)!;
    expect(row(late)).toMatchObject({ status: 'not_started', overdue: true, dueSoon: false, lastCompletedAt: null, validUntil: null });
    expect(row(soon)).toMatchObject({ status: 'in_progress', overdue: false, dueSoon: true });
    expect(row(lateDone)).toMatchObject({ status: 'completed', overdue: false, dueSoon: false, validUntil: null });
    expect(row(lateDone).lastCompletedAt).toBeInstanceOf(Date);
    expect(row(later)).toMatchObject({ status: 'not_started', overdue: false, dueSoon: false });
    // Tomorrow the second one is due in 13 days; the in-progress one is still not overdue on its due day.
    expect((await statuses({ assignmentIds: [soon] }, addDays(today, 14)))[0]).toMatchObject({ overdue: false, dueSoon: true });
    expect((await statuses({ assignmentIds: [soon] }, addDays(today, 15)))[0]).toMatchObject({ overdue: true, dueSoon: false });
  });
});

describe('recurrence', () => {
  const monthsAgo = (months: number, extraDays = 0) => {
    const d = new Date();
    d.setUTCMonth(d.getUTCMonth() - months);
    d.setUTCDate(d.getUTCDate() - extraDays);
    d.setUTCHours(10);
    return d;
  };

  it('counts the latest completion for the recurrence; the next round is due when it expires', async () => {
    const person = await createPerson(t.db, m, a.units.team.id);
    const expired = await insertItem(t.db, m);
    const valid = await insertItem(t.db, m);
    const expiring = await insertItem(t.db, m);
    const renewed = await insertItem(t.db, m);
    await complete(t.db, m, person.id, expired, monthsAgo(13));
    await complete(t.db, m, person.id, valid, monthsAgo(6));
    await complete(t.db, m, person.id, expiring, monthsAgo(12, -10));
    await complete(t.db, m, person.id, renewed, monthsAgo(25));
    await complete(t.db, m, person.id, renewed, monthsAgo(1));
    const ids = {
      expired: await insertAssignment(t.db, m, expired.id, { kind: 'person', personId: person.id }, { recurrenceMonths: 12, dueDate: addDays(today, -60) }),
      valid: await insertAssignment(t.db, m, valid.id, { kind: 'person', personId: person.id }, { recurrenceMonths: 12 }),
      expiring: await insertAssignment(t.db, m, expiring.id, { kind: 'person', personId: person.id }, { recurrenceMonths: 12 }),
      renewed: await insertAssignment(t.db, m, renewed.id, { kind: 'person', personId: person.id }, { recurrenceMonths: 12 }),
      // A new assignment's own deadline gives time even though the old completion expired.
      fresh: await insertAssignment(t.db, m, expired.id, { kind: 'person', personId: person.id }, { recurrenceMonths: 12, dueDate: addDays(today, 30) }),
    };
    const rows = await statuses({ personIds: [person.id] });
    const row = (id: string) => rows.find((r) => r.assignmentId === id)!;
    const dateOf = (d: Date) => todayInLearningZone(d);
    const plusYear = (d: Date) => `${Number(dateOf(d).slice(0, 4)) + 1}${dateOf(d).slice(4)}`;

    expect(row(ids.expired)).toMatchObject({ status: 'not_started', overdue: true, validUntil: plusYear(monthsAgo(13)), dueDate: plusYear(monthsAgo(13)) });
    expect(row(ids.valid)).toMatchObject({ status: 'completed', overdue: false, dueSoon: false, validUntil: plusYear(monthsAgo(6)) });
    expect(row(ids.expiring)).toMatchObject({ status: 'completed', overdue: false, dueSoon: true, dueDate: plusYear(monthsAgo(12, -10)) });
    expect(row(ids.renewed)).toMatchObject({ status: 'completed', validUntil: plusYear(monthsAgo(1)) });
    expect(row(ids.fresh)).toMatchObject({ status: 'not_started', overdue: false, dueDate: addDays(today, 30) });
  });
});
