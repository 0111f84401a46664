import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { ACCOUNTS, apiClient, checkA11y, HAVSTAD, languageOf, signIn, t, uniqueName, waitForPage } from './support/index.js';

// The learning record store's admin pages: a key for learning content is made
// in the browser, its secret shown once, used against /xapi, rotated with a
// grace period and revoked; then the statements it sent are found in the
// statement browser and exported.

const lng = languageOf(ACCOUNTS.admin);
const tr = (key: string, vars?: Record<string, string | number>) => t(lng, key, vars);

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

/** Sends one statement to /xapi as learning content would; answers the HTTP status. */
async function sendStatement(page: Page, authorization: string, email: string): Promise<{ status: number; id: string }> {
  const id = randomUUID();
  const res = await page.request.post('/xapi/statements', {
    headers: { authorization, 'x-experience-api-version': '1.0.3' },
    data: {
      id,
      actor: { objectType: 'Agent', name: 'Lærer Lærevillig', mbox: `mailto:${email}` },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
      object: { objectType: 'Activity', id: 'https://kurs.example/hms', definition: { name: { 'en-US': 'HSE course' } } },
      result: { success: true, score: { scaled: 0.8 } },
    },
  });
  return { status: res.status(), id };
}

function credentialRow(page: Page, name: string) {
  return page.getByRole('region', { name: tr('lrs.credentials.tableLabel') }).locator('tbody tr').filter({ hasText: name });
}

async function secretShown(page: Page): Promise<{ key: string; secret: string; endpoint: string }> {
  const text = async (id: string) => ((await page.getByTestId(`lrs-secret-${id}`).textContent()) ?? '').trim();
  return { key: await text('key'), secret: await text('secret'), endpoint: await text('endpoint') };
}

test('an administrator creates a key, sees its secret once, rotates and revokes it, and browses what it sent', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole('navigation', { name: tr('nav.label') }).getByRole('link', { name: tr('nav.lrs'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr('lrs.credentials.title') })).toBeVisible();
  await waitForPage(page);
  await expect(page.getByTestId('lrs-endpoint')).toHaveText(/^https?:\/\/[^ ]+\/xapi$/);
  await checkA11y(page, 'LRS keys');

  // Create: the secret shows once, with the endpoint and key, and takes focus.
  const name = uniqueName('Kursleverandor ');
  await page.getByRole('textbox', { name: tr('lrs.create.name'), exact: true }).fill(name);
  await page.getByRole('button', { name: tr('lrs.create.submit') }).click();
  const created = page.getByRole('heading', { level: 2, name: tr('lrs.secret.heading', { name }) });
  await expect(created).toBeVisible();
  await expect(created).toBeFocused();
  const first = await secretShown(page);
  expect(first.key).toMatch(/^mst_[0-9a-f]+$/);
  expect(first.secret.length).toBeGreaterThanOrEqual(40);
  expect(first.endpoint).toBe(await page.getByTestId('lrs-endpoint').textContent());
  await expect(credentialRow(page, name)).toContainText(first.key);
  await expect(credentialRow(page, name)).toContainText(tr('lrs.credentials.status.active'));
  await checkA11y(page, 'LRS keys with the one-time secret');

  // The key works against the LRS.
  const email = `${uniqueName('laerer')}@havstad.example`;
  const sent = [await sendStatement(page, basic(first.key, first.secret), email)];
  expect(sent[0]!.status).toBe(200);

  // Once hidden, the secret is nowhere: not on the page, not after a reload, not in the API's list.
  await page.getByRole('button', { name: tr('lrs.secret.done') }).click();
  await expect(page.getByTestId('lrs-secret-secret')).toHaveCount(0);
  await page.reload();
  await waitForPage(page);
  await expect(credentialRow(page, name)).toHaveCount(1);
  expect(await page.content()).not.toContain(first.secret);
  const api = await apiClient(page);
  const listed = await api.get<unknown>(`/municipalities/${api.municipalityId(HAVSTAD.code)}/lrs/credentials`);
  expect(JSON.stringify(listed)).not.toContain(first.secret);

  // Rotate with a grace period of one hour: a new secret shows once, the old one still works.
  await credentialRow(page, name).getByRole('button', { name: `${tr('lrs.rotate.button')} ${name}` }).click();
  const rotateDialog = page.getByRole('dialog');
  await expect(rotateDialog.getByRole('heading', { name: tr('lrs.rotate.title', { name }) })).toBeVisible();
  await rotateDialog.getByLabel(tr('lrs.rotate.grace')).selectOption('1');
  await checkA11y(page, 'LRS rotate dialog');
  await rotateDialog.getByRole('button', { name: tr('lrs.rotate.confirm') }).click();
  await expect(page.getByRole('heading', { level: 2, name: tr('lrs.secret.rotatedHeading', { name }) })).toBeVisible();
  const second = await secretShown(page);
  expect(second.key).toBe(first.key);
  expect(second.secret).not.toBe(first.secret);
  await expect(credentialRow(page, name)).toContainText(tr('lrs.credentials.graceUntil', { time: '' }).trim());
  for (const secret of [first.secret, second.secret]) {
    const s = await sendStatement(page, basic(first.key, secret), email);
    expect(s.status).toBe(200);
    sent.push(s);
  }

  // Revoke, after a confirmation: neither secret works any more.
  await credentialRow(page, name).getByRole('button', { name: `${tr('lrs.revoke.button')} ${name}` }).click();
  const revokeDialog = page.getByRole('dialog');
  await expect(revokeDialog.getByRole('heading', { name: tr('lrs.revoke.title', { name }) })).toBeVisible();
  await revokeDialog.getByRole('button', { name: tr('lrs.revoke.confirm') }).click();
  await expect(page.getByRole('status').filter({ hasText: tr('lrs.revoke.done', { name }) })).toBeVisible();
  await expect(credentialRow(page, name)).toContainText(tr('lrs.credentials.status.revoked'));
  await expect(credentialRow(page, name).getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('lrs-secret-secret')).toHaveCount(0);
  for (const secret of [first.secret, second.secret]) expect((await sendStatement(page, basic(first.key, secret), email)).status).toBe(401);

  // The statement browser finds what the key sent, newest first, and exports it.
  await page.getByRole('link', { name: tr('lrs.credentials.browseLink') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr('lrs.statements.title') })).toBeVisible();
  await waitForPage(page);
  await checkA11y(page, 'LRS statement browser');
  const filters = page.getByRole('search', { name: tr('lrs.statements.filters.label') });
  await filters.getByRole('textbox', { name: tr('lrs.statements.filters.email') }).fill(email);
  const answer = page.waitForResponse((r) => r.url().includes('/lrs/statements?') && r.request().method() === 'GET');
  await filters.getByRole('button', { name: tr('lrs.statements.filters.apply') }).click();
  await answer;
  await waitForPage(page);
  await expect(page.locator('.result-count')).toHaveText(tr('lrs.statements.shown', { count: 3 }));
  const rows = page.getByRole('region', { name: tr('lrs.statements.tableLabel') }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Lærer Lærevillig');
  await expect(rows.first()).toContainText(`mailto:${email}`);
  await expect(rows.first()).toContainText('HSE course');
  await checkA11y(page, 'LRS statement browser, filtered');

  const csvHref = await page.getByRole('link', { name: tr('lrs.statements.export.csv') }).getAttribute('href');
  expect(csvHref).toContain(`email=${encodeURIComponent(email)}`);
  const csv = await page.request.get(csvHref!);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const csvText = (await csv.body()).toString('utf8');
  expect(csvText.startsWith('\uFEFFid,stored,')).toBe(true);
  for (const s of sent) expect(csvText).toContain(s.id);
  const json = await page.request.get((await page.getByRole('link', { name: tr('lrs.statements.export.json') }).getAttribute('href'))!);
  const statements = (await json.json()) as { id: string }[];
  expect(statements.map((s) => s.id)).toEqual([...sent].reverse().map((s) => s.id));
});
