import { expect, test } from '@playwright/test';
import {
  account,
  ACCOUNTS,
  checkA11y,
  DEMO_PASSWORD,
  expectFocusVisible,
  expectSignedIn,
  forgetSession,
  signIn,
  submitSignIn,
  t,
  waitForPage,
} from '../support/index.js';

const ADMIN = ACCOUNTS.admin;
const nb = (key: string, vars?: Record<string, string | number>) => t('nb', key, vars);

test.describe('sign-in', () => {
  test('the Havstad admin signs in, sees their name and municipality, and signs out', async ({ page }) => {
    await signIn(page, ADMIN, { fresh: true });
    await expect(page.getByTestId('current-municipality')).toHaveText('Havstad');
    await expect(page.getByRole('navigation', { name: nb('nav.label') }).getByRole('link', { name: nb('nav.people'), exact: true })).toBeVisible();

    await page.getByRole('button', { name: nb('header.signOut') }).click();
    forgetSession(ADMIN);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { level: 1, name: nb('auth.login.title') })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);

    // The session is gone on the server too: a protected page sends us back to sign in.
    await page.goto('/people');
    await expect(page).toHaveURL(/\/login\?next=%2Fpeople$/);
    expect((await page.request.get('/api/v1/me')).status()).toBe(401);

    // Signing in again returns to the page asked for.
    await submitSignIn(page, ADMIN);
    await expect(page).toHaveURL(/\/people$/);
    await expect(page.getByRole('heading', { level: 1, name: nb('people.title') })).toBeVisible();
  });

  test('a wrong password shows a translated error and keeps the user on the form', async ({ page }) => {
    await page.goto('/login');
    await waitForPage(page);
    await submitSignIn(page, ADMIN, 'not-the-password');
    const alert = page.getByRole('alert');
    await expect(alert).toHaveText(nb('errors.INVALID_CREDENTIALS'));
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);

    // The message follows the chosen language.
    await page.getByLabel(nb('header.language')).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(alert).toHaveText(t('en', 'errors.INVALID_CREDENTIALS'));
    await expect(page.getByRole('heading', { level: 1, name: t('en', 'auth.login.title') })).toBeVisible();

    // An empty form is caught in the browser, field by field.
    await page.getByRole('textbox', { name: t('en', 'auth.fields.email') }).fill('');
    await page.getByLabel(t('en', 'auth.fields.password'), { exact: true }).fill('');
    await page.getByRole('button', { name: t('en', 'auth.login.submit') }).click();
    await expect(page.getByText(t('en', 'validation.required'))).toHaveCount(2);

    await checkA11y(page, 'sign-in page with errors');
    // The right password still works after a failure.
    await submitSignIn(page, ADMIN, DEMO_PASSWORD, 'en');
    await expect(page.getByTestId('signed-in-user')).toHaveText(account(ADMIN).displayName);
  });

  test('the sign-in and forgot-password pages pass axe', async ({ page }) => {
    await page.goto('/login');
    await waitForPage(page);
    await checkA11y(page, 'sign-in page');

    await page.getByRole('link', { name: nb('auth.login.forgot') }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole('heading', { level: 1, name: nb('auth.forgot.title') })).toBeVisible();
    await checkA11y(page, 'forgot-password page');

    // Asking for a link always answers the same, whether or not the address has an account.
    await page.getByRole('textbox', { name: nb('auth.fields.email') }).fill('nobody@havstad.kommune.example');
    await page.getByRole('button', { name: nb('auth.forgot.submit') }).click();
    await expect(page.getByRole('status').filter({ hasText: nb('auth.forgot.sent') })).toBeVisible();
    await checkA11y(page, 'forgot-password page, link sent');

    await page.getByRole('link', { name: nb('auth.backToLogin') }).click();
    await expect(page.getByRole('heading', { level: 1, name: nb('auth.login.title') })).toBeVisible();
  });

  test('keyboard only: skip link, fields, Enter submits, focus is visible', async ({ page }) => {
    await page.goto('/login');
    await waitForPage(page);

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: nb('app.skipToMain') });
    // The skip link is hidden until focused; showing up is its focus indicator.
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    expect((await skip.boundingBox())?.height ?? 0).toBeGreaterThan(20);

    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();

    await page.keyboard.press('Tab');
    const email = page.getByRole('textbox', { name: nb('auth.fields.email') });
    await expectFocusVisible(email);
    await page.keyboard.type(ADMIN);

    await page.keyboard.press('Tab');
    const password = page.getByLabel(nb('auth.fields.password'), { exact: true });
    await expectFocusVisible(password);
    await page.keyboard.type(DEMO_PASSWORD);

    // The submit button is next, with a visible focus ring too.
    await page.keyboard.press('Tab');
    await expectFocusVisible(page.getByRole('button', { name: nb('auth.login.submit') }));
    await page.keyboard.press('Shift+Tab');
    await expect(password).toBeFocused();

    await page.keyboard.press('Enter');
    await expectSignedIn(page, ADMIN);
  });
});
