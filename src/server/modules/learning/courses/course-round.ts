import type { LearnView, LessonProgressView } from '../../../../shared/api/courses.js';
import { toLearnerContent, type CourseContent, type Lesson } from '../../../../shared/api/learning-content.js';
import type { TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { findVersion, latestVersions } from './course-authoring.repository.js';
import { findCourseItem, titleIn, type CourseItem } from './course-items.repository.js';
import { findProgress, listLessonProgress, type LessonRow, type ProgressRow } from './course-learner.repository.js';
import { quizOf } from './course-quiz.js';
import { roundRegistration, type CourseScope } from './course-statements.js';

// A learner's round through a course: the version they started (kept until
// they restart), their progress and each lesson's state, loaded together.

export type Round = {
  item: CourseItem;
  personId: string;
  /** Latest published version per language, in the item's language order. */
  published: { language: string; version: number }[];
  progress: ProgressRow | undefined;
  /** The round's content; null before the first start. */
  content: CourseContent | null;
  lessons: Map<string, LessonRow>;
};
export type StartedRound = Round & { progress: ProgressRow & { language: string; course_version: number }; content: CourseContent };

/** Loads what a learner sees; a course still in draft does not exist for learners. */
export async function loadRound(tx: TenantTx, municipalityId: string, personId: string, itemId: string, options: { lock?: boolean } = {}): Promise<Round> {
  const item = await findCourseItem(tx, municipalityId, itemId);
  if (!item || item.status === 'draft') throw AppError.notFound('Course');
  const latest = new Map((await latestVersions(tx, municipalityId, itemId)).map((v) => [v.language, v.published_version]));
  const published = item.languages.filter((l) => latest.has(l)).map((language) => ({ language, version: latest.get(language)! }));
  const progress = await findProgress(tx, municipalityId, personId, itemId, options);
  let content: CourseContent | null = null;
  if (progress?.language && progress.course_version !== null) {
    const version = await findVersion(tx, municipalityId, itemId, progress.language, progress.course_version);
    content = version ? (version.content as CourseContent) : null;
  }
  const lessons = new Map((await listLessonProgress(tx, municipalityId, personId, itemId)).map((r) => [r.lesson_id, r]));
  return { item, personId, published, progress, content, lessons };
}

export function isStarted(round: Round): round is StartedRound {
  return round.content !== null && round.progress?.language != null && round.progress.course_version !== null;
}

export function requireStarted(round: Round): StartedRound {
  if (!isStarted(round)) throw AppError.conflict('Start the course first.', { reason: 'NOT_STARTED' });
  return round;
}

export function lessonIn(round: StartedRound, lessonId: string): Lesson {
  const lesson = round.content.lessons.find((l) => l.id === lessonId);
  if (!lesson) throw AppError.notFound('Lesson');
  return lesson;
}

export function lessonView(lesson: Lesson, row: LessonRow | undefined): LessonProgressView {
  return {
    lessonId: lesson.id,
    completed: row?.completed ?? false,
    quiz: quizOf(lesson) ? { score: row?.quiz_score ?? null, passed: row?.quiz_passed ?? false, attempts: row?.quiz_attempts ?? 0 } : null,
  };
}

/** Where to come back to: the lesson last opened, else the first one not completed, else the first. */
export function currentLesson(round: StartedRound): string {
  const ids = round.content.lessons.map((l) => l.id);
  const saved = round.progress.current_lesson_id;
  if (saved && ids.includes(saved)) return saved;
  return ids.find((id) => !round.lessons.get(id)?.completed) ?? ids[0]!;
}

/** The lesson after `lessonId` that is not completed yet, else the first such lesson, else `lessonId` itself. */
export function nextLesson(round: StartedRound, lessonId: string): string {
  const ids = round.content.lessons.map((l) => l.id);
  const open = (id: string) => !round.lessons.get(id)?.completed;
  const after = ids.slice(ids.indexOf(lessonId) + 1);
  return after.find(open) ?? ids.find(open) ?? lessonId;
}

export function registrationOf(municipalityId: string, round: StartedRound): string {
  return roundRegistration(municipalityId, round.personId, round.item.id, round.progress.started_at);
}

export function scopeOf(publicUrl: string, municipalityId: string, round: StartedRound, personName: string): CourseScope {
  return {
    publicUrl,
    itemId: round.item.id,
    personId: round.personId,
    personName,
    registration: registrationOf(municipalityId, round),
    language: round.progress.language,
    version: round.progress.course_version,
    content: round.content,
  };
}

export function presentRound(municipalityId: string, round: Round, preferredLanguage: string): LearnView {
  const status = round.progress?.status ?? 'not_started';
  const languages = round.published.map((p) => p.language) as LearnView['languages'];
  if (!isStarted(round)) return { itemId: round.item.id, title: titleIn(round.item, preferredLanguage), status, languages, round: null };
  const p = round.progress;
  return {
    itemId: round.item.id,
    title: round.content.title,
    status,
    languages,
    round: {
      language: p.language as LearnView['languages'][number],
      version: p.course_version,
      registration: registrationOf(municipalityId, round),
      startedAt: p.started_at.toISOString(),
      completedAt: p.completed_at ? p.completed_at.toISOString() : null,
      scoreScaled: p.score_scaled,
      currentLessonId: currentLesson(round),
      content: toLearnerContent(round.content),
      lessons: round.content.lessons.map((l) => lessonView(l, round.lessons.get(l.id))),
    },
  };
}
