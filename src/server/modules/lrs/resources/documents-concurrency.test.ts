import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../../test/harness.js';
import { createLrsCredential, xapi, type XapiCredential } from '../../../../../test/xapi.js';
import { XAPI_VERSIONS, type XapiVersion } from '../xapi/version.js';

// Optimistic concurrency on the document resources (Communication 3.1 in
// 1.0.3, 4.1.4 in 2.0.0): ETags, If-Match / If-None-Match on PUT, POST and
// DELETE, and what a PUT without either header gets in each version.

let t: TestApp;
let credential: XapiCredential;
beforeAll(async () => {
  t = await createTestApp();
  credential = await createLrsCredential(t.db, (await createMunicipality(t.db)).id);
});
afterAll(() => t.close());

const agent = () => JSON.stringify({ objectType: 'Agent', account: { homePage: 'http://www.example.com/agentId/1', name: randomUUID() } });
const activity = () => `http://www.example.com/activity/${randomUUID()}`;

type Resource = { name: string; path: string; query: () => Record<string, string> };
const RESOURCES: Resource[] = [
  { name: 'State', path: '/activities/state', query: () => ({ activityId: activity(), agent: agent(), stateId: randomUUID() }) },
  { name: 'Activity Profile', path: '/activities/profile', query: () => ({ activityId: activity(), profileId: randomUUID() }) },
  { name: 'Agent Profile', path: '/agents/profile', query: () => ({ agent: agent(), profileId: randomUUID() }) },
];

describe.each(XAPI_VERSIONS)('concurrency control in xAPI %s', (version: XapiVersion) => {
  const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', r: Resource, query: Record<string, string>, body?: unknown, headers?: Record<string, string>) =>
    xapi(t.app, credential, method, r.path, { version, query, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });
  const etagOf = async (r: Resource, q: Record<string, string>) => String((await call('GET', r, q)).headers.etag);

  describe.each(RESOURCES)('on the $name resource', (r) => {
    it('applies a PUT, POST or DELETE whose If-Match carries the current ETag', async () => {
      const q = r.query();
      await call('POST', r, q, { v: 1 });
      expect((await call('PUT', r, q, { v: 2 }, { 'if-match': await etagOf(r, q) })).statusCode).toBe(204);
      expect((await call('POST', r, q, { w: 3 }, { 'if-match': await etagOf(r, q) })).statusCode).toBe(204);
      expect((await call('GET', r, q)).json()).toEqual({ v: 2, w: 3 });
      expect((await call('DELETE', r, q, undefined, { 'if-match': await etagOf(r, q) })).statusCode).toBe(204);
      expect((await call('GET', r, q)).statusCode).toBe(404);
    });

    it('refuses with 412 and changes nothing when If-Match carries another ETag', async () => {
      const q = r.query();
      await call('POST', r, q, { v: 1 });
      const before = await etagOf(r, q);
      for (const tag of ['"1111111111111111111111111111111111111111"', '"1234"', '1234']) {
        expect((await call('PUT', r, q, { v: 2 }, { 'if-match': tag })).statusCode).toBe(412);
        expect((await call('POST', r, q, { v: 3 }, { 'if-match': tag })).statusCode).toBe(412);
        expect((await call('DELETE', r, q, undefined, { 'if-match': tag })).statusCode).toBe(412);
      }
      const after = await call('GET', r, q);
      expect(after.json()).toEqual({ v: 1 });
      expect(after.headers.etag).toBe(before);
    });

    it('refuses a write based on an ETag that an earlier update made stale', async () => {
      const q = r.query();
      await call('POST', r, q, { v: 1 });
      const seen = await etagOf(r, q);
      expect((await call('PUT', r, q, { v: 2 }, { 'if-match': seen })).statusCode).toBe(204);
      const stale = await call('PUT', r, q, { v: 3 }, { 'if-match': seen });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().error.code).toBe('PRECONDITION_FAILED');
      expect((await call('GET', r, q)).json()).toEqual({ v: 2 });
    });

    it('lets exactly one of two simultaneous updates with the same If-Match win', async () => {
      const q = r.query();
      await call('POST', r, q, { v: 0 });
      const seen = await etagOf(r, q);
      const results = await Promise.all([call('PUT', r, q, { v: 'a' }, { 'if-match': seen }), call('PUT', r, q, { v: 'b' }, { 'if-match': seen })]);
      expect(results.map((res: { statusCode: number }) => res.statusCode).sort()).toEqual([204, 412]);
      const winner = results.findIndex((res: { statusCode: number }) => res.statusCode === 204);
      expect((await call('GET', r, q)).json()).toEqual({ v: winner === 0 ? 'a' : 'b' });
    });

    it('lets exactly one of two simultaneous creations with If-None-Match: * win', async () => {
      const q = r.query();
      const results = await Promise.all([call('PUT', r, q, { v: 'a' }, { 'if-none-match': '*' }), call('PUT', r, q, { v: 'b' }, { 'if-none-match': '*' })]);
      expect(results.map((res: { statusCode: number }) => res.statusCode).sort()).toEqual([204, 412]);
    });

    it('merges two simultaneous POSTs to a new document, losing neither', async () => {
      const q = r.query();
      const results = await Promise.all([call('POST', r, q, { a: 1 }), call('POST', r, q, { b: 2 })]);
      expect(results.map((res: { statusCode: number }) => res.statusCode)).toEqual([204, 204]);
      expect((await call('GET', r, q)).json()).toEqual({ a: 1, b: 2 });
    });

    it('accepts If-Match: * only when the document exists, and fails If-Match on a missing document', async () => {
      const q = r.query();
      expect((await call('PUT', r, q, { v: 1 }, { 'if-match': '*' })).statusCode).toBe(412);
      expect((await call('DELETE', r, q, undefined, { 'if-match': '"abc"' })).statusCode).toBe(412);
      expect((await call('GET', r, q)).statusCode).toBe(404);
      await call('POST', r, q, { v: 1 });
      expect((await call('PUT', r, q, { v: 2 }, { 'if-match': '*' })).statusCode).toBe(204);
    });

    it('creates with If-None-Match: * and refuses it (412) once the document exists, for PUT and POST', async () => {
      const q = r.query();
      expect((await call('PUT', r, q, { v: 1 }, { 'if-none-match': '*' })).statusCode).toBe(204);
      expect((await call('PUT', r, q, { v: 2 }, { 'if-none-match': '*' })).statusCode).toBe(412);
      expect((await call('POST', r, q, { w: 2 }, { 'if-none-match': '*' })).statusCode).toBe(412);
      expect((await call('PUT', r, q, { v: 3 }, { 'if-none-match': await etagOf(r, q) })).statusCode).toBe(412);
      expect((await call('PUT', r, q, { v: 4 }, { 'if-none-match': '"0000000000000000000000000000000000000000"' })).statusCode).toBe(204);
      expect((await call('GET', r, q)).json()).toEqual({ v: 4 });
    });

    it('accepts POST and DELETE without precondition headers', async () => {
      const q = r.query();
      expect((await call('POST', r, q, { v: 1 })).statusCode).toBe(204);
      expect((await call('POST', r, q, { w: 1 })).statusCode).toBe(204);
      expect((await call('DELETE', r, q)).statusCode).toBe(204);
      expect((await call('GET', r, q)).statusCode).toBe(404);
    });

    const isState = r.name === 'State';
    const overwrites = isState && version === '1.0.3';
    it(`${overwrites ? 'overwrites' : 'refuses with 409, changing nothing,'} on a PUT without precondition headers to an existing document`, async () => {
      const q = r.query();
      await call('POST', r, q, { v: 1 });
      const res = await call('PUT', r, q, { v: 2 });
      if (overwrites) {
        expect(res.statusCode).toBe(204);
        expect((await call('GET', r, q)).json()).toEqual({ v: 2 });
      } else {
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('CONFLICT');
        expect(res.json().error.message).toMatch(/If-Match/);
        expect((await call('GET', r, q)).json()).toEqual({ v: 1 });
      }
    });

    const expected = isState ? 204 : version === '1.0.3' ? 400 : 428;
    it(`answers ${expected} to a PUT without precondition headers that would create the document`, async () => {
      const q = r.query();
      const res = await call('PUT', r, q, { v: 1 });
      expect(res.statusCode).toBe(expected);
      if (expected === 428) expect(res.json().error.code).toBe('PRECONDITION_REQUIRED');
      expect((await call('GET', r, q)).statusCode).toBe(isState ? 200 : 404);
    });
  });

  it('refuses preconditions on the multiple-document DELETE, where they address no single document', async () => {
    const q = { activityId: activity(), agent: agent() };
    await call('POST', RESOURCES[0]!, { ...q, stateId: 's' }, { v: 1 });
    expect((await call('DELETE', RESOURCES[0]!, q, undefined, { 'if-match': '*' })).statusCode).toBe(400);
    expect((await call('GET', RESOURCES[0]!, q)).json()).toEqual(['s']);
  });
});
