import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, type TestApp } from '../../../../../test/harness.js';
import { createLrsCredential, xapi, type XapiCredential } from '../../../../../test/xapi.js';
import { insertCatalogueItem, type ItemSpec } from './catalogue.fixtures.js';
import { learningItemActivityId } from './catalogue-statements.js';

// Marking a film or a link as done is a learner step like any other: the
// progress, the completion and an xAPI "completed" statement about the
// item's activity are written together, or not at all.

let t: TestApp;
let a: Tenant;
let m: string;
let lrs: XapiCredential;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildTenant(t.db);
  m = a.municipality.id;
  lrs = await createLrsCredential(t.db, m);
});
afterAll(() => t.close());

const personId = () => a.people.self.id;
const newItem = async (spec: ItemSpec) => (await insertCatalogueItem(t.db, m, { titles: { nb: 'Film om smittevern', en: 'Film on infection control' }, ...spec })).id;
const markDone = (itemId: string) => call(t.app, a.sessions.employee, 'POST', `/api/v1/municipalities/${m}/learning/items/${itemId}/complete`);

async function statementsAbout(itemId: string): Promise<any[]> {
  const res = await xapi(t.app, lrs, 'GET', '/statements', { query: { activity: learningItemActivityId(t.deps.config.publicUrl, itemId) } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().statements;
}
const completionsOf = (itemId: string) =>
  t.db.selectFrom('learning_completions').select(['statement_id', 'source']).where('municipality_id', '=', m).where('person_id', '=', personId()).where('item_id', '=', itemId).execute();
const progressOf = (itemId: string) =>
  t.db.selectFrom('learning_progress').select('status').where('municipality_id', '=', m).where('person_id', '=', personId()).where('item_id', '=', itemId).executeTakeFirst();

describe('marking an item as done', () => {
  it('stores "completed" about a film\'s activity as the learner, and links the completion to it', async () => {
    const film = await newItem({ kind: 'video' });
    const res = await markDone(film);
    expect(res.json()).toEqual({ myStatus: 'completed' });
    const [statement, ...more] = await statementsAbout(film);
    expect(more).toEqual([]);
    expect(statement).toMatchObject({
      actor: { account: { homePage: t.deps.config.publicUrl, name: personId() } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: {
        id: learningItemActivityId(t.deps.config.publicUrl, film),
        definition: { type: 'https://w3id.org/xapi/video/activity-type/video', name: { nb: 'Film om smittevern', en: 'Film on infection control' } },
      },
      result: { completion: true },
      authority: { name: 'Mestring catalogue' },
    });
    expect(await completionsOf(film)).toEqual([{ statement_id: statement.id, source: 'video' }]);
    const audit = await t.db.selectFrom('audit_events').select('after').where('municipality_id', '=', m).where('entity_id', '=', film).where('action', '=', 'learning_item.complete').executeTakeFirst();
    expect(audit?.after).toMatchObject({ statementId: statement.id });
  });

  it('types a link as a link, and writes nothing more when it is marked again', async () => {
    const link = await newItem({ kind: 'link' });
    await markDone(link);
    expect((await markDone(link)).json()).toEqual({ myStatus: 'completed' });
    const statements = await statementsAbout(link);
    expect(statements.map((s) => s.object.definition.type)).toEqual(['http://adlnet.gov/expapi/activities/link']);
    expect(await completionsOf(link)).toHaveLength(1);
  });

  it('writes no statement for an item the learner does not mark by hand', async () => {
    const xapiItem = await newItem({ kind: 'xapi' });
    expect((await markDone(xapiItem)).statusCode).toBe(409);
    expect(await statementsAbout(xapiItem)).toEqual([]);
    expect(await progressOf(xapiItem)).toBeUndefined();
  });

  it('leaves neither progress nor a completion when the statement cannot be stored', async () => {
    const film = await newItem({ kind: 'video' });
    const activity = learningItemActivityId(t.deps.config.publicUrl, film);
    await sql
      .raw(
        `create or replace function refuse_statement() returns trigger language plpgsql as $$ begin
           if '${activity}' = any(new.activity_ids) then raise exception 'refused for the test'; end if; return new; end $$`,
      )
      .execute(t.db);
    await sql.raw('create trigger refuse_statement before insert on xapi_statements for each row execute function refuse_statement()').execute(t.db);
    try {
      expect((await markDone(film)).statusCode).toBe(500);
    } finally {
      await sql.raw('drop trigger refuse_statement on xapi_statements').execute(t.db);
      await sql.raw('drop function refuse_statement()').execute(t.db);
    }
    expect(await progressOf(film)).toBeUndefined();
    expect(await completionsOf(film)).toEqual([]);
    expect(await statementsAbout(film)).toEqual([]);
    // Once the LRS takes statements again, the same step succeeds with both.
    expect((await markDone(film)).json()).toEqual({ myStatus: 'completed' });
    expect(await statementsAbout(film)).toHaveLength(1);
    expect(await completionsOf(film)).toHaveLength(1);
  });
});
