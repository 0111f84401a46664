import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../../test/harness.js';
import { createLrsCredential, xapi, type XapiCredential } from '../../../../../test/xapi.js';
import { agentKey, type AgentLike } from '../xapi/identity.js';
import { XAPI_VERSIONS } from '../xapi/version.js';

// GET /activities and GET /agents in both versions. What the statement store
// knows (canonical activity definitions, the names used for an agent) is
// written here straight into its tables, as the statements code would.

let t: TestApp;
let municipalityId: string;
let foreignMunicipalityId: string;
let credential: XapiCredential;
let foreign: XapiCredential;
beforeAll(async () => {
  t = await createTestApp();
  municipalityId = (await createMunicipality(t.db)).id;
  foreignMunicipalityId = (await createMunicipality(t.db)).id;
  credential = await createLrsCredential(t.db, municipalityId);
  foreign = await createLrsCredential(t.db, foreignMunicipalityId, 'Other municipality');
});
afterAll(() => t.close());

async function storeActivity(owner: string, activityId: string, definition: object) {
  await t.db.insertInto('xapi_activities').values({ municipality_id: owner, activity_id: activityId, definition: JSON.stringify(definition) }).execute();
}

async function storeStatementBy(owner: string, actor: AgentLike) {
  const key = agentKey(actor)!;
  const statement = { id: randomUUID(), actor, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://www.example.com/a' } };
  await t.db
    .insertInto('xapi_statements')
    .values({
      municipality_id: owner,
      id: statement.id,
      stored: new Date(),
      verb_id: statement.verb.id,
      agent_keys: [key],
      related_agent_keys: [key],
      activity_ids: [statement.object.id],
      related_activity_ids: [statement.object.id],
      statement: JSON.stringify(statement),
    } as never)
    .execute();
}

describe.each(XAPI_VERSIONS)('GET /activities in xAPI %s', (version) => {
  const get = (c: XapiCredential, query: Record<string, string>, method: 'GET' | 'HEAD' = 'GET') => xapi(t.app, c, method, '/activities', { version, query });

  it('returns the Activity with the canonical definition the store keeps', async () => {
    const id = `http://www.example.com/activity/${randomUUID()}`;
    const definition = { name: { 'en-US': 'example meeting', 'fr-FR': 'réunion' }, type: 'http://adlnet.gov/expapi/activities/meeting' };
    await storeActivity(municipalityId, id, definition);
    const res = await get(credential, { activityId: id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ objectType: 'Activity', id, definition });
  });

  it('merges what statements say about an activity: newer properties win, names and descriptions by language', async () => {
    const id = `http://www.example.com/activity/${randomUUID()}`;
    const post = (definition: object) =>
      xapi(t.app, credential, 'POST', '/statements', { version, body: { actor: { mbox: 'mailto:ola@example.no' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attended' }, object: { id, definition } } });
    expect((await post({ name: { 'en-GB': 'example meeting', 'en-US': 'example meeting' }, description: { 'en-US': 'A meeting' }, type: 'http://adlnet.gov/expapi/activities/meeting' })).statusCode).toBe(200);
    expect((await post({ name: { 'fr-FR': 'réunion', 'en-GB': 'a meeting' }, moreInfo: 'http://www.example.com/more' })).statusCode).toBe(200);
    const res = await get(credential, { activityId: id });
    expect(res.json()).toEqual({
      objectType: 'Activity',
      id,
      definition: {
        name: { 'en-GB': 'a meeting', 'en-US': 'example meeting', 'fr-FR': 'réunion' },
        description: { 'en-US': 'A meeting' },
        type: 'http://adlnet.gov/expapi/activities/meeting',
        moreInfo: 'http://www.example.com/more',
      },
    });
  });

  it('merges two definitions of one activity sent in the same batch', async () => {
    const id = `http://www.example.com/activity/${randomUUID()}`;
    const statement = (name: object) => ({ actor: { mbox: 'mailto:ola@example.no' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attended' }, object: { id, definition: { name } } });
    const res = await xapi(t.app, credential, 'POST', '/statements', { version, body: [statement({ 'en-US': 'example meeting' }), statement({ 'fr-FR': 'réunion' })] });
    expect(res.statusCode).toBe(200);
    expect((await get(credential, { activityId: id })).json().definition).toEqual({ name: { 'en-US': 'example meeting', 'fr-FR': 'réunion' } });
  });

  it('still returns an Activity object, with just the id, for an activity it has never seen', async () => {
    const id = `http://www.example.com/never-before-seen/${randomUUID()}`;
    const res = await get(credential, { activityId: id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ objectType: 'Activity', id });
  });

  it("does not show another municipality's definition", async () => {
    const id = `http://www.example.com/activity/${randomUUID()}`;
    await storeActivity(municipalityId, id, { name: { 'nb-NO': 'Hemmelig kurs' } });
    expect((await get(foreign, { activityId: id })).json()).toEqual({ objectType: 'Activity', id });
  });

  it('answers HEAD without a body', async () => {
    const res = await get(credential, { activityId: 'http://www.example.com/activity/head' }, 'HEAD');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
  });

  it.each([
    ['no activityId', {}],
    ['an activityId that is not an IRI', { activityId: 'true' }],
    ['an activityId that is a JSON object', { activityId: '{"key":"value"}' }],
    ['an unknown parameter', { activityId: 'http://www.example.com/a', format: 'exact' }],
    ['activityId in the wrong case', { activityid: 'http://www.example.com/a' }],
  ])('refuses %s with 400', async (_name, query) => {
    const res = await get(credential, query as Record<string, string>);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });
});

describe.each(XAPI_VERSIONS)('GET /agents in xAPI %s', (version) => {
  const get = (c: XapiCredential, query: Record<string, string>, method: 'GET' | 'HEAD' = 'GET') => xapi(t.app, c, method, '/agents', { version, query });

  it('returns a Person holding the agent it was asked for, every property an array, even for an unknown agent', async () => {
    const agent = { objectType: 'Agent', name: 'Rick James', account: { homePage: 'http://www.example.com/agentId/1', name: randomUUID() } };
    const res = await get(credential, { agent: JSON.stringify(agent) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ objectType: 'Person', name: ['Rick James'], account: [agent.account] });
  });

  it.each([
    ['mbox', { mbox: 'mailto:kari@example.org' }],
    ['mbox_sha1sum', { mbox_sha1sum: 'cd9b00a5611f94eaa7b1661edab976068e364975' }],
    ['openid', { openid: 'http://openid.example.org/12345' }],
  ])('puts the %s identifier in an array and leaves out name when none is known', async (property, agent) => {
    const res = await get(credential, { agent: JSON.stringify(agent) });
    expect(res.json()).toEqual({ objectType: 'Person', [property]: [Object.values(agent)[0]] });
  });

  it('adds the names statements in this municipality used for the same agent, and only those', async () => {
    const mbox = `mailto:${randomUUID()}@example.org`;
    await storeStatementBy(municipalityId, { objectType: 'Agent', name: 'Kari Nordmann', mbox });
    await storeStatementBy(municipalityId, { name: 'K. Nordmann', mbox: mbox.toUpperCase().replace('MAILTO:', 'mailto:') });
    await storeStatementBy(municipalityId, { name: 'Someone else', mbox: `mailto:${randomUUID()}@example.org` });
    await storeStatementBy(foreignMunicipalityId, { name: 'Foreign name', mbox });
    const res = await get(credential, { agent: JSON.stringify({ mbox }) });
    expect(res.statusCode).toBe(200);
    const person = res.json();
    expect(person.objectType).toBe('Person');
    expect(person.mbox).toEqual([mbox]);
    expect([...person.name].sort()).toEqual(['K. Nordmann', 'Kari Nordmann']);
    expect((await get(foreign, { agent: JSON.stringify({ mbox }) })).json().name).toEqual(['Foreign name']);
  });

  it('answers HEAD without a body', async () => {
    const res = await get(credential, { agent: JSON.stringify({ mbox: 'mailto:head@example.org' }) }, 'HEAD');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
  });

  it.each([
    ['no agent', {}],
    ['an agent that is not JSON', { agent: 'not Agent' }],
    ['an agent that is a number', { agent: '1' }],
    ['an agent without an identifier', { agent: '{"not_actor":"yup"}' }],
    ['a Group', { agent: JSON.stringify({ objectType: 'Group', member: [{ mbox: 'mailto:a@example.org' }] }) }],
    ['a Person object', { agent: JSON.stringify({ objectType: 'Person', mbox: ['mailto:a@example.org'] }) }],
    ['an unknown parameter', { agent: JSON.stringify({ mbox: 'mailto:a@example.org' }), profileId: 'x' }],
  ])('refuses %s with 400', async (_name, query) => {
    const res = await get(credential, query as Record<string, string>);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });
});
