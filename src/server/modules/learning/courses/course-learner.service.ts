import type { LearnView, QuizAnswersBody, QuizResult } from '../../../../shared/api/courses.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { withStatementTransaction, type StoreInTransaction } from '../../lrs/statements.service.js';
import { recordLearning, type LearningEvent } from '../records/learning-records.js';
import * as repo from './course-learner.repository.js';
import { quizOf, scoreQuiz } from './course-quiz.js';
import { isStarted, lessonIn, lessonView, loadRound, nextLesson, presentRound, requireStarted, scopeOf, type Round, type StartedRound } from './course-round.js';
import { courseStatements, coursesAuthority, type CourseScope } from './course-statements.js';
import { coursesPolicy } from './courses.policy.js';

// The learner's side of a built-in course. Every step changes the learner's
// progress and writes the xAPI statements that describe it in ONE
// transaction (withStatementTransaction), so the LRS and the progress the
// screens read can never disagree: a step that fails leaves neither.

type Step = { ctx: RequestContext; municipalityId: string; tx: TenantTx; store: StoreInTransaction; round: Round; name: () => Promise<string> };

function learnerIn(ctx: RequestContext, municipalityId: string): string {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const personId = coursesPolicy.learnerPersonId(p, municipalityId);
  if (!personId) throw AppError.forbidden('Only employees of this municipality can take its courses.');
  return personId;
}

/** Runs one learner step: the round locked, statements and progress in the same transaction. */
async function step<T>(ctx: RequestContext, municipalityId: string, itemId: string, fn: (s: Step) => Promise<T>): Promise<T> {
  const personId = learnerIn(ctx, municipalityId);
  return withStatementTransaction(ctx.db, municipalityId, '1.0.3', async (tx, store) => {
    const round = await loadRound(tx, municipalityId, personId, itemId, { lock: true });
    return fn({ ctx, municipalityId, tx, store, round, name: () => repo.personName(tx, municipalityId, personId) });
  });
}

const itemRef = (round: Round) => ({ id: round.item.id, municipalityId: round.item.municipality_id, certificateEnabled: round.item.certificate_enabled });

async function record(s: Step, event: Omit<LearningEvent, 'source'>) {
  return recordLearning(s.tx, s.municipalityId, s.round.personId, itemRef(s.round), { ...event, source: 'course' });
}

async function reload(s: Step): Promise<StartedRound> {
  return requireStarted(await loadRound(s.tx, s.municipalityId, s.round.personId, s.round.item.id));
}

const view = (s: Step, round: Round): LearnView => presentRound(s.municipalityId, round, requirePrincipal(s.ctx).preferredLanguage);

async function scope(s: Step, round: StartedRound): Promise<CourseScope> {
  return scopeOf(s.ctx.config.publicUrl, s.municipalityId, round, await s.name());
}

const storeAll = (s: Step, statements: object[]) => s.store(coursesAuthority(s.ctx.config.publicUrl, s.municipalityId), statements);

/** The language of a new round: the one asked for, else the learner's own, else the first published. */
function pickLanguage(round: Round, requested: string | undefined, preferred: string): { language: string; version: number } {
  if (round.item.status !== 'published') throw AppError.conflict('This course is archived: it can no longer be started.', { reason: 'ARCHIVED' });
  if (round.published.length === 0) throw AppError.conflict('This course has no published version yet.', { reason: 'NOT_PUBLISHED' });
  if (requested) {
    const found = round.published.find((p) => p.language === requested);
    if (!found) throw AppError.validation(`The course is not published in "${requested}".`, { field: 'language', reason: 'LANGUAGE_NOT_PUBLISHED' });
    return found;
  }
  return round.published.find((p) => p.language === preferred) ?? round.published[0]!;
}

/** Begins a new round on the latest version of a language: progress, lessons cleared, "initialized". */
async function beginRound(s: Step, language: string, version: number, restart: boolean): Promise<LearnView> {
  const at = new Date();
  if (restart) await repo.clearLessonProgress(s.tx, s.municipalityId, s.round.personId, s.round.item.id);
  await record(s, { status: 'in_progress', at, language, courseVersion: version, currentLessonId: null, restart });
  const round = await reload(s);
  await storeAll(s, [courseStatements.entered(await scope(s, round), false, at)]);
  return view(s, round);
}

export async function learn(ctx: RequestContext, municipalityId: string, itemId: string): Promise<LearnView> {
  const personId = learnerIn(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => presentRound(municipalityId, await loadRound(tx, municipalityId, personId, itemId), requirePrincipal(ctx).preferredLanguage));
}

/** Starts the course, or resumes the learner's round (on the version they began, whatever was published since). */
export async function start(ctx: RequestContext, municipalityId: string, itemId: string, body: { language?: string | undefined }): Promise<LearnView> {
  return step(ctx, municipalityId, itemId, async (s) => {
    if (isStarted(s.round)) {
      const round = s.round;
      const at = new Date();
      await record(s, { status: 'in_progress', at });
      await storeAll(s, [courseStatements.entered(await scope(s, round), true, at)]);
      return view(s, await reload(s));
    }
    const { language, version } = pickLanguage(s.round, body.language, requirePrincipal(ctx).preferredLanguage);
    return beginRound(s, language, version, false);
  });
}

export async function restart(ctx: RequestContext, municipalityId: string, itemId: string, body: { language?: string | undefined }): Promise<LearnView> {
  return step(ctx, municipalityId, itemId, async (s) => {
    const { language, version } = pickLanguage(s.round, body.language ?? s.round.progress?.language ?? undefined, requirePrincipal(ctx).preferredLanguage);
    await recordAudit(s.tx, municipalityId, actorOf(ctx), {
      action: 'course.restart',
      entityType: 'learning_item',
      entityId: itemId,
      before: s.round.progress ? { status: s.round.progress.status, language: s.round.progress.language, version: s.round.progress.course_version } : null,
      after: { language, version },
    });
    return beginRound(s, language, version, true);
  });
}

export async function openLesson(ctx: RequestContext, municipalityId: string, itemId: string, lessonId: string) {
  return step(ctx, municipalityId, itemId, async (s) => {
    const round = requireStarted(s.round);
    const lesson = lessonIn(round, lessonId);
    const at = new Date();
    await record(s, { status: 'in_progress', at, currentLessonId: lesson.id });
    await storeAll(s, [courseStatements.lessonOpened(await scope(s, round), lesson, at)]);
    return { currentLessonId: lesson.id };
  });
}

/**
 * Completes a lesson (one with a quiz only once the quiz is passed). The last
 * lesson completes the course: "passed" with the mean quiz score when it has
 * quizzes, else "completed", recorded as a completion.
 */
export async function completeLesson(ctx: RequestContext, municipalityId: string, itemId: string, lessonId: string): Promise<LearnView> {
  return step(ctx, municipalityId, itemId, async (s) => {
    const round = requireStarted(s.round);
    const lesson = lessonIn(round, lessonId);
    const row = round.lessons.get(lesson.id);
    if (row?.completed) return view(s, round);
    if (quizOf(lesson) && !row?.quiz_passed) throw AppError.conflict('Pass the lesson’s quiz to complete it.', { reason: 'QUIZ_NOT_PASSED' });
    const at = new Date();
    await repo.saveLessonProgress(s.tx, municipalityId, round.personId, itemId, lesson.id, { language: round.progress.language, courseVersion: round.progress.course_version, completed: true, at });
    const after = await reload(s);
    const sc = await scope(s, after);
    const statements: object[] = [courseStatements.lessonCompleted(sc, lesson, at)];
    const allDone = after.content.lessons.every((l) => after.lessons.get(l.id)?.completed);
    if (!allDone) {
      await storeAll(s, statements);
      await record(s, { status: 'in_progress', at, currentLessonId: nextLesson(after, lesson.id) });
      return view(s, await reload(s));
    }
    const quizLessons = after.content.lessons.filter((l) => quizOf(l));
    const outcome = quizLessons.length > 0 ? 'passed' : 'completed';
    const score = quizLessons.length > 0 ? quizLessons.reduce((sum, l) => sum + (after.lessons.get(l.id)?.quiz_score ?? 0), 0) / quizLessons.length : null;
    statements.push(courseStatements.courseOutcome(sc, outcome, score, after.progress.started_at, at));
    const ids = await storeAll(s, statements);
    // The completion points at the course's "passed"/"completed" statement, the last one stored.
    await record(s, { status: outcome, at, scoreScaled: score, statementId: ids[ids.length - 1] ?? null, currentLessonId: lesson.id });
    return view(s, await reload(s));
  });
}

export async function answerQuiz(ctx: RequestContext, municipalityId: string, itemId: string, lessonId: string, body: QuizAnswersBody): Promise<QuizResult> {
  return step(ctx, municipalityId, itemId, async (s) => {
    const round = requireStarted(s.round);
    const lesson = lessonIn(round, lessonId);
    const quiz = quizOf(lesson);
    if (!quiz) throw AppError.validation('This lesson has no quiz.', { reason: 'NO_QUIZ' });
    const scored = scoreQuiz(quiz, body.answers);
    const at = new Date();
    await repo.saveLessonProgress(s.tx, municipalityId, round.personId, itemId, lesson.id, {
      language: round.progress.language,
      courseVersion: round.progress.course_version,
      quiz: { answers: body.answers, score: scored.score, passed: scored.passed },
      at,
    });
    const sc = await scope(s, round);
    const byId = new Map(quiz.questions.map((q) => [q.id, q]));
    await storeAll(s, [
      ...scored.questions.map((q) => courseStatements.answered(sc, lesson, byId.get(q.questionId)!, q.chosen, q.correct, at)),
      courseStatements.quizOutcome(sc, lesson, scored.score, scored.correctCount, quiz.questions.length, scored.passed, at),
    ]);
    await record(s, { status: 'in_progress', at, currentLessonId: lesson.id });
    const after = await reload(s);
    return {
      score: scored.score,
      passed: scored.passed,
      passMark: quiz.passMark,
      questions: scored.questions.map(({ chosen: _chosen, ...q }) => q),
      lesson: lessonView(lesson, after.lessons.get(lesson.id)),
    };
  });
}
