import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../../test/factories.js';
import { employeeOf, insertEventItem, insertSession, startSessionAgo } from '../../../../../test/fixtures/learning-events.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../../test/harness.js';

// Signing up and leaving: seats, the waiting list and its order, promotion when
// a seat frees, the 409 reasons, the last-seat race, and the e-mails over a
// real SMTP server (including what happens when it is down).

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
const signUp = (s: Session, sessionId: string) => call(t.app, s, 'POST', `${base()}/sessions/${sessionId}/registration`);
const leave = (s: Session, sessionId: string) => call(t.app, s, 'DELETE', `${base()}/sessions/${sessionId}/registration`);
const statuses = async (sessionId: string) =>
  Object.fromEntries((await t.db.selectFrom('learning_registrations').select(['person_id', 'status']).where('session_id', '=', sessionId).execute()).map((r) => [r.person_id, r.status]));

describe('signing up', () => {
  it('gives a seat while seats are left, then a place on the waiting list, in order', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 1 });
    const [a, b, c] = [await employeeOf(t.db, m), await employeeOf(t.db, m), await employeeOf(t.db, m)];
    const first = await signUp(a.session, session.id);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'registered', session: { seatsTaken: 1, seatsLeft: 0, waitlistLength: 0, myRegistration: { status: 'registered', waitlistPosition: null } } });
    const second = await signUp(b.session, session.id);
    expect(second.json()).toMatchObject({ outcome: 'waitlisted', session: { seatsTaken: 1, seatsLeft: 0, waitlistLength: 1, myRegistration: { status: 'waitlisted', waitlistPosition: 1 } } });
    const third = await signUp(c.session, session.id);
    expect(third.json().session.myRegistration).toEqual({ status: 'waitlisted', waitlistPosition: 2, attended: null });
    expect(await statuses(session.id)).toEqual({ [a.personId]: 'registered', [b.personId]: 'waitlisted', [c.personId]: 'waitlisted' });
  });

  it('is idempotent: signing up again changes nothing and keeps the place in line', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 1 });
    const [a, b] = [await employeeOf(t.db, m), await employeeOf(t.db, m)];
    await signUp(a.session, session.id);
    await signUp(b.session, session.id);
    const again = await signUp(b.session, session.id);
    expect(again.json()).toMatchObject({ outcome: 'unchanged', session: { seatsTaken: 1, waitlistLength: 1, myRegistration: { status: 'waitlisted', waitlistPosition: 1 } } });
    const mine = await signUp(a.session, session.id);
    expect(mine.json()).toMatchObject({ outcome: 'unchanged', session: { seatsTaken: 1, myRegistration: { status: 'registered' } } });
  });

  it('has no waiting list without a seat limit', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: null });
    for (let i = 0; i < 3; i++) expect((await signUp((await employeeOf(t.db, m)).session, session.id)).json().outcome).toBe('registered');
    const view = (await signUp(m.sessions.employee!, session.id)).json().session;
    expect(view).toMatchObject({ seatsTaken: 4, seatsLeft: null, waitlistLength: 0 });
  });

  it('refuses sign-up after the start (SESSION_STARTED) and for cancelled sessions (SESSION_CANCELLED), changing nothing', async () => {
    const started = await insertSession(t.db, m.municipality.id, itemId);
    await startSessionAgo(t.db, m.municipality.id, started.id, 1);
    const late = await signUp(m.sessions.employee!, started.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('SESSION_STARTED');

    const cancelled = await insertSession(t.db, m.municipality.id, itemId);
    await t.db.updateTable('learning_sessions').set({ cancelled_at: new Date() }).where('id', '=', cancelled.id).execute();
    const refused = await signUp(m.sessions.employee!, cancelled.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('SESSION_CANCELLED');
    expect(await statuses(started.id)).toEqual({});
    expect(await statuses(cancelled.id)).toEqual({});
  });

  it('is only for people with an employee record here; a draft event does not exist for learners', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId);
    const advisor = await signUp(m.sessions.competence_advisor!, session.id);
    expect(advisor.statusCode).toBe(403);
    const draft = await insertEventItem(t.db, m.municipality.id, { status: 'draft' });
    const draftSession = await insertSession(t.db, m.municipality.id, draft.id);
    expect(errorCode(await signUp(m.sessions.employee!, draftSession.id))).toBe('NOT_FOUND');
    const other = await buildTenant(t.db);
    expect(errorCode(await call(t.app, other.sessions.employee!, 'POST', `${base()}/sessions/${session.id}/registration`))).toBe('NOT_FOUND');
  });

  it('lets exactly one of many people racing for the last seat have it', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 1 });
    const racers = await Promise.all(Array.from({ length: 6 }, () => employeeOf(t.db, m)));
    const answers = await Promise.all(racers.map((r) => signUp(r.session, session.id)));
    expect(answers.map((a) => a.statusCode)).toEqual(racers.map(() => 200));
    const outcomes = answers.map((a) => a.json().outcome).sort();
    expect(outcomes).toEqual(['registered', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted']);
    const positions = answers.filter((a) => a.json().outcome === 'waitlisted').map((a) => a.json().session.myRegistration.waitlistPosition).sort();
    expect(positions).toEqual([1, 2, 3, 4, 5]);
    expect(Object.values(await statuses(session.id)).filter((s) => s === 'registered')).toHaveLength(1);
  });
});

describe('leaving', () => {
  it('promotes the first on the waiting list atomically and tells them by e-mail', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 1 });
    const a = await employeeOf(t.db, m);
    const b = await employeeOf(t.db, m, { language: 'sv', givenName: 'Astrid' });
    const c = await employeeOf(t.db, m);
    for (const x of [a, b, c]) await signUp(x.session, session.id);
    const res = await leave(a.session, session.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'cancelled', session: { seatsTaken: 1, waitlistLength: 1, myRegistration: null } });
    expect(await statuses(session.id)).toEqual({ [a.personId]: 'cancelled', [b.personId]: 'registered', [c.personId]: 'waitlisted' });
    const mail = await t.smtp.waitFor((x) => x.to.includes(b.email!) && x.subject.startsWith('Du har fått en plats'));
    expect(mail.text).toContain('Hej Astrid');
    // The item has no Swedish title: bokmål is the fallback.
    expect(mail.text).toContain('Fagdag om velferdsteknologi');
    expect(mail.text).toContain('Rådhuset, møterom 2');
    expect(mail.text).toContain(`/learning/items/${itemId}/sessions`);
    const cView = (await signUp(c.session, session.id)).json().session.myRegistration;
    expect(cView).toEqual({ status: 'waitlisted', waitlistPosition: 1, attended: null });
  });

  it('from the waiting list frees no seat and moves the others up', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 1 });
    const [a, b, c] = [await employeeOf(t.db, m), await employeeOf(t.db, m), await employeeOf(t.db, m)];
    for (const x of [a, b, c]) await signUp(x.session, session.id);
    await leave(b.session, session.id);
    expect(await statuses(session.id)).toEqual({ [a.personId]: 'registered', [b.personId]: 'cancelled', [c.personId]: 'waitlisted' });
    expect((await signUp(c.session, session.id)).json().session.myRegistration.waitlistPosition).toBe(1);
  });

  it('is idempotent, and signing up again after leaving joins the back of the line', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 1 });
    const [a, b, c] = [await employeeOf(t.db, m), await employeeOf(t.db, m), await employeeOf(t.db, m)];
    for (const x of [a, b, c]) await signUp(x.session, session.id);
    await leave(b.session, session.id);
    expect((await leave(b.session, session.id)).json().outcome).toBe('unchanged');
    const back = await signUp(b.session, session.id);
    expect(back.json().session.myRegistration).toEqual({ status: 'waitlisted', waitlistPosition: 2, attended: null });
  });

  it('is refused once the session has started', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId);
    const a = await employeeOf(t.db, m);
    await signUp(a.session, session.id);
    await startSessionAgo(t.db, m.municipality.id, session.id, 1);
    const res = await leave(a.session, session.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('SESSION_STARTED');
    expect(await statuses(session.id)).toEqual({ [a.personId]: 'registered' });
  });
});

describe('sign-up e-mails', () => {
  it('confirm a seat with date and place, and a waiting-list place with its number, in the person\'s language', async () => {
    const session = await insertSession(t.db, m.municipality.id, itemId, { capacity: 1, onlineUrl: 'https://meet.example.org/fagdag' });
    const a = await employeeOf(t.db, m, { language: 'nn', givenName: 'Sigrid' });
    const b = await employeeOf(t.db, m, { language: 'en', givenName: 'Alex' });
    await signUp(a.session, session.id);
    await signUp(b.session, session.id);
    const seat = await t.smtp.waitFor((x) => x.to.includes(a.email!));
    expect(seat.subject).toBe('Påmeld: Fagdag om velferdsteknologi');
    expect(seat.text).toContain('Hei Sigrid');
    expect(seat.text).toContain('Stad: Rådhuset, møterom 2');
    expect(seat.text).toContain('Nettmøte: https://meet.example.org/fagdag');
    const year = String(session.starts_at.getFullYear());
    expect(seat.text).toMatch(new RegExp(`Tid: .*${year}`));
    const line = await t.smtp.waitFor((x) => x.to.includes(b.email!));
    expect(line.subject).toBe('Waiting list: Welfare technology workshop');
    expect(line.text).toContain('number 1 on the waiting list');
  });

  it('failing to reach the mail server does not undo the sign-up', async () => {
    const down = await createTestApp();
    try {
      const tenant = await buildTenant(down.db);
      const item = await insertEventItem(down.db, tenant.municipality.id);
      const session = await insertSession(down.db, tenant.municipality.id, item.id);
      await down.smtp.close();
      const logged: unknown[] = [];
      down.deps.log.error = (obj) => logged.push(obj);
      const res = await call(down.app, tenant.sessions.employee!, 'POST', `/api/v1/municipalities/${tenant.municipality.id}/learning/sessions/${session.id}/registration`);
      expect(res.statusCode).toBe(200);
      expect(res.json().outcome).toBe('registered');
      await down.deps.jobs.drain();
      expect(logged).toHaveLength(1);
      const row = await down.db.selectFrom('learning_registrations').select('status').where('session_id', '=', session.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('registered');
    } finally {
      await down.close();
    }
  });
});
