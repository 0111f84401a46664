import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, createUser, sessionFor, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../test/harness.js';

// Handing out access: role grants in a municipality and a network, and sign-in
// accounts for employees, with invitations over a real SMTP server.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tokenIn = (text: string) => /reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
const userByEmail = (email: string) => t.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
const mailsTo = (email: string) => t.smtp.received.filter((m) => m.to.includes(email));
const auditOf = (municipalityId: string, entityId: string) =>
  t.db.selectFrom('audit_events').selectAll().where('municipality_id', '=', municipalityId).where('entity_id', '=', entityId).orderBy('occurred_at').execute();

describe('municipal role grants', () => {
  let tenant: Tenant;
  let base: string;
  beforeEach(async () => {
    tenant = await buildTenant(t.db);
    base = `/api/v1/municipalities/${tenant.municipality.id}/role-grants`;
  });

  it('grants a unit leader role to a new e-mail: the account is created, invited, and the invitation works', async () => {
    const email = `ny.leder.${Date.now()}@kommune.example`;
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', base, { email: email.toUpperCase(), displayName: 'Ny Leder', role: 'leader', unitId: tenant.units.unit.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'leader', scopeType: 'unit', municipalityId: tenant.municipality.id, unitId: tenant.units.unit.id, networkId: null, scopeName: 'Sone nord', userEmail: email, userDisplayName: 'Ny Leder' });
    const user = await userByEmail(email);
    expect(user).toMatchObject({ display_name: 'Ny Leder', password_hash: null, preferred_language: 'nb' });

    const mail = await t.smtp.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toBe('Du har fått tilgang til Mestring');
    const token = tokenIn(mail.text);
    expect(token).toBeTruthy();

    const [event] = await auditOf(tenant.municipality.id, res.json().id);
    expect(event).toMatchObject({ action: 'role_grant.create', entity_type: 'role_grant', actor_user_id: tenant.users.municipal_admin.id, before: null });
    expect(event!.after).toMatchObject({ role: 'leader', unitId: tenant.units.unit.id, userEmail: email });

    // The link in the e-mail sets a password; the new leader then sees their unit's people.
    const password = 'a long and private passphrase 9';
    expect((await call(t.app, null, 'POST', '/api/v1/auth/password-reset/confirm', { token, newPassword: password })).statusCode).toBe(200);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const people = await call(t.app, { cookie, csrf: login.json().csrfToken }, 'GET', `/api/v1/municipalities/${tenant.municipality.id}/people`);
    expect(people.json().items.map((p: { id: string }) => p.id).sort()).toEqual([tenant.people.inTeam.id, tenant.people.self.id].sort());
  });

  it('grants a role to an existing account without creating or inviting anyone', async () => {
    const existing = await createUser(t.db, [], { email: `kjent.${Date.now()}@kommune.example`, displayName: 'Kjent Bruker' });
    const users = (await t.db.selectFrom('users').select('id').execute()).length;
    const res = await call(t.app, tenant.sessions.platform_admin, 'POST', base, { email: existing.email, displayName: 'Annet Navn', role: 'competence_advisor' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ userId: existing.id, scopeType: 'municipality', unitId: null, userDisplayName: 'Kjent Bruker' });
    expect((await t.db.selectFrom('users').select('id').execute()).length).toBe(users);
    expect(mailsTo(existing.email)).toEqual([]);
  });

  it.each([
    ['municipal_admin', true, ['municipality']],
    ['network_coordinator', false, ['network']],
    ['platform_admin', false, ['platform']],
  ] as const)('refuses %s at the wrong scope with 400 and creates nothing', async (role, atUnit, allowedScopes) => {
    const email = `feil.${role}.${Date.now()}@kommune.example`;
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', base, { email, role, ...(atUnit ? { unitId: tenant.units.unit.id } : {}) });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
    expect(res.json().error.details).toEqual({ field: 'role', allowedScopes });
    expect(await userByEmail(email)).toBeUndefined();
    expect(mailsTo(email)).toEqual([]);
  });

  it('refuses the same grant twice with 409', async () => {
    const email = `dobbel.${Date.now()}@kommune.example`;
    const body = { email, role: 'ombud', unitId: tenant.units.team.id };
    expect((await call(t.app, tenant.sessions.municipal_admin, 'POST', base, body)).statusCode).toBe(201);
    const again = await call(t.app, tenant.sessions.municipal_admin, 'POST', base, body);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('CONFLICT');
    const user = await userByEmail(email);
    expect(await t.db.selectFrom('role_grants').select('id').where('user_id', '=', user!.id).execute()).toHaveLength(1);
    // The same role for the whole municipality is a different grant.
    expect((await call(t.app, tenant.sessions.municipal_admin, 'POST', base, { email, role: 'ombud' })).statusCode).toBe(201);
  });

  it('lists the municipality\'s grants with scope names', async () => {
    const res = await call(t.app, tenant.sessions.municipal_admin, 'GET', base);
    expect(res.statusCode).toBe(200);
    const byUser = new Map(res.json().map((g: { userId: string }) => [g.userId, g]));
    expect(byUser.get(tenant.users.leader.id)).toMatchObject({ role: 'leader', scopeType: 'unit', scopeName: 'Sone nord' });
    expect(byUser.get(tenant.users.municipal_admin.id)).toMatchObject({ role: 'municipal_admin', scopeName: tenant.municipality.name });
    expect(byUser.has(tenant.users.network_coordinator.id)).toBe(false);
    expect(byUser.has(tenant.users.platform_admin.id)).toBe(false);
  });

  it('does not let an administrator remove their own administrator role, but another may', async () => {
    const ownGrant = await t.db.selectFrom('role_grants').select('id').where('user_id', '=', tenant.users.municipal_admin.id).executeTakeFirstOrThrow();
    const self = await call(t.app, tenant.sessions.municipal_admin, 'DELETE', `${base}/${ownGrant.id}`);
    expect(self.statusCode).toBe(409);
    expect(errorCode(self)).toBe('CONFLICT');
    expect(await t.db.selectFrom('role_grants').select('id').where('id', '=', ownGrant.id).execute()).toHaveLength(1);

    const second = await createUser(t.db, [{ role: 'municipal_admin', scopeType: 'municipality', municipalityId: tenant.municipality.id }]);
    const res = await call(t.app, await sessionFor(t.db, second.id), 'DELETE', `${base}/${ownGrant.id}`);
    expect(res.statusCode).toBe(200);
    expect(await t.db.selectFrom('role_grants').select('id').where('id', '=', ownGrant.id).execute()).toEqual([]);
    const [event] = await auditOf(tenant.municipality.id, ownGrant.id);
    expect(event).toMatchObject({ action: 'role_grant.delete', actor_user_id: second.id, after: null });
    expect(event!.before).toMatchObject({ role: 'municipal_admin', userId: tenant.users.municipal_admin.id });
    // The removed administrator loses access at once.
    expect((await call(t.app, tenant.sessions.municipal_admin, 'GET', base)).statusCode).toBe(404);
  });
});

describe('network role grants', () => {
  let tenant: Tenant;
  let base: string;
  beforeEach(async () => {
    tenant = await buildTenant(t.db);
    base = `/api/v1/networks/${tenant.network.id}/role-grants`;
  });
  const platformAudit = (entityId: string) => t.db.selectFrom('platform_audit_events').selectAll().where('entity_id', '=', entityId).orderBy('occurred_at').execute();

  it('are created, listed and removed by a platform admin, each step audited', async () => {
    const email = `koordinator.${Date.now()}@nettverk.example`;
    const created = await call(t.app, tenant.sessions.platform_admin, 'POST', base, { email, role: 'network_coordinator' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'network_coordinator', scopeType: 'network', networkId: tenant.network.id, municipalityId: null, scopeName: tenant.network.name });
    await t.smtp.waitFor((m) => m.to.includes(email));

    // The new coordinator may now manage the network.
    const user = await userByEmail(email);
    const rename = await call(t.app, await sessionFor(t.db, user!.id), 'PATCH', `/api/v1/networks/${tenant.network.id}`, { name: 'Omdøpt' });
    expect(rename.statusCode).toBe(200);

    const list = await call(t.app, tenant.sessions.network_coordinator, 'GET', base);
    expect(list.json().map((g: { userId: string }) => g.userId).sort()).toEqual([tenant.users.network_coordinator.id, tenant.users.analyst.id, user!.id].sort());

    const removed = await call(t.app, tenant.sessions.platform_admin, 'DELETE', `${base}/${created.json().id}`);
    expect(removed.statusCode).toBe(200);
    expect((await platformAudit(created.json().id)).map((e) => [e.action, e.network_id, e.actor_user_id])).toEqual([
      ['role_grant.create', tenant.network.id, tenant.users.platform_admin.id],
      ['role_grant.delete', tenant.network.id, tenant.users.platform_admin.id],
    ]);
  });

  it('refuse roles that do not live at network level, and duplicates', async () => {
    const email = `feil.${Date.now()}@nettverk.example`;
    const wrong = await call(t.app, tenant.sessions.platform_admin, 'POST', base, { email, role: 'leader' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual({ field: 'role', allowedScopes: ['municipality', 'unit'] });
    expect(await userByEmail(email)).toBeUndefined();

    const analystEmail = (await t.db.selectFrom('users').select('email').where('id', '=', tenant.users.analyst.id).executeTakeFirstOrThrow()).email;
    const dup = await call(t.app, tenant.sessions.platform_admin, 'POST', base, { email: analystEmail, role: 'analyst' });
    expect(dup.statusCode).toBe(409);
  });

  it('are not handed out by the network coordinator', async () => {
    const res = await call(t.app, tenant.sessions.network_coordinator, 'POST', base, { email: `x.${Date.now()}@nettverk.example`, role: 'analyst' });
    expect(res.statusCode).toBe(403);
  });
});

describe('employee accounts', () => {
  let tenant: Tenant;
  let base: string;
  beforeEach(async () => {
    tenant = await buildTenant(t.db);
    base = `/api/v1/municipalities/${tenant.municipality.id}/people`;
  });

  it('links a new account to the person, grants the employee role and sends an invitation', async () => {
    const person = tenant.people.inTeam;
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${person.id}/account`, {});
    expect(res.statusCode).toBe(200);
    const user = await userByEmail(person.email!);
    expect(user).toMatchObject({ display_name: `${person.given_name} ${person.family_name}` });
    expect((await t.db.selectFrom('persons').select('user_id').where('id', '=', person.id).executeTakeFirstOrThrow()).user_id).toBe(user!.id);
    expect(await t.db.selectFrom('role_grants').select(['role', 'scope_type', 'municipality_id']).where('user_id', '=', user!.id).execute()).toEqual([
      { role: 'employee', scope_type: 'municipality', municipality_id: tenant.municipality.id },
    ]);
    const mail = await t.smtp.waitFor((m) => m.to.includes(person.email!));
    expect(tokenIn(mail.text)).toBeTruthy();
    const [event] = await auditOf(tenant.municipality.id, person.id);
    expect(event).toMatchObject({ action: 'person.account_create', actor_user_id: tenant.users.municipal_admin.id, after: { userId: user!.id, email: person.email, newAccount: true } });

    // The new account sees its own record, and the record now says it has an account.
    const self = await call(t.app, await sessionFor(t.db, user!.id), 'GET', `${base}/${person.id}`);
    expect(self.json()).toMatchObject({ id: person.id, hasAccount: true });

    const again = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${person.id}/account`, {});
    expect(again.statusCode).toBe(409);
  });

  it('asks for an address when the person has none, and uses the one given', async () => {
    const person = await createPerson(t.db, tenant.municipality.id, tenant.units.team.id, { email: null });
    const missing = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${person.id}/account`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual({ field: 'email' });
    expect((await t.db.selectFrom('persons').select('user_id').where('id', '=', person.id).executeTakeFirstOrThrow()).user_id).toBeNull();

    const email = `gitt.${Date.now()}@kommune.example`;
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${person.id}/account`, { email });
    expect(res.statusCode).toBe(200);
    expect(await userByEmail(email)).toBeDefined();
    await t.smtp.waitFor((m) => m.to.includes(email));
  });

  it('links an existing account that already has a password without inviting it again', async () => {
    const existing = await createUser(t.db, [], { email: `har.passord.${Date.now()}@kommune.example`, password: 'an existing long passphrase 1' });
    const person = await createPerson(t.db, tenant.municipality.id, tenant.units.team.id, { email: existing.email });
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${person.id}/account`, {});
    expect(res.statusCode).toBe(200);
    expect((await t.db.selectFrom('persons').select('user_id').where('id', '=', person.id).executeTakeFirstOrThrow()).user_id).toBe(existing.id);
    expect(mailsTo(existing.email)).toEqual([]);
  });

  it('is not for competence advisors', async () => {
    const res = await call(t.app, tenant.sessions.competence_advisor, 'POST', `${base}/${tenant.people.inTeam.id}/account`, {});
    expect(res.statusCode).toBe(403);
    expect(await userByEmail(tenant.people.inTeam.email!)).toBeUndefined();
  });
});
