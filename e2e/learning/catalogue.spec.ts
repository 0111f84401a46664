import { expect, type Page, test } from '@playwright/test';
import { STARTER_FRAMEWORK_KEY } from '../../src/server/modules/frameworks/starter/starter-framework.js';
import { ACCOUNTS, apiClient, checkA11y, expectNoHorizontalOverflow, languageOf, signIn, t, uniqueName, waitForPage } from '../support/index.js';

// The learning catalogue: a competence advisor adds an item tagged with a
// competence and publishes it; an employee on a phone finds it by filtering
// on that competence, opens it and marks it done. Every page passes axe.

test.describe.configure({ timeout: 120_000 });

const COMPETENCE = 'HC.SEC.1';

async function starterVersionId(page: Page): Promise<string> {
  const api = await apiClient(page);
  const frameworks = await api.get<{ key: string; versions: { id: string }[] }[]>('/frameworks');
  const starter = frameworks.find((f) => f.key === STARTER_FRAMEWORK_KEY);
  return starter!.versions[0]!.id;
}

test('an advisor publishes a tagged item, and an employee on a phone finds it by competence and marks it done', async ({ page, browser }) => {
  const title = uniqueName('Fallforebygging ');
  const nb = languageOf(ACCOUNTS.advisor);
  await signIn(page, ACCOUNTS.advisor);
  const versionId = await starterVersionId(page);

  await page.getByRole('navigation', { name: t(nb, 'nav.label') }).getByRole('link', { name: t(nb, 'nav.learn'), exact: true }).click();
  await expect(page).toHaveURL(/\/catalogue$/);
  await waitForPage(page);
  await checkA11y(page, 'catalogue (advisor)');

  await page.getByRole('link', { name: t(nb, 'catalogue.newItem') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(nb, 'catalogue.editor.newTitle') })).toBeVisible();
  await waitForPage(page);
  await page.getByLabel(t(nb, 'catalogue.editor.kind'), { exact: true }).selectOption('link');
  await page.getByRole('textbox', { name: t(nb, 'catalogue.editor.title'), exact: true }).fill(title);
  await page.getByRole('textbox', { name: t(nb, 'catalogue.editor.description'), exact: true }).fill('Slik forebygger du fall hos hjemmeboende.');
  await page.getByRole('textbox', { name: t(nb, 'catalogue.editor.duration') }).fill('12');
  await page.getByRole('textbox', { name: t(nb, 'catalogue.editor.linkUrl') }).fill('https://learning.example/fall-prevention');
  await page.getByLabel(t(nb, 'catalogue.editor.framework'), { exact: true }).selectOption(versionId);
  await page.getByRole('button', { name: t(nb, 'catalogue.editor.addTag') }).click();
  await page.getByLabel(t(nb, 'catalogue.editor.competence', { n: 1 }), { exact: true }).selectOption(COMPETENCE);
  await page.getByLabel(t(nb, 'catalogue.editor.level', { n: 1 }), { exact: true }).selectOption('2');
  await page.getByRole('checkbox', { name: t(nb, 'catalogue.editor.publishNow') }).check();
  await checkA11y(page, 'item editor (new)');
  await page.getByRole('button', { name: t(nb, 'catalogue.editor.create') }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await waitForPage(page);
  await expect(page.getByText(t(nb, 'catalogue.editor.saved'))).toBeVisible();
  await expect(page.getByRole('region', { name: t(nb, 'catalogue.item.competences') }).getByText(COMPETENCE)).toBeVisible();
  await checkA11y(page, 'item detail (advisor)');
  await page.getByRole('link', { name: t(nb, 'catalogue.edit') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(nb, 'catalogue.editor.editTitle') })).toBeVisible();
  await waitForPage(page);
  await checkA11y(page, 'item editor (edit)');

  // The employee, on a phone, in Swedish.
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const mobile = await phone.newPage();
  const sv = languageOf(ACCOUNTS.employee);
  await signIn(mobile, ACCOUNTS.employee);
  await mobile.goto('/catalogue');
  await expect(mobile.getByRole('heading', { level: 1, name: t(sv, 'catalogue.title') })).toBeVisible();
  await waitForPage(mobile);
  await expectNoHorizontalOverflow(mobile, 'catalogue on a phone');
  await checkA11y(mobile, 'catalogue (employee, phone)');

  // The header has a language switcher too: look for the filters in the page's main content.
  const main = mobile.locator('#main');
  const competence = main.getByLabel(t(sv, 'catalogue.filters.competence'), { exact: true });
  await expect(competence.locator(`option[value="${COMPETENCE}"]`)).toHaveCount(1);
  await competence.selectOption(COMPETENCE);
  await main.getByLabel(t(sv, 'catalogue.filters.kind'), { exact: true }).selectOption('link');
  await main.getByLabel(t(sv, 'catalogue.filters.length'), { exact: true }).selectOption('short');
  await expect(mobile).toHaveURL(/competence=HC\.SEC\.1/);
  const card = mobile.getByTestId('catalogue-card').filter({ hasText: title });
  await expect(card).toBeVisible();
  await expectNoHorizontalOverflow(mobile, 'filtered catalogue on a phone');
  await checkA11y(mobile, 'filtered catalogue (employee, phone)');

  // A filter that leaves it out shows the empty state.
  await main.getByLabel(t(sv, 'catalogue.filters.language'), { exact: true }).selectOption('da');
  await expect(mobile.getByText(t(sv, 'catalogue.emptyFiltered'))).toBeVisible();
  await mobile.getByRole('button', { name: t(sv, 'catalogue.filters.clear') }).click();
  await mobile.getByRole('searchbox', { name: t(sv, 'catalogue.filters.search') }).fill(title.toUpperCase());
  await mobile.getByRole('button', { name: t(sv, 'catalogue.filters.searchButton'), exact: true }).click();
  await expect(mobile.getByText(t(sv, 'catalogue.resultCount', { count: 1 }))).toBeVisible();

  await card.getByRole('link', { name: title }).click();
  await expect(mobile.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await waitForPage(mobile);
  await expect(mobile.getByRole('link', { name: new RegExp(t(sv, 'catalogue.action.open')) })).toHaveAttribute('href', 'https://learning.example/fall-prevention');
  await expectNoHorizontalOverflow(mobile, 'item on a phone');
  await checkA11y(mobile, 'item detail (employee, phone)');
  await mobile.getByRole('button', { name: t(sv, 'catalogue.action.markDone') }).click();
  await expect(mobile.getByText(t(sv, 'catalogue.action.markedDone'))).toBeVisible();
  await expect(mobile.getByRole('button', { name: t(sv, 'catalogue.action.done') })).toBeDisabled();
  await checkA11y(mobile, 'item detail after marking done (employee, phone)');

  // Back in the list, the card says so.
  await mobile.goto('/catalogue');
  await expect(mobile.getByTestId('catalogue-card').filter({ hasText: title }).getByText(t(sv, 'catalogue.myStatus.completed'))).toBeVisible();
  await phone.close();
});
