import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../../test/harness.js';
import { createLrsCredential, xapi, type XapiCredential } from '../../../../../test/xapi.js';

let t: TestApp;
let a: XapiCredential;
let b: XapiCredential;
beforeAll(async () => {
  t = await createTestApp();
  a = await createLrsCredential(t.db, (await createMunicipality(t.db)).id, 'Vendor A');
  b = await createLrsCredential(t.db, (await createMunicipality(t.db)).id, 'Vendor B');
});
afterAll(() => t.close());

const VERSIONS = ['1.0.3', '2.0.0'] as const;
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const ATTEMPTED = 'http://adlnet.gov/expapi/verbs/attempted';

let n = 0;
function statement(overrides: Record<string, unknown> = {}) {
  n++;
  return {
    actor: { objectType: 'Agent', name: `Learner ${n}`, mbox: `mailto:learner${n}@solvik.example` },
    verb: { id: COMPLETED, display: { 'nb-NO': 'fullførte', 'en-US': 'completed' } },
    object: { objectType: 'Activity', id: `http://mestring.example/activities/course-${n}`, definition: { name: { 'en-US': `Course ${n}`, 'nb-NO': `Kurs ${n}` } } },
    ...overrides,
  };
}

describe.each(VERSIONS)('statements (xAPI %s)', (version) => {
  it('POST stores one statement and returns its assigned id; GET returns it with stored, authority, version, timestamp', async () => {
    const s = statement();
    const post = await xapi(t.app, a, 'POST', '/statements', { version, body: s });
    expect(post.statusCode, post.body).toBe(200);
    const [id] = post.json<string[]>();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const get = await xapi(t.app, a, 'GET', '/statements', { version, query: { statementId: id! } });
    expect(get.statusCode).toBe(200);
    const stored = get.json();
    expect(stored).toMatchObject({ id, actor: s.actor, verb: s.verb, object: s.object });
    expect(new Date(stored.stored).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(stored.authority.account.name).toBe(a.key);
    expect(stored.timestamp).toBeDefined();
    expect(stored.version).toMatch(version === '1.0.3' ? /^1\.0\.\d+$/ : /^2\.0\.\d+$/);
    expect(get.headers['last-modified']).toBeDefined();
  });

  it('POST stores a batch atomically: one invalid statement stores none of them', async () => {
    const good = { ...statement(), id: randomUUID() };
    const bad = { ...statement(), verb: { id: 'not an iri' } };
    const res = await xapi(t.app, a, 'POST', '/statements', { version, body: [good, bad] });
    expect(res.statusCode).toBe(400);
    expect((await xapi(t.app, a, 'GET', '/statements', { version, query: { statementId: good.id } })).statusCode).toBe(404);
  });

  it('compares durations to 0.01 s when a statement is sent again (the same below, a conflict at a hundredth)', async () => {
    const id = randomUUID();
    const s = { ...statement(), result: { duration: 'P1DT12H36M0.1237S' } };
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, query: { statementId: id }, body: s })).statusCode).toBe(204);
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, query: { statementId: id }, body: { ...s, result: { duration: 'P1DT12H36M0.12S' } } })).statusCode).toBe(204);
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, query: { statementId: id }, body: { ...s, result: { duration: 'P1DT12H36M0.129S' } } })).statusCode).toBe(204);
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, query: { statementId: id }, body: { ...s, result: { duration: 'P1DT12H36M0.13S' } } })).statusCode).toBe(409);
  });

  it('PUT stores under the given id (204); repeating the same statement is accepted, a different one is a conflict (409)', async () => {
    const id = randomUUID();
    const s = statement();
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, query: { statementId: id }, body: s })).statusCode).toBe(204);
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, query: { statementId: id }, body: s })).statusCode).toBe(204);
    expect((await xapi(t.app, a, 'POST', '/statements', { version, body: { ...s, id } })).statusCode).toBe(200);
    const other = { ...s, verb: { id: ATTEMPTED } };
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, query: { statementId: id }, body: other })).statusCode).toBe(409);
    expect((await xapi(t.app, a, 'POST', '/statements', { version, body: [statement(), { ...other, id }] })).statusCode).toBe(409);
    const kept = (await xapi(t.app, a, 'GET', '/statements', { version, query: { statementId: id } })).json();
    expect(kept.verb.id).toBe(COMPLETED);
  });

  it('PUT refuses a missing or malformed statementId, an id that differs from the body, an array, and unknown parameters', async () => {
    const s = statement();
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, body: s })).statusCode).toBe(400);
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, query: { statementId: 'abc' }, body: s })).statusCode).toBe(400);
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, query: { statementId: randomUUID() }, body: { ...s, id: randomUUID() } })).statusCode).toBe(400);
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, query: { statementId: randomUUID() }, body: [s] })).statusCode).toBe(400);
    expect((await xapi(t.app, a, 'PUT', '/statements', { version, query: { statementId: randomUUID(), foo: 'bar' }, body: s })).statusCode).toBe(400);
  });

  it('refuses duplicate ids within one batch, non-JSON bodies and unsupported content types', async () => {
    const id = randomUUID();
    expect((await xapi(t.app, a, 'POST', '/statements', { version, body: [{ ...statement(), id }, { ...statement(), id }] })).statusCode).toBe(400);
    expect((await xapi(t.app, a, 'POST', '/statements', { version, body: '{"actor":', headers: { 'content-type': 'application/json' } })).statusCode).toBe(400);
    expect((await xapi(t.app, a, 'POST', '/statements', { version, body: JSON.stringify(statement()), headers: { 'content-type': 'text/plain' } })).statusCode).toBe(400);
    expect((await xapi(t.app, a, 'POST', '/statements', { version, body: [] })).statusCode).toBe(400);
  });

  it('voiding: the target disappears from queries and statementId, is found by voidedStatementId; a voiding statement cannot be voided', async () => {
    const target = { ...statement(), id: randomUUID() };
    await xapi(t.app, a, 'POST', '/statements', { version, body: target });
    const voiding = { ...statement(), id: randomUUID(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } }, object: { objectType: 'StatementRef', id: target.id } };
    expect((await xapi(t.app, a, 'POST', '/statements', { version, body: voiding })).statusCode).toBe(200);
    expect((await xapi(t.app, a, 'GET', '/statements', { version, query: { statementId: target.id } })).statusCode).toBe(404);
    const voided = await xapi(t.app, a, 'GET', '/statements', { version, query: { voidedStatementId: target.id } });
    expect(voided.statusCode).toBe(200);
    expect(voided.json().id).toBe(target.id);
    expect((await xapi(t.app, a, 'GET', '/statements', { version, query: { voidedStatementId: voiding.id } })).statusCode).toBe(404);
    const list = await xapi(t.app, a, 'GET', '/statements', { version, query: { activity: target.object.id } });
    // The voided statement is gone; the voiding statement targets it, so it matches the activity filter.
    expect(list.json().statements.map((s: { id: string }) => s.id)).toEqual([voiding.id]);
    const voidTheVoid = { ...statement(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: voiding.id } };
    expect((await xapi(t.app, a, 'POST', '/statements', { version, body: voidTheVoid })).statusCode).toBe(400);
  });

  it('statementId cannot be combined with filters; unknown, repeated and malformed parameters are refused', async () => {
    const id = randomUUID();
    const queries: Record<string, string>[] = [
      { statementId: id, verb: COMPLETED },
      { statementId: id, voidedStatementId: id },
      { statementId: 'x' },
      { foo: 'bar' },
      { agent: '{"mbox":"bob@x"}' },
      { agent: 'not json' },
      { verb: 'not an iri' },
      { registration: '123' },
      { since: 'yesterday' },
      { limit: '-1' },
      { format: 'fancy' },
      { ascending: 'yes' },
      { more: 'garbage' },
    ];
    for (const query of queries) {
      const res = await xapi(t.app, a, 'GET', '/statements', { version, query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
    }
    const repeated = await t.app.inject({ method: 'GET', url: `/xapi/statements?verb=${encodeURIComponent(COMPLETED)}&verb=${encodeURIComponent(ATTEMPTED)}`, headers: { authorization: a.authorization, 'x-experience-api-version': version } });
    expect(repeated.statusCode).toBe(400);
  });
});

describe('statement queries', () => {
  const learner = { objectType: 'Agent', mbox: 'mailto:kari@havstad.example', name: 'Kari' };
  const instructor = { objectType: 'Agent', mbox: 'mailto:ola@havstad.example' };
  const course = 'http://mestring.example/activities/query-course';
  const lesson = 'http://mestring.example/activities/query-course/lesson-1';
  const registration = randomUUID();
  const ids: string[] = [];
  let middleStored = '';

  beforeAll(async () => {
    const batch = [
      { actor: learner, verb: { id: ATTEMPTED }, object: { id: course }, context: { registration } },
      { actor: learner, verb: { id: COMPLETED }, object: { id: lesson }, context: { registration, instructor, contextActivities: { parent: [{ id: course }] } } },
    ];
    for (const s of batch) {
      const res = await xapi(t.app, a, 'POST', '/statements', { body: s });
      ids.push(res.json()[0]);
      if (ids.length === 1) middleStored = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 15));
    }
    // Another municipality's statement about the same learner and course.
    await xapi(t.app, b, 'POST', '/statements', { body: { actor: learner, verb: { id: COMPLETED }, object: { id: course } } });
  });

  const query = async (q: Record<string, string>, cred = a) => {
    const res = await xapi(t.app, cred, 'GET', '/statements', { query: q });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ statements: { id: string }[]; more: string }>();
  };
  const idsOf = (r: { statements: { id: string }[] }) => r.statements.map((s) => s.id);

  it('filters by agent (actor/object only, unless related_agents), verb, activity (related_activities), registration', async () => {
    expect(idsOf(await query({ agent: JSON.stringify(learner) }))).toEqual([ids[1], ids[0]]);
    expect(idsOf(await query({ agent: JSON.stringify(instructor) }))).toEqual([]);
    expect(idsOf(await query({ agent: JSON.stringify(instructor), related_agents: 'true' }))).toEqual([ids[1]]);
    expect(idsOf(await query({ verb: COMPLETED, agent: JSON.stringify(learner) }))).toEqual([ids[1]]);
    expect(idsOf(await query({ activity: course }))).toEqual([ids[0]]);
    expect(idsOf(await query({ activity: course, related_activities: 'true' }))).toEqual([ids[1], ids[0]]);
    expect(idsOf(await query({ registration }))).toEqual([ids[1], ids[0]]);
  });

  it('since is exclusive, until inclusive; ascending reverses the order', async () => {
    expect(idsOf(await query({ registration, since: middleStored }))).toEqual([ids[1]]);
    expect(idsOf(await query({ registration, until: middleStored }))).toEqual([ids[0]]);
    expect(idsOf(await query({ registration, ascending: 'true' }))).toEqual([ids[0], ids[1]]);
  });

  it('pages with limit and a more link that carries the query', async () => {
    const first = await query({ registration, limit: '1' });
    expect(idsOf(first)).toEqual([ids[1]]);
    expect(first.more).toMatch(/^\/xapi\/statements\?more=/);
    const second = await xapi(t.app, a, 'GET', first.more.replace('/xapi', ''));
    expect(second.statusCode).toBe(200);
    expect(second.json().statements.map((s: { id: string }) => s.id)).toEqual([ids[0]]);
    expect(second.json().more).toBe('');
  });

  it('another municipality never sees these statements, by query or by id', async () => {
    const seenByB = idsOf(await query({ agent: JSON.stringify(learner) }, b));
    expect(seenByB).toHaveLength(1);
    expect(seenByB).not.toContain(ids[0]);
    expect((await xapi(t.app, b, 'GET', '/statements', { query: { statementId: ids[0]! } })).statusCode).toBe(404);
  });

  it('sends X-Experience-API-Consistent-Through and format=ids / canonical', async () => {
    const res = await xapi(t.app, a, 'GET', '/statements', { query: { registration, format: 'ids' }, headers: { 'accept-language': 'nb-NO' } });
    expect(Date.parse(String(res.headers['x-experience-api-consistent-through']))).toBeGreaterThan(0);
    const s = res.json().statements[0];
    expect(s.actor).toEqual({ objectType: 'Agent', mbox: learner.mbox });
  });

  it('sends X-Experience-API-Consistent-Through on every statement query: single statements, 404 and 400 too', async () => {
    const answers = [
      await xapi(t.app, a, 'GET', '/statements', { query: { statementId: ids[0]! } }),
      await xapi(t.app, a, 'GET', '/statements', { query: { statementId: randomUUID() } }),
      await xapi(t.app, a, 'GET', '/statements', { query: { voidedStatementId: ids[0]! } }),
      await xapi(t.app, a, 'GET', '/statements', { query: { statementId: ids[0]!, verb: 'http://adlnet.gov/expapi/verbs/attended' } }),
      await xapi(t.app, a, 'GET', '/statements', { query: { LIMIT: '1' } }),
      await xapi(t.app, a, 'HEAD', '/statements', { query: { statementId: ids[0]! } }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 404, 404, 400, 400, 200]);
    for (const r of answers) expect(Date.parse(String(r.headers['x-experience-api-consistent-through']))).toBeGreaterThan(0);
  });

  it('a statement targeting a matching statement (StatementRef) matches the filter too', async () => {
    const ref = await xapi(t.app, a, 'POST', '/statements', {
      body: { actor: { mbox: 'mailto:leader@havstad.example' }, verb: { id: 'http://adlnet.gov/expapi/verbs/commented' }, object: { objectType: 'StatementRef', id: ids[1] } },
    });
    const refId = ref.json()[0];
    expect(idsOf(await query({ activity: lesson }))).toEqual([refId, ids[1]]);
  });
});

describe('attachments', () => {
  const content = Buffer.from('Kursbevis: Taushetsplikt i helse og omsorg\n');
  const sha2 = createHash('sha256').update(content).digest('hex');
  const boundary = 'abcABC0123';

  function multipart(json: unknown, parts: { body: Buffer; hash: string; type?: string; encoding?: string | null }[]) {
    const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`)];
    for (const p of parts) {
      const enc = p.encoding === null ? '' : `Content-Transfer-Encoding: ${p.encoding ?? 'binary'}\r\n`;
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: ${p.type ?? 'text/plain'}\r\n${enc}X-Experience-API-Hash: ${p.hash}\r\n\r\n`), p.body, Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--`));
    return Buffer.concat(chunks);
  }
  const withAttachment = () => ({
    ...statement(),
    attachments: [{ usageType: 'http://mestring.example/attachments/certificate', display: { 'en-US': 'Certificate' }, contentType: 'text/plain', length: content.length, sha2 }],
  });
  const headers = { 'content-type': `multipart/mixed; boundary=${boundary}` };

  it('stores a statement with its attachment and returns both with attachments=true', async () => {
    const s = withAttachment();
    const res = await xapi(t.app, a, 'POST', '/statements', { body: multipart(s, [{ body: content, hash: sha2 }]), headers });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json()[0];
    const get = await xapi(t.app, a, 'GET', '/statements', { query: { statementId: id, attachments: 'true' } });
    expect(get.headers['content-type']).toMatch(/^multipart\/mixed; boundary=/);
    expect(get.rawPayload.includes(content)).toBe(true);
    expect(get.rawPayload.toString()).toContain(`X-Experience-API-Hash: ${sha2}`);
  });

  it('refuses a missing part, an undeclared part, a wrong hash and a part without binary encoding', async () => {
    expect((await xapi(t.app, a, 'POST', '/statements', { body: withAttachment() })).statusCode).toBe(400);
    expect((await xapi(t.app, a, 'POST', '/statements', { body: multipart(withAttachment(), []), headers })).statusCode).toBe(400);
    expect((await xapi(t.app, a, 'POST', '/statements', { body: multipart(statement(), [{ body: content, hash: sha2 }]), headers })).statusCode).toBe(400);
    const wrong = createHash('sha256').update('other').digest('hex');
    expect((await xapi(t.app, a, 'POST', '/statements', { body: multipart(withAttachment(), [{ body: content, hash: wrong }]), headers })).statusCode).toBe(400);
    expect((await xapi(t.app, a, 'POST', '/statements', { body: multipart(withAttachment(), [{ body: content, hash: sha2, encoding: null }]), headers })).statusCode).toBe(400);
  });

  it('accepts a fileUrl attachment without a part', async () => {
    const s = { ...statement(), attachments: [{ usageType: 'http://mestring.example/attachments/x', display: { 'en-US': 'x' }, contentType: 'text/plain', length: 1, sha2, fileUrl: 'https://files.example/x.txt' }] };
    expect((await xapi(t.app, a, 'POST', '/statements', { body: s })).statusCode).toBe(200);
  });

  it('signed statements: a valid RS256 JWS is accepted; a malformed one, a wrong algorithm or a signature of another statement is refused', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const base = { ...statement(), id: randomUUID() };
    const jws = (payload: unknown, alg = 'RS256'): Buffer => {
      const h = Buffer.from(JSON.stringify({ alg })).toString('base64url');
      const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
      const sig = alg === 'RS256' ? sign('RSA-SHA256', Buffer.from(`${h}.${p}`), privateKey).toString('base64url') : 'c2ln';
      return Buffer.from(`${h}.${p}.${sig}`);
    };
    const signed = (token: Buffer): object => ({
      ...base,
      attachments: [{ usageType: 'http://adlnet.gov/expapi/attachments/signature', display: { 'en-US': 'Signature' }, contentType: 'application/octet-stream', length: token.length, sha2: createHash('sha256').update(token).digest('hex') }],
    });
    const post = (token: Buffer) => xapi(t.app, a, 'POST', '/statements', { body: multipart(signed(token), [{ body: token, hash: createHash('sha256').update(token).digest('hex'), type: 'application/octet-stream' }]), headers });
    expect((await post(Buffer.from('not.a.jws!'))).statusCode).toBe(400);
    expect((await post(jws(base, 'HS256'))).statusCode).toBe(400);
    expect((await post(jws({ ...base, verb: { id: ATTEMPTED } }))).statusCode).toBe(400);
    const ok = await post(jws(base));
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('the 1.0.3 alternate request syntax', () => {
  it('carries a PUT of a statement in a form POST; 2.0.0 has no such syntax', async () => {
    const id = randomUUID();
    const form = new URLSearchParams({ statementId: id, content: JSON.stringify(statement()), Authorization: a.authorization, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' });
    const res = await t.app.inject({ method: 'POST', url: '/xapi/statements?method=PUT', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    expect(res.statusCode, res.body).toBe(204);
    expect((await xapi(t.app, a, 'GET', '/statements', { query: { statementId: id } })).statusCode).toBe(200);
    const get = new URLSearchParams({ statementId: id, Authorization: a.authorization, 'X-Experience-API-Version': '1.0.3' });
    const fetched = await t.app.inject({ method: 'POST', url: '/xapi/statements?method=GET', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: get.toString() });
    expect(fetched.statusCode).toBe(200);
    expect(JSON.parse(fetched.body).id).toBe(id);
    const extra = await t.app.inject({ method: 'POST', url: `/xapi/statements?method=GET&statementId=${id}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: get.toString() });
    expect(extra.statusCode).toBe(400);
    const v2 = new URLSearchParams({ statementId: id, Authorization: a.authorization, 'X-Experience-API-Version': '2.0.0' });
    expect((await t.app.inject({ method: 'POST', url: '/xapi/statements?method=GET', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: v2.toString() })).statusCode).toBe(400);
  });
});

describe('immutability', () => {
  it('the database refuses to change an acknowledged statement', async () => {
    const res = await xapi(t.app, a, 'POST', '/statements', { body: statement() });
    const id = res.json()[0];
    await expect(t.db.updateTable('xapi_statements').set({ statement: JSON.stringify({ tampered: true }) }).where('id', '=', id).execute()).rejects.toThrow(/immutable/);
  });
});

describe('duplicate properties', () => {
  it('refuses a statement that names a property twice (JSON.parse would silently keep the last)', async () => {
    const text = '{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"verb":{"id":"http://adlnet.gov/expapi/verbs/attempted"},"object":{"id":"http://x.example/a"}}';
    expect((await xapi(t.app, a, 'POST', '/statements', { body: text, headers: { 'content-type': 'application/json' } })).statusCode).toBe(400);
    const nested = '{"actor":{"mbox":"mailto:a@b.example","m\\u0062ox":"mailto:c@d.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"http://x.example/a"}}';
    expect((await xapi(t.app, a, 'POST', '/statements', { body: nested, headers: { 'content-type': 'application/json' } })).statusCode).toBe(400);
    const fine = '[{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"http://x.example/a"}},{"actor":{"mbox":"mailto:a@b.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"http://x.example/a"}}]';
    expect((await xapi(t.app, a, 'POST', '/statements', { body: fine, headers: { 'content-type': 'application/json' } })).statusCode).toBe(200);
  });
});
