import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createUser, sessionFor, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../../test/harness.js';
import type { Assignment, AssignmentPerson } from '../../../../shared/api/assignments.js';
import { starterVersion } from '../../mapping/mapping.fixtures.js';
import { todayInLearningZone } from './assignment-status.js';
import { addDays, complete, daysAgo, insertItem } from './assignments.fixtures.js';

// The assignments API: who may assign to whom (unit leaders only inside their
// subtrees), what a valid assignment is, editing, archiving, and the people list.

let t: TestApp;
let a: Tenant;
let b: Tenant;
let m: string;
let item: Awaited<ReturnType<typeof insertItem>>;
let municipalLeader: Session;
const today = todayInLearningZone();

beforeAll(async () => {
  t = await createTestApp();
  a = await buildTenant(t.db);
  b = await buildTenant(t.db);
  m = a.municipality.id;
  item = await insertItem(t.db, m);
  municipalLeader = await sessionFor(t.db, (await createUser(t.db, [{ role: 'leader', scopeType: 'municipality', municipalityId: m }])).id);
});
afterAll(() => t.close());

const url = (tenant = a) => `/api/v1/municipalities/${tenant.municipality.id}/learning/assignments`;
const reason = (res: { json: () => any }) => res.json()?.error?.details?.reason;
const create = (session: Session | null, body: object, tenant = a) => call(t.app, session, 'POST', url(tenant), { itemId: item.id, ...body });

describe('who may assign to whom', () => {
  it('lets administrators, advisors and municipality leaders assign to any target', async () => {
    const profile = await t.db
      .insertInto('role_profiles')
      .values({ municipality_id: m, name: 'Sykepleier', framework_version_id: await starterVersion(t.db), profession: 'nurse', unit_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const targets = [
      { kind: 'person', personId: a.people.inOther.id },
      { kind: 'unit', unitId: a.units.other.id },
      { kind: 'profession', profession: 'nurse' },
      { kind: 'role_profile', roleProfileId: profile.id },
    ];
    for (const session of [a.sessions.municipal_admin!, a.sessions.competence_advisor!, municipalLeader]) {
      for (const target of targets) {
        const res = await create(session, { target, dueDate: addDays(today, 30) });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
        expect(res.json<Assignment>()).toMatchObject({ target, dueDate: addDays(today, 30), item: { id: item.id, title: 'Informasjonssikkerhet' } });
      }
    }
  });

  it('lets a unit leader assign only to people and units in their subtrees', async () => {
    const leader = a.sessions.leader!; // leads "Sone nord" (with Team A below it)
    expect((await create(leader, { target: { kind: 'unit', unitId: a.units.team.id } })).statusCode).toBe(201);
    expect((await create(leader, { target: { kind: 'person', personId: a.people.inTeam.id } })).statusCode).toBe(201);
    for (const target of [
      { kind: 'unit', unitId: a.units.other.id },
      { kind: 'unit', unitId: a.units.area.id },
      { kind: 'person', personId: a.people.inOther.id },
      { kind: 'profession', profession: 'nurse' },
    ]) {
      const res = await create(leader, { target });
      expect(res.statusCode, JSON.stringify(target)).toBe(403);
    }
  });

  it('refuses employees, ombud and network roles', async () => {
    for (const role of ['employee', 'ombud', 'network_coordinator', 'analyst', 'platform_admin'] as const) {
      expect(errorCode(await create(a.sessions[role], { target: { kind: 'unit', unitId: a.units.unit.id } })), role).toBe('FORBIDDEN');
    }
  });
});

describe('what can be assigned', () => {
  it('needs a published item of this municipality and an existing target, and one kind of deadline', async () => {
    const admin = a.sessions.municipal_admin!;
    const foreign = await insertItem(t.db, b.municipality.id);
    const draft = await insertItem(t.db, m, { status: 'draft' });
    const before = await t.db.selectFrom('learning_assignments').select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(errorCode(await create(admin, { itemId: foreign.id, target: { kind: 'unit', unitId: a.units.unit.id } }))).toBe('NOT_FOUND');
    const res = await create(admin, { itemId: draft.id, target: { kind: 'unit', unitId: a.units.unit.id } });
    expect([res.statusCode, reason(res)]).toEqual([409, 'ITEM_NOT_PUBLISHED']);
    expect(errorCode(await create(admin, { target: { kind: 'unit', unitId: b.units.unit.id } }))).toBe('VALIDATION');
    expect(errorCode(await create(admin, { target: { kind: 'person', personId: b.people.self.id } }))).toBe('VALIDATION');
    expect(errorCode(await create(admin, { target: { kind: 'unit', unitId: a.units.unit.id }, dueDate: addDays(today, 3), dueDays: 10 }))).toBe('VALIDATION');
    expect(errorCode(await create(admin, { target: { kind: 'unit', unitId: a.units.unit.id }, recurrenceMonths: 0 }))).toBe('VALIDATION');
    expect(errorCode(await create(admin, { target: { kind: 'profession', profession: 'astronaut' } }))).toBe('VALIDATION');
    const after = await t.db.selectFrom('learning_assignments').select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });
});

describe('following up', () => {
  it('counts, edits with audit, lists people with the overdue filter, and archives', async () => {
    const admin = a.sessions.municipal_admin!;
    const own = await insertItem(t.db, m);
    await complete(t.db, m, a.people.inTeam.id, own, daysAgo(3));
    const created = (await call(t.app, admin, 'POST', url(), { itemId: own.id, target: { kind: 'unit', unitId: a.units.unit.id }, dueDate: addDays(today, -2), note: 'Før sommeren' })).json<Assignment>();
    expect(created.counts).toEqual({ people: 2, completed: 1, inProgress: 0, overdue: 1 });

    const people = (await call(t.app, admin, 'GET', `${url()}/${created.id}/people`)).json<{ people: AssignmentPerson[] }>().people;
    expect(people.map((p) => [p.personId, p.status, p.overdue])).toEqual([
      [a.people.self.id, 'not_started', true],
      [a.people.inTeam.id, 'completed', false],
    ]);
    const late = (await call(t.app, admin, 'GET', `${url()}/${created.id}/people?overdue=true`)).json<{ people: AssignmentPerson[] }>().people;
    expect(late.map((p) => p.personId)).toEqual([a.people.self.id]);

    const patched = await call(t.app, admin, 'PATCH', `${url()}/${created.id}`, { dueDays: 30, recurrenceMonths: 12 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Assignment>()).toMatchObject({ dueDate: null, dueDays: 30, recurrenceMonths: 12, note: 'Før sommeren' });
    const audit = await t.db.selectFrom('audit_events').select('action').where('municipality_id', '=', m).where('entity_id', '=', created.id).orderBy('occurred_at').execute();
    expect(audit.map((x) => x.action)).toEqual(['learning_assignment.create', 'learning_assignment.update']);

    expect((await call(t.app, admin, 'DELETE', `${url()}/${created.id}`)).statusCode).toBe(200);
    const listed = (await call(t.app, admin, 'GET', url())).json<Assignment[]>();
    expect(listed.some((x) => x.id === created.id)).toBe(false);
    const all = (await call(t.app, admin, 'GET', `${url()}?includeArchived=true`)).json<Assignment[]>();
    expect(all.find((x) => x.id === created.id)?.archivedAt).not.toBeNull();
    const again = await call(t.app, admin, 'PATCH', `${url()}/${created.id}`, { note: 'x' });
    expect([again.statusCode, reason(again)]).toEqual([409, 'ARCHIVED']);
  });

  it('shows a unit leader what reaches their people, counted over them only, and nothing else', async () => {
    const admin = a.sessions.municipal_admin!;
    const leader = a.sessions.leader!;
    const mine = await insertItem(t.db, m);
    const southOnly = (await call(t.app, admin, 'POST', url(), { itemId: mine.id, target: { kind: 'unit', unitId: a.units.other.id } })).json<Assignment>();
    const nurses = (await call(t.app, admin, 'POST', url(), { itemId: mine.id, target: { kind: 'profession', profession: 'nurse' } })).json<Assignment>();
    const listed = (await call(t.app, leader, 'GET', `${url()}?itemId=${mine.id}`)).json<Assignment[]>();
    expect(listed.map((x) => x.id)).toEqual([nurses.id]);
    expect(listed[0]!.counts.people).toBe(2); // self and inTeam, not inOther
    expect(errorCode(await call(t.app, leader, 'GET', `${url()}/${southOnly.id}`))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, leader, 'GET', `${url()}/${southOnly.id}/people`))).toBe('NOT_FOUND');
    const people = (await call(t.app, leader, 'GET', `${url()}/${nurses.id}/people`)).json<{ people: AssignmentPerson[] }>().people;
    expect(people.map((p) => p.personId).sort()).toEqual([a.people.self.id, a.people.inTeam.id].sort());
    expect(errorCode(await call(t.app, leader, 'PATCH', `${url()}/${nurses.id}`, { note: 'x' }))).toBe('FORBIDDEN');
    expect(errorCode(await call(t.app, leader, 'DELETE', `${url()}/${nurses.id}`))).toBe('FORBIDDEN');
    expect(errorCode(await call(t.app, admin, 'GET', `${url(b)}/${nurses.id}`))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, b.sessions.municipal_admin!, 'GET', `${url(b)}/${nurses.id}`))).toBe('NOT_FOUND');
  });
});
