import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { cmi5CourseZip, fixtureId } from '../test/fixtures/cmi5/course.js';
import { ACCOUNTS, apiClient, HAVSTAD, signIn } from './support/index.js';

// A cmi5 course run for real: an administrator makes an LRS key; a machine
// client (no browser session, only that key) imports a course built by the
// test fixture and asks for a launch URL; Chromium opens the AU on the content
// origin, where its script POSTs the fetch URL for its token, reads
// LMS.LaunchData and the learner preferences, and sends initialized,
// completed, passed and terminated to the LRS across origins. The LMS then
// satisfies the block and the course.

test('an AU launched from the LMS fetches its token, reads its launch data, reports, and the course is satisfied', async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.admin);
  const admin = await apiClient(page);
  const municipalityId = admin.municipalityId(HAVSTAD.code);
  const key = await admin.post<{ key: string; secret: string }>(`/municipalities/${municipalityId}/lrs/credentials`, { name: `cmi5 harness ${randomUUID().slice(0, 8)}` });
  // `request` shares no cookies with the signed-in page: this is the machine client.
  const authorization = `Basic ${Buffer.from(`${key.key}:${key.secret}`).toString('base64')}`;
  const cmi5 = `/api/v1/municipalities/${municipalityId}/cmi5`;

  const courseId = fixtureId('e2e-course');
  const blockId = fixtureId('e2e-block');
  const zip = cmi5CourseZip({ id: courseId, title: 'Smittevern', children: [{ kind: 'block', id: blockId, children: [{ id: fixtureId('e2e-au'), moveOn: 'CompletedAndPassed', masteryScore: 0.8, plan: ['completed', 'passed'] }] }] });
  const imported = await request.post(`${cmi5}/courses`, { headers: { authorization, 'content-type': 'application/zip' }, data: zip });
  expect(imported.status(), await imported.text()).toBe(201);
  const course = await imported.json();

  const actor = { objectType: 'Agent', account: { homePage: 'https://learners.example.org', name: randomUUID() } };
  const launched = await request.post(`${cmi5}/courses/${course.courseId}/launch-url`, { headers: { authorization }, data: { actor, auIndex: 0 } });
  expect(launched.status(), await launched.text()).toBe(201);
  const launch = await launched.json();
  expect(new URL(launch.url).host).not.toBe(new URL(page.url()).host);

  await page.goto(launch.url);
  await expect(page.locator('#status')).toHaveText('done', { timeout: 30_000 });
  await expect(page.locator('#log')).toContainText('launch data Normal CompletedAndPassed');

  const registration = await request.get(`${cmi5}/registrations/${launch.registration}`, { headers: { authorization } });
  expect(await registration.json()).toMatchObject({ satisfied: true, aus: [{ completed: true, passed: true, satisfied: true }], blocks: [{ satisfied: true }], sessions: [{ state: 'terminated' }] });

  const statements = await request.get(`/xapi/statements?registration=${launch.registration}&ascending=true`, { headers: { authorization, 'x-experience-api-version': '1.0.3' } });
  const verbs = ((await statements.json()).statements as { verb: { id: string } }[]).map((s) => s.verb.id.split('/').pop());
  expect(verbs).toEqual(['launched', 'initialized', 'completed', 'passed', 'satisfied', 'satisfied', 'terminated']);

  // The fetch URL was single use: the page's POST took the token, a second gets error 1.
  const fetchUrl = new URL(new URL(launch.url).searchParams.get('fetch')!);
  const again = await request.post(fetchUrl.pathname);
  expect(await again.json()).toMatchObject({ 'error-code': '1' });
});
