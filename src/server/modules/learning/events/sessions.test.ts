import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../../test/factories.js';
import { employeeOf, insertEventItem, insertSession, startSessionAgo } from '../../../../../test/fixtures/learning-events.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../../test/harness.js';
import { insertTestItem } from '../records/source-test-items.js';

// Organisers plan sessions (create, change, cancel); everyone who may see the
// event reads them. Raising the seat limit lets the waiting list in.

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
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const valid = () => ({ startsAt: inHours(24), endsAt: inHours(27), location: 'Helsehuset, sal A', capacity: 12 });
const signUp = (s: Parameters<typeof call>[1], sessionId: string) => call(t.app, s, 'POST', `${base()}/sessions/${sessionId}/registration`);

describe('creating sessions', () => {
  it('lets administrators, competence advisors and leaders create one, audited', async () => {
    for (const role of ['municipal_admin', 'competence_advisor', 'leader'] as const) {
      const res = await call(t.app, m.sessions[role], 'POST', `${base()}/items/${itemId}/sessions`, { ...valid(), onlineUrl: 'https://meet.example.org/x' });
      expect(res.statusCode, role).toBe(201);
      expect(res.json()).toMatchObject({ itemId, location: 'Helsehuset, sal A', onlineUrl: 'https://meet.example.org/x', capacity: 12, state: 'upcoming', seatsTaken: 0, seatsLeft: 12, waitlistLength: 0, myRegistration: null });
      const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', res.json().id).execute();
      expect(audit.map((a) => a.action)).toEqual(['learning.session.create']);
    }
  });

  it('is refused to employees, ombud, analysts and network coordinators', async () => {
    for (const role of ['employee', 'ombud', 'analyst', 'network_coordinator'] as const) {
      const res = await call(t.app, m.sessions[role], 'POST', `${base()}/items/${itemId}/sessions`, valid());
      expect(errorCode(res), role).toBe('FORBIDDEN');
    }
    expect(await t.db.selectFrom('learning_sessions').select('id').where('item_id', '=', itemId).where('location', '=', 'Helsehuset, sal A').where('capacity', '=', 12).execute()).toHaveLength(3);
  });

  it('validates times, capacity and the online link, and creates nothing on bad input', async () => {
    const admin = m.sessions.municipal_admin;
    const bad: [object, string][] = [
      [{ ...valid(), startsAt: inHours(-1), endsAt: inHours(2) }, 'startsAt'],
      [{ ...valid(), endsAt: inHours(23) }, 'endsAt'],
      [{ ...valid(), endsAt: inHours(24 + 15 * 24) }, 'endsAt'],
      [{ ...valid(), capacity: 0 }, 'capacity'],
      [{ ...valid(), capacity: 2.5 }, 'capacity'],
      [{ ...valid(), onlineUrl: 'http://meet.example.org/x' }, 'onlineUrl'],
      [{ ...valid(), onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      [{ ...valid(), startsAt: 'tomorrow' }, 'startsAt'],
    ];
    const before = (await t.db.selectFrom('learning_sessions').select('id').execute()).length;
    for (const [body, field] of bad) {
      const res = await call(t.app, admin, 'POST', `${base()}/items/${itemId}/sessions`, body);
      expect(errorCode(res), JSON.stringify(body)).toBe('VALIDATION');
      expect(JSON.stringify(res.json().error.details), field).toContain(field);
    }
    expect((await t.db.selectFrom('learning_sessions').select('id').execute()).length).toBe(before);
  });

  it('exists only for events: another kind of item, or an unknown one, is not found', async () => {
    const course = await insertTestItem(t.db, m.municipality.id, 'link');
    expect(errorCode(await call(t.app, m.sessions.municipal_admin, 'POST', `${base()}/items/${course.id}/sessions`, valid()))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, m.sessions.municipal_admin, 'GET', `${base()}/items/${course.id}/sessions`))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, m.sessions.municipal_admin, 'POST', `${base()}/items/${crypto.randomUUID()}/sessions`, valid()))).toBe('NOT_FOUND');
  });
});

describe('listing sessions', () => {
  it('shows upcoming and past sessions with seats, waiting list and the caller\'s own sign-up', async () => {
    const item = await insertEventItem(t.db, m.municipality.id);
    const soon = await insertSession(t.db, m.municipality.id, item.id, { startsInHours: 5, capacity: 1 });
    const later = await insertSession(t.db, m.municipality.id, item.id, { startsInHours: 50, capacity: null });
    const done = await insertSession(t.db, m.municipality.id, item.id);
    await startSessionAgo(t.db, m.municipality.id, done.id, 30);
    const other = await employeeOf(t.db, m);
    await signUp(other.session, soon.id);
    await signUp(m.sessions.employee!, soon.id);

    const res = await call(t.app, m.sessions.employee!, 'GET', `${base()}/items/${item.id}/sessions`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ item: { id: item.id, title: 'Fagdag om velferdsteknologi', status: 'published' }, canOrganise: false, canSignUp: true });
    expect(body.upcoming.map((s: { id: string }) => s.id)).toEqual([soon.id, later.id]);
    expect(body.upcoming[0]).toMatchObject({ seatsTaken: 1, seatsLeft: 0, waitlistLength: 1, myRegistration: { status: 'waitlisted', waitlistPosition: 1 } });
    expect(body.upcoming[1]).toMatchObject({ seatsLeft: null, myRegistration: null });
    expect(body.past.map((s: { id: string; state: string }) => [s.id, s.state])).toEqual([[done.id, 'past']]);

    const advisor = (await call(t.app, m.sessions.competence_advisor, 'GET', `${base()}/items/${item.id}/sessions`)).json();
    expect(advisor).toMatchObject({ canOrganise: true, canSignUp: false });
    expect(advisor.upcoming[0].myRegistration).toBeNull();
  });

  it('hides a draft event from learners but not from organisers', async () => {
    const draft = await insertEventItem(t.db, m.municipality.id, { status: 'draft' });
    expect(errorCode(await call(t.app, m.sessions.employee!, 'GET', `${base()}/items/${draft.id}/sessions`))).toBe('NOT_FOUND');
    expect((await call(t.app, m.sessions.leader, 'GET', `${base()}/items/${draft.id}/sessions`)).statusCode).toBe(200);
  });
});

describe('changing sessions', () => {
  it('raising the seat limit promotes from the waiting list in registration order and e-mails them', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 1 });
    const people = [await employeeOf(t.db, m), await employeeOf(t.db, m, { language: 'da', givenName: 'Mette' }), await employeeOf(t.db, m), await employeeOf(t.db, m)];
    for (const p of people) await signUp(p.session, session.id);
    const res = await call(t.app, m.sessions.competence_advisor, 'PATCH', `${base()}/sessions/${session.id}`, { capacity: 3, location: 'Nytt sted' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ capacity: 3, location: 'Nytt sted', seatsTaken: 3, seatsLeft: 0, waitlistLength: 1 });
    const rows = await t.db.selectFrom('learning_registrations').select(['person_id', 'status']).where('session_id', '=', session.id).execute();
    const status = Object.fromEntries(rows.map((r) => [r.person_id, r.status]));
    expect(people.map((p) => status[p.personId])).toEqual(['registered', 'registered', 'registered', 'waitlisted']);
    const mail = await t.smtp.waitFor((x) => x.to.includes(people[1]!.email!) && x.subject.startsWith('Du har fået en plads'));
    expect(mail.text).toContain('Sted: Nytt sted');
  });

  it('removing the seat limit lets everyone in line in', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 1 });
    for (let i = 0; i < 3; i++) await signUp((await employeeOf(t.db, m)).session, session.id);
    const res = await call(t.app, m.sessions.municipal_admin, 'PATCH', `${base()}/sessions/${session.id}`, { capacity: null });
    expect(res.json()).toMatchObject({ capacity: null, seatsTaken: 3, seatsLeft: null, waitlistLength: 0 });
  });

  it('refuses fewer seats than people signed up (CAPACITY_BELOW_REGISTERED), bad times, and changes after the start', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 5 });
    for (let i = 0; i < 2; i++) await signUp((await employeeOf(t.db, m)).session, session.id);
    const fewer = await call(t.app, m.sessions.municipal_admin, 'PATCH', `${base()}/sessions/${session.id}`, { capacity: 1 });
    expect(fewer.statusCode).toBe(409);
    expect(fewer.json().error.details).toEqual({ reason: 'CAPACITY_BELOW_REGISTERED', registered: 2 });
    const backwards = await call(t.app, m.sessions.municipal_admin, 'PATCH', `${base()}/sessions/${session.id}`, { endsAt: new Date(session.starts_at.getTime() - 60_000).toISOString() });
    expect(errorCode(backwards)).toBe('VALIDATION');
    const unchanged = await t.db.selectFrom('learning_sessions').select(['capacity', 'ends_at']).where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ capacity: 5, ends_at: session.ends_at });
    await startSessionAgo(t.db, m.municipality.id, session.id, 1);
    const late = await call(t.app, m.sessions.municipal_admin, 'PATCH', `${base()}/sessions/${session.id}`, { location: 'Et annet sted' });
    expect(late.json().error.details.reason).toBe('SESSION_STARTED');
  });

  it('is refused to employees', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId);
    expect(errorCode(await call(t.app, m.sessions.employee!, 'PATCH', `${base()}/sessions/${session.id}`, { capacity: 50 }))).toBe('FORBIDDEN');
    expect(errorCode(await call(t.app, m.sessions.employee!, 'POST', `${base()}/sessions/${session.id}/cancel`))).toBe('FORBIDDEN');
  });
});

describe('cancelling a session', () => {
  it('marks it cancelled, tells everyone signed up or waiting by e-mail, and refuses a second cancel', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 1 });
    const a = await employeeOf(t.db, m, { language: 'en', givenName: 'Robin' });
    const b = await employeeOf(t.db, m);
    const left = await employeeOf(t.db, m);
    for (const p of [a, b, left]) await signUp(p.session, session.id);
    await call(t.app, left.session, 'DELETE', `${base()}/sessions/${session.id}/registration`);
    const res = await call(t.app, m.sessions.leader, 'POST', `${base()}/sessions/${session.id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'cancelled' });
    expect(res.json().cancelledAt).not.toBeNull();
    const mail = await t.smtp.waitFor((x) => x.to.includes(a.email!) && x.subject.startsWith('Cancelled'));
    expect(mail.subject).toBe('Cancelled: Welfare technology workshop');
    expect(mail.text).toContain('Hello Robin');
    await t.smtp.waitFor((x) => x.to.includes(b.email!) && x.subject.startsWith('Avlyst'));
    await t.deps.jobs.drain();
    expect(t.smtp.received.filter((x) => x.to.includes(left.email!) && x.subject.startsWith('Avlyst'))).toHaveLength(0);
    const again = await call(t.app, m.sessions.leader, 'POST', `${base()}/sessions/${session.id}/cancel`);
    expect(again.json().error.details.reason).toBe('SESSION_CANCELLED');
    const change = await call(t.app, m.sessions.leader, 'PATCH', `${base()}/sessions/${session.id}`, { capacity: 9 });
    expect(change.json().error.details.reason).toBe('SESSION_CANCELLED');
  });
});
