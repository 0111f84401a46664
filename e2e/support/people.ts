import { expect, type Page } from '@playwright/test';
import { t } from './i18n.js';
import { waitForPage } from './page.js';

/** The employee table on /people (absent when the list is empty). */
export function peopleTable(page: Page) {
  return page.getByRole('table', { name: t('nb', 'people.tableLabel') });
}

/** Search the employee list (nb UI) and wait for the answer. */
export async function searchPeople(page: Page, query: string, expected: number): Promise<void> {
  if (!new URL(page.url()).pathname.endsWith('/people')) {
    await page.goto('/people');
    await waitForPage(page);
  }
  const search = page.getByRole('search', { name: t('nb', 'people.filters.label') });
  await search.getByRole('searchbox', { name: t('nb', 'people.filters.search') }).fill(query);
  await search.getByRole('button', { name: t('nb', 'common.search'), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(query).replace(/%20/g, '(\\+|%20)')}`));
  await expect(page.locator('.result-count')).toHaveText(t('nb', 'people.count', { count: expected }));
  await waitForPage(page);
  if (expected === 0) {
    await expect(page.getByText(t('nb', 'people.empty'))).toBeVisible();
    await expect(peopleTable(page)).toHaveCount(0);
  } else {
    await expect(peopleTable(page).locator('tbody tr')).toHaveCount(Math.min(expected, 25));
  }
}

/** The table row of one employee, found by their employee number. */
export function personRow(page: Page, employeeNumber: string) {
  return peopleTable(page).locator('tbody tr').filter({ has: page.getByRole('cell', { name: employeeNumber, exact: true }) });
}
