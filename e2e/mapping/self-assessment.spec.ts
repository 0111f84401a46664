import { expect, test } from '@playwright/test';
import { account, ACCOUNTS, type ApiUnit, apiClient, checkA11y, expectNoHorizontalOverflow, HAVSTAD, signIn, t, waitForPage } from '../support/index.js';

// A competence advisor publishes a small campaign for the employee's unit; the
// employee answers it on a phone, autosave keeps the answers over a reload,
// and submitting ends on the thank-you page.

test('an employee answers a published self-assessment on a phone', async ({ browser }) => {
  const employee = account(ACCOUNTS.employee);
  const lng = employee.preferredLanguage;
  const person = HAVSTAD.employees.find((e) => e.employeeNumber === employee.employeeNumber);
  if (!person) throw new Error('demo employee not found');

  // ——— the advisor creates and publishes the campaign ———
  const advisorContext = await browser.newContext();
  const advisorPage = await advisorContext.newPage();
  await signIn(advisorPage, ACCOUNTS.advisor);
  const api = await apiClient(advisorPage);
  const mid = api.municipalityId(HAVSTAD.code);
  const units = await api.get<ApiUnit[]>(`/municipalities/${mid}/units`);
  const unit = units.find((u) => u.code === person.unitCodes[0]);
  if (!unit) throw new Error('unit of the demo employee not found');
  const name = `E2E-kartlegging ${Date.now()}`;
  const alng = account(ACCOUNTS.advisor).preferredLanguage;
  await advisorPage.goto('/campaigns');
  await waitForPage(advisorPage);
  await advisorPage.getByRole('link', { name: t(alng, 'campaigns.new') }).click();
  await expect(advisorPage.getByRole('heading', { level: 1, name: t(alng, 'campaigns.newTitle') })).toBeVisible();
  await waitForPage(advisorPage);
  await advisorPage.getByRole('textbox', { name: t(alng, 'campaigns.fields.name') }).fill(name);
  await advisorPage.getByRole('checkbox', { name: unit.name, exact: true }).check();
  await advisorPage.getByRole('radio', { name: t(alng, 'campaigns.modes.anonymous') }).check();
  await expect(advisorPage.getByText(t(alng, 'campaigns.anonymousExplained'))).toBeVisible();
  await advisorPage.getByRole('radio', { name: t(alng, 'campaigns.modes.identified') }).check();
  await checkA11y(advisorPage, 'new campaign');
  await advisorPage.getByRole('button', { name: t(alng, 'campaigns.create') }).click();
  await expect(advisorPage.getByRole('heading', { level: 1, name })).toBeVisible();
  await advisorPage.getByRole('button', { name: t(alng, 'campaigns.actions.publish') }).click();
  await advisorPage.getByRole('dialog').getByRole('button', { name: t(alng, 'campaigns.actions.publish') }).click();
  await expect(advisorPage.getByRole('heading', { level: 2, name: t(alng, 'campaigns.progress.title') })).toBeVisible();
  await expect(advisorPage.getByRole('table')).toBeVisible();
  await waitForPage(advisorPage);
  await checkA11y(advisorPage, 'campaign page');
  await advisorContext.close();

  // ——— the employee answers on a 360 px phone ———
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.employee);
  await page.goto('/assessments');
  await waitForPage(page);
  await expect(page.getByRole('heading', { level: 1, name: t(lng, 'assessment.mine.title') })).toBeVisible();
  await checkA11y(page, 'my assessments');
  await page.getByRole('link', { name }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await waitForPage(page);
  const total = await page.locator('.assessment-competence fieldset').count();
  expect(total).toBeGreaterThan(2);
  await expect(page.getByText(t(lng, 'assessment.progress', { answered: 0, total }))).toBeVisible();
  await checkA11y(page, 'questionnaire');
  await expectNoHorizontalOverflow(page, 'questionnaire');

  const groups = page.locator('.assessment-competence fieldset');
  await expect(groups).toHaveCount(total);
  const status = page.getByTestId('save-status');

  // Answer the first two: a level, and "don't know" with a wish for training.
  const saved = page.waitForResponse((r) => r.url().includes('/answers') && r.request().method() === 'PUT' && r.ok());
  await groups.nth(0).getByRole('radio').first().check();
  await groups.nth(1).getByRole('radio', { name: t(lng, 'assessment.dontKnow') }).check();
  await page.locator('.assessment-competence').nth(1).getByRole('checkbox', { name: t(lng, 'assessment.wantsTraining') }).check();
  await expect(page.getByText(t(lng, 'assessment.progress', { answered: 2, total }))).toBeVisible();
  await saved;
  await expect(status).toContainText(t(lng, 'assessment.save.saved', { time: '' }).trim());

  // Submitting now lists what is missing.
  await page.getByRole('button', { name: t(lng, 'assessment.submit.button') }).click();
  await expect(page.getByRole('heading', { level: 2, name: t(lng, 'assessment.submit.missingTitle', { count: total - 2 }) })).toBeVisible();

  // Autosave: after a reload the answers are still there.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(t(lng, 'assessment.progress', { answered: 2, total }))).toBeVisible();
  await expect(groups.nth(0).getByRole('radio').first()).toBeChecked();
  await expect(groups.nth(1).getByRole('radio', { name: t(lng, 'assessment.dontKnow') })).toBeChecked();
  await expect(page.locator('.assessment-competence').nth(1).getByRole('checkbox')).toBeChecked();

  // Answer the rest and submit.
  for (let i = 2; i < total; i += 1) await groups.nth(i).getByRole('radio').nth(1).check();
  await expect(page.getByText(t(lng, 'assessment.progress', { answered: total, total }))).toBeVisible();
  await page.getByRole('button', { name: t(lng, 'assessment.submit.button') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: t(lng, 'assessment.submit.confirmTitle') })).toBeVisible();
  await dialog.getByRole('button', { name: t(lng, 'assessment.submit.confirm') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(lng, 'assessment.thanks.title') })).toBeVisible();
  await checkA11y(page, 'thank-you page');

  // Opening it again says it is already submitted.
  await page.reload();
  await expect(page.getByText(t(lng, 'assessment.conflicts.ALREADY_SUBMITTED'))).toBeVisible();
  await context.close();
});

test('the shared-device code page opens /assess/<code> and rejects unknown codes', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/assess');
  await expect(page.getByRole('heading', { level: 1, name: t('nb', 'assessment.code.title') })).toBeVisible();
  await checkA11y(page, 'code entry');
  await expectNoHorizontalOverflow(page, 'code entry');
  await page.getByRole('textbox', { name: t('nb', 'assessment.code.label') }).fill('abcd-efgh');
  await page.getByRole('button', { name: t('nb', 'assessment.code.open') }).click();
  await expect(page).toHaveURL(/\/assess\/ABCD-EFGH$/);
  await expect(page.getByText(t('nb', 'assessment.notFound'))).toBeVisible();
});
