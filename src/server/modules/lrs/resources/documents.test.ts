import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../../test/harness.js';
import { createLrsCredential, xapi, type XapiCredential } from '../../../../../test/xapi.js';
import { XAPI_VERSIONS } from '../xapi/version.js';

// The State, Activity Profile and Agent Profile resources over HTTP, in both
// xAPI versions: addressing and parameter validation, content round trips,
// the JSON merge of POST, the multiple-document forms and tenant isolation.
// Concurrency control has its own file (documents-concurrency.test.ts).

let t: TestApp;
let credential: XapiCredential;
let foreign: XapiCredential;
beforeAll(async () => {
  t = await createTestApp();
  credential = await createLrsCredential(t.db, (await createMunicipality(t.db)).id);
  foreign = await createLrsCredential(t.db, (await createMunicipality(t.db)).id, 'Other municipality');
});
afterAll(() => t.close());

const agent = (name = randomUUID()) => JSON.stringify({ objectType: 'Agent', account: { homePage: 'http://www.example.com/agentId/1', name } });
const activity = () => `http://www.example.com/activity/${randomUUID()}`;
const sha1 = (b: Buffer | string) => createHash('sha1').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(XAPI_VERSIONS)('the document resources in xAPI %s', (version) => {
  const state = (extra: Record<string, string> = {}) => ({ activityId: activity(), agent: agent(), stateId: randomUUID(), ...extra });
  const call = (c: XapiCredential, method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE', path: string, query: Record<string, string>, body?: unknown, headers?: Record<string, string>) =>
    xapi(t.app, c, method, path, { version, query, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });

  it('stores a state document with PUT and returns it byte for byte with its content type, a quoted SHA-1 ETag and Last-Modified', async () => {
    const q = state();
    const text = 'lesson_location=page 7; ✓ æøå';
    expect((await call(credential, 'PUT', '/activities/state', q, text, { 'content-type': 'text/plain; charset=utf-8' })).statusCode).toBe(204);
    const res = await call(credential, 'GET', '/activities/state', q);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(text);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers.etag).toBe(`"${sha1(Buffer.from(text, 'utf8'))}"`);
    expect(Date.parse(String(res.headers['last-modified']))).not.toBeNaN();
    expect(res.headers['x-experience-api-version']).toBe(version);
  });

  it('answers HEAD like GET but without the body', async () => {
    const q = state();
    await call(credential, 'POST', '/activities/state', q, { a: 1 });
    const head = await call(credential, 'HEAD', '/activities/state', q);
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe(`"${sha1(JSON.stringify({ a: 1 }))}"`);
    expect(head.headers['content-type']).toMatch(/^application\/json/);
    expect((await call(credential, 'HEAD', '/activities/state', state())).statusCode).toBe(404);
  });

  it('answers 404 for a single document that does not exist', async () => {
    expect((await call(credential, 'GET', '/activities/state', state())).statusCode).toBe(404);
    expect((await call(credential, 'GET', '/activities/profile', { activityId: activity(), profileId: 'none' })).statusCode).toBe(404);
    expect((await call(credential, 'GET', '/agents/profile', { agent: agent(), profileId: 'none' })).statusCode).toBe(404);
  });

  it('round-trips a large binary document exactly', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const q = { agent: agent(), profileId: 'recording' };
    const put = await call(credential, 'PUT', '/agents/profile', q, bytes, { 'content-type': 'application/octet-stream', 'if-none-match': '*' });
    expect(put.statusCode).toBe(204);
    const res = await call(credential, 'GET', '/agents/profile', q);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(res.headers.etag).toBe(`"${sha1(bytes)}"`);
  });

  it('stores a POST to a new document as it is, whatever its content type', async () => {
    const q = state();
    const res = await call(credential, 'POST', '/activities/state', q, '1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(204);
    const got = await call(credential, 'GET', '/activities/state', q);
    expect(got.body).toBe('1');
    expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('keeps a document sent without a Content-Type as application/octet-stream', async () => {
    const q = state();
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
    expect((await call(credential, 'PUT', '/activities/state', q, bytes)).statusCode).toBe(204);
    const res = await call(credential, 'GET', '/activities/state', q);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(res.headers['content-type']).toBe('application/octet-stream');
  });

  describe('POST merges JSON documents', () => {
    it('replaces top-level properties whole and keeps the others', async () => {
      const q = state();
      await call(credential, 'POST', '/activities/state', q, { x: 'foo', y: 'bar', car: { make: 'Ford', model: 'Escape' } });
      expect((await call(credential, 'POST', '/activities/state', q, { x: 'bash', z: 'faz', car: { make: 'Dodge' } })).statusCode).toBe(204);
      expect((await call(credential, 'GET', '/activities/state', q)).json()).toEqual({ x: 'bash', y: 'bar', z: 'faz', car: { make: 'Dodge' } });
    });

    it('merges profiles the same way', async () => {
      const ap = { activityId: activity(), profileId: 'p' };
      await call(credential, 'POST', '/activities/profile', ap, { car: 'Honda' });
      await call(credential, 'POST', '/activities/profile', ap, { type: 'Civic' });
      expect((await call(credential, 'GET', '/activities/profile', ap)).json()).toEqual({ car: 'Honda', type: 'Civic' });
      const gp = { agent: agent(), profileId: 'p' };
      await call(credential, 'POST', '/agents/profile', gp, { car: 'Honda' });
      await call(credential, 'POST', '/agents/profile', gp, { type: 'Civic' });
      expect((await call(credential, 'GET', '/agents/profile', gp)).json()).toEqual({ car: 'Honda', type: 'Civic' });
    });

    const refusals: [string, { body: unknown; type?: string }, { body: unknown; type?: string }][] = [
      ['the posted document is not JSON', { body: { a: 1 } }, { body: 'abcdefg', type: 'application/octet-stream' }],
      ['the stored document is not JSON', { body: '/ asdf / undefined', type: 'application/octet-stream' }, { body: { a: 1 } }],
      ['the posted JSON does not parse', { body: { a: 1 } }, { body: '{"a": 2}{', type: 'application/json' }],
      ['the posted JSON is an array', { body: { a: 1 } }, { body: [1, 2] }],
      ['the stored JSON is not an object', { body: '"text"', type: 'application/json' }, { body: { a: 1 } }],
    ];
    it.each(refusals)('refuses with 400 and changes nothing when %s', async (_name, first, second) => {
      const q = state();
      const put = await call(credential, 'PUT', '/activities/state', q, first.body, first.type ? { 'content-type': first.type } : undefined);
      expect(put.statusCode).toBe(204);
      const before = await call(credential, 'GET', '/activities/state', q);
      const res = await call(credential, 'POST', '/activities/state', q, second.body, second.type ? { 'content-type': second.type } : undefined);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      const after = await call(credential, 'GET', '/activities/state', q);
      expect(after.body).toBe(before.body);
      expect(after.headers.etag).toBe(before.headers.etag);
    });
  });

  it('refuses a PUT whose application/json body does not parse, and an empty body', async () => {
    expect((await call(credential, 'PUT', '/activities/state', state(), '{"a":', { 'content-type': 'application/json' })).statusCode).toBe(400);
    expect((await call(credential, 'PUT', '/activities/state', state(), '', { 'content-type': 'text/plain' })).statusCode).toBe(400);
  });

  describe('the multiple-document GET and DELETE', () => {
    it('lists the ids of a context, an empty array when there are none', async () => {
      const activityId = activity();
      const a = agent();
      expect((await call(credential, 'GET', '/activities/state', { activityId, agent: a })).json()).toEqual([]);
      await call(credential, 'POST', '/activities/state', { activityId, agent: a, stateId: 's1' }, { n: 1 });
      await call(credential, 'POST', '/activities/state', { activityId, agent: a, stateId: 's2' }, { n: 2 });
      await call(credential, 'POST', '/activities/state', { activityId, agent: agent(), stateId: 'other-agent' }, { n: 3 });
      const res = await call(credential, 'GET', '/activities/state', { activityId, agent: a });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
      expect(Date.parse(String(res.headers['last-modified']))).not.toBeNaN();
      expect(res.json<string[]>().sort()).toEqual(['s1', 's2']);
    });

    it('limits the ids to documents changed after since (exclusive)', async () => {
      const activityId = activity();
      await call(credential, 'POST', '/activities/profile', { activityId, profileId: 'old' }, { n: 1 });
      await sleep(30);
      const since = new Date().toISOString();
      await sleep(30);
      await call(credential, 'POST', '/activities/profile', { activityId, profileId: 'new' }, { n: 2 });
      expect((await call(credential, 'GET', '/activities/profile', { activityId, since })).json()).toEqual(['new']);
      expect((await call(credential, 'GET', '/activities/profile', { activityId, since: '2000-01-01T00:00:00' })).json<string[]>().sort()).toEqual(['new', 'old']);
      expect((await call(credential, 'GET', '/activities/profile', { activityId, since: '2999-01-01T00:00:00+01:00' })).json()).toEqual([]);
      expect((await call(credential, 'GET', '/activities/profile', { activityId, since: 'not a timestamp' })).statusCode).toBe(400);
      const a = agent();
      await call(credential, 'POST', '/agents/profile', { agent: a, profileId: 'p' }, { n: 1 });
      expect((await call(credential, 'GET', '/agents/profile', { agent: a, since: '2000-01-01T00:00:00Z' })).json()).toEqual(['p']);
      expect((await call(credential, 'GET', '/agents/profile', { agent: a, since: 'true' })).statusCode).toBe(400);
    });

    it('keeps state documents of different registrations apart, and lists all of them without a registration', async () => {
      const activityId = activity();
      const a = agent();
      const r1 = randomUUID();
      await call(credential, 'PUT', '/activities/state', { activityId, agent: a, stateId: 's', registration: r1 }, { r: 1 });
      await call(credential, 'PUT', '/activities/state', { activityId, agent: a, stateId: 's' }, { r: 0 });
      await call(credential, 'PUT', '/activities/state', { activityId, agent: a, stateId: 'only-r1', registration: r1.toUpperCase() }, { r: 1 });
      expect((await call(credential, 'GET', '/activities/state', { activityId, agent: a, stateId: 's', registration: r1 })).json()).toEqual({ r: 1 });
      expect((await call(credential, 'GET', '/activities/state', { activityId, agent: a, stateId: 's' })).json()).toEqual({ r: 0 });
      expect((await call(credential, 'GET', '/activities/state', { activityId, agent: a, registration: r1 })).json<string[]>().sort()).toEqual(['only-r1', 's']);
      expect((await call(credential, 'GET', '/activities/state', { activityId, agent: a })).json<string[]>().sort()).toEqual(['only-r1', 's']);
      expect((await call(credential, 'DELETE', '/activities/state', { activityId, agent: a, registration: r1 })).statusCode).toBe(204);
      expect((await call(credential, 'GET', '/activities/state', { activityId, agent: a })).json()).toEqual(['s']);
    });

    it('deletes one document, or every state document of the context', async () => {
      const activityId = activity();
      const a = agent();
      for (const stateId of ['a', 'b', 'c']) await call(credential, 'POST', '/activities/state', { activityId, agent: a, stateId }, { stateId });
      const elsewhere = { activityId: activity(), agent: a, stateId: 'keep' };
      await call(credential, 'POST', '/activities/state', elsewhere, { keep: true });
      expect((await call(credential, 'DELETE', '/activities/state', { activityId, agent: a, stateId: 'a' })).statusCode).toBe(204);
      expect((await call(credential, 'GET', '/activities/state', { activityId, agent: a, stateId: 'a' })).statusCode).toBe(404);
      expect((await call(credential, 'DELETE', '/activities/state', { activityId, agent: a })).statusCode).toBe(204);
      expect((await call(credential, 'GET', '/activities/state', { activityId, agent: a })).json()).toEqual([]);
      expect((await call(credential, 'GET', '/activities/state', elsewhere)).statusCode).toBe(200);
      const ap = { activityId: activity(), profileId: 'p' };
      await call(credential, 'POST', '/activities/profile', ap, { p: 1 });
      expect((await call(credential, 'DELETE', '/activities/profile', ap)).statusCode).toBe(204);
      expect((await call(credential, 'GET', '/activities/profile', ap)).statusCode).toBe(404);
      expect((await call(credential, 'DELETE', '/activities/profile', ap)).statusCode).toBe(204);
    });
  });

  it('treats the same agent identity as one owner (mbox compared without case)', async () => {
    const activityId = activity();
    await call(credential, 'PUT', '/activities/state', { activityId, agent: JSON.stringify({ mbox: 'mailto:Kari@Example.org' }), stateId: 's' }, { v: 1 });
    const res = await call(credential, 'GET', '/activities/state', { activityId, agent: JSON.stringify({ objectType: 'Agent', name: 'Kari', mbox: 'mailto:kari@example.org' }), stateId: 's' });
    expect(res.json()).toEqual({ v: 1 });
  });

  describe('parameters', () => {
    const invalid: [string, string, Record<string, string | undefined>][] = [
      ['activityId missing', '/activities/state', { activityId: undefined }],
      ['activityId not an IRI', '/activities/state', { activityId: 'undefined' }],
      ['activityId a number', '/activities/state', { activityId: '1' }],
      ['activityId a JSON object', '/activities/state', { activityId: '{"key":"value"}' }],
      ['agent missing', '/activities/state', { agent: undefined }],
      ['agent not JSON', '/activities/state', { agent: 'not JSON' }],
      ['agent a number', '/activities/state', { agent: '1' }],
      ['agent true', '/activities/state', { agent: 'true' }],
      ['agent without identifier', '/activities/state', { agent: '{"not_actor":"yup"}' }],
      ['agent with two identifiers', '/activities/state', { agent: JSON.stringify({ mbox: 'mailto:a@example.org', openid: 'http://openid.example.org/a' }) }],
      ['agent a Group', '/activities/state', { agent: JSON.stringify({ objectType: 'Group', mbox: 'mailto:group@example.org' }) }],
      ['agent with an invalid mbox', '/activities/state', { agent: JSON.stringify({ mbox: 'kari@example.org' }) }],
      ['registration not a UUID', '/activities/state', { registration: 'not UUID' }],
      ['registration true', '/activities/state', { registration: 'true' }],
      ['an unknown parameter', '/activities/state', { happy: 'day' }],
      ['a parameter in the wrong case', '/activities/state', { stateId: undefined, StateId: 'x' }],
      ['since on a PUT', '/activities/state', { since: '2020-01-01T00:00:00Z' }],
      ['registration on the activity profile', '/activities/profile', { agent: undefined, stateId: undefined, profileId: 'p', registration: randomUUID() }],
      ['agent on the activity profile', '/activities/profile', { stateId: undefined, profileId: 'p' }],
      ['activityId on the agent profile', '/agents/profile', { stateId: undefined, profileId: 'p' }],
      ['profileId missing on the agent profile', '/agents/profile', { activityId: undefined, stateId: undefined }],
      ['profileId empty', '/agents/profile', { activityId: undefined, stateId: undefined, profileId: '' }],
      ['a document id longer than 800 bytes', '/activities/state', { stateId: 'x'.repeat(801) }],
    ];
    it.each(invalid)('refuses a PUT with %s (400), storing nothing', async (_name, path, changes) => {
      const query: Record<string, string> = { activityId: activity(), agent: agent(), stateId: randomUUID() };
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined) delete query[k];
        else query[k] = v;
      }
      const res = await call(credential, 'PUT', path, query, { a: 1 }, { 'if-none-match': '*' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    });

    it.each(['GET', 'POST', 'DELETE'] as const)('validates the parameters of %s the same way', async (method) => {
      const queries: Record<string, string>[] = [
        { agent: agent(), stateId: 's' },
        { activityId: activity(), stateId: 's' },
        { activityId: activity(), agent: 'not JSON', stateId: 's' },
        { activityId: activity(), agent: agent(), stateId: 's', registration: 'nope' },
        { activityId: activity(), agent: agent(), stateId: 's', Agent: agent() },
      ];
      for (const query of queries) {
        expect((await call(credential, method, '/activities/state', query, method === 'POST' ? { a: 1 } : undefined)).statusCode).toBe(400);
      }
      if (method !== 'GET') expect((await call(credential, method, '/activities/state', { activityId: activity(), agent: agent() }, method === 'POST' ? { a: 1 } : undefined)).statusCode).toBe(method === 'DELETE' ? 204 : 400);
      if (method !== 'GET') expect((await call(credential, method, '/agents/profile', { agent: agent() }, method === 'POST' ? { a: 1 } : undefined)).statusCode).toBe(400);
      if (method === 'DELETE') expect((await call(credential, 'DELETE', '/activities/state', { activityId: activity(), agent: agent(), since: '2020-01-01T00:00:00Z' })).statusCode).toBe(400);
    });

    it(`${version === '2.0.0' ? 'refuses' : 'accepts'} since together with a document id on a single GET`, async () => {
      const q = state();
      await call(credential, 'POST', '/activities/state', q, { a: 1 });
      const res = await call(credential, 'GET', '/activities/state', { ...q, since: new Date(Date.now() - 60_000).toISOString() });
      if (version === '2.0.0') expect(res.statusCode).toBe(400);
      else expect(res.json()).toEqual({ a: 1 });
    });
  });

  describe("another municipality's credential", () => {
    it('cannot read, list, overwrite or delete the document', async () => {
      const q = state();
      await call(credential, 'PUT', '/activities/state', q, { mine: true });
      expect((await call(foreign, 'GET', '/activities/state', q)).statusCode).toBe(404);
      expect((await call(foreign, 'GET', '/activities/state', { activityId: q.activityId, agent: q.agent })).json()).toEqual([]);
      expect((await call(foreign, 'DELETE', '/activities/state', q)).statusCode).toBe(204);
      expect((await call(foreign, 'DELETE', '/activities/state', { activityId: q.activityId, agent: q.agent })).statusCode).toBe(204);
      expect((await call(foreign, 'POST', '/activities/state', q, { theirs: true })).statusCode).toBe(204);
      expect((await call(credential, 'GET', '/activities/state', q)).json()).toEqual({ mine: true });
      expect((await call(foreign, 'GET', '/activities/state', q)).json()).toEqual({ theirs: true });

      const ap = { activityId: activity(), profileId: 'p' };
      await call(credential, 'PUT', '/activities/profile', ap, { mine: true }, { 'if-none-match': '*' });
      expect((await call(foreign, 'GET', '/activities/profile', ap)).statusCode).toBe(404);
      expect((await call(foreign, 'GET', '/activities/profile', { activityId: ap.activityId })).json()).toEqual([]);
      // To the other municipality the document does not exist, so If-None-Match: * creates its own.
      expect((await call(foreign, 'PUT', '/activities/profile', ap, { theirs: true }, { 'if-none-match': '*' })).statusCode).toBe(204);
      expect((await call(credential, 'GET', '/activities/profile', ap)).json()).toEqual({ mine: true });
    });
  });

  it('refuses requests without credentials', async () => {
    expect((await xapi(t.app, null, 'GET', '/activities/state', { version, query: state() })).statusCode).toBe(401);
  });
});

describe('the 1.0.3 alternate request syntax on the document resources', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

  it('carries a PUT, a GET and a DELETE of a state document in a form', async () => {
    const q = { activityId: activity(), agent: agent(), stateId: 'alt' };
    const put = await xapi(t.app, credential, 'POST', '/activities/state', {
      query: { method: 'PUT' },
      headers: formHeaders,
      body: form({ ...q, content: '{"page":3}', 'Content-Type': 'application/json' }),
    });
    expect(put.statusCode).toBe(204);
    expect((await xapi(t.app, credential, 'GET', '/activities/state', { query: q })).json()).toEqual({ page: 3 });

    const get = await xapi(t.app, credential, 'POST', '/activities/state', { query: { method: 'GET' }, headers: formHeaders, body: form(q) });
    expect(get.statusCode).toBe(200);
    expect(get.json()).toEqual({ page: 3 });

    const del = await xapi(t.app, credential, 'POST', '/activities/state', { query: { method: 'DELETE' }, headers: formHeaders, body: form(q) });
    expect(del.statusCode).toBe(204);
    expect((await xapi(t.app, credential, 'GET', '/activities/state', { query: q })).statusCode).toBe(404);
  });

  it('takes If-None-Match and If-Match from the form', async () => {
    const q = { activityId: activity(), profileId: 'alt' };
    const create = await xapi(t.app, credential, 'POST', '/activities/profile', {
      query: { method: 'PUT' },
      headers: formHeaders,
      body: form({ ...q, content: '{"v":1}', 'If-None-Match': '*' }),
    });
    expect(create.statusCode).toBe(204);
    const again = await xapi(t.app, credential, 'POST', '/activities/profile', {
      query: { method: 'PUT' },
      headers: formHeaders,
      body: form({ ...q, content: '{"v":2}', 'If-None-Match': '*' }),
    });
    expect(again.statusCode).toBe(412);
    const etag = String((await xapi(t.app, credential, 'GET', '/activities/profile', { query: q })).headers.etag);
    const update = await xapi(t.app, credential, 'POST', '/activities/profile', {
      query: { method: 'PUT' },
      headers: formHeaders,
      body: form({ ...q, content: '{"v":3}', 'If-Match': etag }),
    });
    expect(update.statusCode).toBe(204);
    expect((await xapi(t.app, credential, 'GET', '/activities/profile', { query: q })).json()).toEqual({ v: 3 });
  });

  it('is not available in 2.0.0', async () => {
    const q = { activityId: activity(), agent: agent(), stateId: 'alt' };
    const res = await xapi(t.app, credential, 'POST', '/activities/state', { version: '2.0.0', query: { method: 'PUT' }, headers: formHeaders, body: form({ ...q, content: '{}' }) });
    expect(res.statusCode).toBe(400);
  });
});
