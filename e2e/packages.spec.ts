import { randomUUID } from 'node:crypto';
import { expect, type Locator, type Page, test } from '@playwright/test';
import type { Package } from '../src/shared/api/packages.js';
import { PAGE, scorm12Manifest, scorm12Zip } from '../test/fixtures/packages/packages.js';
import { buildZip } from '../test/fixtures/packages/zip-builder.js';
import { ACCOUNTS, apiClient, checkA11y, expectNoHorizontalOverflow, HAVSTAD, languageOf, signIn, t, tabTo, uniqueName, waitForPage } from './support/index.js';

// The e-learning packages page: a municipal administrator uploads a SCORM 1.2
// zip built here and follows it to "stored", finds the package with its
// activity id, previews it, uploads a second version and deletes the first
// with the keyboard; a hostile zip (zip-slip) is refused with its reason; a
// leader sees the list but cannot change it.

const lng = languageOf(ACCOUNTS.admin);
const tr = (key: string, vars?: Record<string, string | number>) => t(lng, key, vars);

// One course for the whole file: the tests build on each other, in order, on one server.
test.describe.configure({ mode: 'serial' });
const course = { identifier: `no.havstad.e2e.${randomUUID()}`, title: uniqueName('Håndhygiene for helsefagarbeidere ') };

async function openPackages(page: Page, language = lng): Promise<void> {
  await page.getByRole('navigation', { name: t(language, 'nav.label') }).getByRole('link', { name: t(language, 'nav.packages'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(language, 'packages.title') })).toBeVisible();
  await waitForPage(page);
}

/** Chooses the zip in the drop zone's file input and presses Upload. */
async function upload(page: Page, fileName: string, buffer: Buffer): Promise<void> {
  await page.getByLabel(tr('packages.upload.file'), { exact: true }).setInputFiles({ name: fileName, mimeType: 'application/zip', buffer });
  await expect(page.getByTestId('package-chosen-file')).toContainText(fileName);
  await page.getByRole('button', { name: tr('packages.upload.submit'), exact: true }).click();
}

function progress(page: Page): Locator {
  return page.getByTestId('package-upload-progress');
}

function card(page: Page, title: string): Locator {
  return page.getByRole('article', { name: title, exact: true });
}

test('an administrator uploads a SCORM 1.2 package, follows it to stored and finds it with its activity id', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.admin);
  await openPackages(page);
  await checkA11y(page, 'packages page');

  await upload(page, 'hand-hygiene.zip', scorm12Zip({ identifier: course.identifier, title: course.title }));
  await expect(progress(page)).toHaveAttribute('data-phase', 'stored', { timeout: 30_000 });
  await expect(page.getByTestId('package-upload-phase')).toHaveText(tr('packages.phases.stored'));
  await expect(progress(page).locator('progress')).toHaveJSProperty('value', 100);
  await expect(progress(page).locator('[aria-current="step"]')).toHaveCount(0);
  const storedHeading = page.getByRole('heading', { level: 3, name: tr('packages.result.storedTitle') });
  await expect(storedHeading).toBeFocused();
  await expect(page.getByTestId('package-stored')).toContainText(tr('packages.result.stored', { title: course.title, version: 1 }));

  // The list shows the package with its format, version and the activity id the API gives its item.
  const api = await apiClient(page);
  const listed = await api.get<{ items: Package[] }>(`/municipalities/${api.municipalityId(HAVSTAD.code)}/packages`);
  const pkg = listed.items.find((p) => p.identifier === course.identifier);
  expect(pkg, 'the package is listed by the API').toBeDefined();
  const activityId = pkg!.versions[0]!.launchables[0]!.activityId;
  const pkgCard = card(page, course.title);
  await expect(pkgCard).toContainText(tr('packages.kinds.scorm12'));
  await expect(pkgCard).toContainText(tr('packages.version.latestHeading', { version: 1 }));
  await expect(pkgCard.getByTestId('package-activity-id')).toHaveText(activityId);
  await expect(pkgCard).toContainText(pkg!.activityId);
  await checkA11y(page, 'packages page with a stored upload');

  // Long IRIs and long words wrap on a phone instead of widening the page.
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalOverflow(page, 'packages page on a phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The preview opens the version's content, on the content origin, in a new tab.
  const [preview] = await Promise.all([
    page.context().waitForEvent('page'),
    pkgCard.getByRole('link', { name: `${tr('packages.version.preview')} ${tr('packages.version.previewHidden', { version: 1, title: course.title })}` }).click(),
  ]);
  await preview.waitForURL(/\/content\/[^/]+\/index\.html/, { timeout: 20_000 });
  expect(new URL(preview.url()).host).not.toBe(new URL(page.url()).host);
  await preview.close();
});

test('a second upload of the course becomes version 2, and version 1 is deleted with the keyboard after a confirmation', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.admin);
  await openPackages(page);
  await upload(page, 'hand-hygiene-v2.zip', scorm12Zip({ identifier: course.identifier, title: course.title, itemTitle: 'Introduksjon, andre utgave' }));
  await expect(progress(page)).toHaveAttribute('data-phase', 'stored', { timeout: 30_000 });
  const pkgCard = card(page, course.title);
  await expect(pkgCard).toContainText(tr('packages.version.latestHeading', { version: 2 }));
  await expect(pkgCard).toContainText(tr('packages.list.versionCount', { count: 2 }));

  // Open the version history and delete version 1, keyboard only.
  const history = pkgCard.locator('summary', { hasText: tr('packages.list.history', { count: 1 }) });
  await tabTo(page, history, { max: 80 });
  await page.keyboard.press('Enter');
  const deleteV1 = pkgCard.getByRole('button', { name: `${tr('packages.version.delete')} ${tr('packages.version.deleteHidden', { version: 1, title: course.title })}` });
  await expect(deleteV1).toBeVisible();
  await checkA11y(page, 'packages page with the version history open');
  await tabTo(page, deleteV1);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: tr('packages.delete.title', { version: 1, title: course.title }) })).toBeVisible();
  await checkA11y(page, 'delete version dialog');
  const confirm = dialog.getByRole('button', { name: tr('packages.delete.confirm'), exact: true });
  await tabTo(page, confirm, { max: 10 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: tr('packages.delete.done', { version: 1, title: course.title }) })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: tr('packages.list.heading') })).toBeFocused();
  await expect(pkgCard).toContainText(tr('packages.list.versionCount', { count: 1 }));
  await expect(pkgCard).toContainText(tr('packages.version.latestHeading', { version: 2 }));
  await expect(pkgCard.getByTestId('package-version')).toHaveCount(1);
});

test('a hostile zip (zip-slip) is refused with its reason in plain language and the server\'s message', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ACCOUNTS.admin);
  await openPackages(page);
  const hostile = buildZip([
    { name: 'imsmanifest.xml', data: scorm12Manifest({ identifier: `no.havstad.e2e.hostile.${randomUUID()}` }) },
    { name: 'index.html', data: PAGE },
    { name: '../../evil.html', data: '<script>alert(1)</script>' },
  ]);
  await upload(page, 'hostile.zip', hostile);
  await expect(progress(page)).toHaveAttribute('data-phase', 'rejected', { timeout: 30_000 });
  const refusal = page.getByTestId('package-refusal');
  await expect(refusal).toHaveAttribute('data-reason', 'ZIP_SLIP');
  await expect(refusal.getByRole('heading', { name: tr('packages.result.refusedTitle') })).toBeFocused();
  await expect(refusal).toContainText(tr('packages.reasons.ZIP_SLIP'));
  await expect(refusal).toContainText(tr('packages.result.nothingKept'));
  await expect(refusal.locator('[lang="en"]')).toContainText('../../evil.html');
  await expect(refusal.locator('dd')).toContainText(['../../evil.html']);
  await expect(progress(page).locator('[data-state="failed"]')).toHaveCount(1);
  await checkA11y(page, 'packages page with a refused upload');
});

test('a leader sees the packages but cannot upload or delete', async ({ page }) => {
  const leaderLng = languageOf(ACCOUNTS.leader);
  await signIn(page, ACCOUNTS.leader);
  await openPackages(page, leaderLng);
  await expect(page.getByRole('heading', { level: 2, name: t(leaderLng, 'packages.upload.heading') })).toHaveCount(0);
  const pkgCard = card(page, course.title);
  await expect(pkgCard).toBeVisible();
  await expect(pkgCard.getByRole('link', { name: new RegExp(t(leaderLng, 'packages.version.preview')) })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(t(leaderLng, 'packages.version.delete')) })).toHaveCount(0);
  await checkA11y(page, 'packages page for a leader');
});
