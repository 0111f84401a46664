import { randomUUID } from 'node:crypto';
import { type Browser, expect, type FrameLocator, type Page, test } from '@playwright/test';
import { scorm12CourseZip, scorm2004CourseZip } from '../test/fixtures/scorm/scorm-packages.js';
import { ACCOUNTS, apiClient, checkA11y, HAVSTAD, languageOf, signIn, t, uniqueName, waitForPage } from './support/index.js';

// The SCORM player in Chromium. An administrator uploads packages built by the
// test fixtures through the real upload API; an employee opens them from the
// course list. The SCO (on the content origin, inside the player page, inside
// the app page) finds the LMS's API, initializes, records status, score and
// suspend data and commits; the learner saves and closes, comes back, and the
// SCO sees its saved data. SCORM 2004: two SCOs, the app's Next button moves
// from the first to the second, and the course resumes at the second.

const lng = languageOf(ACCOUNTS.employee);
const tr = (key: string, vars?: Record<string, string | number>) => t(lng, key, vars);

test.describe.configure({ mode: 'serial' });

/** Uploads a zip as the administrator (own browser context) and waits until it is stored. */
async function uploadAsAdmin(browser: Browser, zip: Buffer): Promise<{ packageId: string; municipalityId: string; adminPage: Page }> {
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, ACCOUNTS.admin);
  const api = await apiClient(adminPage);
  const municipalityId = api.municipalityId(HAVSTAD.code);
  const res = await adminPage.request.post(`/api/v1/municipalities/${municipalityId}/packages/uploads`, {
    headers: { 'X-CSRF-Token': api.me.csrfToken },
    multipart: { file: { name: 'course.zip', mimeType: 'application/zip', buffer: zip } },
  });
  expect(res.status(), await res.text()).toBe(202);
  const uploadId = (await res.json()).id as string;
  let status: { phase: string; packageId: string | null } = { phase: 'received', packageId: null };
  await expect
    .poll(async () => (status = await api.get(`/municipalities/${municipalityId}/packages/uploads/${uploadId}`)).phase, { timeout: 30_000 })
    .toBe('stored');
  return { packageId: status.packageId!, municipalityId, adminPage };
}

async function openCourses(page: Page): Promise<void> {
  // The menu's learning entry opens the catalogue now; the SCORM course list stays at /learn.
  await page.goto('/learn');
  await expect(page.getByRole('heading', { level: 1, name: tr('player.courses.title') })).toBeVisible();
  await waitForPage(page);
}

function courseCard(page: Page, title: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
}

/** The SCO: app page → player frame (content origin) → SCO frame (same content origin). */
function sco(page: Page): FrameLocator {
  return page.frameLocator('iframe.player-frame').frameLocator('#sco');
}

async function saveAndClose(page: Page): Promise<void> {
  await page.getByRole('button', { name: tr('player.page.exit') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr('player.courses.title') })).toBeVisible({ timeout: 15_000 });
  await waitForPage(page);
}

test('SCORM 1.2: the SCO records status, score and suspend data, and sees them again after leaving and coming back', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const title = uniqueName('Smittevern grunnkurs ');
  const { packageId, municipalityId, adminPage } = await uploadAsAdmin(browser, scorm12CourseZip({ identifier: `no.havstad.e2e.player12.${randomUUID()}`, title, masteryScore: 80 }));

  await signIn(page, ACCOUNTS.employee);
  await openCourses(page);
  await expect(courseCard(page, title)).toContainText(tr('player.status.not_attempted'));
  await checkA11y(page, 'course list');
  await courseCard(page, title).getByRole('link', { name: tr('player.courses.start') }).click();

  // The player page frames the SCO, which found the API and initialized as a first attempt.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const frame = page.getByTitle(tr('player.page.frameTitle', { title }));
  await expect(frame).toBeVisible();
  expect(new URL((await frame.getAttribute('src'))!).host).not.toBe(new URL(page.url()).host);
  await expect(sco(page).locator('#entry')).toHaveText('ab-initio');
  await expect(sco(page).locator('#suspend')).toHaveText('(empty)');
  // The launch token left the address bar of the player page at once.
  const playerFrame = page.frames().find((f) => f.url().includes('/content/player/'));
  expect(playerFrame?.url()).not.toContain('#t=');
  await checkA11y(page, 'SCORM 1.2 player');

  // A flaky connection: the first two tries of the commit fail; the player says so, retries, and nothing is lost.
  let failures = 2;
  await page.route('**/content/player/api/commit', (route) => (failures-- > 0 ? route.abort('failed') : route.continue()));
  await sco(page).getByRole('button', { name: 'Record progress' }).click();
  await expect(sco(page).locator('#status')).toHaveText('Progress saved');
  await expect(page.locator('.player-status')).toHaveText(tr('player.save.retrying'));
  await expect(page.locator('.player-status')).toHaveText(tr('player.save.saved'), { timeout: 15_000 });
  expect(failures).toBeLessThan(0);
  await page.unroute('**/content/player/api/commit');

  // Leave: the SCO is unloaded (it finishes on unload), the rest is saved, back to the list.
  await saveAndClose(page);
  const card = courseCard(page, title);
  await expect(card).toContainText(tr('player.status.passed'));
  await expect(card).toContainText(tr('player.courses.score', { percent: 85 }));

  // Come back: the SCO resumes with what it stored.
  await card.getByRole('link', { name: tr('player.courses.continue') }).click();
  await expect(sco(page).locator('#entry')).toHaveText('resume');
  await expect(sco(page).locator('#suspend')).toHaveText('lesson1-progress');
  await expect(sco(page).locator('#location')).toHaveText('page-3');
  await expect(sco(page).locator('#lesson')).toHaveText('passed');

  // The LRS has the statements, about the course and its SCO, registered to the attempt.
  const admin = await apiClient(adminPage);
  const courseActivity = `${new URL(page.url()).origin}/xapi/activities/packages/${packageId}`;
  const rows = await admin.get<{ items: { verb: { id: string }; result: { success: boolean | null; scaled: number | null } | null }[] }>(
    `/municipalities/${municipalityId}/lrs/statements?activityId=${encodeURIComponent(courseActivity)}`,
  );
  expect(rows.items.map((r) => r.verb.id.split('/').pop()).sort()).toEqual(['completed', 'passed']);
  expect(rows.items.find((r) => r.verb.id.endsWith('/passed'))?.result).toMatchObject({ success: true, scaled: 0.85 });
  await adminPage.context().close();
});

test('SCORM 2004: Next moves from the first SCO to the second, and the course resumes there with the SCO\'s data', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const title = uniqueName('Legemiddelhåndtering ');
  const { adminPage } = await uploadAsAdmin(browser, scorm2004CourseZip({ identifier: `no.havstad.e2e.player2004.${randomUUID()}`, title }));
  await adminPage.context().close();

  await signIn(page, ACCOUNTS.employee);
  await openCourses(page);
  await courseCard(page, title).getByRole('link', { name: tr('player.courses.start') }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(sco(page).getByRole('heading', { level: 1, name: 'Module 1' })).toBeVisible();
  await expect(sco(page).locator('#entry')).toHaveText('ab-initio');
  const previous = page.getByRole('button', { name: tr('player.page.previous') });
  const next = page.getByRole('button', { name: tr('player.page.continue') });
  await expect(previous).toBeDisabled();
  await expect(next).toBeEnabled();

  await sco(page).getByRole('button', { name: 'Record progress' }).click();
  await expect(sco(page).locator('#status')).toHaveText('Progress saved');

  // Next, from the keyboard: the first SCO is unloaded, the sequencer delivers the second.
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(sco(page).getByRole('heading', { level: 1, name: 'Module 2' })).toBeVisible();
  await expect(sco(page).locator('#entry')).toHaveText('ab-initio');
  await expect(previous).toBeEnabled();

  // The table of contents knows where the learner is and what is done.
  await page.getByText(tr('player.page.contents'), { exact: true }).click();
  const contents = page.getByRole('list', { name: tr('player.page.contentsLabel') });
  await expect(contents.getByRole('button', { name: `Module 1 (${tr('player.page.completed')})` })).toBeVisible();
  await expect(contents.locator('[aria-current="step"]')).toHaveText('Module 2');
  await checkA11y(page, 'SCORM 2004 player');

  await sco(page).getByRole('button', { name: 'Record progress' }).click();
  await expect(sco(page).locator('#status')).toHaveText('Progress saved');
  await saveAndClose(page);
  const card = courseCard(page, title);
  await expect(card.getByRole('link', { name: tr('player.courses.continue') })).toBeVisible();

  // Resume: the course was suspended at the second SCO, which gets its data back.
  await card.getByRole('link', { name: tr('player.courses.continue') }).click();
  await expect(sco(page).getByRole('heading', { level: 1, name: 'Module 2' })).toBeVisible();
  await expect(sco(page).locator('#entry')).toHaveText('resume');
  await expect(sco(page).locator('#suspend')).toHaveText('module2-progress');
  await expect(sco(page).locator('#location')).toHaveText('page-2');
});
