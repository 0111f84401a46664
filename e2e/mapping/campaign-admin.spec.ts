import { expect, test } from '@playwright/test';
import { account, ACCOUNTS, apiClient, checkA11y, exact, HAVSTAD, signIn, t, tabTo, unit, waitForPage } from '../support/index.js';

// A competence advisor creates a campaign over a subset of the framework's
// competences (choosing them with the keyboard only), publishes it, renames it
// and moves its close date, then prints shared-device codes for a unit: one
// card per person with a QR code of their link.

type Localized = Partial<Record<string, string>>;
type Version = { id: string; areas: { code: string; name: Localized }[]; competences: { code: string; areaCode: string; name: Localized }[] };
type Framework = { versions: { id: string }[] };
type Campaign = { id: string; name: string; competenceCodes: string[] | null; closesAt: string; status: string; instruments: string[] };

/** What the web app shows for framework content in Norwegian Bokmål (nb, else en, else any). */
const nbText = (value: Localized): string => value.nb || value.en || Object.values(value).find((v) => v) || '';

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

test('an advisor creates a campaign with a competence subset, edits it once published and prints codes with QR codes', async ({ page }) => {
  const lng = account(ACCOUNTS.advisor).preferredLanguage;
  const tr = (key: string, vars?: Record<string, string | number>) => t(lng, key, vars);
  const target = unit(HAVSTAD, 'HJT-N-K');

  await signIn(page, ACCOUNTS.advisor);
  const api = await apiClient(page);
  const mid = api.municipalityId(HAVSTAD.code);
  // The form starts on the first version of the first framework.
  const frameworks = await api.get<Framework[]>('/frameworks');
  const versionId = frameworks.flatMap((f) => f.versions)[0]?.id;
  if (!versionId) throw new Error('no framework version');
  const version = await api.get<Version>(`/frameworks/versions/${versionId}`);
  const areas = version.areas
    .map((a) => ({ ...a, competences: version.competences.filter((c) => c.areaCode === a.code) }))
    .filter((a) => a.competences.length > 0);
  const [first, ...rest] = areas;
  if (!first || rest.length === 0) throw new Error('the framework needs two areas with competences');
  const total = version.competences.length;
  // Keep one competence of the first area and every competence of the others.
  const keptFirst = first.competences[0];
  if (!keptFirst) throw new Error('empty area');
  const expected = [keptFirst.code, ...rest.flatMap((a) => a.competences.map((c) => c.code))];

  // ——— create ———
  await page.goto('/campaigns/new');
  await expect(page.getByRole('heading', { level: 1, name: tr('campaigns.newTitle') })).toBeVisible();
  await waitForPage(page);
  const name = `E2E-utvalg ${Date.now()}`;
  await page.getByRole('textbox', { name: tr('campaigns.fields.name') }).fill(name);

  const allRadio = page.getByRole('radio', { name: tr('campaigns.competences.all', { total }) });
  const someRadio = page.getByRole('radio', { name: tr('campaigns.competences.some') });
  await expect(allRadio).toBeChecked();
  await expect(page.getByRole('checkbox', { name: nbText(keptFirst.name), exact: true })).toHaveCount(0);

  // Keyboard only: arrow to "a selection", "select none" in the first area, Space on its first competence.
  await tabTo(page, allRadio);
  await page.keyboard.press('ArrowDown');
  await expect(someRadio).toBeChecked();
  await expect(someRadio).toBeFocused();
  const status = page.getByRole('status').filter({ hasText: tr('campaigns.competences.chosen', { chosen: total, total }) });
  await expect(status).toBeVisible();
  const selectNone = page.getByRole('button', { name: tr('campaigns.competences.selectNoneIn', { area: nbText(first.name) }) });
  await tabTo(page, selectNone);
  await page.keyboard.press('Enter');
  const firstArea = page.getByRole('group', { name: nbText(first.name) });
  for (const c of first.competences) await expect(firstArea.getByRole('checkbox', { name: nbText(c.name), exact: true })).not.toBeChecked();
  const keptBox = firstArea.getByRole('checkbox', { name: nbText(keptFirst.name), exact: true });
  await tabTo(page, keptBox);
  await page.keyboard.press('Space');
  await expect(keptBox).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: tr('campaigns.competences.chosen', { chosen: expected.length, total }) })).toBeVisible();
  // "Select all" and "select none" in an area, back and forth, by keyboard.
  const second = rest[0]!;
  const secondNone = page.getByRole('button', { name: tr('campaigns.competences.selectNoneIn', { area: nbText(second.name) }) });
  const secondAll = page.getByRole('button', { name: tr('campaigns.competences.selectAllIn', { area: nbText(second.name) }) });
  await tabTo(page, secondAll);
  await page.keyboard.press('Tab');
  await expect(secondNone).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: tr('campaigns.competences.chosen', { chosen: expected.length - second.competences.length, total }) })).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(secondAll).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: tr('campaigns.competences.chosen', { chosen: expected.length, total }) })).toBeVisible();

  await page.getByRole('checkbox', { name: target.name, exact: true }).check();
  await page.getByRole('checkbox', { name: tr('campaigns.instruments.leader_survey') }).check();
  await checkA11y(page, 'new campaign with a competence subset');
  await page.getByRole('button', { name: tr('campaigns.create') }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await waitForPage(page);
  const campaignId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const created = await api.get<Campaign>(`/municipalities/${mid}/campaigns/${campaignId}`);
  expect(created.competenceCodes).toEqual(expected);
  await expect(page.getByText(tr('campaigns.competences.summarySome', { chosen: expected.length }), { exact: true })).toBeVisible();

  // The draft opens in the same form, with the selection it was saved with.
  await page.getByRole('button', { name: tr('campaigns.edit.button') }).click();
  await expect(page.getByRole('heading', { level: 2, name: tr('campaigns.edit.title') })).toBeFocused();
  await waitForPage(page);
  await expect(page.getByRole('radio', { name: tr('campaigns.competences.some') })).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: tr('campaigns.competences.chosen', { chosen: expected.length, total }) })).toBeVisible();
  await checkA11y(page, 'editing a draft');
  await page.getByRole('button', { name: tr('common.cancel') }).click();
  await expect(page.getByRole('button', { name: tr('campaigns.edit.button') })).toBeFocused();

  // ——— publish ———
  await page.getByRole('button', { name: tr('campaigns.actions.publish') }).click();
  await page.getByRole('dialog').getByRole('button', { name: tr('campaigns.actions.publish') }).click();
  await expect(page.getByRole('heading', { level: 2, name: tr('campaigns.progress.title') })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: tr('campaigns.leaderSurveyProgress.title') })).toBeVisible();
  await waitForPage(page);
  await checkA11y(page, 'published campaign');

  // ——— rename and move the close date ———
  await page.getByRole('button', { name: tr('campaigns.edit.button') }).click();
  const editor = page.getByRole('region', { name: tr('campaigns.edit.title') });
  await expect(editor.getByText(tr('campaigns.edit.publishedHelp'))).toBeVisible();
  // Only the name and the close date can change now.
  await expect(editor.locator('input')).toHaveCount(2);
  await expect(editor.getByRole('checkbox')).toHaveCount(0);
  const renamed = `${name} (flyttet)`;
  await editor.getByRole('textbox', { name: tr('campaigns.fields.name') }).fill(renamed);
  const closes = editor.getByLabel(tr('campaigns.fields.closesAt'));
  await closes.fill(isoDay(new Date(Date.now() - 2 * 86_400_000)));
  await editor.getByRole('button', { name: tr('campaigns.edit.save') }).click();
  await expect(editor.getByText(tr('campaigns.errors.closesInFuture'))).toBeVisible();
  await expect(closes).toHaveAttribute('aria-invalid', 'true');
  await checkA11y(page, 'editing a published campaign, with an error');
  const newClose = isoDay(new Date(Date.now() + 40 * 86_400_000));
  await closes.fill(newClose);
  await editor.getByRole('button', { name: tr('campaigns.edit.save') }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: tr('campaigns.edit.saved') })).toBeVisible();
  await expect(editor).toHaveCount(0);
  const edited = await api.get<Campaign>(`/municipalities/${mid}/campaigns/${campaignId}`);
  expect(edited.name).toBe(renamed);
  expect(isoDay(new Date(edited.closesAt))).toBe(newClose);
  expect(edited.competenceCodes).toEqual(expected);
  await checkA11y(page, 'after editing');

  // ——— print codes for the unit ———
  await page.getByRole('combobox', { name: tr('campaigns.codes.unit') }).selectOption({ label: target.name });
  await page.getByRole('button', { name: tr('campaigns.codes.make') }).click();
  await page.getByRole('dialog').getByRole('button', { name: tr('campaigns.codes.make') }).click();
  const sheet = page.getByRole('region', { name: tr('campaigns.codes.listTitle', { unit: target.name }) });
  await expect(sheet.getByRole('heading', { level: 2 })).toBeFocused();
  const cards = sheet.getByRole('listitem');
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  const closeDate = new Date(`${newClose}T23:59:00`).toLocaleDateString(lng);
  for (let i = 0; i < count; i += 1) {
    const card = cards.nth(i);
    const person = (await card.locator('.code-card__name').textContent()) ?? '';
    const code = (await card.locator('.code-card__code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const qr = card.getByRole('img', { name: tr('campaigns.codes.qrAlt', { name: person }) });
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute('data-qr-value')).toMatch(new RegExp(`/assess/${code}$`));
    await expect(card.getByText(exact(tr('campaigns.codes.cardHowTo', { url: new URL('/assess', page.url()).href, date: closeDate })))).toBeVisible();
  }
  await checkA11y(page, 'code sheet');

  // On paper: the cards only, each whole, two to a row.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 2, name: tr('campaigns.progress.title') })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(sheet.getByRole('button', { name: tr('campaigns.codes.print') })).toBeHidden();
  await expect(cards.first()).toBeVisible();
  await expect(cards.first().getByRole('img')).toBeVisible();
  const style = await cards.first().evaluate((el) => getComputedStyle(el).breakInside);
  expect(style).toBe('avoid');
  await page.emulateMedia({ media: 'screen' });
});
