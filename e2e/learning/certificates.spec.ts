import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, apiClient, checkA11y, expectNoHorizontalOverflow, HAVSTAD, languageOf, signIn, t, uniqueName, waitForPage } from '../support/index.js';

// Certificates in Chromium. An administrator puts an external link that gives
// a certificate in the catalogue (API set-up); the employee marks it done,
// which issues the certificate through the real completion path. The learner
// then finds it under My certificates and downloads the PDF; an anonymous
// visitor (a fresh browser, no session) checks its code on the public page,
// by the link and by typing it; and a pasted badge is checked too.

const lng = languageOf(ACCOUNTS.employee);
const tr = (key: string, vars?: Record<string, string | number>) => t(lng, key, vars);
const anon = (key: string, vars?: Record<string, string | number>) => t('nb', key, vars);

test.describe.configure({ mode: 'serial' });

const title = uniqueName('Kursbevis e2e ');
let code = '';
let badgeJwt = '';

test('the learner opens My certificates and downloads the PDF', async ({ browser, page }) => {
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, ACCOUNTS.admin);
  const admin = await apiClient(adminPage);
  const municipalityId = admin.municipalityId(HAVSTAD.code);
  const item = await admin.post<{ id: string }>(`/municipalities/${municipalityId}/learning/items`, {
    kind: 'link',
    status: 'published',
    titles: { nb: title, nn: title, sv: title, da: title, en: title },
    languages: ['nb', 'nn', 'sv', 'da', 'en'],
    url: 'https://example.org/kurs',
    certificateEnabled: true,
  });
  await adminPage.context().close();

  await signIn(page, ACCOUNTS.employee);
  const learner = await apiClient(page);
  await learner.post(`/municipalities/${municipalityId}/learning/items/${item.id}/complete`, {});

  await page.goto('/learning/certificates');
  await expect(page.getByRole('heading', { level: 1, name: tr('certificates.title') })).toBeVisible();
  await waitForPage(page);
  const card = page.getByRole('article', { name: title });
  await expect(card).toBeVisible();
  code = (await card.locator('.verify-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  await checkA11y(page, 'My certificates');

  const download = page.waitForEvent('download');
  await card.getByRole('link', { name: new RegExp(`^${tr('certificates.downloadPdf')}`) }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`certificate-${code}.pdf`);
  const pdf = await readFile((await file.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // The badge, for the anonymous visitor to paste below.
  const certificates = await learner.get<{ id: string; verificationCode: string }[]>(`/municipalities/${municipalityId}/certificates`);
  const mine = certificates.find((c) => c.verificationCode === code)!;
  badgeJwt = (await learner.get<{ jwt: string }>(`/municipalities/${municipalityId}/certificates/${mine.id}/badge`)).jwt;

  await page.setViewportSize({ width: 360, height: 740 });
  await waitForPage(page);
  await expectNoHorizontalOverflow(page, 'My certificates on a phone');
});

test('an anonymous visitor verifies the code without signing in', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/verify/${code}`);
  await expect(page.getByRole('heading', { level: 1, name: anon('certificates.verify.title') })).toBeVisible();
  const result = page.getByTestId('verify-result');
  await expect(result.getByRole('heading', { name: anon('certificates.verify.validTitle') })).toBeVisible();
  await expect(result).toContainText(title);
  await expect(result).toContainText(code);
  await checkA11y(page, 'Verify a certificate (valid)');

  // Typing the code in lower case, without dashes, gets the same answer.
  await page.goto('/verify');
  await waitForPage(page);
  await page.getByRole('textbox', { name: anon('certificates.verify.codeLabel') }).fill(code.replaceAll('-', '').toLowerCase());
  await page.getByRole('button', { name: anon('certificates.verify.check'), exact: true }).click();
  await expect(page.getByTestId('verify-result').getByRole('heading', { name: anon('certificates.verify.validTitle') })).toBeVisible();

  // An unknown code says so.
  await page.goto('/verify/AAAA-BBBB-CCCC-DDDD');
  await expect(page.getByTestId('verify-result').getByRole('heading', { name: anon('certificates.verify.notFoundTitle') })).toBeVisible();
  await checkA11y(page, 'Verify a certificate (not found)');

  // A pasted badge is checked against the issuer's keys; a tampered one is refused.
  await page.getByRole('textbox', { name: anon('certificates.verify.badgeLabel') }).fill(badgeJwt);
  await page.getByRole('button', { name: anon('certificates.verify.badgeCheck') }).click();
  await expect(page.getByTestId('badge-result').getByRole('heading', { name: anon('certificates.verify.badgeValidTitle') })).toBeVisible();
  const [h, p, s] = badgeJwt.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
  claims.credentialSubject.achievement.name = 'Avansert hjerte-lunge-redning';
  const tampered = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
  await page.getByRole('textbox', { name: anon('certificates.verify.badgeLabel') }).fill(tampered);
  await page.getByRole('button', { name: anon('certificates.verify.badgeCheck') }).click();
  await expect(page.getByTestId('badge-result').getByRole('heading', { name: anon('certificates.verify.badgeInvalidTitle') })).toBeVisible();
  await expect(page.getByTestId('badge-result')).toContainText(anon('certificates.verify.reasons.BAD_SIGNATURE'));
  await checkA11y(page, 'Verify a badge (invalid)');
  await context.close();
});

test('an administrator sees the signing keys and rotates them after confirming', async ({ page }) => {
  const lngAdmin = languageOf(ACCOUNTS.admin);
  const ta = (key: string) => t(lngAdmin, key);
  await signIn(page, ACCOUNTS.admin);
  await page.goto('/admin/issuer-keys');
  await expect(page.getByRole('heading', { level: 1, name: ta('certificates.keys.title') })).toBeVisible();
  await waitForPage(page);
  await expect(page.getByRole('cell', { name: ta('certificates.keys.active'), exact: true })).toHaveCount(1); // made for the learner's badge
  const rows = await page.getByRole('row').count();
  await checkA11y(page, 'Signing keys');
  await page.getByRole('button', { name: ta('certificates.keys.rotate') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: ta('certificates.keys.rotateTitle') })).toBeVisible();
  await checkA11y(page, 'Signing keys: rotate dialog');
  await dialog.getByRole('button', { name: ta('certificates.keys.rotate') }).click();
  await expect(page.getByText(ta('certificates.keys.rotated'))).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(rows + 1);
  await expect(page.getByRole('cell', { name: ta('certificates.keys.active'), exact: true })).toHaveCount(1);
});
