import { expect, type Page, test } from '@playwright/test';
import { buildEmployeeCsv, buildEmployeeXlsx, type FixtureRow } from '../../src/server/modules/people/import/fixtures.js';
import {
  ACCOUNTS,
  apiClient,
  type ApiUnit,
  checkA11y,
  exact,
  HAVSTAD,
  personRow,
  searchPeople,
  signIn,
  t,
  uniqueName,
  uniqueSuffix,
  unit,
  waitForPage,
} from '../support/index.js';

const nb = (key: string, vars?: Record<string, string | number>) => t('nb', key, vars);
const POLL = '**/api/v1/municipalities/*/people/imports/*';

// Real Havstad unit codes from the demo scenario; the server resolves them to units.
const UNITS = [unit(HAVSTAD, 'HJT-S-D'), unit(HAVSTAD, 'REH-F'), unit(HAVSTAD, 'TFF-A')];

/**
 * Holds the wizard's status polls until released, so a state that normally
 * lasts half a second (parsing, committing) can be looked at without racing it.
 */
async function holdPolls(page: Page): Promise<() => Promise<void>> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = async (route: import('@playwright/test').Route) => {
    if (route.request().method() === 'GET') await gate;
    await route.fallback();
  };
  await page.route(POLL, handler);
  return async () => {
    release();
    await page.unroute(POLL, handler);
  };
}

async function openImport(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('navigation', { name: nb('nav.label') }).getByRole('link', { name: nb('nav.import'), exact: true }).click();
  await expect(page).toHaveURL(/\/people\/import$/);
  await expect(page.getByRole('heading', { level: 1, name: nb('imports.title') })).toBeVisible();
  await expectStep(page, 'upload');
}

/** The step marked aria-current in the wizard's step list (its number is aria-hidden). */
async function expectStep(page: Page, step: 'upload' | 'check' | 'commit' | 'done'): Promise<void> {
  const current = page.getByRole('list', { name: nb('imports.steps.label') }).locator('[aria-current="step"]');
  await expect(current).toHaveText(new RegExp(`^\\d${exact(nb(`imports.steps.${step}`)).source.slice(1)}`));
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByLabel(nb('imports.upload.file'), { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: nb('imports.upload.submit') }).click();
}

function summaryCount(page: Page, action: 'create' | 'update' | 'unchanged') {
  return page
    .getByTestId('import-summary')
    .locator('.summary__item')
    .filter({ has: page.locator('dt', { hasText: exact(nb(`imports.actions.${action}`)) }) })
    .locator('dd');
}

/** Upload, watch it being checked, then return at the preview. */
async function uploadAndCheck(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, a11y = false): Promise<void> {
  const release = await holdPolls(page);
  await upload(page, file);
  await expect(page.getByRole('progressbar', { name: nb('imports.progress.parsing') })).toBeVisible();
  await expectStep(page, 'check');
  await expect(page.getByTestId('import-announcer')).toHaveText(nb('imports.status.parsing'));
  if (a11y) await checkA11y(page, 'import: checking the file');
  await release();
}

async function commitAndFinish(page: Page, a11y = false): Promise<void> {
  const release = await holdPolls(page);
  await page.getByRole('button', { name: nb('imports.ready.commit') }).click();
  await expect(page.getByRole('progressbar', { name: nb('imports.progress.committing') })).toBeVisible();
  await expectStep(page, 'commit');
  if (a11y) await checkA11y(page, 'import: saving');
  await release();
  await expect(page.getByText(nb('imports.done.text'))).toBeVisible();
  await expectStep(page, 'done');
  await expect(page.getByTestId('import-status')).toHaveAttribute('data-status', 'committed');
}

test.describe('employee import', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
  });

  test('a CSV with real unit codes is checked, previewed, committed and the people are listed', async ({ page }) => {
    // The codes in the file are Havstad's own, as the API lists them.
    const api = await apiClient(page);
    const units = await api.get<ApiUnit[]>(`/municipalities/${api.municipalityId(HAVSTAD.code)}/units`);
    for (const u of UNITS) expect(units.map((x) => x.code)).toContain(u.code);

    const family = uniqueName('Importsen');
    const run = uniqueSuffix();
    const rows: FixtureRow[] = [
      { employeeNumber: `E2E-${run}-1`, givenName: 'Åse', familyName: family, email: `ase.${run.toLowerCase()}@havstad.example`, phone: '+47 90000001', profession: 'Sykepleier', positionPct: 100, unitRef: UNITS[0]!.code, preferredLanguage: 'nb' },
      { employeeNumber: `E2E-${run}-2`, givenName: 'Bjørn', familyName: family, email: '', phone: '', profession: 'Helsefagarbeider', positionPct: '75 %', unitRef: UNITS[1]!.code, preferredLanguage: 'nn' },
      { employeeNumber: `E2E-${run}-3`, givenName: 'Märta', familyName: family, email: '', phone: '', profession: 'Vernepleier', positionPct: '50', unitRef: UNITS[2]!.code, preferredLanguage: '' },
    ];
    const name = `ansatte-${run}.csv`;

    await openImport(page);
    await checkA11y(page, 'import: upload step');
    await uploadAndCheck(page, { name, mimeType: 'text/csv', buffer: buildEmployeeCsv(rows) }, true);

    // The preview: counts per action and every row as it will be saved.
    await expect(page.getByText(nb('imports.ready.text', { file: name, count: 3 }))).toBeVisible();
    await expect(page.getByTestId('import-announcer')).toHaveText(nb('imports.status.ready'));
    await expect(summaryCount(page, 'create')).toHaveText('3');
    await expect(summaryCount(page, 'update')).toHaveText('0');
    await expect(summaryCount(page, 'unchanged')).toHaveText('0');
    const preview = page.getByRole('region', { name: nb('imports.preview.tableLabel') }).getByRole('table');
    await expect(preview.locator('tbody tr')).toHaveCount(3);
    await expect(preview.locator('tbody tr').first()).toContainText(`${family}, Åse`);
    await expect(preview.locator('tbody tr').first()).toContainText(nb('professions.nurse'));
    await expect(preview.locator('tbody tr').nth(1)).toContainText(nb('professions.health_care_worker'));
    await expect(preview.locator('tbody tr').nth(2)).toContainText(nb('professions.social_educator'));
    await checkA11y(page, 'import: preview');

    await commitAndFinish(page, true);
    await checkA11y(page, 'import: done');

    await page.getByRole('link', { name: nb('imports.done.toPeople') }).click();
    await expect(page).toHaveURL(/\/people$/);
    await waitForPage(page);
    await searchPeople(page, family, 3);
    await expect(personRow(page, `E2E-${run}-1`)).toContainText(UNITS[0]!.name);
    await expect(personRow(page, `E2E-${run}-2`)).toContainText(UNITS[1]!.name);
    await expect(personRow(page, `E2E-${run}-2`).getByRole('cell').nth(4)).toHaveText('75');
    await expect(personRow(page, `E2E-${run}-3`)).toContainText(UNITS[2]!.name);

    // Uploading the same file again changes nothing.
    await openImport(page);
    await uploadAndCheck(page, { name, mimeType: 'text/csv', buffer: buildEmployeeCsv(rows) });
    await expect(summaryCount(page, 'unchanged')).toHaveText('3');
    await expect(summaryCount(page, 'create')).toHaveText('0');
    await page.getByRole('button', { name: nb('imports.startOver') }).click();
    await expectStep(page, 'upload');
  });

  test('an invalid file lists the errors by row and changes nothing', async ({ page }) => {
    const family = uniqueName('Feilsen');
    const run = uniqueSuffix();
    const existing = `E2E-${run}-1`;

    // One employee first, so the rejected file also tries to update someone.
    await openImport(page);
    await uploadAndCheck(page, {
      name: 'first.csv',
      mimeType: 'text/csv',
      buffer: buildEmployeeCsv([{ employeeNumber: existing, givenName: 'Ola', familyName: family, profession: 'Sykepleier', positionPct: 100, unitRef: UNITS[0]!.code }]),
    });
    await expect(summaryCount(page, 'create')).toHaveText('1');
    await commitAndFinish(page);

    const bad: FixtureRow[] = [
      { employeeNumber: existing, givenName: 'Ola', familyName: family, profession: 'Sykepleier', positionPct: 40, unitRef: UNITS[0]!.code },
      { employeeNumber: `E2E-${run}-2`, givenName: 'Kari', familyName: family, profession: 'Astronaut', positionPct: 80, unitRef: UNITS[1]!.code },
      { employeeNumber: `E2E-${run}-3`, givenName: 'Jens', familyName: family, profession: 'Assistent', positionPct: 50, unitRef: 'FINNES-IKKE' },
      { employeeNumber: `E2E-${run}-4`, givenName: 'Søren', familyName: family, profession: 'Fysioterapeut', positionPct: 60, unitRef: UNITS[1]!.code },
    ];
    await page.getByRole('button', { name: nb('imports.done.another') }).click();
    await expectStep(page, 'upload');
    await uploadAndCheck(page, { name: 'feil.csv', mimeType: 'text/csv', buffer: buildEmployeeCsv(bad) });

    await expect(page.getByTestId('import-status')).toHaveAttribute('data-status', 'invalid');
    const alert = page.getByRole('alert').filter({ hasText: nb('imports.invalid.title') });
    await expect(alert).toContainText(nb('imports.invalid.nothingChanged'));
    await expect(page.getByRole('heading', { name: nb('imports.errors.title', { count: 2 }) })).toBeVisible();
    const errors = page.getByTestId('import-errors');
    await expect(errors.locator('tbody tr')).toHaveCount(2);
    // Row 1 is the header, so the second employee is on row 3 and the third on row 4.
    const profession = errors.locator('tbody tr').filter({ hasText: 'UNKNOWN_PROFESSION' });
    await expect(profession.getByRole('cell')).toHaveText(['3', nb('imports.columns.profession'), 'UNKNOWN_PROFESSION', nb('imports.rowErrors.UNKNOWN_PROFESSION'), 'Astronaut']);
    const unitError = errors.locator('tbody tr').filter({ hasText: 'UNKNOWN_UNIT' });
    await expect(unitError.getByRole('cell')).toHaveText(['4', nb('imports.columns.unitRef'), 'UNKNOWN_UNIT', nb('imports.rowErrors.UNKNOWN_UNIT'), 'FINNES-IKKE']);
    await expect(page.getByRole('button', { name: nb('imports.ready.commit') })).toHaveCount(0);
    await checkA11y(page, 'import: errors');

    // "Upload a new file" starts the wizard over; the checked file stays at its own address.
    const checked = page.url();
    expect(checked).toMatch(/\/people\/import\?import=[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: nb('imports.tryAgain') }).click();
    await expectStep(page, 'upload');
    await expect(page.getByLabel(nb('imports.upload.file'), { exact: true })).toBeVisible();
    await page.goto(checked);
    await expect(page.getByTestId('import-status')).toHaveAttribute('data-status', 'invalid');
    await expect(page.getByTestId('import-errors').locator('tbody tr')).toHaveCount(2);

    // All or nothing: the valid rows were not applied either.
    await searchPeople(page, family, 1);
    await expect(personRow(page, existing).getByRole('cell').nth(4)).toHaveText('100');
    await expect(personRow(page, `E2E-${run}-4`)).toHaveCount(0);
  });

  test('an Excel workbook with Swedish headers is imported too', async ({ page }) => {
    const family = uniqueName('Excelsson');
    const run = uniqueSuffix();
    const rows: FixtureRow[] = [
      { employeeNumber: `X${run}1`, givenName: 'Märta', familyName: family, email: `marta.${run.toLowerCase()}@havstad.example`, profession: 'Undersköterska', positionPct: 0.8, unitRef: UNITS[0]!.code, preferredLanguage: 'sv' },
      { employeeNumber: `X${run}2`, givenName: 'Søren', familyName: family, profession: 'Sjuksköterska', positionPct: 100, unitRef: UNITS[1]!.name, preferredLanguage: 'da' },
    ];
    const name = `anstallda-${run}.xlsx`;
    await openImport(page);
    await uploadAndCheck(page, {
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await buildEmployeeXlsx(rows, { headers: 'sv', sheetName: 'Personal' }),
    });
    await expect(page.getByText(nb('imports.ready.text', { file: name, count: 2 }))).toBeVisible();
    await expect(summaryCount(page, 'create')).toHaveText('2');
    await commitAndFinish(page);

    await searchPeople(page, family, 2);
    // 0,8 in a spreadsheet is 80 %; the second unit was referred to by name.
    await expect(personRow(page, `X${run}1`).getByRole('cell').nth(4)).toHaveText('80');
    await expect(personRow(page, `X${run}1`)).toContainText(nb('professions.health_care_worker'));
    await expect(personRow(page, `X${run}2`)).toContainText(UNITS[1]!.name);
    await expect(personRow(page, `X${run}2`)).toContainText(nb('professions.nurse'));
  });
});
