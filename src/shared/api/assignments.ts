import { z } from 'zod';
import { LANGUAGES, PROFESSIONS } from '../domain.js';
import { learningItemKind } from './learning.js';

// Assignments (who must learn what, by when, how often), the per-person status
// of an assignment, and "my learning" (a learner's own overview). The rules
// behind the statuses: src/server/modules/learning/assignments/README.md.

const isoDate = z.iso.date();
const language = z.enum(LANGUAGES);

export const ASSIGNMENT_TARGET_KINDS = ['person', 'unit', 'profession', 'role_profile'] as const;
export type AssignmentTargetKind = (typeof ASSIGNMENT_TARGET_KINDS)[number];

export const assignmentTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: z.uuid() }),
  z.object({ kind: z.literal('unit'), unitId: z.uuid() }),
  z.object({ kind: z.literal('profession'), profession: z.enum(PROFESSIONS) }),
  z.object({ kind: z.literal('role_profile'), roleProfileId: z.uuid() }),
]);
export type AssignmentTarget = z.infer<typeof assignmentTarget>;

export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export const assignmentStatus = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof assignmentStatus>;

/** What a screen needs to show an item in a list. */
export const itemSummary = z.object({
  id: z.uuid(),
  kind: learningItemKind,
  /** In the caller's language, else the first the item has. */
  title: z.string(),
  durationMinutes: z.number().int().nullable(),
  languages: z.array(language),
});
export type ItemSummary = z.infer<typeof itemSummary>;

const schedule = {
  /** A fixed deadline (YYYY-MM-DD). */
  dueDate: isoDate.nullable().optional(),
  /** Or: this many days after the later of the assignment and the person's start. */
  dueDays: z.number().int().min(1).max(3650).nullable().optional(),
  /** Each completion counts for this many months; then the next round is due. */
  recurrenceMonths: z.number().int().min(1).max(120).nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
};
const oneDeadline = (b: { dueDate?: string | null; dueDays?: number | null }) => !(b.dueDate && b.dueDays);
const oneDeadlineMessage = { message: 'give a due date or a number of days, not both', path: ['dueDays'] };

export const createAssignmentBody = z.object({ itemId: z.uuid(), target: assignmentTarget, ...schedule }).strict().refine(oneDeadline, oneDeadlineMessage);
export type CreateAssignmentBody = z.infer<typeof createAssignmentBody>;

/** The item and the target stay; to change them, archive and assign anew. */
export const updateAssignmentBody = z.object(schedule).strict().refine(oneDeadline, oneDeadlineMessage);
export type UpdateAssignmentBody = z.infer<typeof updateAssignmentBody>;

export const assignmentSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  item: itemSummary.extend({ status: z.enum(['draft', 'published', 'archived']) }),
  target: assignmentTarget,
  /** The person's, unit's or role profile's name; the profession code for professions. */
  targetName: z.string(),
  dueDate: isoDate.nullable(),
  dueDays: z.number().int().nullable(),
  recurrenceMonths: z.number().int().nullable(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  /** Counted over the people the caller may see. */
  counts: z.object({ people: z.number().int(), completed: z.number().int(), inProgress: z.number().int(), overdue: z.number().int() }),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentListQuery = z.object({
  itemId: z.uuid().optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  lang: language.optional(),
});
export const assignmentQuery = z.object({ lang: language.optional() });

export const assignmentParams = z.object({ municipalityId: z.uuid(), assignmentId: z.uuid() });

export const assignmentPeopleQuery = z.object({
  overdue: z.enum(['true', 'false']).optional(),
  status: assignmentStatus.optional(),
});

export const assignmentPerson = z.object({
  personId: z.uuid(),
  name: z.string(),
  unitName: z.string().nullable(),
  status: assignmentStatus,
  dueDate: isoDate.nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  lastCompletedAt: z.iso.datetime().nullable(),
  validUntil: isoDate.nullable(),
});
export type AssignmentPerson = z.infer<typeof assignmentPerson>;
export const assignmentPeople = z.object({ assignmentId: z.uuid(), people: z.array(assignmentPerson) });

// ---- my learning ----

export const myLearningQuery = z.object({ lang: language.optional() });

export const myAssigned = z.object({
  assignmentId: z.uuid(),
  item: itemSummary,
  status: assignmentStatus,
  dueDate: isoDate.nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  recurrenceMonths: z.number().int().nullable(),
  validUntil: isoDate.nullable(),
  note: z.string().nullable(),
});

export const recommendationReason = z.object({
  competenceCode: z.string(),
  competenceName: z.string(),
  /** The person's own latest level; null: "don't know". */
  selfLevel: z.number().int().nullable(),
  /** What the person's role profile asks; null: no requirement (then wantsTraining). */
  requiredLevel: z.number().int().nullable(),
  wantsTraining: z.boolean(),
});
export type RecommendationReason = z.infer<typeof recommendationReason>;

export const myRecommended = z.object({ item: itemSummary, reasons: z.array(recommendationReason).min(1) });

export const myInProgress = z.object({
  item: itemSummary,
  status: z.enum(['in_progress', 'failed']),
  startedAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
});

export const myCompleted = z.object({
  item: itemSummary,
  completedAt: z.iso.datetime(),
  outcome: z.enum(['completed', 'passed']),
  scoreScaled: z.number().nullable(),
});

export const myLearning = z.object({
  personId: z.uuid(),
  /** Sorted by due date (overdue first, no deadline last). One row per item: the earliest due. */
  assigned: z.array(myAssigned),
  /** At most 10, from the latest submitted identified self-assessment. */
  recommended: z.array(myRecommended).max(10),
  /** Started, not finished, and not assigned (assigned items show their own status). */
  inProgress: z.array(myInProgress),
  /** The latest completion of each item, newest first. */
  completed: z.array(myCompleted),
});
export type MyLearning = z.infer<typeof myLearning>;
