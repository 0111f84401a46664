import type { TenantTx } from '../../../db/tenant.js';

// SQL for a learner's rounds through a course. learning_progress is only
// read here: it is written through recordLearning (records/learning-records.ts).

export async function findProgress(tx: TenantTx, municipalityId: string, personId: string, itemId: string, options: { lock?: boolean } = {}) {
  let q = tx
    .selectFrom('learning_progress')
    .select(['status', 'language', 'course_version', 'current_lesson_id', 'score_scaled', 'started_at', 'completed_at'])
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('item_id', '=', itemId);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type ProgressRow = NonNullable<Awaited<ReturnType<typeof findProgress>>>;

export async function listLessonProgress(tx: TenantTx, municipalityId: string, personId: string, itemId: string) {
  return tx
    .selectFrom('lesson_progress')
    .select(['lesson_id', 'completed', 'quiz_score', 'quiz_passed', 'quiz_attempts'])
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('item_id', '=', itemId)
    .execute();
}
export type LessonRow = Awaited<ReturnType<typeof listLessonProgress>>[number];

export type LessonChange = {
  language: string;
  courseVersion: number;
  completed?: true;
  quiz?: { answers: Record<string, string[]>; score: number; passed: boolean };
  at: Date;
};

/** Marks a lesson completed and/or records a quiz attempt (best score and "ever passed" are kept). */
export async function saveLessonProgress(tx: TenantTx, municipalityId: string, personId: string, itemId: string, lessonId: string, change: LessonChange) {
  const existing = await tx
    .selectFrom('lesson_progress')
    .select(['quiz_score', 'quiz_passed', 'quiz_attempts'])
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('item_id', '=', itemId)
    .where('lesson_id', '=', lessonId)
    .forUpdate()
    .executeTakeFirst();
  const quiz = change.quiz
    ? {
        quiz_answers: JSON.stringify(change.quiz.answers),
        quiz_score: Math.max(existing?.quiz_score ?? 0, change.quiz.score),
        quiz_passed: Boolean(existing?.quiz_passed) || change.quiz.passed,
        quiz_attempts: (existing?.quiz_attempts ?? 0) + 1,
      }
    : {};
  const values = { ...quiz, ...(change.completed ? { completed: true } : {}), updated_at: change.at };
  if (existing) {
    await tx
      .updateTable('lesson_progress')
      .set(values)
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .where('item_id', '=', itemId)
      .where('lesson_id', '=', lessonId)
      .execute();
  } else {
    await tx
      .insertInto('lesson_progress')
      .values({ municipality_id: municipalityId, person_id: personId, item_id: itemId, lesson_id: lessonId, language: change.language, course_version: change.courseVersion, ...values })
      .execute();
  }
}

export async function clearLessonProgress(tx: TenantTx, municipalityId: string, personId: string, itemId: string) {
  await tx.deleteFrom('lesson_progress').where('municipality_id', '=', municipalityId).where('person_id', '=', personId).where('item_id', '=', itemId).execute();
}

export async function personName(tx: TenantTx, municipalityId: string, personId: string): Promise<string> {
  const p = await tx.selectFrom('persons').select(['given_name', 'family_name']).where('municipality_id', '=', municipalityId).where('id', '=', personId).executeTakeFirstOrThrow();
  return `${p.given_name} ${p.family_name}`.trim();
}
