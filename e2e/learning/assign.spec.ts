import { expect, test } from '@playwright/test';
import { ACCOUNTS, apiClient, checkA11y, expectNoHorizontalOverflow, HAVSTAD, LEADER_UNIT_CODE, languageOf, signIn, t, uniqueName, waitForPage } from '../support/index.js';

// Assignments in Chromium. The administrator puts a link in the catalogue (API
// set-up). The home-care leader opens Assignments from the menu, assigns the
// link to their own unit with a deadline in the form, and lands on the
// assignment's people list. An employee of that unit opens "My learning" on a
// phone-sized screen and finds the link under "Assigned to me" with its
// deadline. axe on each page.

const leaderLng = languageOf(ACCOUNTS.leader);
const employeeLng = languageOf(ACCOUNTS.employee);
const title = uniqueName('Tildelingskurs e2e ');
const inTwentyDays = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: 'serial' });

let unitName = '';

test.beforeAll(async ({ browser }) => {
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, ACCOUNTS.admin);
  const admin = await apiClient(adminPage);
  const m = admin.municipalityId(HAVSTAD.code);
  await admin.post(`/municipalities/${m}/learning/items`, {
    kind: 'link',
    status: 'published',
    titles: { nb: title, nn: title, sv: title, da: title, en: title },
    languages: ['nb', 'nn', 'sv', 'da', 'en'],
    url: 'https://example.org/tildelingskurs',
    durationMinutes: 15,
    certificateEnabled: false,
  });
  const units = await admin.get<{ name: string; code: string | null }[]>(`/municipalities/${m}/units`);
  unitName = units.find((u) => u.code === LEADER_UNIT_CODE)!.name;
  await adminPage.context().close();
});

test('a leader assigns an item to their unit with a deadline', async ({ page }) => {
  const tr = (key: string, vars?: Record<string, string | number>) => t(leaderLng, key, vars);
  await signIn(page, ACCOUNTS.leader);
  await page.getByRole('navigation', { name: tr('nav.label') }).getByRole('link', { name: tr('nav.assignments') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr('assignments.title') })).toBeVisible();
  await waitForPage(page);
  await checkA11y(page, 'assignments list');

  await page.getByRole('link', { name: tr('assignments.new') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr('assignments.newTitle') })).toBeVisible();
  await page.getByRole('searchbox', { name: tr('assignments.form.itemSearch') }).fill(title);
  await page.getByRole('radio', { name: title }).check();
  // A unit leader is offered people and units only; their own unit is in the list.
  await expect(page.getByRole('combobox', { name: tr('assignments.form.targetKind') }).locator('option')).toHaveCount(2);
  await page.getByRole('combobox', { name: tr('assignments.targetKinds.unit') }).selectOption({ label: unitName });
  await page.getByLabel(tr('assignments.form.dueDate'), { exact: true }).fill(inTwentyDays);
  await page.getByRole('spinbutton', { name: tr('assignments.form.recurrence') }).fill('12');
  await waitForPage(page);
  await checkA11y(page, 'new assignment form');
  await page.getByRole('button', { name: tr('assignments.form.save') }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(`${tr('assignments.targetKinds.unit')}: ${unitName}`)).toBeVisible();
  await expect(page.getByTestId('assignment-person').first()).toBeVisible();
  await waitForPage(page);
  await checkA11y(page, 'assignment people');
});

test('an employee of the unit sees it under assigned on a phone', async ({ page }) => {
  const tr = (key: string, vars?: Record<string, string | number>) => t(employeeLng, key, vars);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ACCOUNTS.employee);
  await page.goto('/my-learning');
  await expect(page.getByRole('heading', { level: 1, name: tr('myLearning.title') })).toBeVisible();
  await waitForPage(page);
  const assigned = page.getByRole('region', { name: tr('myLearning.assigned') });
  const card = assigned.getByTestId('assigned').filter({ has: page.getByRole('link', { name: title }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText(tr('myLearning.status.not_started'));
  await expect(card).toContainText(tr('myLearning.repeats', { count: 12 }));
  await expectNoHorizontalOverflow(page, 'my learning on a phone');
  await checkA11y(page, 'my learning (phone)');
  await card.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/learning\/items\/[0-9a-f-]{36}$/);
});
