import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createUser, sessionFor, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../../test/harness.js';
import { courseUrl, insertCourseItem, publishCourse, sampleCourse } from './course-test-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function publishedCourse(m: Tenant, languages = ['nb'], content = sampleCourse()) {
  const item = await insertCourseItem(t.db, m.municipality.id, { languages });
  for (const l of languages) await publishCourse(t, m.sessions.municipal_admin!, m.municipality.id, item, l, { ...content, title: `${content.title} (${l})` });
  return item;
}

const post = (m: Tenant, item: string, path: string, body?: unknown) => call(t.app, m.sessions.employee, 'POST', `${courseUrl(m.municipality.id, item)}/${path}`, body);
const learnView = async (m: Tenant, item: string) => (await call(t.app, m.sessions.employee, 'GET', `${courseUrl(m.municipality.id, item)}/learn`)).json();

describe('starting and resuming', () => {
  it('starts in the requested language, else the learner’s own, else the first published one', async () => {
    const m = await buildTenant(t.db);
    const item = await publishedCourse(m, ['en', 'nb']);
    // The employee's preferred language is nb (the factory's default).
    expect((await post(m, item, 'start', {})).json().round.language).toBe('nb');
    const asked = await publishedCourse(m, ['en', 'nb']);
    expect((await post(m, asked, 'start', { language: 'en' })).json().round.language).toBe('en');
    const onlySv = await publishedCourse(m, ['sv', 'da']);
    expect((await post(m, onlySv, 'start', {})).json().round.language).toBe('sv');
    const missing = await post(m, await publishedCourse(m, ['nb']), 'start', { language: 'da' });
    expect(missing.json().error.details).toMatchObject({ reason: 'LANGUAGE_NOT_PUBLISHED' });
  });

  it('shows the learner the content without answers, and no round before the start', async () => {
    const m = await buildTenant(t.db);
    const item = await publishedCourse(m);
    const before = await learnView(m, item);
    expect(before).toMatchObject({ status: 'not_started', languages: ['nb'], round: null });
    const started = (await post(m, item, 'start', {})).json();
    expect(started.status).toBe('in_progress');
    expect(started.round.currentLessonId).toBe('intro');
    const body = JSON.stringify(started);
    expect(body).not.toContain('"correct"');
    expect(body).not.toContain('For kort.');
    expect(body).not.toContain('Minst 30 sekunder.');
    expect(started.round.lessons).toEqual([
      { lessonId: 'intro', completed: false, quiz: null },
      { lessonId: 'check', completed: false, quiz: { score: null, passed: false, attempts: 0 } },
    ]);
  });

  it('resumes at the lesson last opened, on the version the learner started, until they restart', async () => {
    const m = await buildTenant(t.db);
    const item = await publishedCourse(m);
    await post(m, item, 'start', {});
    await post(m, item, 'lessons/intro/complete');
    expect((await post(m, item, 'lessons/check/open')).json()).toEqual({ currentLessonId: 'check' });
    await publishCourse(t, m.sessions.municipal_admin!, m.municipality.id, item, 'nb', sampleCourse('Ny versjon'));

    const resumed = (await post(m, item, 'start', {})).json();
    expect(resumed.round).toMatchObject({ version: 1, currentLessonId: 'check' });
    expect(resumed.round.lessons[0].completed).toBe(true);
    const view = await learnView(m, item);
    expect(view.round.registration).toBe(resumed.round.registration);

    const fresh = (await post(m, item, 'restart', {})).json();
    expect(fresh.round).toMatchObject({ version: 2, currentLessonId: 'intro' });
    expect(fresh.round.content.title).toBe('Ny versjon');
    expect(fresh.round.lessons.every((l: { completed: boolean }) => !l.completed)).toBe(true);
    expect(fresh.round.registration).not.toBe(resumed.round.registration);
  });

  it('is for the municipality’s employees only, and only for courses out of draft', async () => {
    const m = await buildTenant(t.db);
    const item = await publishedCourse(m);
    expect((await call(t.app, m.sessions.municipal_admin, 'POST', `${courseUrl(m.municipality.id, item)}/start`, {})).statusCode).toBe(403);
    const draft = await insertCourseItem(t.db, m.municipality.id, { status: 'draft' });
    expect(errorCode(await post(m, draft, 'start', {}))).toBe('NOT_FOUND');
    const unpublished = await insertCourseItem(t.db, m.municipality.id);
    expect((await post(m, unpublished, 'start', {})).json().error.details.reason).toBe('NOT_PUBLISHED');
    expect((await post(m, item, 'lessons/intro/complete')).json().error.details.reason).toBe('NOT_STARTED');
  });
});

describe('quizzes and completion', () => {
  it('scores single and multiple choice on the server against the pass mark, with feedback', async () => {
    const m = await buildTenant(t.db);
    const item = await publishedCourse(m);
    await post(m, item, 'start', {});
    // q1 right, q2 half right (a multiple-choice question counts only when exactly right): 1 of 2 = 50 % = pass mark.
    const half = (await post(m, item, 'lessons/check/quiz', { answers: { q1: ['b'], q2: ['a'] } })).json();
    expect(half).toMatchObject({ score: 0.5, passed: true, passMark: 50 });
    expect(half.questions).toEqual([
      { questionId: 'q1', correct: true, feedback: [{ optionId: 'b', text: 'Riktig.' }], explanation: 'Minst 30 sekunder.' },
      { questionId: 'q2', correct: false, feedback: [], explanation: null },
    ]);
    const none = (await post(m, item, 'lessons/check/quiz', { answers: { q1: ['a'], q2: ['c'] } })).json();
    expect(none).toMatchObject({ score: 0, passed: false });
    expect(none.questions[1].feedback).toEqual([{ optionId: 'c', text: 'Nei.' }]);
    // The best score and "passed" are kept across attempts.
    expect(none.lesson).toEqual({ lessonId: 'check', completed: false, quiz: { score: 0.5, passed: true, attempts: 2 } });
  });

  it('refuses malformed answers and changes nothing', async () => {
    const m = await buildTenant(t.db);
    const item = await publishedCourse(m);
    await post(m, item, 'start', {});
    const attempt = (answers: unknown) => post(m, item, 'lessons/check/quiz', { answers });
    for (const answers of [{ q1: ['a', 'b'], q2: ['a'] }, { q1: ['b'], q2: ['zz'] }, { q1: ['b'], q2: ['a'], q9: ['a'] }, { q1: ['b'] }, { q1: ['b'], q2: [] }]) {
      const res = await attempt(answers);
      expect(res.statusCode, JSON.stringify(answers)).toBe(400);
    }
    expect(errorCode(await post(m, item, 'lessons/nope/quiz', { answers: {} }))).toBe('NOT_FOUND');
    expect((await post(m, item, 'lessons/intro/quiz', { answers: {} })).json().error.details.reason).toBe('NO_QUIZ');
    expect((await learnView(m, item)).round.lessons[1].quiz.attempts).toBe(0);
  });

  it('completes a quiz lesson only once its quiz is passed, and the course as passed with the mean quiz score', async () => {
    const m = await buildTenant(t.db);
    const item = await publishedCourse(m);
    await post(m, item, 'start', {});
    expect((await post(m, item, 'lessons/intro/complete')).json().round.currentLessonId).toBe('check');
    const early = await post(m, item, 'lessons/check/complete');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.reason).toBe('QUIZ_NOT_PASSED');
    await post(m, item, 'lessons/check/quiz', { answers: { q1: ['a'], q2: ['a', 'b'] } });
    const done = (await post(m, item, 'lessons/check/complete')).json();
    expect(done).toMatchObject({ status: 'passed', round: { scoreScaled: 0.5 } });
    expect(done.round.completedAt).not.toBeNull();
    const completions = await t.db.selectFrom('learning_completions').selectAll().where('item_id', '=', item).execute();
    expect(completions).toEqual([expect.objectContaining({ outcome: 'passed', score_scaled: 0.5, source: 'course', person_id: m.people.self.id })]);
    expect(completions[0]!.statement_id).not.toBeNull();
    // Completing again changes nothing.
    expect((await post(m, item, 'lessons/check/complete')).json().status).toBe('passed');
    expect(await t.db.selectFrom('learning_completions').select('id').where('item_id', '=', item).execute()).toHaveLength(1);
  });

  it('records a course without quizzes as completed, with no score', async () => {
    const m = await buildTenant(t.db);
    const content = { title: 'Les', lessons: [{ id: 'one', title: 'En', blocks: [{ type: 'text', id: 't', markdown: 'Tekst' }] }] };
    const item = await publishedCourse(m, ['nb'], content as never);
    await post(m, item, 'start', {});
    const done = (await post(m, item, 'lessons/one/complete')).json();
    expect(done).toMatchObject({ status: 'completed', round: { scoreScaled: null } });
  });

  it('keeps each learner’s progress their own', async () => {
    const m = await buildTenant(t.db);
    const item = await publishedCourse(m);
    await post(m, item, 'start', {});
    await post(m, item, 'lessons/intro/complete');
    const colleague = await createUser(t.db, [{ role: 'employee', scopeType: 'municipality', municipalityId: m.municipality.id }]);
    await t.db.updateTable('persons').set({ user_id: colleague.id }).where('id', '=', m.people.inTeam.id).execute();
    const session = await sessionFor(t.db, colleague.id);
    const theirs = (await call(t.app, session, 'GET', `${courseUrl(m.municipality.id, item)}/learn`)).json();
    expect(theirs).toMatchObject({ status: 'not_started', round: null });
  });
});
