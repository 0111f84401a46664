import { z } from 'zod';

// The content of a built-in course in one language: lessons made of blocks.
// Text is Markdown without raw HTML (rendered by react-markdown, which never
// passes HTML through), so authored content cannot inject script. Block,
// lesson, question and option ids are short strings the editor generates; they
// stay stable across versions so progress and statements keep their meaning.

export const contentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'use 1–40 lower-case letters, digits or hyphens');

export const textBlock = z.object({ type: z.literal('text'), id: contentId, markdown: z.string().max(20_000) });

export const imageBlock = z
  .object({
    type: z.literal('image'),
    id: contentId,
    assetId: z.uuid(),
    /** Required: screen readers read it; an empty alt is allowed only for decoration and must be said on purpose. */
    alt: z.string().max(500),
    /** Said on purpose: the image only decorates, so screen readers skip it (alt stays empty). */
    decorative: z.boolean().optional(),
    caption: z.string().max(500).optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.decorative && b.alt.trim() === '') ctx.addIssue({ code: 'custom', path: ['alt'], message: 'describe the image, or mark it as decorative' });
  });

export const videoSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('asset'), assetId: z.uuid() }),
  z.object({ kind: z.literal('url'), url: z.url({ protocol: /^https?$/ }).max(2000) }),
]);

export const videoBlock = z.object({
  type: z.literal('video'),
  id: contentId,
  title: z.string().min(1).max(300),
  source: videoSource,
  /** WebVTT captions uploaded as an asset. */
  captionsAssetId: z.uuid().optional(),
  /** A text alternative for people who cannot watch or hear the film. */
  transcript: z.string().max(20_000).optional(),
});

export const quizOption = z.object({
  id: contentId,
  text: z.string().min(1).max(1000),
  correct: z.boolean(),
  /** Shown after answering when the learner chose this option. */
  feedback: z.string().max(2000).optional(),
});

export const quizQuestion = z
  .object({
    id: contentId,
    prompt: z.string().min(1).max(2000),
    /** false: single choice (exactly one correct option); true: multiple choice (one or more). */
    multiple: z.boolean(),
    options: z.array(quizOption).min(2).max(10),
    /** Shown after answering, whatever was chosen. */
    explanation: z.string().max(2000).optional(),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (correct === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'mark at least one option as correct' });
    if (!q.multiple && correct > 1) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a single-choice question has exactly one correct option' });
    if (new Set(q.options.map((o) => o.id)).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
  });

export const quizBlock = z
  .object({
    type: z.literal('quiz'),
    id: contentId,
    title: z.string().max(300).optional(),
    /** Percentage of questions answered correctly needed to pass, 0–100. */
    passMark: z.number().int().min(0).max(100),
    questions: z.array(quizQuestion).min(1).max(50),
  })
  .superRefine((q, ctx) => {
    if (new Set(q.questions.map((x) => x.id)).size !== q.questions.length) ctx.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must be unique' });
  });

export const contentBlock = z.discriminatedUnion('type', [textBlock, imageBlock, videoBlock, quizBlock]);
export type ContentBlock = z.infer<typeof contentBlock>;

export const lesson = z.object({
  id: contentId,
  title: z.string().min(1).max(300),
  blocks: z.array(contentBlock).max(100),
});
export type Lesson = z.infer<typeof lesson>;

/** A course in one language. A lesson holds at most one quiz (its pass mark decides the lesson). */
export const courseContent = z
  .object({
    title: z.string().min(1).max(300),
    description: z.string().max(5000).optional(),
    lessons: z.array(lesson).min(1).max(100),
  })
  .superRefine((c, ctx) => {
    const ids = c.lessons.map((l) => l.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['lessons'], message: 'lesson ids must be unique' });
    c.lessons.forEach((l, i) => {
      if (l.blocks.filter((b) => b.type === 'quiz').length > 1) ctx.addIssue({ code: 'custom', path: ['lessons', i, 'blocks'], message: 'a lesson has at most one quiz' });
      const blockIds = l.blocks.map((b) => b.id);
      if (new Set(blockIds).size !== blockIds.length) ctx.addIssue({ code: 'custom', path: ['lessons', i, 'blocks'], message: 'block ids must be unique within a lesson' });
    });
  });
export type CourseContent = z.infer<typeof courseContent>;

/** A draft may be incomplete (no lessons yet, questions without a correct option): only publishing requires `courseContent`. */
export const courseDraft = z.object({
  title: z.string().max(300),
  description: z.string().max(5000).optional(),
  lessons: z.array(z.object({ id: contentId, title: z.string().max(300), blocks: z.array(z.record(z.string(), z.unknown())).max(100) })).max(100),
});
export type CourseDraft = z.infer<typeof courseDraft>;

// ---- what a learner receives: quizzes without the answers ----

export const learnerQuizBlock = z.object({
  type: z.literal('quiz'),
  id: contentId,
  title: z.string().optional(),
  passMark: z.number().int(),
  questions: z.array(z.object({ id: contentId, prompt: z.string(), multiple: z.boolean(), options: z.array(z.object({ id: contentId, text: z.string() })) })),
});
export const learnerBlock = z.discriminatedUnion('type', [textBlock, imageBlock, videoBlock, learnerQuizBlock]);
export const learnerLesson = z.object({ id: contentId, title: z.string(), blocks: z.array(learnerBlock) });
export const learnerCourseContent = z.object({ title: z.string(), description: z.string().optional(), lessons: z.array(learnerLesson) });
export type LearnerCourseContent = z.infer<typeof learnerCourseContent>;

/** Strips correct flags and feedback: a learner's browser never holds the answers before answering. */
export function toLearnerContent(c: CourseContent): LearnerCourseContent {
  return {
    title: c.title,
    ...(c.description !== undefined ? { description: c.description } : {}),
    lessons: c.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      blocks: l.blocks.map((b) =>
        b.type === 'quiz'
          ? {
              type: 'quiz' as const,
              id: b.id,
              ...(b.title !== undefined ? { title: b.title } : {}),
              passMark: b.passMark,
              questions: b.questions.map((q) => ({ id: q.id, prompt: q.prompt, multiple: q.multiple, options: q.options.map((o) => ({ id: o.id, text: o.text })) })),
            }
          : b,
      ),
    })),
  };
}
