import { expect, test } from '@playwright/test';
import { cmi5CourseZip, fixtureId } from '../../test/fixtures/cmi5/course.js';
import { ACCOUNTS, apiClient, checkA11y, expectNoHorizontalOverflow, HAVSTAD, languageOf, signIn, t, uniqueName, waitForPage } from '../support/index.js';

// A learner takes a cmi5 course from the catalogue: the administrator imports
// a course of two parts and publishes it; the employee opens the item, starts
// the first part (it wants its own window, so it replaces the page), comes
// back, continues with the second (it opens in a new tab) and sees the course
// completed. The AU pages are the test fixture's, which report over xAPI from
// the content origin like a real AU.

test('an employee takes a cmi5 course part by part from its catalogue page', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.admin);
  const admin = await apiClient(page);
  const municipalityId = admin.municipalityId(HAVSTAD.code);
  const parts = { first: 'Del 1: Håndvask', second: 'Del 2: Hansker' };
  const zip = cmi5CourseZip({
    id: fixtureId('learner-course'),
    title: 'Smittevern',
    children: [
      { id: fixtureId('learner-au1'), title: parts.first, moveOn: 'Completed', launchMethod: 'OwnWindow', plan: ['completed'] },
      { id: fixtureId('learner-au2'), title: parts.second, moveOn: 'Passed', launchMethod: 'AnyWindow', plan: ['passed'] },
    ],
  });
  const imported = await page.request.post(`/api/v1/municipalities/${municipalityId}/cmi5/courses`, { headers: { 'X-CSRF-Token': admin.me.csrfToken, 'content-type': 'application/zip' }, data: zip });
  expect(imported.status(), await imported.text()).toBe(201);
  const title = uniqueName('Smittevern (cmi5) ');
  const item = await admin.post<{ id: string }>(`/municipalities/${municipalityId}/learning/items`, { kind: 'cmi5', status: 'published', titles: { nb: title }, languages: ['nb'], packageId: (await imported.json()).courseId });

  const context = await browser.newContext();
  const learner = await context.newPage();
  const nb = languageOf(ACCOUNTS.employee);
  await signIn(learner, ACCOUNTS.employee);
  const openItem = async () => {
    await learner.goto(`/learning/items/${item.id}`);
    await expect(learner.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await waitForPage(learner);
  };
  const partRow = (name: string) => learner.getByRole('listitem').filter({ hasText: name });

  await openItem();
  await expect(learner.getByRole('heading', { level: 3, name: t(nb, 'catalogue.cmi5.partsHeading') })).toBeVisible();
  await expect(partRow(parts.first)).toContainText(t(nb, 'catalogue.cmi5.status.notStarted'));
  await expect(partRow(parts.first)).toContainText(t(nb, 'catalogue.cmi5.opensHere'));
  await expect(partRow(parts.second)).toContainText(t(nb, 'catalogue.cmi5.opensNewTab'));
  await checkA11y(learner, 'cmi5 item, not started');

  // The first part wants its own window: the page becomes the AU, on the content origin.
  await learner.getByRole('button', { name: t(nb, 'catalogue.cmi5.startCourse') }).click();
  await expect(learner.locator('#status')).toHaveText('done', { timeout: 30_000 });
  expect(new URL(learner.url()).host).not.toBe(new URL(page.url()).host);

  await openItem();
  await expect(learner.getByText(t(nb, 'catalogue.cmi5.progress', { done: 1, total: 2 }))).toBeVisible();
  await expect(partRow(parts.first)).toContainText(t(nb, 'catalogue.cmi5.status.done'));

  // The second opens in a new tab; this page shows the outcome once asked to update.
  const [tab] = await Promise.all([context.waitForEvent('page'), learner.getByRole('button', { name: t(nb, 'catalogue.cmi5.continueWith', { title: parts.second }) }).click()]);
  await expect(tab.locator('#status')).toHaveText('done', { timeout: 30_000 });
  await expect(learner.getByText(t(nb, 'catalogue.cmi5.openedInNewTab'))).toBeVisible();
  await tab.close();
  await learner.getByRole('button', { name: t(nb, 'catalogue.cmi5.refresh') }).click();
  await expect(learner.getByText(t(nb, 'catalogue.cmi5.courseDone'))).toBeVisible();
  await expect(partRow(parts.second)).toContainText(t(nb, 'catalogue.cmi5.status.done'));
  await expect(learner.getByRole('list', { name: t(nb, 'catalogue.item.status') })).toContainText(t(nb, 'catalogue.myStatus.completed'));
  await checkA11y(learner, 'cmi5 item, completed');

  await learner.setViewportSize({ width: 360, height: 740 });
  await openItem();
  await expectNoHorizontalOverflow(learner, 'cmi5 item (phone)');
  await checkA11y(learner, 'cmi5 item (360 px)');
  await context.close();
});
