import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { createLrsCredential, xapi, type XapiCredential } from '../../../../test/xapi.js';
import { forgetCredential } from './lrs-auth.js';
import { revokeCredential, rotateCredential } from './lrs-credentials.repository.js';

let t: TestApp;
let credential: XapiCredential;
let municipalityId: string;
beforeAll(async () => {
  t = await createTestApp();
  municipalityId = (await createMunicipality(t.db)).id;
  credential = await createLrsCredential(t.db, municipalityId);
});
afterAll(() => t.close());

describe('the /xapi transport', () => {
  it('answers /about without credentials or version header, listing both versions', async () => {
    const res = await xapi(t.app, null, 'GET', '/about', { version: null });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toEqual(['1.0.3', '2.0.0']);
    expect(res.headers['x-experience-api-version']).toBe('2.0.0');
  });

  it('refuses a request without the version header, or with an unknown version (400)', async () => {
    expect((await xapi(t.app, credential, 'GET', '/activities', { version: null, query: { activityId: 'http://x.example/a' } })).statusCode).toBe(400);
    expect((await xapi(t.app, credential, 'GET', '/activities', { version: '0.95', query: { activityId: 'http://x.example/a' } })).statusCode).toBe(400);
    expect((await xapi(t.app, credential, 'GET', '/activities', { version: '1.1.0', query: { activityId: 'http://x.example/a' } })).statusCode).toBe(400);
  });

  it('answers in the version asked for', async () => {
    const old = await xapi(t.app, null, 'GET', '/about', { version: '1.0.1' });
    expect(old.headers['x-experience-api-version']).toBe('1.0.3');
    const now = await xapi(t.app, null, 'GET', '/about', { version: '2.0.0' });
    expect(now.headers['x-experience-api-version']).toBe('2.0.0');
  });

  it('refuses missing, malformed, unknown and wrong credentials with 401 and a Basic challenge', async () => {
    const wrong = { ...credential, authorization: `Basic ${Buffer.from(`${credential.key}:nope`).toString('base64')}` };
    const unknown = { ...credential, authorization: `Basic ${Buffer.from('mst_unknown:secret').toString('base64')}` };
    const junk = { ...credential, authorization: 'Bearer abc' };
    for (const c of [null, wrong, unknown, junk]) {
      const res = await xapi(t.app, c, 'GET', '/statements');
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic/);
    }
  });

  it('answers a method a resource does not have with 405 and Allow, before asking for credentials', async () => {
    for (const [path, query] of [['/statements', { statementId: '00000000-0000-4000-8000-000000000000' }], ['/activities', { activityId: 'http://x.example/a' }], ['/agents', { agent: '{"mbox":"mailto:a@example.no"}' }]] as const) {
      for (const c of [null, credential]) {
        const res = await xapi(t.app, c, 'DELETE', path, { version: '1.0.1', query });
        expect(res.statusCode, `${path} ${c ? 'with' : 'without'} credentials`).toBe(405);
        expect(res.headers.allow).toBeTruthy();
      }
    }
  });

  it('lets a rotated-out secret work through its grace period only, and a revoked credential not at all', async () => {
    const c = await createLrsCredential(t.db, municipalityId, 'Rotating vendor');
    const rotated = await rotateCredential(t.db, municipalityId, c.id, 24);
    const fresh = { ...c, authorization: `Basic ${Buffer.from(`${c.key}:${rotated!.secret}`).toString('base64')}` };
    expect((await xapi(t.app, c, 'GET', '/about')).statusCode).toBe(200);
    expect((await xapi(t.app, fresh, 'GET', '/activities', { query: { activityId: 'http://x.example/a' } })).statusCode).not.toBe(401);
    expect((await xapi(t.app, c, 'GET', '/activities', { query: { activityId: 'http://x.example/a' } })).statusCode).not.toBe(401);
    await rotateCredential(t.db, municipalityId, c.id, 0);
    forgetCredential(c.key); // as the admin service does after its commit
    expect((await xapi(t.app, c, 'GET', '/activities', { query: { activityId: 'http://x.example/a' } })).statusCode).toBe(401);
    await revokeCredential(t.db, municipalityId, c.id);
    forgetCredential(c.key);
    expect((await xapi(t.app, fresh, 'GET', '/activities', { query: { activityId: 'http://x.example/a' } })).statusCode).toBe(401);
  });

  it('answers CORS preflight for content on other origins, without cookies', async () => {
    const res = await xapi(t.app, null, 'OPTIONS', '/statements', { version: null, headers: { origin: 'https://content.example', 'access-control-request-method': 'PUT' } });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/X-Experience-API-Version/);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('last used', () => {
  it('records when a credential was last used, for the admin list', async () => {
    const c = await createLrsCredential(t.db, municipalityId, 'Usage note');
    expect((await xapi(t.app, c, 'GET', '/statements')).statusCode).toBe(200);
    let row: { last_used_at: Date | null } | undefined;
    for (let i = 0; i < 50; i++) {
      row = await t.db.selectFrom('lrs_credentials').select('last_used_at').where('id', '=', c.id).executeTakeFirst();
      if (row?.last_used_at) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(row?.last_used_at).toBeInstanceOf(Date);
  });
});
