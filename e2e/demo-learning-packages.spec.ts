import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { welfareModule1, welfareModule2 } from '../seeds/demo/learning/packages/welfare-technology-scorm2004.js';
import type { ScoContent } from '../seeds/demo/learning/packages/sco-content.js';
import { ACCOUNTS, checkA11y, languageOf, signIn, t, waitForPage } from './support/index.js';

// The demo's own SCORM 2004 package (seeds/demo/learning/packages), as the
// seed imported it on first start, played in Chromium by the demo employee:
// the SCO pages render in the player, the quiz records the result, finishing
// module 1 continues to module 2, and the course ends passed.

const lng = languageOf(ACCOUNTS.employee);
const tr = (key: string, vars?: Record<string, string | number>) => t(lng, key, vars);
const TITLE = 'Welfare technology basics';

/** The SCO: app page → player frame (content origin) → SCO frame. */
const sco = (page: Page): FrameLocator => page.frameLocator('iframe.player-frame').frameLocator('#sco');

async function playModule(page: Page, content: ScoContent) {
  const frame = sco(page);
  await expect(frame.getByRole('heading', { level: 1, name: content.pages[0]!.title.nb })).toBeVisible({ timeout: 20_000 });
  for (let i = 1; i < content.pages.length; i++) {
    await frame.getByRole('button', { name: 'Neste' }).click();
    await expect(frame.getByRole('heading', { level: 1, name: content.pages[i]!.title.nb })).toBeVisible();
  }
  await frame.getByRole('button', { name: 'Neste' }).click();
  for (const q of content.quiz.questions) {
    const group = frame.getByRole('group', { name: new RegExp(q.prompt.nb.replace(/[.?*+()]/g, '\\$&')) });
    for (const o of q.options.filter((x) => x.correct)) await group.getByLabel(o.text.nb, { exact: true }).check();
  }
  await frame.getByRole('button', { name: 'Send svar' }).click();
  await expect(frame.getByRole('status')).toContainText('Bestått');
  await frame.getByRole('button', { name: 'Avslutt' }).click();
}

test('the demo SCORM 2004 package plays: two modules in sequence, passed', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.employee);
  await page.goto('/learn');
  await waitForPage(page);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: TITLE, exact: true }) });
  await card.getByRole('link', { name: tr('player.courses.start') }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  await expect(sco(page).getByRole('heading', { level: 1, name: welfareModule1.pages[0]!.title.nb })).toBeVisible({ timeout: 20_000 });
  await checkA11y(page, 'demo SCORM 2004 package in the player');
  // The language switch shows the same page in English and is remembered.
  await sco(page).getByRole('button', { name: 'English' }).click();
  await expect(sco(page).getByRole('heading', { level: 1, name: welfareModule1.pages[0]!.title.en })).toBeVisible();
  await sco(page).getByRole('button', { name: 'Norsk' }).click();

  await playModule(page, welfareModule1);
  // Passing module 1 asked the sequencer to continue: module 2 is delivered without the learner choosing it.
  await playModule(page, welfareModule2);

  // The course has ended: the player goes back to the list by itself, or on Exit if it is still open.
  const list = page.getByRole('heading', { level: 1, name: tr('player.courses.title') });
  await page.getByRole('button', { name: tr('player.page.exit') }).click({ timeout: 3_000 }).catch(() => undefined);
  await expect(list).toBeVisible({ timeout: 15_000 });
  await waitForPage(page);
  await expect(card).toContainText(tr('player.status.passed'), { timeout: 15_000 });
});
