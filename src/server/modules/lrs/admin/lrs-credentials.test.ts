import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../../test/harness.js';
import { xapi } from '../../../../../test/xapi.js';
import { authenticateLrs, secretHash } from '../lrs-auth.js';

// LRS credentials through the API: the secret is shown once, rotation keeps
// the old secret for the grace period, revocation stops it at once, every
// change is audited without the secret, and only the municipality's
// administrators manage them.

let t: TestApp;
let tenant: Tenant;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await buildTenant(t.db);
  base = `/api/v1/municipalities/${tenant.municipality.id}/lrs/credentials`;
});
afterAll(() => t.close());

type Issued = { credential: { id: string; name: string; key: string; status: string; rotatedAt: string | null; previousValidUntil: string | null; revokedAt: string | null }; endpoint: string; key: string; secret: string };

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
const accepts = async (key: string, secret: string) => (await authenticateLrs(t.db, t.deps.config.publicUrl, basic(key, secret))) !== null;

async function create(name: string, session: Session | null = tenant.sessions.municipal_admin): Promise<Issued> {
  const res = await call(t.app, session, 'POST', base, { name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Issued>();
}

async function auditOf(credentialId: string) {
  return t.db.selectFrom('audit_events').selectAll().where('municipality_id', '=', tenant.municipality.id).where('entity_id', '=', credentialId).orderBy('occurred_at').execute();
}

describe('creating a credential', () => {
  it('returns the endpoint, key and secret once; the list never shows the secret or its hash', async () => {
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', base, { name: '  Kursleverandør AS  ' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const issued = res.json<Issued>();
    expect(issued.endpoint).toBe(`${t.deps.config.publicUrl}/xapi`);
    expect(issued.key).toMatch(/^mst_[0-9a-f]{24}$/);
    expect(issued.secret.length).toBeGreaterThanOrEqual(40);
    expect(issued.credential).toMatchObject({ name: 'Kursleverandør AS', key: issued.key, status: 'active', rotatedAt: null, revokedAt: null });

    const list = await call(t.app, tenant.sessions.municipal_admin, 'GET', base);
    expect(list.statusCode).toBe(200);
    expect(list.json().endpoint).toBe(issued.endpoint);
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(issued.credential.id);
    expect(list.body).not.toContain(issued.secret);
    expect(list.body).not.toContain(secretHash(issued.secret));
    expect(list.body).not.toMatch(/secret/i);

    expect(await accepts(issued.key, issued.secret)).toBe(true);
    expect(await accepts(issued.key, `${issued.secret}x`)).toBe(false);
  });

  it('audits the creation without the secret', async () => {
    const issued = await create('Audited');
    const events = await auditOf(issued.credential.id);
    expect(events.map((e) => e.action)).toEqual(['lrs_credential.create']);
    expect(events[0]).toMatchObject({ actor_user_id: tenant.users.municipal_admin.id, entity_type: 'lrs_credential' });
    const text = JSON.stringify(events);
    expect(text).toContain(issued.key);
    expect(text).not.toContain(issued.secret);
    expect(text).not.toContain(secretHash(issued.secret));
  });

  it.each([
    ['an empty name', { name: '' }],
    ['a blank name', { name: '   ' }],
    ['a name of 201 characters', { name: 'x'.repeat(201) }],
    ['no name', {}],
    ['a number for a name', { name: 42 }],
  ])('refuses %s with VALIDATION and creates nothing', async (_what, body) => {
    const before = await t.db.selectFrom('lrs_credentials').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', base, body);
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
    const after = await t.db.selectFrom('lrs_credentials').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('rotating and revoking', () => {
  it('rotates to a new secret shown once, and the old one keeps working for the grace period', async () => {
    const issued = await create('Rotating');
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${issued.credential.id}/rotate`, { graceHours: 24 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const rotated = res.json<Issued>();
    expect(rotated.key).toBe(issued.key);
    expect(rotated.secret).not.toBe(issued.secret);
    expect(rotated.credential.rotatedAt).not.toBeNull();
    const until = Date.parse(rotated.credential.previousValidUntil!);
    expect(Math.abs(until - (Date.now() + 24 * 3600_000))).toBeLessThan(60_000);
    expect(await accepts(issued.key, rotated.secret)).toBe(true);
    expect(await accepts(issued.key, issued.secret)).toBe(true);

    const events = await auditOf(issued.credential.id);
    expect(events.map((e) => e.action)).toEqual(['lrs_credential.create', 'lrs_credential.rotate']);
    expect(events[1]!.after).toMatchObject({ graceHours: 24 });
    expect(JSON.stringify(events)).not.toContain(rotated.secret);
    expect(JSON.stringify(events)).not.toContain(secretHash(rotated.secret));
  });

  it('with no grace period the old secret stops at once', async () => {
    const issued = await create('No grace');
    const rotated = (await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${issued.credential.id}/rotate`, { graceHours: 0 })).json<Issued>();
    expect(rotated.credential.previousValidUntil).toBeNull();
    expect(await accepts(issued.key, issued.secret)).toBe(false);
    expect(await accepts(issued.key, rotated.secret)).toBe(true);
  });

  it('uses a grace period of 24 hours when none is given', async () => {
    const issued = await create('Default grace');
    const rotated = (await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${issued.credential.id}/rotate`, {})).json<Issued>();
    expect(Math.abs(Date.parse(rotated.credential.previousValidUntil!) - (Date.now() + 24 * 3600_000))).toBeLessThan(60_000);
  });

  it.each([[-1], [169], [1.5], ['24'], [null]])('refuses a grace period of %j with VALIDATION and keeps the secret', async (graceHours) => {
    const issued = await create('Bad grace');
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${issued.credential.id}/rotate`, { graceHours });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
    expect(await accepts(issued.key, issued.secret)).toBe(true);
    expect((await auditOf(issued.credential.id)).map((e) => e.action)).toEqual(['lrs_credential.create']);
  });

  it('revokes at once, old secrets included; a revoked credential cannot be rotated or revoked again', async () => {
    const issued = await create('Revoked');
    const rotated = (await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${issued.credential.id}/rotate`, { graceHours: 48 })).json<Issued>();
    // Used (and so cached) just before: the revocation must still take effect at once.
    expect(await accepts(issued.key, rotated.secret)).toBe(true);
    expect(await accepts(issued.key, issued.secret)).toBe(true);
    const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${issued.credential.id}/revoke`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: issued.credential.id, status: 'revoked', previousValidUntil: null });
    expect(await accepts(issued.key, rotated.secret)).toBe(false);
    expect(await accepts(issued.key, issued.secret)).toBe(false);

    const again = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${issued.credential.id}/revoke`);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('CONFLICT');
    const rotate = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${issued.credential.id}/rotate`, { graceHours: 0 });
    expect(rotate.statusCode).toBe(409);
    expect(errorCode(rotate)).toBe('CONFLICT');

    const listed = (await call(t.app, tenant.sessions.municipal_admin, 'GET', base)).json().items.find((c: { id: string }) => c.id === issued.credential.id);
    expect(listed.status).toBe('revoked');
    expect((await auditOf(issued.credential.id)).map((e) => e.action)).toEqual(['lrs_credential.create', 'lrs_credential.rotate', 'lrs_credential.revoke']);
  });

  it('answers 404 for an unknown credential and for a malformed id', async () => {
    for (const action of ['rotate', 'revoke']) {
      const res = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/${randomUUID()}/${action}`, { graceHours: 1 });
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('NOT_FOUND');
    }
    const bad = await call(t.app, tenant.sessions.municipal_admin, 'POST', `${base}/not-a-uuid/revoke`);
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION');
  });
});

describe('who manages credentials', () => {
  it('is forbidden to every role in the municipality but its administrator, and nothing is created', async () => {
    for (const role of ['employee', 'leader', 'ombud', 'competence_advisor', 'network_coordinator', 'analyst', 'platform_admin'] as const) {
      for (const [method, url, body] of [
        ['GET', base, undefined],
        ['POST', base, { name: `by ${role}` }],
      ] as const) {
        const res = await call(t.app, tenant.sessions[role], method, url, body);
        expect(errorCode(res), `${role} ${method}`).toBe('FORBIDDEN');
      }
    }
    expect(await t.db.selectFrom('lrs_credentials').select('id').where('name', 'like', 'by %').execute()).toEqual([]);
    expect(errorCode(await call(t.app, null, 'GET', base))).toBe('UNAUTHENTICATED');
  });

  it("is 'not found' for another municipality's administrator, who cannot rotate or revoke this municipality's credentials either", async () => {
    const other = await buildTenant(t.db);
    const issued = await create('Ours');
    const foreign = await call(t.app, other.sessions.municipal_admin, 'GET', base);
    expect(foreign.statusCode).toBe(404);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    // Our credential id under their own municipality's path: no such credential there.
    const theirBase = `/api/v1/municipalities/${other.municipality.id}/lrs/credentials`;
    for (const action of ['rotate', 'revoke']) {
      const res = await call(t.app, other.sessions.municipal_admin, 'POST', `${theirBase}/${issued.credential.id}/${action}`, { graceHours: 0 });
      expect(res.statusCode).toBe(404);
    }
    expect(await accepts(issued.key, issued.secret)).toBe(true);
    expect((await call(t.app, other.sessions.municipal_admin, 'GET', theirBase)).json().items).toEqual([]);
  });
});

describe('the endpoint handed out', () => {
  it('is where this server answers xAPI (GET /about needs no credential)', async () => {
    const { endpoint } = await create('Endpoint');
    const path = new URL(endpoint).pathname;
    expect(path).toBe('/xapi');
    const about = await xapi(t.app, null, 'GET', '/about');
    expect(about.statusCode).toBe(200);
    expect(about.json().version).toContain('1.0.3');
  });
});
