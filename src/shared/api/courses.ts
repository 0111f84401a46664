import { z } from 'zod';
import { LANGUAGES } from '../domain.js';
import { contentId, courseDraft, learnerCourseContent } from './learning-content.js';

// Built-in courses: authoring (a draft per language, published as immutable
// numbered versions), assets (images, films, captions), and the learner's side
// (start, resume, lessons, quizzes). The content itself is described in
// learning-content.ts.

const language = z.enum(LANGUAGES);

export const courseParams = z.object({ municipalityId: z.uuid(), itemId: z.uuid() });
/** The language is checked against the item's languages by the service (a wrong one is 400 LANGUAGE_NOT_OFFERED). */
export const courseLanguageParams = courseParams.extend({ language: z.string().min(1).max(40) });
export const courseLessonParams = courseParams.extend({ lessonId: contentId });
export const assetParams = z.object({ municipalityId: z.uuid(), assetId: z.uuid() });

// ---- authoring ----

export const courseEdition = z.object({
  language,
  /** The latest published version in this language; null before the first publish. */
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  draftUpdatedAt: z.iso.datetime(),
  /** The draft differs from the latest published version (or nothing is published yet). */
  hasUnpublishedChanges: z.boolean(),
});
export type CourseEdition = z.infer<typeof courseEdition>;

export const courseOverview = z.object({
  itemId: z.uuid(),
  title: z.string(),
  /** The item's languages: the ones a course edition may be written in. */
  languages: z.array(language),
  editions: z.array(courseEdition),
});
export type CourseOverview = z.infer<typeof courseOverview>;

export const draftResponse = z.object({
  language,
  draft: courseDraft,
  /** null: nothing saved yet in this language (the draft shown is a blank one). */
  updatedAt: z.iso.datetime().nullable(),
  publishedVersion: z.number().int().nullable(),
});
export type DraftResponse = z.infer<typeof draftResponse>;

export const saveDraftBody = z.strictObject({
  draft: courseDraft,
  /** The updatedAt the editor loaded (null for a language with no draft yet); another answers 409 STALE. */
  expectedUpdatedAt: z.iso.datetime().nullable(),
});
export type SaveDraftBody = z.infer<typeof saveDraftBody>;

export const publishResponse = z.object({ language, version: z.number().int(), publishedAt: z.iso.datetime() });

export const courseVersionSummary = z.object({
  version: z.number().int(),
  publishedAt: z.iso.datetime(),
  publishedBy: z.string().nullable(),
  title: z.string(),
  lessonCount: z.number().int(),
});
export const courseVersionList = z.object({ language, versions: z.array(courseVersionSummary) });

/** Why publishing was refused: one issue per problem, with its path in the draft (e.g. lessons.0.blocks.2.alt). */
export const publishIssue = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });
export type PublishIssue = z.infer<typeof publishIssue>;

// ---- assets ----

export const ASSET_KINDS = ['image', 'video', 'captions'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const learningAsset = z.object({
  id: z.uuid(),
  kind: z.enum(ASSET_KINDS),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  /** Where the bytes are served (same origin, needs the session). */
  url: z.string(),
  createdAt: z.iso.datetime(),
});
export type LearningAsset = z.infer<typeof learningAsset>;

// ---- learning ----

export const COURSE_STATUSES = ['not_started', 'in_progress', 'completed', 'passed', 'failed'] as const;
export const courseStatus = z.enum(COURSE_STATUSES);

export const startCourseBody = z.strictObject({ language: language.optional() });
export const restartCourseBody = z.strictObject({ language: language.optional() });

export const lessonQuizProgress = z.object({
  /** Best score so far, 0–1. */
  score: z.number().nullable(),
  passed: z.boolean(),
  attempts: z.number().int(),
});

export const lessonProgressView = z.object({
  lessonId: z.string(),
  completed: z.boolean(),
  /** null for a lesson without a quiz. */
  quiz: lessonQuizProgress.nullable(),
});
export type LessonProgressView = z.infer<typeof lessonProgressView>;

export const courseRound = z.object({
  language,
  version: z.number().int(),
  /** The xAPI context.registration of this round's statements. */
  registration: z.uuid(),
  startedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  scoreScaled: z.number().nullable(),
  /** The lesson to open when the learner comes back. */
  currentLessonId: z.string(),
  content: learnerCourseContent,
  lessons: z.array(lessonProgressView),
});
export type CourseRound = z.infer<typeof courseRound>;

export const learnView = z.object({
  itemId: z.uuid(),
  title: z.string(),
  status: courseStatus,
  /** Languages with a published version, in the item's order. */
  languages: z.array(language),
  /** The learner's current (or last) round; null before the first start. */
  round: courseRound.nullable(),
});
export type LearnView = z.infer<typeof learnView>;

export const quizAnswersBody = z.strictObject({
  /** questionId → the chosen option ids. */
  answers: z.record(contentId, z.array(contentId).max(10)),
});
export type QuizAnswersBody = z.infer<typeof quizAnswersBody>;

export const questionResult = z.object({
  questionId: z.string(),
  correct: z.boolean(),
  /** Feedback of each chosen option that has some. */
  feedback: z.array(z.object({ optionId: z.string(), text: z.string() })),
  explanation: z.string().nullable(),
});
export type QuestionResult = z.infer<typeof questionResult>;

export const quizResult = z.object({
  /** This attempt's share of correct questions, 0–1. */
  score: z.number(),
  passed: z.boolean(),
  passMark: z.number().int(),
  questions: z.array(questionResult),
  lesson: lessonProgressView,
});
export type QuizResult = z.infer<typeof quizResult>;

export const openLessonResponse = z.object({ currentLessonId: z.string() });
