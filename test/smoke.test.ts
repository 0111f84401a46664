import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from './factories.js';
import { call, createTestApp, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the harness', () => {
  it('serves /me for a signed-in municipal admin', async () => {
    const tenant = await buildTenant(t.db);
    const res = await call(t.app, tenant.sessions.municipal_admin, 'GET', '/api/v1/me');
    expect(res.statusCode).toBe(200);
    expect(res.json().municipalities.map((m: { id: string }) => m.id)).toEqual([tenant.municipality.id]);
  });
});
