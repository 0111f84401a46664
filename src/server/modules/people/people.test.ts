import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, createUnit, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../test/harness.js';
import { withTenant } from '../../db/tenant.js';

// People through the real API, and row-level security underneath it.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type PersonView = { id: string; employeeNumber: string; givenName: string; familyName: string; email: string | null; unitIds: string[]; primaryUnitId: string | null; active: boolean; hasAccount: boolean };
type Page = { items: PersonView[]; total: number; page: number; pageSize: number };

const auditOf = (municipalityId: string, entityId: string) =>
  t.db.selectFrom('audit_events').selectAll().where('municipality_id', '=', municipalityId).where('entity_id', '=', entityId).orderBy('occurred_at').execute();

describe('people CRUD', () => {
  let tenant: Tenant;
  let base: string;
  beforeEach(async () => {
    tenant = await buildTenant(t.db);
    base = `/api/v1/municipalities/${tenant.municipality.id}/people`;
  });
  const input = (over: Record<string, unknown> = {}) => ({
    employeeNumber: 'A-100',
    givenName: 'Åse',
    familyName: 'Østby',
    email: 'Ase.Ostby@Kommune.example',
    phone: '+47 900 00 000',
    profession: 'specialist_nurse',
    positionPct: 75.5,
    preferredLanguage: 'nn',
    unitIds: [tenant.units.team.id, tenant.units.other.id],
    primaryUnitId: tenant.units.other.id,
    ...over,
  });

  it('creates, reads, updates and deletes a person, auditing each change with before and after', async () => {
    const created = await call(t.app, tenant.sessions.competence_advisor, 'POST', base, input());
    expect(created.statusCode).toBe(201);
    const person = created.json<PersonView>();
    expect(person).toMatchObject({ employeeNumber: 'A-100', email: 'ase.ostby@kommune.example', positionPct: 75.5, primaryUnitId: tenant.units.other.id, active: true, hasAccount: false });
    // The primary unit comes first.
    expect(person.unitIds).toEqual([tenant.units.other.id, tenant.units.team.id]);

    const read = await call(t.app, tenant.sessions.municipal_admin, 'GET', `${base}/${person.id}`);
    expect(read.json()).toEqual(person);

    const updated = await call(t.app, tenant.sessions.municipal_admin, 'PATCH', `${base}/${person.id}`, { familyName: 'Berg', unitIds: [tenant.units.unit.id], active: false });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ familyName: 'Berg', unitIds: [tenant.units.unit.id], primaryUnitId: tenant.units.unit.id, active: false, givenName: 'Åse' });

    const deleted = await call(t.app, tenant.sessions.municipal_admin, 'DELETE', `${base}/${person.id}`);
    expect(deleted.statusCode).toBe(200);
    expect((await call(t.app, tenant.sessions.municipal_admin, 'GET', `${base}/${person.id}`)).statusCode).toBe(404);
    expect(await t.db.selectFrom('person_units').select('unit_id').where('person_id', '=', person.id).execute()).toEqual([]);

    const events = await auditOf(tenant.municipality.id, person.id);
    expect(events.map((e) => [e.action, e.actor_user_id])).toEqual([
      ['person.create', tenant.users.competence_advisor.id],
      ['person.update', tenant.users.municipal_admin.id],
      ['person.delete', tenant.users.municipal_admin.id],
    ]);
    expect(events[0]!.before).toBeNull();
    expect(events[0]!.after).toMatchObject({ employeeNumber: 'A-100', familyName: 'Østby' });
    expect(events[1]!.before).toMatchObject({ familyName: 'Østby', active: true, unitIds: expect.arrayContaining([tenant.units.team.id]) });
    expect(events[1]!.after).toMatchObject({ familyName: 'Berg', active: false, unitIds: [tenant.units.unit.id] });
    expect(events[2]!.before).toMatchObject({ familyName: 'Berg' });
    expect(events[2]!.after).toBeNull();
  });

  it('refuses a duplicate employee number or e-mail (any case) with 409 and creates nothing', async () => {
    const existing = tenant.people.inTeam;
    const byNumber = await call(t.app, tenant.sessions.municipal_admin, 'POST', base, input({ employeeNumber: existing.employee_number, email: null }));
    expect(byNumber.statusCode).toBe(409);
    expect(byNumber.json().error.details).toEqual({ field: 'employeeNumber' });
    const byEmail = await call(t.app, tenant.sessions.municipal_admin, 'POST', base, input({ email: existing.email!.toUpperCase() }));
    expect(byEmail.statusCode).toBe(409);
    expect(byEmail.json().error.details).toEqual({ field: 'email' });
    const onUpdate = await call(t.app, tenant.sessions.municipal_admin, 'PATCH', `${base}/${tenant.people.inOther.id}`, { employeeNumber: existing.employee_number });
    expect(onUpdate.statusCode).toBe(409);
    expect(await t.db.selectFrom('persons').select('id').where('municipality_id', '=', tenant.municipality.id).execute()).toHaveLength(3);
    expect(await t.db.selectFrom('audit_events').select('id').where('municipality_id', '=', tenant.municipality.id).execute()).toEqual([]);
  });

  it('allows the same employee number in another municipality', async () => {
    const other = await buildTenant(t.db);
    const res = await call(t.app, other.sessions.municipal_admin, 'POST', `/api/v1/municipalities/${other.municipality.id}/people`, {
      ...input({ unitIds: [other.units.team.id], primaryUnitId: null }),
      employeeNumber: tenant.people.inTeam.employee_number,
      email: tenant.people.inTeam.email,
    });
    expect(res.statusCode).toBe(201);
  });

  it('rejects unknown units with 400, naming them, and creates nothing', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', base, input({ unitIds: [tenant.units.team.id, unknown] }));
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
    expect(res.json().error.details).toEqual({ field: 'unitIds', missing: [unknown] });
    const update = await call(t.app, tenant.sessions.municipal_admin, 'PATCH', `${base}/${tenant.people.inTeam.id}`, { unitIds: [unknown] });
    expect(update.statusCode).toBe(400);
    expect(await t.db.selectFrom('persons').select('id').where('municipality_id', '=', tenant.municipality.id).where('employee_number', '=', 'A-100').execute()).toEqual([]);
  });

  it('rejects invalid fields with 400 VALIDATION details', async () => {
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', base, input({ positionPct: 0, profession: 'wizard', unitIds: [] }));
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['body.positionPct', 'body.profession', 'body.unitIds']));
  });
});

describe('listing people', () => {
  let tenant: Tenant;
  let base: string;
  let ward: string;
  beforeAll(async () => {
    tenant = await buildTenant(t.db);
    base = `/api/v1/municipalities/${tenant.municipality.id}/people`;
    ward = (await createUnit(t.db, tenant.municipality.id, { name: 'Paging ward' })).id;
    for (let i = 0; i < 12; i++) {
      await createPerson(t.db, tenant.municipality.id, ward, {
        family_name: `Pagesen${String(i).padStart(2, '0')}`,
        given_name: i % 2 ? 'Odd' : 'Even',
        profession: i < 3 ? 'doctor' : 'assistant',
        employee_number: `PG-${i}`,
        email: i === 7 ? 'special_100%@example.no' : `pg${i}@example.no`,
      });
    }
    await t.db.updateTable('persons').set({ active: false }).where('employee_number', 'in', ['PG-10', 'PG-11']).execute();
  });
  const list = async (query: string, session = tenant.sessions.municipal_admin) => {
    const res = await call(t.app, session, 'GET', `${base}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  it('pages through a unit in a stable order without duplicates', async () => {
    const pages = [await list(`unitId=${ward}&pageSize=4&page=1`), await list(`unitId=${ward}&pageSize=4&page=2`), await list(`unitId=${ward}&pageSize=4&page=3`)];
    expect(pages.map((p) => p.total)).toEqual([10, 10, 10]);
    expect(pages.map((p) => p.items.length)).toEqual([4, 4, 2]);
    const names = pages.flatMap((p) => p.items.map((x) => x.familyName));
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `Pagesen${String(i).padStart(2, '0')}`));
    expect((await list(`unitId=${ward}&pageSize=4&page=4`)).items).toEqual([]);
  });

  it('filters by active state, profession and search text', async () => {
    expect((await list(`unitId=${ward}&active=false`)).items.map((p) => p.employeeNumber).sort()).toEqual(['PG-10', 'PG-11']);
    expect((await list(`unitId=${ward}&active=all`)).total).toBe(12);
    expect((await list(`unitId=${ward}&profession=doctor`)).items.map((p) => p.employeeNumber)).toEqual(['PG-0', 'PG-1', 'PG-2']);
    expect((await list('q=PAGESEN03')).items.map((p) => p.employeeNumber)).toEqual(['PG-3']);
    expect((await list('q=odd pagesen0')).total).toBe(5);
    expect((await list('q=pg-4')).items.map((p) => p.employeeNumber)).toEqual(['PG-4']);
    expect((await list('q=pg5@example')).items.map((p) => p.employeeNumber)).toEqual(['PG-5']);
  });

  it('treats % and _ in the search text literally', async () => {
    expect((await list('q=%25')).items.map((p) => p.employeeNumber)).toEqual(['PG-7']);
    expect((await list('q=_')).items.map((p) => p.employeeNumber)).toEqual(['PG-7']);
  });

  it('rejects a page size above 200', async () => {
    const res = await call(t.app, tenant.sessions.municipal_admin, 'GET', `${base}?pageSize=201`);
    expect(res.statusCode).toBe(400);
  });
});

describe('what each role sees', () => {
  let tenant: Tenant;
  let base: string;
  beforeAll(async () => {
    tenant = await buildTenant(t.db);
    base = `/api/v1/municipalities/${tenant.municipality.id}/people`;
  });

  it('a unit leader sees their unit and its teams, not the sibling unit', async () => {
    const res = await call(t.app, tenant.sessions.leader, 'GET', base);
    expect(res.statusCode).toBe(200);
    const ids = res.json<Page>().items.map((p) => p.id);
    expect(ids.sort()).toEqual([tenant.people.inTeam.id, tenant.people.self.id].sort());
    expect(res.json<Page>().total).toBe(2);
    expect((await call(t.app, tenant.sessions.leader, 'GET', `${base}?unitId=${tenant.units.other.id}`)).json<Page>()).toMatchObject({ items: [], total: 0 });
    expect((await call(t.app, tenant.sessions.leader, 'GET', `${base}?unitId=${tenant.units.team.id}`)).json<Page>().items.map((p) => p.id)).toEqual([tenant.people.inTeam.id]);
  });

  it('a unit leader gets a team member, and "not found" for someone outside their units', async () => {
    expect((await call(t.app, tenant.sessions.leader, 'GET', `${base}/${tenant.people.inTeam.id}`)).statusCode).toBe(200);
    const outside = await call(t.app, tenant.sessions.leader, 'GET', `${base}/${tenant.people.inOther.id}`);
    expect(outside.statusCode).toBe(404);
    expect(errorCode(outside)).toBe('NOT_FOUND');
  });

  it('an employee sees their own record but not the list or colleagues', async () => {
    const self = await call(t.app, tenant.sessions.employee, 'GET', `${base}/${tenant.people.self.id}`);
    expect(self.statusCode).toBe(200);
    expect(self.json()).toMatchObject({ id: tenant.people.self.id, hasAccount: true });
    expect(errorCode(await call(t.app, tenant.sessions.employee, 'GET', base))).toBe('FORBIDDEN');
    expect(errorCode(await call(t.app, tenant.sessions.employee, 'GET', `${base}/${tenant.people.inTeam.id}`))).toBe('FORBIDDEN');
  });

  it('a leader or employee cannot change anyone, themselves included', async () => {
    for (const role of ['leader', 'employee'] as const) {
      const res = await call(t.app, tenant.sessions[role], 'PATCH', `${base}/${tenant.people.self.id}`, { givenName: 'Hacked' });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.db.selectFrom('persons').select('given_name').where('id', '=', tenant.people.self.id).executeTakeFirstOrThrow()).given_name).toBe('Kari');
  });
});

describe('row-level security', () => {
  let a: Tenant;
  let b: Tenant;
  beforeEach(async () => {
    a = await buildTenant(t.db);
    b = await buildTenant(t.db);
  });

  it('shows a tenant transaction only its own rows, even without a municipality filter', async () => {
    const seen = await withTenant(t.db, a.municipality.id, async (tx) => ({
      persons: await tx.selectFrom('persons').select(['id', 'municipality_id']).execute(),
      units: await tx.selectFrom('units').select('municipality_id').execute(),
      links: await tx.selectFrom('person_units').select('municipality_id').execute(),
      municipalities: await tx.selectFrom('municipalities').select('id').execute(),
      byId: await tx.selectFrom('persons').select('id').where('id', '=', b.people.inTeam.id).execute(),
    }));
    expect(seen.persons.map((p) => p.id).sort()).toEqual(Object.values(a.people).map((p) => p.id).sort());
    expect(new Set([...seen.units, ...seen.links].map((r) => r.municipality_id))).toEqual(new Set([a.municipality.id]));
    expect(seen.municipalities).toEqual([{ id: a.municipality.id }]);
    expect(seen.byId).toEqual([]);
  });

  it('lets a tenant transaction change or delete none of another tenant\'s rows', async () => {
    const updated = await withTenant(t.db, a.municipality.id, (tx) => tx.updateTable('persons').set({ given_name: 'Overwritten' }).where('id', '=', b.people.inTeam.id).executeTakeFirst());
    expect(Number(updated.numUpdatedRows)).toBe(0);
    const deleted = await withTenant(t.db, a.municipality.id, (tx) => tx.deleteFrom('person_units').where('municipality_id', '=', b.municipality.id).executeTakeFirst());
    expect(Number(deleted.numDeletedRows)).toBe(0);
    // An unfiltered update touches exactly the own tenant's rows.
    const all = await withTenant(t.db, a.municipality.id, (tx) => tx.updateTable('persons').set({ phone: '+47 1' }).executeTakeFirst());
    expect(Number(all.numUpdatedRows)).toBe(3);
    const bRows = await t.db.selectFrom('persons').select(['given_name', 'phone']).where('municipality_id', '=', b.municipality.id).execute();
    expect(bRows).toHaveLength(3);
    expect(bRows.every((r) => r.given_name === 'Kari' && r.phone === null)).toBe(true);
  });

  it('refuses to insert a row for another tenant', async () => {
    await expect(
      withTenant(t.db, a.municipality.id, (tx) =>
        tx.insertInto('persons').values({ municipality_id: b.municipality.id, employee_number: 'RLS-1', given_name: 'Snik', family_name: 'Snik', profession: 'nurse', position_pct: 50 }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withTenant(t.db, a.municipality.id, (tx) => tx.updateTable('persons').set({ municipality_id: b.municipality.id }).where('id', '=', a.people.inTeam.id).execute()),
    ).rejects.toThrow();
    expect(await t.db.selectFrom('persons').select('id').where('employee_number', '=', 'RLS-1').execute()).toEqual([]);
  });

  it('sees nothing when no tenant is set', async () => {
    const rows = await withTenant(t.db, '', async (tx) => {
      return (await sql<{ n: number }>`select count(*)::int as n from persons`.execute(tx)).rows[0]!.n;
    });
    expect(rows).toBe(0);
  });
});
