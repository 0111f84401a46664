// The LRS's tenant wall, resource by resource: a credential of municipality B
// never reads, lists, changes or deletes anything of municipality A, however it
// names A's objects (ids, agents, activities, registrations). Besides the HTTP
// checks, the store is inspected afterwards: A's rows are untouched.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../factories.js';
import { createTestApp, type TestApp } from '../harness.js';
import { createLrsCredential, xapi, type XapiCredential } from '../xapi.js';

let t: TestApp;
let a: XapiCredential;
let b: XapiCredential;
let aMunicipality: string;
const agent = { objectType: 'Agent', mbox: 'mailto:kari@solvik.example', name: 'Kari i Solvik' };
const activityId = 'http://mestring.example/activities/shared-course';
const registration = randomUUID();
const statementId = randomUUID();
const voidedId = randomUUID();

beforeAll(async () => {
  t = await createTestApp();
  aMunicipality = (await createMunicipality(t.db)).id;
  a = await createLrsCredential(t.db, aMunicipality, 'Solvik content');
  b = await createLrsCredential(t.db, (await createMunicipality(t.db)).id, 'Bergheim content');
  const base = { actor: agent, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: activityId, definition: { name: { 'nb-NO': 'Solviks kurs' } } }, context: { registration } };
  expect((await xapi(t.app, a, 'PUT', '/statements', { query: { statementId }, body: base })).statusCode).toBe(204);
  expect((await xapi(t.app, a, 'PUT', '/statements', { query: { statementId: voidedId }, body: base })).statusCode).toBe(204);
  expect((await xapi(t.app, a, 'POST', '/statements', { body: { actor: agent, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: voidedId } } })).statusCode).toBe(200);
  const doc = { activityId, agent: JSON.stringify(agent), stateId: 'bookmark', registration };
  expect((await xapi(t.app, a, 'PUT', '/activities/state', { query: doc, body: { page: 7 } })).statusCode).toBe(204);
  expect((await xapi(t.app, a, 'PUT', '/activities/profile', { query: { activityId, profileId: 'p' }, body: { owner: 'Solvik' }, headers: { 'if-none-match': '*' } })).statusCode).toBe(204);
  expect((await xapi(t.app, a, 'PUT', '/agents/profile', { query: { agent: JSON.stringify(agent), profileId: 'p' }, body: { owner: 'Solvik' }, headers: { 'if-none-match': '*' } })).statusCode).toBe(204);
});
afterAll(() => t.close());

describe.each(['1.0.3', '2.0.0'])('xAPI isolation (%s)', (version) => {
  it('statements: B finds none of A’s by id, voided id or any filter', async () => {
    expect((await xapi(t.app, b, 'GET', '/statements', { version, query: { statementId } })).statusCode).toBe(404);
    expect((await xapi(t.app, b, 'GET', '/statements', { version, query: { voidedStatementId: voidedId } })).statusCode).toBe(404);
    const queries: Record<string, string>[] = [{}, { agent: JSON.stringify(agent) }, { activity: activityId, related_activities: 'true' }, { registration }, { verb: 'http://adlnet.gov/expapi/verbs/completed' }];
    for (const query of queries) {
      const res = await xapi(t.app, b, 'GET', '/statements', { version, query });
      expect(res.statusCode).toBe(200);
      // B's own statements may show (a later test writes one); none of A's.
      const seen = res.json().statements as { id: string; actor: { mbox?: string } }[];
      expect(seen.filter((s) => s.actor.mbox === agent.mbox || ([statementId, voidedId] as string[]).includes(s.id)), JSON.stringify(query)).toEqual([]);
    }
  });

  it('statements: B cannot claim A’s statement id with different content (it stores its own, A’s stays)', async () => {
    const other = { actor: { mbox: 'mailto:intruder@bergheim.example' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' }, object: { id: activityId } };
    const res = await xapi(t.app, b, 'PUT', '/statements', { version, query: { statementId: randomUUID() }, body: other });
    expect(res.statusCode).toBe(204);
    const mine = await xapi(t.app, a, 'GET', '/statements', { version, query: { statementId } });
    expect(mine.json().actor.mbox).toBe(agent.mbox);
  });

  it('documents: B neither reads, lists, overwrites nor deletes A’s state and profiles', async () => {
    const state = { activityId, agent: JSON.stringify(agent), stateId: 'bookmark', registration };
    expect((await xapi(t.app, b, 'GET', '/activities/state', { version, query: state })).statusCode).toBe(404);
    const { stateId: _s, ...context } = state;
    expect((await xapi(t.app, b, 'GET', '/activities/state', { version, query: context })).json()).toEqual([]);
    expect((await xapi(t.app, b, 'GET', '/activities/profile', { version, query: { activityId, profileId: 'p' } })).statusCode).toBe(404);
    expect((await xapi(t.app, b, 'GET', '/activities/profile', { version, query: { activityId } })).json()).toEqual([]);
    expect((await xapi(t.app, b, 'GET', '/agents/profile', { version, query: { agent: JSON.stringify(agent), profileId: 'p' } })).statusCode).toBe(404);
    expect((await xapi(t.app, b, 'GET', '/agents/profile', { version, query: { agent: JSON.stringify(agent) } })).json()).toEqual([]);
    await xapi(t.app, b, 'DELETE', '/activities/state', { version, query: context });
    await xapi(t.app, b, 'DELETE', '/activities/profile', { version, query: { activityId, profileId: 'p' } });
    await xapi(t.app, b, 'DELETE', '/agents/profile', { version, query: { agent: JSON.stringify(agent), profileId: 'p' } });
    expect((await xapi(t.app, a, 'GET', '/activities/state', { version, query: state })).json()).toEqual({ page: 7 });
    expect((await xapi(t.app, a, 'GET', '/activities/profile', { version, query: { activityId, profileId: 'p' } })).json()).toEqual({ owner: 'Solvik' });
    expect((await xapi(t.app, a, 'GET', '/agents/profile', { version, query: { agent: JSON.stringify(agent), profileId: 'p' } })).json()).toEqual({ owner: 'Solvik' });
  });

  it('activities and agents: B sees no definition or name that only A’s statements hold', async () => {
    const activity = (await xapi(t.app, b, 'GET', '/activities', { version, query: { activityId } })).json();
    expect(activity.definition?.name?.['nb-NO']).toBeUndefined();
    const person = (await xapi(t.app, b, 'GET', '/agents', { version, query: { agent: JSON.stringify({ mbox: agent.mbox }) } })).json();
    expect(JSON.stringify(person)).not.toContain('Kari i Solvik');
  });
});

describe('the rows behind it', () => {
  it('every statement and document row written through A’s credential belongs to A', async () => {
    const rows = await t.db.selectFrom('xapi_statements').select(['municipality_id']).where('id', 'in', [statementId, voidedId]).execute();
    expect(rows.map((r) => r.municipality_id)).toEqual([aMunicipality, aMunicipality]);
    const docs = await t.db.selectFrom('xapi_documents').select(['municipality_id']).where('activity_id', '=', activityId).execute();
    expect(new Set(docs.map((d) => d.municipality_id))).toEqual(new Set([aMunicipality]));
  });
});
