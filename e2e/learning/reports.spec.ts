import { expect, test } from '@playwright/test';
import { account, ACCOUNTS, apiClient, checkA11y, expectNoHorizontalOverflow, HAVSTAD, LEADER_UNIT_CODE, languageOf, signIn, t, uniqueName, waitForPage } from '../support/index.js';

// Learning reports in Chromium. The administrator puts a link in the
// catalogue and assigns it to the home-care leader's unit, due yesterday
// (API set-up); the employee of that unit marks it done. The leader opens
// the reports: key figures, the monthly chart with its table, the item and
// unit tables, and the people table, then drills down to the employee and
// sees the item completed. axe on both pages, and on a phone-sized screen.

const lng = languageOf(ACCOUNTS.leader);
const tr = (key: string, vars?: Record<string, string | number>) => t(lng, key, vars);
const title = uniqueName('Rapportkurs e2e ');

test.describe.configure({ mode: 'serial' });

let employeeName = '';

test.beforeAll(async ({ browser }) => {
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, ACCOUNTS.admin);
  const admin = await apiClient(adminPage);
  const m = admin.municipalityId(HAVSTAD.code);
  const item = await admin.post<{ id: string }>(`/municipalities/${m}/learning/items`, {
    kind: 'link',
    status: 'published',
    titles: { nb: title, nn: title, sv: title, da: title, en: title },
    languages: ['nb', 'nn', 'sv', 'da', 'en'],
    url: 'https://example.org/rapportkurs',
    certificateEnabled: false,
  });
  const units = await admin.get<{ id: string; code: string | null }[]>(`/municipalities/${m}/units`);
  const unitId = units.find((u) => u.code === LEADER_UNIT_CODE)!.id;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await admin.post(`/municipalities/${m}/learning/assignments`, { itemId: item.id, target: { kind: 'unit', unitId }, dueDate: yesterday });
  await adminPage.context().close();

  const employeePage = await (await browser.newContext()).newPage();
  await signIn(employeePage, ACCOUNTS.employee);
  const employee = await apiClient(employeePage);
  await employee.post(`/municipalities/${m}/learning/items/${item.id}/complete`, {});
  await employeePage.context().close();

  const leaderPage = await (await browser.newContext()).newPage();
  await signIn(leaderPage, ACCOUNTS.leader);
  const leader = await apiClient(leaderPage);
  const number = account(ACCOUNTS.employee).employeeNumber!;
  const found = await leader.get<{ items: { name: string }[] }>(`/municipalities/${m}/learning/reports/people?q=${encodeURIComponent(number)}`);
  employeeName = found.items[0]!.name;
  await leaderPage.context().close();
});

test('a leader sees key figures, the monthly chart and the tables, and drills down to a person', async ({ page }) => {
  await signIn(page, ACCOUNTS.leader);
  await page.getByRole('navigation', { name: tr('nav.label') }).getByRole('link', { name: tr('nav.learningReports') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr('learningReports.title') })).toBeVisible();
  await waitForPage(page);

  await expect(page.getByRole('list', { name: tr('learningReports.kpi.label') })).toBeVisible();
  const chart = page.locator('figure.chart', { hasText: tr('learningReports.trend.title') });
  await expect(chart.locator('.chart__canvas svg')).toBeVisible();
  // The chart's numbers are a table one step away: this month has the completion.
  await chart.getByText(tr('charts.showTable')).click();
  await expect(chart.getByRole('table')).toBeVisible();

  const items = page.getByRole('table', { name: tr('learningReports.items.table') });
  await expect(items.getByRole('row', { name: new RegExp(title) })).toBeVisible();
  await expect(page.getByRole('table', { name: tr('learningReports.units.table') })).toBeVisible();
  const people = page.getByRole('table', { name: tr('learningReports.people.table') });
  await expect(people).toBeVisible();
  await checkA11y(page, 'learning reports');

  await page.getByRole('textbox', { name: tr('learningReports.people.search') }).fill(employeeName);
  await people.getByRole('link', { name: employeeName }).click();
  await expect(page.getByRole('heading', { level: 1, name: employeeName })).toBeVisible();
  await waitForPage(page);
  const assigned = page.getByRole('table', { name: tr('learningReports.person.assignments') });
  await expect(assigned.getByRole('row', { name: new RegExp(title) })).toContainText(tr('learningReports.person.statuses.completed'));
  await checkA11y(page, 'learning report of one person');
  await page.getByRole('link', { name: tr('learningReports.person.back') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr('learningReports.title') })).toBeVisible();
});

test('the reports fit a phone screen and export to Excel', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, ACCOUNTS.leader);
  await page.goto('/learning/reports');
  await waitForPage(page);
  await expectNoHorizontalOverflow(page, 'learning reports on a phone');
  await checkA11y(page, 'learning reports on a phone');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: tr('learningReports.export') }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});
