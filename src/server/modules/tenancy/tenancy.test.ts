import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTenant, createNetwork, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../test/harness.js';

// Networks, municipalities and the unit tree through the real API, with the
// audit trail each change must leave in the same transaction.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const auditOf = (municipalityId: string, entityId: string) =>
  t.db.selectFrom('audit_events').selectAll().where('municipality_id', '=', municipalityId).where('entity_id', '=', entityId).orderBy('occurred_at').execute();
const auditCount = async (municipalityId: string) =>
  Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow()).n);
const municipalityCount = async () => Number((await t.db.selectFrom('municipalities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const platformAuditOf = (entityId: string) => t.db.selectFrom('platform_audit_events').selectAll().where('entity_id', '=', entityId).orderBy('occurred_at').execute();

let codeNo = 100;
const nextCode = () => String(++codeNo);

describe('municipalities', () => {
  let tenant: Tenant;
  beforeEach(async () => {
    tenant = await buildTenant(t.db);
  });

  it.each([
    [4999, 'small'],
    [5000, 'medium'],
    [20000, 'medium'],
    [20001, 'large'],
  ])('classifies a municipality of %i inhabitants as %s, and audits its creation', async (population, sizeClass) => {
    const code = nextCode();
    const res = await call(t.app, tenant.sessions.platform_admin, 'POST', '/api/v1/municipalities', { country: 'SE', code, name: `Storby ${code}`, population, networkId: tenant.network.id });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ country: 'SE', code, population, sizeClass, networkId: tenant.network.id, defaultLanguage: 'nb', anonymityThreshold: 5 });
    const row = await t.db.selectFrom('municipalities').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.size_class).toBe(sizeClass);

    const [event, ...more] = await auditOf(created.id, created.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actor_user_id: tenant.users.platform_admin.id, action: 'municipality.create', entity_type: 'municipality', before: null });
    expect(event!.actor_label).toContain('<');
    expect(event!.after).toMatchObject({ code, population, size_class: sizeClass });
    expect(event!.request_id).toBeTruthy();
  });

  it('refuses a duplicate code in the same country with 409 and changes nothing', async () => {
    const before = await municipalityCount();
    const res = await call(t.app, tenant.sessions.platform_admin, 'POST', '/api/v1/municipalities', { country: tenant.municipality.country, code: tenant.municipality.code, name: 'Kopi', population: 100 });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.json().error.details).toEqual({ field: 'code' });
    expect(await municipalityCount()).toBe(before);
    expect(await t.db.selectFrom('municipalities').select('id').where('name', '=', 'Kopi').execute()).toEqual([]);
  });

  it('allows the same code in another country', async () => {
    const res = await call(t.app, tenant.sessions.platform_admin, 'POST', '/api/v1/municipalities', { country: 'DK', code: tenant.municipality.code, name: 'Samme kode', population: 100 });
    expect(res.statusCode).toBe(201);
  });

  it('rejects bad input with 400 VALIDATION, naming each field, and changes nothing', async () => {
    const before = await municipalityCount();
    const res = await call(t.app, tenant.sessions.platform_admin, 'POST', '/api/v1/municipalities', { country: 'FI', code: '12a', name: '  ', population: -1 });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
    const fields = res.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['body.country', 'body.code', 'body.name', 'body.population']));
    expect(await municipalityCount()).toBe(before);
  });

  it('rejects an unknown network with 400 and changes nothing', async () => {
    const before = await municipalityCount();
    const res = await call(t.app, tenant.sessions.platform_admin, 'POST', '/api/v1/municipalities', { country: 'SE', code: nextCode(), name: 'Utan nätverk', population: 100, networkId: '00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual({ field: 'networkId' });
    expect(await municipalityCount()).toBe(before);
  });

  it('lets the municipal admin update it, recomputes the size class and audits before and after', async () => {
    const m = tenant.municipality.id;
    const res = await call(t.app, tenant.sessions.municipal_admin, 'PATCH', `/api/v1/municipalities/${m}`, { population: 4000, anonymityThreshold: 7 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ population: 4000, sizeClass: 'small', anonymityThreshold: 7 });
    const [event] = await auditOf(m, m);
    expect(event).toMatchObject({ action: 'municipality.update', actor_user_id: tenant.users.municipal_admin.id });
    expect(event!.before).toMatchObject({ population: 12000, size_class: 'medium', anonymity_threshold: 5 });
    expect(event!.after).toMatchObject({ population: 4000, size_class: 'small', anonymity_threshold: 7 });
  });

  it('rejects an anonymity threshold below 3', async () => {
    const res = await call(t.app, tenant.sessions.municipal_admin, 'PATCH', `/api/v1/municipalities/${tenant.municipality.id}`, { anonymityThreshold: 2 });
    expect(res.statusCode).toBe(400);
    expect(await auditCount(tenant.municipality.id)).toBe(0);
  });

  it('lets only a platform admin move a municipality to another network', async () => {
    const m = tenant.municipality.id;
    const elsewhere = await createNetwork(t.db);
    const denied = await call(t.app, tenant.sessions.municipal_admin, 'PATCH', `/api/v1/municipalities/${m}`, { networkId: elsewhere.id });
    expect(denied.statusCode).toBe(403);
    expect((await t.db.selectFrom('municipalities').select('network_id').where('id', '=', m).executeTakeFirstOrThrow()).network_id).toBe(tenant.network.id);
    expect(await auditCount(m)).toBe(0);

    const moved = await call(t.app, tenant.sessions.platform_admin, 'PATCH', `/api/v1/municipalities/${m}`, { networkId: elsewhere.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().networkId).toBe(elsewhere.id);
    const network = await call(t.app, tenant.sessions.platform_admin, 'GET', `/api/v1/networks/${elsewhere.id}`);
    expect(network.json().municipalities.map((x: { id: string }) => x.id)).toEqual([m]);
  });
});

describe('networks', () => {
  let tenant: Tenant;
  beforeEach(async () => {
    tenant = await buildTenant(t.db);
  });

  it('are created by a platform admin, with a platform audit event', async () => {
    const res = await call(t.app, tenant.sessions.platform_admin, 'POST', '/api/v1/networks', { name: 'Vestlandet', slug: 'vestlandet' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Vestlandet', slug: 'vestlandet', municipalityCount: 0 });
    const [event] = await platformAuditOf(res.json().id);
    expect(event).toMatchObject({ network_id: res.json().id, action: 'network.create', actor_user_id: tenant.users.platform_admin.id });
  });

  it('refuse a duplicate slug with 409', async () => {
    const res = await call(t.app, tenant.sessions.platform_admin, 'POST', '/api/v1/networks', { name: 'Kopi', slug: tenant.network.slug });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await t.db.selectFrom('networks').select('id').where('name', '=', 'Kopi').execute()).toEqual([]);
  });

  it('are renamed by their coordinator, with before and after in the audit', async () => {
    const res = await call(t.app, tenant.sessions.network_coordinator, 'PATCH', `/api/v1/networks/${tenant.network.id}`, { name: 'Nytt navn' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Nytt navn', municipalityCount: 1 });
    const [event] = await platformAuditOf(tenant.network.id);
    expect(event).toMatchObject({ action: 'network.update', actor_user_id: tenant.users.network_coordinator.id, before: { name: tenant.network.name }, after: { name: 'Nytt navn' } });
  });
});

describe('the unit tree', () => {
  let tenant: Tenant;
  let m: string;
  const units = () => `/api/v1/municipalities/${m}/units`;
  const admin = () => tenant.sessions.municipal_admin;
  const parentOf = async (id: string) => (await t.db.selectFrom('units').select('parent_id').where('id', '=', id).executeTakeFirstOrThrow()).parent_id;
  beforeEach(async () => {
    tenant = await buildTenant(t.db);
    m = tenant.municipality.id;
  });

  it('is built, renamed and rearranged through the API, each step audited', async () => {
    const area = await call(t.app, admin(), 'POST', units(), { name: 'Sykehjem', kind: 'service_area', code: 'SH' });
    expect(area.statusCode).toBe(201);
    const ward = await call(t.app, admin(), 'POST', units(), { name: 'Avdeling 1', kind: 'unit', parentId: area.json().id });
    expect(ward.json()).toMatchObject({ parentId: area.json().id, municipalityId: m, memberCount: 0 });
    const [created] = await auditOf(m, ward.json().id);
    expect(created).toMatchObject({ action: 'unit.create', entity_type: 'unit', actor_user_id: tenant.users.municipal_admin.id, before: null });
    expect(created!.after).toMatchObject({ name: 'Avdeling 1', parent_id: area.json().id });

    const renamed = await call(t.app, admin(), 'PATCH', `${units()}/${ward.json().id}`, { name: 'Avdeling 1A' });
    expect(renamed.json().name).toBe('Avdeling 1A');
    const moved = await call(t.app, admin(), 'PATCH', `${units()}/${ward.json().id}`, { parentId: tenant.units.area.id });
    expect(moved.json().parentId).toBe(tenant.units.area.id);
    const events = await auditOf(m, ward.json().id);
    expect(events.map((e) => e.action)).toEqual(['unit.create', 'unit.update', 'unit.update']);
    expect(events[1]!.before).toMatchObject({ name: 'Avdeling 1' });
    expect(events[1]!.after).toMatchObject({ name: 'Avdeling 1A' });
    expect(events[2]!.before).toMatchObject({ parent_id: area.json().id });
    expect(events[2]!.after).toMatchObject({ parent_id: tenant.units.area.id });

    const list = await call(t.app, tenant.sessions.employee, 'GET', units());
    const byId = new Map(list.json().map((u: { id: string; memberCount: number }) => [u.id, u]));
    expect(byId.size).toBe(6);
    expect(byId.get(tenant.units.team.id)).toMatchObject({ memberCount: 1, parentId: tenant.units.unit.id });
  });

  it('rejects a move that would make a cycle, and changes nothing', async () => {
    const before = await auditCount(m);
    for (const parentId of [tenant.units.team.id, tenant.units.unit.id, tenant.units.area.id]) {
      const res = await call(t.app, admin(), 'PATCH', `${units()}/${tenant.units.area.id}`, { parentId, name: 'Ulovlig' });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
      expect(res.json().error.details).toEqual({ field: 'parentId' });
    }
    expect(await parentOf(tenant.units.area.id)).toBeNull();
    expect((await t.db.selectFrom('units').select('name').where('id', '=', tenant.units.area.id).executeTakeFirstOrThrow()).name).toBe('Hjemmetjenesten');
    expect(await auditCount(m)).toBe(before);
  });

  it('rejects an unknown parent with 400', async () => {
    const res = await call(t.app, admin(), 'POST', units(), { name: 'Foreldreløs', kind: 'team', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(400);
    expect(await t.db.selectFrom('units').select('id').where('name', '=', 'Foreldreløs').execute()).toEqual([]);
  });

  it('refuses a unit code that is already taken in the municipality with 409', async () => {
    const res = await call(t.app, admin(), 'POST', units(), { name: 'Dublett', kind: 'team', code: tenant.units.team.code });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await auditCount(m)).toBe(0);
  });

  it('refuses to delete a unit with members or sub-units (409) and keeps it', async () => {
    const withMembers = await call(t.app, admin(), 'DELETE', `${units()}/${tenant.units.team.id}`);
    expect(withMembers.statusCode).toBe(409);
    expect(withMembers.json().error.details).toEqual({ hasChildren: false, hasMembers: true });
    const withChildren = await call(t.app, admin(), 'DELETE', `${units()}/${tenant.units.area.id}`);
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json().error.details).toMatchObject({ hasChildren: true });
    expect(await t.db.selectFrom('units').select('id').where('municipality_id', '=', m).execute()).toHaveLength(4);
    expect(await auditCount(m)).toBe(0);
  });

  it('deletes an empty unit and audits what it was', async () => {
    const leaf = await call(t.app, admin(), 'POST', units(), { name: 'Kortliv', kind: 'team', parentId: tenant.units.other.id });
    const res = await call(t.app, admin(), 'DELETE', `${units()}/${leaf.json().id}`);
    expect(res.statusCode).toBe(200);
    expect(await t.db.selectFrom('units').select('id').where('id', '=', leaf.json().id).execute()).toEqual([]);
    const events = await auditOf(m, leaf.json().id);
    expect(events.map((e) => e.action)).toEqual(['unit.create', 'unit.delete']);
    expect(events[1]!.before).toMatchObject({ name: 'Kortliv', parent_id: tenant.units.other.id });
    expect(events[1]!.after).toBeNull();
  });

  it('writes the change and its audit event in one transaction: no audit, no change', async () => {
    // Make the audit insert fail for one marked change; the unit must not be created either.
    await sql
      .raw(
        `create or replace function test_fail_marked_audit() returns trigger language plpgsql as $$
         begin
           if new.after::text like '%Atomic-marker%' then raise exception 'audit write failed on purpose'; end if;
           return new;
         end $$`,
      )
      .execute(t.db);
    await sql.raw(`drop trigger if exists test_fail_marked_audit on audit_events`).execute(t.db);
    await sql.raw(`create trigger test_fail_marked_audit before insert on audit_events for each row execute function test_fail_marked_audit()`).execute(t.db);
    try {
      const created = await call(t.app, admin(), 'POST', units(), { name: 'Atomic-marker', kind: 'team' });
      expect(created.statusCode).toBe(500);
      expect(await t.db.selectFrom('units').select('id').where('name', '=', 'Atomic-marker').execute()).toEqual([]);
      const renamed = await call(t.app, admin(), 'PATCH', `${units()}/${tenant.units.team.id}`, { name: 'Atomic-marker' });
      expect(renamed.statusCode).toBe(500);
      expect((await t.db.selectFrom('units').select('name').where('id', '=', tenant.units.team.id).executeTakeFirstOrThrow()).name).toBe('Team A');
      const municipality = await call(t.app, admin(), 'PATCH', `/api/v1/municipalities/${m}`, { name: 'Atomic-marker' });
      expect(municipality.statusCode).toBe(500);
      expect((await t.db.selectFrom('municipalities').select('name').where('id', '=', m).executeTakeFirstOrThrow()).name).toBe(tenant.municipality.name);
    } finally {
      await sql.raw(`drop trigger if exists test_fail_marked_audit on audit_events`).execute(t.db);
    }
  });
});
