import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('OpenAPI at /api/docs', () => {
  it('describes every /api/v1 route from the shared zod schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const people = doc.paths['/api/v1/municipalities/{municipalityId}/people'];
    expect(people.get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['municipalityId', 'q', 'unitId', 'profession']));
    expect(people.post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['employeeNumber', 'profession', 'unitIds']));
    expect(doc.paths['/api/v1/auth/login'].post.responses['200']).toBeDefined();
  });

  it('serves the interactive documentation page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('answers unknown API paths with the one error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});
