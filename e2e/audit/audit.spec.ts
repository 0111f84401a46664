import { expect, type Page, test } from '@playwright/test';
import {
  account,
  ACCOUNTS,
  apiClient,
  type ApiPerson,
  type ApiUnit,
  checkA11y,
  HAVSTAD,
  signIn,
  t,
  uniqueName,
  uniqueSuffix,
  waitForPage,
} from '../support/index.js';

const nb = (key: string, vars?: Record<string, string | number>) => t('nb', key, vars);

function auditRows(page: Page) {
  return page.getByRole('region', { name: nb('audit.tableLabel') }).getByRole('table').locator('tbody tr');
}

async function applyFilters(page: Page, values: { entityType?: string; action?: string; from?: string; to?: string }): Promise<void> {
  const form = page.getByRole('search', { name: nb('audit.filters.label') });
  await form.getByRole('textbox', { name: nb('audit.filters.entityType') }).fill(values.entityType ?? '');
  await form.getByRole('textbox', { name: nb('audit.filters.action') }).fill(values.action ?? '');
  await form.getByLabel(nb('audit.filters.from')).fill(values.from ?? '');
  await form.getByLabel(nb('audit.filters.to')).fill(values.to ?? '');
  const answer = page.waitForResponse((r) => r.url().includes('/audit-events') && r.request().method() === 'GET');
  await form.getByRole('button', { name: nb('audit.filters.apply') }).click();
  await answer;
  await waitForPage(page);
}

/** A calendar day in the browser's own time zone, as a date input wants it. */
async function localDay(page: Page, offsetDays: number): Promise<string> {
  return page.evaluate((offset) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, offsetDays);
}

test('a change to an employee appears in the audit log with actor, before and after, and the filters narrow it', async ({ page }) => {
  const admin = account(ACCOUNTS.admin);
  await signIn(page, ACCOUNTS.admin);

  // Set-up through the API: an employee of our own to change.
  const api = await apiClient(page);
  const municipalityId = api.municipalityId(HAVSTAD.code);
  const units = await api.get<ApiUnit[]>(`/municipalities/${municipalityId}/units`);
  const unitId = units.find((u) => u.code === 'REH-E')?.id;
  if (!unitId) throw new Error('REH-E not found');
  const family = uniqueName('Loggvik');
  const person = await api.post<ApiPerson>(`/municipalities/${municipalityId}/people`, {
    employeeNumber: `A-${uniqueSuffix()}`, givenName: 'Randi', familyName: family, profession: 'occupational_therapist',
    positionPct: 100, unitIds: [unitId],
  });

  // The change itself, through the UI.
  await page.goto(`/people/${person.id}`);
  await waitForPage(page);
  await page.getByRole('textbox', { name: nb('people.fields.positionPct'), exact: true }).fill('60');
  await page.getByRole('button', { name: nb('common.save'), exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: nb('people.saved', { name: `Randi ${family}` }) })).toBeVisible();

  await page.getByRole('navigation', { name: nb('nav.label') }).getByRole('link', { name: nb('nav.audit') }).click();
  await expect(page.getByRole('heading', { level: 1, name: nb('audit.title') })).toBeVisible();
  await waitForPage(page);

  // Newest first: the update, then the creation of the same employee.
  const ours = auditRows(page).filter({ hasText: person.id });
  await expect(ours).toHaveCount(2);
  const update = ours.nth(0);
  const cells = update.getByRole('cell');
  await expect(cells.nth(1)).toHaveText(`${admin.displayName} <${admin.email}>`);
  await expect(cells.nth(2)).toHaveText('person.update');
  await expect(cells.nth(3)).toContainText('person');
  await expect(cells.nth(3)).toContainText(person.id);
  const change = cells.nth(4).locator('.audit-diff__row').filter({ has: page.locator('dt', { hasText: /^positionPct$/ }) });
  await expect(change.locator('del')).toHaveText(`${nb('audit.before')}: 100`);
  await expect(change.locator('ins')).toHaveText(`${nb('audit.after')}: 60`);
  await expect(cells.nth(4).locator('dt')).toHaveText(['positionPct']);
  await expect(ours.nth(1).getByRole('cell').nth(2)).toHaveText('person.create');
  await expect(ours.nth(1).getByRole('cell').nth(4)).toContainText(family);
  await checkA11y(page, 'audit log');

  // Filter by type and action.
  await applyFilters(page, { entityType: 'person', action: 'person.update' });
  await expect(ours).toHaveCount(1);
  const actions = await auditRows(page).evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2]?.textContent));
  expect(new Set(actions)).toEqual(new Set(['person.update']));
  await expect(page.getByText(nb('audit.shown', { count: actions.length }))).toBeVisible();

  await applyFilters(page, { entityType: 'unit' });
  await expect(ours).toHaveCount(0);

  // By day: today has it, from tomorrow on nothing.
  const today = await localDay(page, 0);
  await applyFilters(page, { action: 'person.update', from: today, to: today });
  await expect(ours).toHaveCount(1);
  await applyFilters(page, { from: await localDay(page, 1) });
  await expect(page.getByText(nb('audit.empty'))).toBeVisible();
  await expect(auditRows(page)).toHaveCount(0);
  await checkA11y(page, 'audit log, nothing found');

  // Reset clears the form and shows everything again.
  await page.getByRole('button', { name: nb('audit.filters.clear') }).click();
  await expect(page.getByRole('textbox', { name: nb('audit.filters.action') })).toHaveValue('');
  await expect(ours).toHaveCount(2);
});
