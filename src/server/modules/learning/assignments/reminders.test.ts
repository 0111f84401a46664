import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, type Tenant } from '../../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../../test/harness.js';
import { createMailer } from '../../../mail/mailer.js';
import { todayInLearningZone } from './assignment-status.js';
import { addDays, complete, daysAgo, insertAssignment, insertItem } from './assignments.fixtures.js';
import { sendLearningReminders } from './reminders.sweep.js';

// Reminders over a real SMTP server: due soon (7 days before), overdue, each
// once per round, in the person's language, never to someone who is done.

let t: TestApp;
let a: Tenant;
let m: string;
const today = todayInLearningZone();

beforeAll(async () => {
  t = await createTestApp();
  a = await buildTenant(t.db);
  m = a.municipality.id;
});
afterAll(() => t.close());

async function person(language: string, email: string | null = `p${Math.random().toString(36).slice(2)}@test.example`) {
  const p = await createPerson(t.db, m, a.units.team.id, { email, given_name: `Navn${Math.random().toString(36).slice(2, 6)}` });
  await t.db.updateTable('persons').set({ preferred_language: language }).where('id', '=', p.id).execute();
  return p;
}
const mailsTo = (email: string | null) => t.smtp.received.filter((x) => x.to.includes(email!));
const sweep = (now?: Date) => sendLearningReminders(t.deps, now);

describe('learning reminders', () => {
  it('sends due soon and overdue once, in the person’s language, with a link to my learning; none to someone done', async () => {
    const item = await insertItem(t.db, m, { title: 'Brannvern' });
    const soonEn = await person('en');
    const lateNb = await person('nb');
    const done = await person('nb');
    const later = await person('sv');
    const noEmail = await person('nb', null);
    await insertAssignment(t.db, m, item.id, { kind: 'person', personId: soonEn.id }, { dueDate: addDays(today, 5) });
    await insertAssignment(t.db, m, item.id, { kind: 'person', personId: lateNb.id }, { dueDate: addDays(today, -1) });
    await insertAssignment(t.db, m, item.id, { kind: 'person', personId: done.id }, { dueDate: addDays(today, -1) });
    await insertAssignment(t.db, m, item.id, { kind: 'person', personId: later.id }, { dueDate: addDays(today, 10) });
    await insertAssignment(t.db, m, item.id, { kind: 'person', personId: noEmail.id }, { dueDate: addDays(today, -1) });
    await complete(t.db, m, done.id, item, daysAgo(2));

    const first = await sweep();
    expect(first).toMatchObject({ sent: 2, failed: 0, withoutEmail: 1 });
    const [soon] = mailsTo(soonEn.email);
    expect(soon!.subject).toBe(`Reminder: "Brannvern (en)" is due on ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${addDays(today, 5)}T00:00:00Z`))}`);
    expect(soon!.text).toContain(`Hello ${soonEn.given_name}`);
    expect(soon!.text).toContain('http://localhost:3000/my-learning');
    const [late] = mailsTo(lateNb.email);
    expect(late!.subject).toBe('Fristen er passert: «Brannvern»');
    expect(late!.text).toContain('http://localhost:3000/my-learning');
    expect(mailsTo(done.email)).toEqual([]);
    expect(mailsTo(later.email)).toEqual([]);

    const received = t.smtp.received.length;
    expect(await sweep()).toMatchObject({ sent: 0, failed: 0 });
    expect(t.smtp.received.length).toBe(received);

    // Three days later the Swedish person is within seven days of the deadline.
    await sweep(new Date(Date.now() + 3 * 86_400_000));
    expect(mailsTo(later.email).map((x) => x.subject)).toEqual([expect.stringMatching(/^Påminnelse: ”Brannvern” ska vara klar /)]);
    // The one reminded "due soon" is reminded again once the date has passed.
    await sweep(new Date(Date.now() + 6 * 86_400_000));
    expect(mailsTo(soonEn.email).map((x) => x.subject)).toEqual([expect.stringMatching(/^Reminder/), 'Overdue: "Brannvern (en)"']);
  });

  it('reminds a recurring assignment again when the latest completion has expired', async () => {
    const item = await insertItem(t.db, m, { title: 'Informasjonssikkerhet årlig' });
    const expired = await person('da');
    const current = await person('da');
    const thirteenMonthsAgo = new Date();
    thirteenMonthsAgo.setUTCMonth(thirteenMonthsAgo.getUTCMonth() - 13, 15);
    thirteenMonthsAgo.setUTCHours(10);
    await complete(t.db, m, expired.id, item, thirteenMonthsAgo);
    await complete(t.db, m, current.id, item, daysAgo(30));
    await insertAssignment(t.db, m, item.id, { kind: 'unit', unitId: a.units.team.id }, { recurrenceMonths: 12, createdAt: daysAgo(800) });

    await sweep();
    expect(mailsTo(expired.email).map((x) => x.subject)).toEqual(['Fristen er overskredet: »Informasjonssikkerhet årlig«']);
    expect(mailsTo(current.email)).toEqual([]);
    const rows = await t.db.selectFrom('learning_reminders').select(['kind', 'due_date']).where('person_id', '=', expired.id).execute();
    const validUntil = new Date(thirteenMonthsAgo);
    validUntil.setUTCMonth(validUntil.getUTCMonth() + 12);
    expect(rows).toEqual([{ kind: 'overdue', due_date: todayInLearningZone(validUntil) }]);
  });

  it('keeps nothing claimed when the mail server cannot be reached, so the next sweep retries', async () => {
    const item = await insertItem(t.db, m, { title: 'Smittevern' });
    const p = await person('nn');
    await insertAssignment(t.db, m, item.id, { kind: 'person', personId: p.id }, { dueDate: addDays(today, -2) });
    // A real SMTP client against a port nobody listens on.
    const broken = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: t.deps.config.mailFrom, log: () => {} });
    const errors: unknown[] = [];
    const failed = await sendLearningReminders({ ...t.deps, mailer: broken, log: { info: () => {}, error: (o) => errors.push(o) } });
    broken.close();
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(await t.db.selectFrom('learning_reminders').select('kind').where('person_id', '=', p.id).execute()).toEqual([]);

    await sweep();
    expect(mailsTo(p.email).map((x) => x.subject)).toEqual(['Fristen er passert: «Smittevern»']);
  });
});
