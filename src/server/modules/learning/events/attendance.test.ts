import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../../test/factories.js';
import { employeeOf, insertEventItem, insertSession, startSessionAgo } from '../../../../../test/fixtures/learning-events.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../../test/harness.js';

// The registration list and attendance: attending completes the event (progress
// and a completion with source 'event', as of the session's end); unmarking
// later corrects the list but keeps the completion.

let t: TestApp;
let m: Tenant;
let itemId: string;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildTenant(t.db);
  itemId = (await insertEventItem(t.db, m.municipality.id)).id;
});
afterAll(() => t.close());

const base = () => `/api/v1/municipalities/${m.municipality.id}/learning`;

/** A session with two people signed up and one on the waiting list, that started an hour ago. */
async function heldSession() {
  const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 2 });
  const people = [await employeeOf(t.db, m, { givenName: 'Anne' }), await employeeOf(t.db, m, { givenName: 'Bjørn' }), await employeeOf(t.db, m, { givenName: 'Cecilie' })];
  for (const p of people) await call(t.app, p.session, 'POST', `${base()}/sessions/${session.id}/registration`);
  await startSessionAgo(t.db, m.municipality.id, session.id, 1, 3);
  const { ends_at } = await t.db.selectFrom('learning_sessions').select('ends_at').where('id', '=', session.id).executeTakeFirstOrThrow();
  return { id: session.id, endsAt: ends_at, people };
}

const completionsOf = (personId: string) =>
  t.db.selectFrom('learning_completions').select(['source', 'outcome', 'completed_at', 'item_id']).where('municipality_id', '=', m.municipality.id).where('person_id', '=', personId).execute();
const progressOf = (personId: string) =>
  t.db.selectFrom('learning_progress').select(['status', 'completed_at']).where('municipality_id', '=', m.municipality.id).where('person_id', '=', personId).where('item_id', '=', itemId).executeTakeFirst();

describe('the registration list', () => {
  it('shows organisers names, status, place in line and attendance', async () => {
    const s = await heldSession();
    const res = await call(t.app, m.sessions.leader, 'GET', `${base()}/sessions/${s.id}/registrations`);
    expect(res.statusCode).toBe(200);
    const list = res.json().registrations;
    expect(list.map((r: { name: string; status: string; waitlistPosition: number | null; attended: boolean | null }) => [r.name.split(' ')[0], r.status, r.waitlistPosition, r.attended])).toEqual([
      ['Anne', 'registered', null, null],
      ['Bjørn', 'registered', null, null],
      ['Cecilie', 'waitlisted', 1, null],
    ]);
    expect(res.json().session).toMatchObject({ id: s.id, state: 'ongoing', seatsTaken: 2, waitlistLength: 1 });
  });

  it('is not shown to employees, not even those signed up', async () => {
    const s = await heldSession();
    expect(errorCode(await call(t.app, s.people[0]!.session, 'GET', `${base()}/sessions/${s.id}/registrations`))).toBe('FORBIDDEN');
    expect(errorCode(await call(t.app, m.sessions.ombud, 'GET', `${base()}/sessions/${s.id}/registrations`))).toBe('FORBIDDEN');
  });
});

describe('taking attendance', () => {
  it('completes the event for those present, as of the session end, with source event', async () => {
    const s = await heldSession();
    const [anne, bjorn, cecilie] = s.people as [(typeof s.people)[0], (typeof s.people)[0], (typeof s.people)[0]];
    const res = await call(t.app, m.sessions.competence_advisor, 'PUT', `${base()}/sessions/${s.id}/attendance`, { attended: [anne.personId, cecilie.personId], absent: [bjorn.personId] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ marked: 3, newCompletions: 2 });
    expect(res.json().registrations.map((r: { attended: boolean | null }) => r.attended)).toEqual([true, false, true]);

    expect(await progressOf(anne.personId)).toEqual({ status: 'completed', completed_at: s.endsAt });
    expect(await completionsOf(anne.personId)).toEqual([{ source: 'event', outcome: 'completed', completed_at: s.endsAt, item_id: itemId }]);
    // Someone from the waiting list who came anyway attended too.
    expect(await completionsOf(cecilie.personId)).toHaveLength(1);
    expect(await progressOf(bjorn.personId)).toBeUndefined();
    expect(await completionsOf(bjorn.personId)).toEqual([]);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', s.id).where('action', '=', 'learning.attendance.mark').execute();
    expect(audit).toHaveLength(1);

    // Each attendance is an xAPI "attended" statement in the LRS, the one the completion names.
    const completion = await t.db.selectFrom('learning_completions').select('statement_id').where('person_id', '=', anne.personId).executeTakeFirstOrThrow();
    const stored = await t.db.selectFrom('xapi_statements').select(['id', 'statement']).where('municipality_id', '=', m.municipality.id).where('id', '=', completion.statement_id!).executeTakeFirstOrThrow();
    const statement = stored.statement as { actor: { account: { name: string } }; verb: { id: string }; object: { id: string }; timestamp: string };
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/attended');
    expect(statement.actor.account.name).toBe(anne.personId);
    expect(statement.object.id).toMatch(new RegExp(`/learning-items/${itemId}/sessions/${s.id}$`));
    expect(new Date(statement.timestamp).getTime()).toBe(s.endsAt.getTime());
    const attendedStatements = await t.db.selectFrom('xapi_statements').select('id').where('municipality_id', '=', m.municipality.id).where('verb_id', '=', 'http://adlnet.gov/expapi/verbs/attended').execute();
    expect(attendedStatements.length).toBeGreaterThanOrEqual(2);
  });

  it('records nothing twice when the same list is saved again, and keeps the completion when someone is unmarked', async () => {
    const s = await heldSession();
    const [anne, bjorn] = s.people as [(typeof s.people)[0], (typeof s.people)[0]];
    const url = `${base()}/sessions/${s.id}/attendance`;
    await call(t.app, m.sessions.leader, 'PUT', url, { attended: [anne.personId], absent: [bjorn.personId] });
    const again = await call(t.app, m.sessions.leader, 'PUT', url, { attended: [anne.personId], absent: [bjorn.personId] });
    expect(again.json().newCompletions).toBe(0);
    expect(await completionsOf(anne.personId)).toHaveLength(1);

    const unmark = await call(t.app, m.sessions.leader, 'PUT', url, { attended: [], absent: [anne.personId] });
    expect(unmark.statusCode).toBe(200);
    const row = await t.db.selectFrom('learning_registrations').select('attended').where('session_id', '=', s.id).where('person_id', '=', anne.personId).executeTakeFirstOrThrow();
    expect(row.attended).toBe(false);
    expect(await completionsOf(anne.personId)).toHaveLength(1);
    expect((await progressOf(anne.personId))?.status).toBe('completed');
  });

  it('is refused before the session starts (SESSION_NOT_STARTED) and for a cancelled one', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId);
    const a = await employeeOf(t.db, m);
    await call(t.app, a.session, 'POST', `${base()}/sessions/${session.id}/registration`);
    const early = await call(t.app, m.sessions.leader, 'PUT', `${base()}/sessions/${session.id}/attendance`, { attended: [a.personId], absent: [] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.reason).toBe('SESSION_NOT_STARTED');
    await t.db.updateTable('learning_sessions').set({ cancelled_at: new Date() }).where('id', '=', session.id).execute();
    await startSessionAgo(t.db, m.municipality.id, session.id, 1);
    const cancelled = await call(t.app, m.sessions.leader, 'PUT', `${base()}/sessions/${session.id}/attendance`, { attended: [a.personId], absent: [] });
    expect(cancelled.json().error.details.reason).toBe('SESSION_CANCELLED');
    expect(await completionsOf(a.personId)).toEqual([]);
  });

  it('refuses people who are not signed up, or named both present and absent, and changes nothing', async () => {
    const s = await heldSession();
    const [anne, bjorn] = s.people as [(typeof s.people)[0], (typeof s.people)[0]];
    const url = `${base()}/sessions/${s.id}/attendance`;
    const stranger = await call(t.app, m.sessions.leader, 'PUT', url, { attended: [anne.personId, m.people.inOther.id], absent: [] });
    expect(errorCode(stranger)).toBe('VALIDATION');
    expect(stranger.json().error.details.personIds).toEqual([m.people.inOther.id]);
    const both = await call(t.app, m.sessions.leader, 'PUT', url, { attended: [bjorn.personId], absent: [bjorn.personId] });
    expect(errorCode(both)).toBe('VALIDATION');
    expect(await completionsOf(anne.personId)).toEqual([]);
    expect(await completionsOf(bjorn.personId)).toEqual([]);
    const marked = await t.db.selectFrom('learning_registrations').select('attended').where('session_id', '=', s.id).where('attended', 'is not', null).execute();
    expect(marked).toEqual([]);
  });

  it('is refused to employees', async () => {
    const s = await heldSession();
    const res = await call(t.app, s.people[0]!.session, 'PUT', `${base()}/sessions/${s.id}/attendance`, { attended: [s.people[0]!.personId], absent: [] });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await completionsOf(s.people[0]!.personId)).toEqual([]);
  });
});
