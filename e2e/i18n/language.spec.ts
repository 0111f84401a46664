import { expect, type Page, test } from '@playwright/test';
import {
  account,
  ACCOUNTS,
  checkA11y,
  expectNoHorizontalOverflow,
  LANGUAGES,
  type Language,
  signIn,
  t,
  waitForPage,
} from '../support/index.js';

const ADMIN = account(ACCOUNTS.admin);

/** Main pages of the municipal admin and the heading each shows. */
const PAGES: { path: string; title: (lng: Language) => string }[] = [
  { path: '/', title: (lng) => t(lng, 'home.title', { name: ADMIN.displayName }) },
  { path: '/people', title: (lng) => t(lng, 'people.title') },
  { path: '/units', title: (lng) => t(lng, 'units.title') },
  { path: '/people/import', title: (lng) => t(lng, 'imports.title') },
  { path: '/audit', title: (lng) => t(lng, 'audit.title') },
  { path: '/admin/municipality', title: (lng) => t(lng, 'admin.municipality.title') },
  { path: '/profile', title: (lng) => t(lng, 'profile.title') },
];

/** Pick a language in the header switcher, whose label is in the language shown now. */
async function switchLanguage(page: Page, from: Language, to: Language): Promise<void> {
  const select = page.getByRole('combobox', { name: t(from, 'header.language') });
  await expect(select).toHaveValue(from);
  await select.selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
  await expect(page.getByRole('combobox', { name: t(to, 'header.language') })).toHaveValue(to);
}

async function expectHomeIn(page: Page, lng: Language): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(lng, 'home.title', { name: ADMIN.displayName }));
  await expect(page.getByRole('heading', { level: 2, name: t(lng, 'home.whatYouCanDo') })).toBeVisible();
  await expect(page).toHaveTitle(`${t(lng, 'home.title', { name: ADMIN.displayName })} – ${t(lng, 'app.name')}`);
  const nav = page.getByRole('navigation', { name: t(lng, 'nav.label') });
  for (const key of ['home', 'people', 'import', 'units', 'audit', 'municipality', 'profile']) {
    await expect(nav.getByRole('link', { name: t(lng, `nav.${key}`), exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: t(lng, 'header.signOut') })).toBeVisible();
  await expect(page.getByRole('link', { name: t(lng, 'app.skipToMain') })).toHaveCount(1);
}

test('the header switcher changes the language nb → nn → sv → da → en, and the choice is kept', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await expectHomeIn(page, 'nb');
  // Every option is written in its own language.
  for (const lng of LANGUAGES) {
    await expect(page.locator(`select option[value="${lng}"]`).first()).toHaveAttribute('lang', lng);
  }
  let current: Language = 'nb';
  for (const next of ['nn', 'sv', 'da', 'en'] as const) {
    await switchLanguage(page, current, next);
    await expectHomeIn(page, next);
    current = next;
  }
  // The language follows navigation and reloads.
  await page.getByRole('navigation', { name: t('en', 'nav.label') }).getByRole('link', { name: t('en', 'nav.people'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'people.title') })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'people.title') })).toBeVisible();
  await switchLanguage(page, 'en', 'nb');
  await expect(page.getByRole('heading', { level: 1, name: t('nb', 'people.title') })).toBeVisible();
});

test.describe('on a 360 × 740 phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const lng of LANGUAGES) {
    test(`every main page fits and the home and employee pages pass axe in ${lng}`, async ({ page }) => {
      await signIn(page, ACCOUNTS.admin);
      if (lng !== 'nb') await switchLanguage(page, 'nb', lng);
      for (const { path, title } of PAGES) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title(lng));
        await waitForPage(page);
        await expect(page.locator('html')).toHaveAttribute('lang', lng);
        await expectNoHorizontalOverflow(page, `${path} (${lng})`);

        if (path === '/' || path === '/people') {
          await checkA11y(page, `${path} (${lng}, 360 px)`);
          const menu = page.getByRole('button', { name: t(lng, 'header.menu') });
          await menu.click();
          await expect(page.getByRole('button', { name: t(lng, 'header.closeMenu') })).toHaveAttribute('aria-expanded', 'true');
          await expect(page.getByRole('navigation', { name: t(lng, 'nav.label') })).toBeVisible();
          await expectNoHorizontalOverflow(page, `${path} (${lng}) with the menu open`);
          await checkA11y(page, `${path} (${lng}, 360 px, menu open)`);
        }
      }
    });
  }
});
