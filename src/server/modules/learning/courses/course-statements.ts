import { createHash, randomUUID } from 'node:crypto';
import type { CourseContent, Lesson } from '../../../../shared/api/learning-content.js';
import { mestringAuthority, type LrsAuth } from '../../lrs/lrs-auth.js';
import { personAgent } from '../../lrs/xapi/identity.js';
import { isoDuration } from '../../player/cmi-time.js';

// A learner's steps through a built-in course as xAPI statements: the course,
// each lesson and each quiz question are activities under
// <publicUrl>/xapi/activities/courses/<item>[/lessons/<lesson>[/questions/<question>]],
// with ADL verbs (initialized, resumed, experienced, answered, passed, failed,
// completed). Every statement of one round (start to completion, or to a
// restart) carries the same context.registration, derived from the round.

const VERB = (name: string) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } });
const TYPE = (name: string) => `http://adlnet.gov/expapi/activities/${name}`;
const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';

type Json = Record<string, unknown>;
type QuizQuestion = Extract<Lesson['blocks'][number], { type: 'quiz' }>['questions'][number];

export type CourseScope = {
  publicUrl: string;
  itemId: string;
  personId: string;
  personName: string;
  registration: string;
  language: string;
  version: number;
  content: CourseContent;
};

/** "Mestring courses": the authority on every statement a built-in course writes. */
export function coursesAuthority(publicUrl: string, municipalityId: string): LrsAuth {
  return mestringAuthority(publicUrl, municipalityId, 'Mestring courses', 'mestring-courses');
}

/** One round's registration: a name-based (v5-style) UUID of who, what and when the round began. */
export function roundRegistration(municipalityId: string, personId: string, itemId: string, startedAt: Date): string {
  const hash = createHash('sha256').update(`mestring-course-round|${municipalityId}|${personId}|${itemId}|${startedAt.toISOString()}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const courseActivityId = (publicUrl: string, itemId: string) => `${publicUrl}/xapi/activities/courses/${itemId}`;
export const lessonActivityId = (publicUrl: string, itemId: string, lessonId: string) => `${courseActivityId(publicUrl, itemId)}/lessons/${lessonId}`;
export const questionActivityId = (publicUrl: string, itemId: string, lessonId: string, questionId: string) =>
  `${lessonActivityId(publicUrl, itemId, lessonId)}/questions/${questionId}`;

const text = (s: CourseScope, value: string) => ({ [s.language]: value.trim().slice(0, 1000) || '-' });

const courseActivity = (s: CourseScope) => ({
  objectType: 'Activity',
  id: courseActivityId(s.publicUrl, s.itemId),
  definition: { type: TYPE('course'), name: text(s, s.content.title) },
});

const lessonActivity = (s: CourseScope, lesson: Lesson) => ({
  objectType: 'Activity',
  id: lessonActivityId(s.publicUrl, s.itemId, lesson.id),
  definition: { type: TYPE('lesson'), name: text(s, lesson.title) },
});

function questionActivity(s: CourseScope, lesson: Lesson, q: QuizQuestion) {
  const correct = q.options.filter((o) => o.correct).map((o) => o.id);
  return {
    objectType: 'Activity',
    id: questionActivityId(s.publicUrl, s.itemId, lesson.id, q.id),
    definition: {
      type: INTERACTION,
      name: text(s, q.prompt),
      interactionType: 'choice',
      choices: q.options.map((o) => ({ id: o.id, description: text(s, o.text) })),
      correctResponsesPattern: [correct.join('[,]')],
    },
  };
}

function statement(s: CourseScope, verb: string, object: Json, at: Date, parents: Json[], result?: Json): Json {
  return {
    id: randomUUID(),
    actor: personAgent(s.publicUrl, s.personId, s.personName),
    verb: VERB(verb),
    object,
    ...(result ? { result } : {}),
    context: {
      registration: s.registration,
      language: s.language,
      contextActivities: {
        ...(parents.length > 0 ? { parent: parents } : {}),
        grouping: [{ objectType: 'Activity', id: courseActivityId(s.publicUrl, s.itemId) }],
      },
      extensions: { [`${s.publicUrl}/xapi/extensions/course-version`]: s.version },
    },
    timestamp: at.toISOString(),
  };
}

export const courseStatements = {
  /** A new round: initialized; coming back to a round: resumed. */
  entered: (s: CourseScope, resumed: boolean, at: Date) => statement(s, resumed ? 'resumed' : 'initialized', courseActivity(s), at, []),

  lessonOpened: (s: CourseScope, lesson: Lesson, at: Date) => statement(s, 'experienced', lessonActivity(s, lesson), at, [courseActivity(s)]),

  lessonCompleted: (s: CourseScope, lesson: Lesson, at: Date) => statement(s, 'completed', lessonActivity(s, lesson), at, [courseActivity(s)], { completion: true }),

  answered: (s: CourseScope, lesson: Lesson, q: QuizQuestion, chosen: string[], correct: boolean, at: Date) =>
    statement(s, 'answered', questionActivity(s, lesson, q), at, [lessonActivity(s, lesson)], { response: chosen.join('[,]'), success: correct }),

  quizOutcome: (s: CourseScope, lesson: Lesson, score: number, correctCount: number, questionCount: number, passed: boolean, at: Date) =>
    statement(s, passed ? 'passed' : 'failed', lessonActivity(s, lesson), at, [courseActivity(s)], {
      score: { scaled: score, raw: correctCount, min: 0, max: questionCount },
      success: passed,
    }),

  /** The course done: "passed" with the mean quiz score when it has quizzes, else "completed"; with the round's duration. */
  courseOutcome: (s: CourseScope, outcome: 'passed' | 'completed', score: number | null, startedAt: Date, at: Date) =>
    statement(s, outcome, courseActivity(s), at, [], {
      completion: true,
      ...(outcome === 'passed' ? { success: true } : {}),
      ...(score !== null ? { score: { scaled: score } } : {}),
      duration: isoDuration(Math.max(0, (at.getTime() - startedAt.getTime()) / 1000)),
    }),
};
