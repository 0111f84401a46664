import { expect, type Page, test } from '@playwright/test';
import {
  ACCOUNTS,
  checkA11y,
  HAVSTAD,
  LEADER_UNIT_CODE,
  peopleTable,
  personRow,
  searchPeople,
  signIn,
  subtreeCodes,
  t,
  uniqueName,
  uniqueSuffix,
  unit,
  waitForPage,
} from '../support/index.js';

const nb = (key: string, vars?: Record<string, string | number>) => t('nb', key, vars);
const field = (page: Page, key: string) => page.getByRole('textbox', { name: nb(`people.fields.${key}`), exact: true });

test.describe('employees', () => {
  test('an admin creates an employee with the form, changes the position percentage and deletes them', async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    const given = 'Ingrid';
    const family = uniqueName('Skjemaberg');
    const number = `F-${uniqueSuffix()}`;
    const name = `${given} ${family}`;
    const team = unit(HAVSTAD, 'HJT-S-K');

    await page.getByRole('navigation', { name: nb('nav.label') }).getByRole('link', { name: nb('nav.people'), exact: true }).click();
    await waitForPage(page);
    await page.getByRole('link', { name: nb('people.new') }).click();
    await expect(page.getByRole('heading', { level: 1, name: nb('people.newTitle') })).toBeVisible();
    await waitForPage(page);

    // An empty form is stopped in the browser; focus goes to the first field in error.
    await page.getByRole('button', { name: nb('people.create') }).click();
    await expect(field(page, 'givenName')).toBeFocused();
    await expect(field(page, 'givenName')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(nb('validation.required')).first()).toBeVisible();
    await checkA11y(page, 'new employee form with errors');

    await field(page, 'givenName').fill(given);
    await field(page, 'familyName').fill(family);
    await field(page, 'employeeNumber').fill(number);
    await field(page, 'email').fill(`${family.toLowerCase()}@havstad.example`);
    await field(page, 'phone').fill('+47 91234567');
    await page.getByRole('combobox', { name: nb('people.fields.profession'), exact: true }).selectOption('nurse');
    await field(page, 'positionPct').fill('80');
    await page.getByRole('combobox', { name: nb('people.fields.preferredLanguage') }).selectOption('nn');
    await page.getByRole('checkbox', { name: `${team.name} (${nb('unitKinds.team')})` }).check();
    await page.getByRole('button', { name: nb('people.create') }).click();

    await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
    const personUrl = page.url();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: nb('people.created') })).toBeVisible();
    await expect(field(page, 'positionPct')).toHaveValue('80');
    await checkA11y(page, 'employee page (admin)');

    // Change the position percentage.
    await field(page, 'positionPct').fill('60');
    await page.getByRole('button', { name: nb('common.save'), exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: nb('people.saved', { name }) })).toBeVisible();
    await page.reload();
    await expect(field(page, 'positionPct')).toHaveValue('60');
    await searchPeople(page, family, 1);
    const row = personRow(page, number);
    await expect(row.getByRole('cell').nth(4)).toHaveText('60');
    await expect(row).toContainText(team.name);
    await expect(row).toContainText(nb('professions.nurse'));

    // Delete: the dialog asks first, and cancelling keeps the employee.
    await row.getByRole('link', { name: `${family}, ${given}` }).click();
    await expect(page).toHaveURL(personUrl);
    const deleteButton = page.getByRole('button', { name: nb('people.delete') });
    await deleteButton.click();
    const dialog = page.getByRole('dialog', { name: nb('people.deleteTitle', { name }) });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(nb('people.deleteText'));
    await checkA11y(page, 'delete confirmation dialog');
    await dialog.getByRole('button', { name: nb('common.cancel') }).click();
    await expect(dialog).toBeHidden();
    await expect(deleteButton).toBeFocused();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    await deleteButton.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: nb('people.delete') }).click();
    await expect(page).toHaveURL(/\/people$/);
    await searchPeople(page, family, 0);
    await page.goto(personUrl);
    await expect(page.getByRole('heading', { level: 1, name: nb('states.notFoundTitle') })).toBeVisible();
  });

  test('a unit leader sees only the staff of their unit, read-only', async ({ page }) => {
    const codes = subtreeCodes(HAVSTAD, LEADER_UNIT_CODE);
    const ownUnitNames = HAVSTAD.units.filter((u) => codes.has(u.code)).map((u) => u.name);
    const own = HAVSTAD.employees.find((e) => codes.has(e.unitCodes[0] ?? ''));
    const other = HAVSTAD.employees.find((e) => !e.unitCodes.some((c) => codes.has(c)));
    if (!own || !other) throw new Error('demo data: need employees inside and outside the leader unit');

    // The admin finds both employees.
    await signIn(page, ACCOUNTS.admin);
    await searchPeople(page, other.employeeNumber, 1);
    await page.context().clearCookies();

    await signIn(page, ACCOUNTS.leader);
    const nav = page.getByRole('navigation', { name: nb('nav.label') });
    await expect(nav.getByRole('link', { name: nb('nav.import') })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: nb('nav.audit') })).toHaveCount(0);
    await nav.getByRole('link', { name: nb('nav.people'), exact: true }).click();
    await waitForPage(page);
    await expect(page.getByRole('link', { name: nb('people.new') })).toHaveCount(0);
    await expect(page.getByRole('link', { name: nb('nav.import') })).toHaveCount(0);

    // Every listed employee works in the leader's unit or one of its teams.
    const rows = peopleTable(page).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    const unitsColumn = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[3]?.textContent ?? ''));
    expect(unitsColumn.length).toBeGreaterThan(0);
    for (const text of unitsColumn) {
      expect(ownUnitNames.some((n) => text.includes(n)), `"${text}" is one of ${ownUnitNames.join(', ')}`).toBe(true);
    }
    await checkA11y(page, 'employee list (leader)');

    await searchPeople(page, other.employeeNumber, 0);
    await searchPeople(page, own.employeeNumber, 1);

    // The employee page shows the facts, without a form or a delete button.
    await personRow(page, own.employeeNumber).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: `${own.givenName} ${own.familyName}` })).toBeVisible();
    await waitForPage(page);
    await expect(page.getByText(nb('people.fields.positionPct'), { exact: true })).toBeVisible();
    await expect(page.locator('main').getByRole('button')).toHaveCount(0);
    await expect(page.locator('main').getByRole('textbox')).toHaveCount(0);
    await checkA11y(page, 'employee page (leader, read-only)');

    // Nor can the leader reach the forms by address.
    await page.goto('/people/new');
    await expect(page.getByRole('heading', { level: 1, name: nb('states.forbiddenTitle') })).toBeVisible();
    await page.goto('/people/import');
    await expect(page.getByRole('heading', { level: 1, name: nb('states.forbiddenTitle') })).toBeVisible();

    // The unit tree is read-only too.
    await page.goto('/units');
    await waitForPage(page);
    await expect(page.getByRole('list', { name: nb('units.treeLabel') }).getByText(unit(HAVSTAD, LEADER_UNIT_CODE).name, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: nb('units.addServiceArea') })).toHaveCount(0);
    await expect(page.getByRole('button', { name: new RegExp(`^${nb('common.edit')}`) })).toHaveCount(0);
    await expect(page.getByRole('button', { name: new RegExp(`^${nb('common.delete')}`) })).toHaveCount(0);
  });
});
