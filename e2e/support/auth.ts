import { type Cookie, expect, type Page } from '@playwright/test';
import { account, DEMO_PASSWORD } from './demo.js';
import { type Language, t } from './i18n.js';
import { waitForPage } from './page.js';

// Sessions of earlier sign-ins in this worker, by e-mail. The first sign-in of
// each account goes through the form; later tests reuse the session cookie,
// which keeps the run fast and well below the sign-in rate limit.
const sessions = new Map<string, Cookie[]>();

/** The language the app shows right after signing in: the account's own. */
export function languageOf(email: string): Language {
  return account(email).preferredLanguage;
}

/** Fill in and submit the sign-in form (the page must show it). */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD, lng: Language = 'nb'): Promise<void> {
  await page.getByRole('textbox', { name: t(lng, 'auth.fields.email') }).fill(email);
  await page.getByLabel(t(lng, 'auth.fields.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t(lng, 'auth.login.submit') }).click();
}

/**
 * Signs in as a demo account and waits for the home page. Pass `fresh` to
 * always go through the sign-in form (and get a session of its own).
 */
export async function signIn(page: Page, email: string, options: { fresh?: boolean } = {}): Promise<void> {
  const cached = options.fresh ? undefined : sessions.get(email);
  if (cached) {
    await page.context().addCookies(cached);
    const me = await page.request.get('/api/v1/me');
    if (me.ok()) {
      await page.goto('/');
      await expectSignedIn(page, email);
      return;
    }
    sessions.delete(email);
    await page.context().clearCookies();
  }
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: t('nb', 'auth.login.title') })).toBeVisible();
  await submitSignIn(page, email);
  await expectSignedIn(page, email);
  sessions.set(email, await page.context().cookies());
}

export async function expectSignedIn(page: Page, email: string): Promise<void> {
  const a = account(email);
  await expect(page.getByRole('heading', { level: 1, name: t(a.preferredLanguage, 'home.title', { name: a.displayName }) })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveText(a.displayName);
  await waitForPage(page);
}

/** Forget a cached session (after signing out with it). */
export function forgetSession(email: string): void {
  sessions.delete(email);
}

/** JSON API calls with the page's session and CSRF token, for test set-up. */
export async function apiClient(page: Page) {
  const meRes = await page.request.get('/api/v1/me');
  expect(meRes.ok(), 'signed in for API set-up').toBe(true);
  const me = (await meRes.json()) as { csrfToken: string; municipalities: { id: string; code: string; name: string }[] };
  const headers = { 'X-CSRF-Token': me.csrfToken };
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown): Promise<T> => {
    const res = await page.request.fetch(`/api/v1${path}`, { method, headers, ...(data === undefined ? {} : { data }) });
    expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
  return {
    me,
    municipalityId(code: string): string {
      const m = me.municipalities.find((x) => x.code === code);
      if (!m) throw new Error(`no access to municipality ${code}`);
      return m.id;
    },
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, data: unknown) => call<T>('POST', path, data),
    patch: <T>(path: string, data: unknown) => call<T>('PATCH', path, data),
    delete: <T>(path: string) => call<T>('DELETE', path),
  };
}

export type ApiUnit = { id: string; code: string | null; name: string; kind: string; parentId: string | null };
export type ApiPerson = { id: string; employeeNumber: string; givenName: string; familyName: string; positionPct: number; unitIds: string[] };
