import { type Browser, expect, type Page, test } from '@playwright/test';
import { ACCOUNTS, apiClient, checkA11y, expectNoHorizontalOverflow, HAVSTAD, languageOf, signIn, t, uniqueName, waitForPage } from '../support/index.js';

// Classroom sessions: an organiser (the municipal administrator) creates a
// session with one seat for a published event; an employee on a phone signs
// up and gets the seat; a second employee (the ombud, also employed there)
// lands first on the waiting list; the organiser sees both in the participant
// list. Every page and state passes axe.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const pad = (n: number) => String(n).padStart(2, '0');
/** Tomorrow at the given hour, as a datetime-local value (the browser's zone). */
function tomorrowAt(hour: number): string {
  const d = new Date(Date.now() + 24 * 3600_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

let itemId = '';
const title = uniqueName('Fagdag velferdsteknologi ');
const place = 'Havstad rådhus, møterom Fjorden';

async function openSessions(page: Page, lng: ReturnType<typeof languageOf>): Promise<void> {
  await page.goto(`/learning/items/${itemId}/sessions`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await waitForPage(page);
  await expect(page.getByRole('heading', { level: 2, name: t(lng, 'sessions.upcoming') })).toBeVisible();
}

async function asEmployee(browser: Browser, email: string, phone: boolean): Promise<Page> {
  const context = await browser.newContext(phone ? { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test('an organiser creates a session with one seat', async ({ page }) => {
  const nb = languageOf(ACCOUNTS.admin);
  await signIn(page, ACCOUNTS.admin);
  const api = await apiClient(page);
  const municipalityId = api.municipalityId(HAVSTAD.code);
  itemId = (await api.post<{ id: string }>(`/municipalities/${municipalityId}/learning/items`, { kind: 'event', titles: { nb: title }, languages: ['nb'], status: 'published' })).id;

  await openSessions(page, nb);
  await expect(page.getByText(t(nb, 'sessions.noUpcoming'))).toBeVisible();
  await checkA11y(page, 'sessions (organiser, none yet)');

  await page.getByRole('button', { name: t(nb, 'sessions.organiser.newSession') }).click();
  const form = page.getByRole('region', { name: t(nb, 'sessions.form.createTitle') });
  await expect(form).toBeVisible();
  // The form's own checks first: nothing filled in.
  await form.getByRole('button', { name: t(nb, 'sessions.form.create') }).click();
  await expect(form.getByText(t(nb, 'validation.required')).first()).toBeVisible();
  await checkA11y(page, 'new session form with errors');

  await form.getByLabel(t(nb, 'sessions.form.startsAt'), { exact: true }).fill(tomorrowAt(9));
  await form.getByLabel(t(nb, 'sessions.form.endsAt'), { exact: true }).fill(tomorrowAt(12));
  await form.getByRole('textbox', { name: t(nb, 'sessions.form.location') }).fill(place);
  await form.getByRole('textbox', { name: t(nb, 'sessions.form.capacity') }).fill('1');
  await form.getByRole('button', { name: t(nb, 'sessions.form.create') }).click();

  await expect(page.getByRole('status').getByText(t(nb, 'sessions.organiser.created'))).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: place });
  await expect(card).toContainText(t(nb, 'sessions.seatsLeft', { count: 1 }));
  await checkA11y(page, 'sessions (organiser, one session)');
});

test('an employee on a phone signs up and gets the seat', async ({ browser }) => {
  const lng = languageOf(ACCOUNTS.employee);
  const page = await asEmployee(browser, ACCOUNTS.employee, true);
  await openSessions(page, lng);
  const card = page.getByRole('listitem').filter({ hasText: place });
  await expect(card).toContainText(t(lng, 'sessions.seatsLeft', { count: 1 }));
  await expect(card.getByRole('button', { name: t(lng, 'sessions.organiser.edit') })).toHaveCount(0);
  await checkA11y(page, 'sessions (employee on a phone, before signing up)');
  await expectNoHorizontalOverflow(page, 'sessions on a phone');

  await card.getByRole('button', { name: t(lng, 'sessions.signUp') }).click();
  await expect(page.getByRole('status').getByText(t(lng, 'sessions.done.registered'))).toBeVisible();
  await expect(card).toContainText(t(lng, 'sessions.you.registered'));
  await expect(card).toContainText(t(lng, 'sessions.full'));
  await expect(card.getByRole('button', { name: t(lng, 'sessions.leave') })).toBeVisible();
  await checkA11y(page, 'sessions (employee, signed up)');
  await expectNoHorizontalOverflow(page, 'sessions on a phone, signed up');
  await page.context().close();
});

test('a second employee is put on the waiting list', async ({ browser }) => {
  const lng = languageOf(ACCOUNTS.ombud);
  const page = await asEmployee(browser, ACCOUNTS.ombud, false);
  await openSessions(page, lng);
  const card = page.getByRole('listitem').filter({ hasText: place });
  await expect(card).toContainText(t(lng, 'sessions.full'));
  await card.getByRole('button', { name: t(lng, 'sessions.joinWaitlist') }).click();
  await expect(page.getByRole('status').getByText(t(lng, 'sessions.done.waitlisted', { position: 1 }))).toBeVisible();
  await expect(card).toContainText(t(lng, 'sessions.you.waitlisted', { position: 1 }));
  await expect(card.getByRole('button', { name: t(lng, 'sessions.leaveWaitlist') })).toBeVisible();
  await checkA11y(page, 'sessions (employee, on the waiting list)');
  await page.context().close();
});

test('the organiser sees who signed up and who is waiting', async ({ page }) => {
  const nb = languageOf(ACCOUNTS.admin);
  await signIn(page, ACCOUNTS.admin);
  await openSessions(page, nb);
  const card = page.getByRole('listitem').filter({ hasText: place });
  await expect(card).toContainText(t(nb, 'sessions.waitlist', { count: 1 }));
  await card.getByRole('button', { name: t(nb, 'sessions.organiser.showRegistrations') }).click();
  const table = card.getByRole('table', { name: t(nb, 'sessions.registrations.caption') });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText(t(nb, 'sessions.registrations.statuses.registered'));
  await expect(table).toContainText(t(nb, 'sessions.registrations.statuses.waitlisted', { position: 1 }));
  // Attendance opens when the session starts.
  await expect(card.getByText(t(nb, 'sessions.registrations.notStarted'))).toBeVisible();
  await checkA11y(page, 'sessions (organiser, participants)');

  await card.getByRole('button', { name: t(nb, 'sessions.organiser.edit') }).click();
  await expect(card.getByRole('region', { name: t(nb, 'sessions.form.editTitle') })).toBeVisible();
  await checkA11y(page, 'sessions (organiser, editing a session)');
});
