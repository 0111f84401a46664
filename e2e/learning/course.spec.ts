import { expect, type Page, test } from '@playwright/test';
import { ACCOUNTS, apiClient, checkA11y, expectNoHorizontalOverflow, HAVSTAD, languageOf, signIn, t, uniqueName, waitForPage } from '../support/index.js';

// Built-in courses: a competence advisor builds a two-lesson course with a
// quiz in the editor, is shown what is missing, and publishes; an employee on
// a phone takes it, leaves half-way, comes back to the same lesson, fails the
// quiz once, passes, and finishes. Editor and learner pages pass axe.

test.describe.configure({ timeout: 180_000 });

const nb = languageOf(ACCOUNTS.advisor);
const sv = languageOf(ACCOUNTS.employee);

async function newCourseItem(page: Page, title: string): Promise<string> {
  const api = await apiClient(page);
  const municipalityId = api.municipalityId(HAVSTAD.code);
  const item = await api.post<{ id: string }>(`/municipalities/${municipalityId}/learning/items`, { kind: 'course', titles: { nb: title }, languages: ['nb'] });
  await api.patch(`/municipalities/${municipalityId}/learning/items/${item.id}`, { status: 'published' });
  return item.id;
}

async function buildCourse(page: Page, itemId: string, title: string): Promise<void> {
  await page.goto(`/learning/items/${itemId}`);
  await waitForPage(page);
  await page.getByRole('link', { name: t(nb, 'course.editor.open') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(nb, 'course.editor.titleOf', { title }) })).toBeVisible();
  await waitForPage(page);
  await page.getByRole('textbox', { name: t(nb, 'course.editor.courseTitle') }).fill(title);

  // Lesson 1: text, written with the toolbar.
  await page.getByRole('button', { name: t(nb, 'course.editor.addLesson') }).click();
  await page.getByRole('textbox', { name: t(nb, 'course.editor.lessonTitle') }).fill('Hvorfor håndhygiene');
  const text = page.getByRole('textbox', { name: t(nb, 'course.editor.text.label') });
  await text.fill('Hender sprer smitte.');
  await text.selectText();
  await page.getByRole('button', { name: t(nb, 'course.editor.markdown.bold') }).click();
  await expect(text).toHaveValue('**Hender sprer smitte.**');
  await checkA11y(page, 'course editor, lesson 1');

  // Lesson 2: a quiz with one single-choice question.
  await page.getByRole('button', { name: t(nb, 'course.editor.addLesson') }).click();
  await page.getByRole('textbox', { name: t(nb, 'course.editor.lessonTitle') }).fill('Sjekk deg selv');
  await page.getByRole('textbox', { name: t(nb, 'course.editor.text.label') }).fill('Svar på spørsmålet.');
  await page.getByRole('button', { name: t(nb, 'course.editor.add.quiz') }).click();
  await page.getByRole('textbox', { name: t(nb, 'course.editor.quiz.prompt') }).fill('Hvor lenge bør du vaske hendene?');
  await page.getByRole('textbox', { name: t(nb, 'course.editor.quiz.option', { number: 1 }) }).fill('5 sekunder');

  // Publishing with an option left empty and no correct answer: refused, and said where.
  await page.getByRole('button', { name: t(nb, 'course.editor.publish') }).click();
  await expect(page.getByRole('alert').filter({ hasText: t(nb, 'course.editor.notPublishable', { count: 2 }).split(':')[0] })).toBeVisible();
  await expect(page.getByRole('textbox', { name: t(nb, 'course.editor.quiz.option', { number: 2 }) })).toHaveAttribute('aria-invalid', 'true');
  await checkA11y(page, 'course editor with publish problems');

  await page.getByRole('textbox', { name: t(nb, 'course.editor.quiz.option', { number: 2 }) }).fill('30 sekunder');
  await page.locator('.course-option').nth(1).getByRole('checkbox', { name: t(nb, 'course.editor.quiz.correct') }).check();
  await page.locator('.course-option').nth(1).getByRole('textbox', { name: t(nb, 'course.editor.quiz.feedback') }).fill('Riktig, minst 30 sekunder.');
  await page.getByRole('button', { name: t(nb, 'course.editor.publish') }).click();
  await expect(page.getByText(t(nb, 'course.editor.publishedNotice'))).toBeVisible();
  await expect(page.getByRole('tab', { name: new RegExp(t(nb, 'course.editor.version', { version: 1 })) })).toBeVisible();
}

test('an advisor builds and publishes a course; an employee on a phone takes it, resumes where they left off and passes', async ({ page, browser }) => {
  const title = uniqueName('Håndhygiene ');
  await signIn(page, ACCOUNTS.advisor);
  const itemId = await newCourseItem(page, title);
  await buildCourse(page, itemId, title);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const mobile = await phone.newPage();
  await signIn(mobile, ACCOUNTS.employee);
  await mobile.goto(`/learning/items/${itemId}/learn`);
  await waitForPage(mobile);
  await checkA11y(mobile, 'course intro (phone)');
  await mobile.getByRole('button', { name: t(sv, 'course.learn.start') }).click();

  await expect(mobile.getByText(t(sv, 'course.learn.lessonOf', { number: 1, total: 2 }))).toBeVisible();
  await expect(mobile.getByRole('heading', { level: 2, name: 'Hvorfor håndhygiene' })).toBeVisible();
  await expect(mobile.locator('.course-markdown-view strong')).toHaveText('Hender sprer smitte.');
  await expectNoHorizontalOverflow(mobile, 'lesson 1 on a phone');
  await checkA11y(mobile, 'lesson 1 (phone)');
  // Next by keyboard: focus it and press Enter.
  await mobile.getByRole('button', { name: t(sv, 'course.learn.next') }).focus();
  await mobile.keyboard.press('Enter');
  await expect(mobile.getByText(t(sv, 'course.learn.lessonOf', { number: 2, total: 2 }))).toBeVisible();
  await expect(mobile.getByRole('heading', { level: 2, name: 'Sjekk deg selv' })).toBeFocused();
  const next = mobile.getByRole('button', { name: t(sv, 'course.learn.finish') });
  await expect(next).toBeDisabled();
  const box = await next.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);

  // Leave half-way, come back: the same lesson.
  await mobile.goto('/');
  await waitForPage(mobile);
  await mobile.goto(`/learning/items/${itemId}/learn`);
  await expect(mobile.getByText(t(sv, 'course.learn.lessonOf', { number: 2, total: 2 }))).toBeVisible();
  await expect(mobile.getByRole('heading', { level: 2, name: 'Sjekk deg selv' })).toBeVisible();

  // An answer is a finger-sized target.
  const answerBox = await mobile.locator('label', { hasText: '5 sekunder' }).boundingBox();
  expect(answerBox!.height).toBeGreaterThanOrEqual(44);
  // Wrong first, then right.
  await mobile.getByRole('radio', { name: '5 sekunder' }).check();
  await mobile.getByRole('button', { name: t(sv, 'course.learn.checkAnswers') }).click();
  await expect(mobile.getByText(t(sv, 'course.learn.quizFailed', { score: 0, passMark: 80 }))).toBeVisible();
  await expect(mobile.getByText(t(sv, 'course.learn.wrong'), { exact: true })).toBeVisible();
  await checkA11y(mobile, 'quiz feedback (phone)');
  await mobile.getByRole('button', { name: t(sv, 'course.learn.tryAgain') }).click();
  await mobile.getByRole('radio', { name: '30 sekunder' }).check();
  await mobile.getByRole('button', { name: t(sv, 'course.learn.checkAnswers') }).click();
  await expect(mobile.getByText(t(sv, 'course.learn.quizPassed', { score: 100 }))).toBeVisible();
  await expect(mobile.getByText('Riktig, minst 30 sekunder.')).toBeVisible();
  await next.click();

  await expect(mobile.getByRole('heading', { level: 2, name: t(sv, 'course.learn.passedHeading') })).toBeVisible();
  await expect(mobile.getByText(t(sv, 'course.learn.finalScore', { score: 100 }))).toBeVisible();
  await checkA11y(mobile, 'course done (phone)');
  await phone.close();
});
