import { z } from 'zod';
import { LANGUAGES, PROFESSIONS } from '../domain.js';

// Leader views of learning: completion and overdue per item and per unit, a
// monthly trend of completions, people and one person's learning, and the
// same as XLSX. Counts are of (person, item) pairs that an active assignment
// reaches: a person assigned one item twice (two assignments) counts once,
// done only when every assignment of it is satisfied.

const lang = z.enum(LANGUAGES).optional();
const optionalUuid = z.uuid().optional();

export const completionCounts = z.object({
  /** Person-item pairs assigned (for an item: people assigned it). */
  assigned: z.number().int(),
  completed: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
  /** Not completed and past the due date (a part of inProgress + notStarted). */
  overdue: z.number().int(),
  /** completed / assigned, 0..1; null when nothing is assigned. */
  completionRate: z.number().nullable(),
});
export type CompletionCounts = z.infer<typeof completionCounts>;

export const completionQuery = z.object({ unitId: optionalUuid, itemId: optionalUuid, lang });

export const completionReport = z.object({
  /** The unit asked for; null: the caller's whole scope (the municipality, or a unit leader's units). */
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Everything in the scope; people: distinct people with at least one assignment. */
  totals: completionCounts.extend({ people: z.number().int() }),
  items: z.array(completionCounts.extend({ itemId: z.uuid(), title: z.string(), kind: z.string() })),
  /** The next level down: the unit's children (or the scope's top units), each with its whole subtree's counts. */
  units: z.array(completionCounts.extend({ unitId: z.uuid(), name: z.string(), hasChildren: z.boolean(), people: z.number().int() })),
});
export type CompletionReport = z.infer<typeof completionReport>;

export const trendQuery = z.object({ months: z.coerce.number().int().min(1).max(60).default(12), unitId: optionalUuid });
export const trendReport = z.object({
  timeZone: z.string(),
  /** Oldest first; every month of the window, with zeros where nothing was completed. */
  months: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), completions: z.number().int(), learners: z.number().int() })),
});
export type TrendReport = z.infer<typeof trendReport>;

export const PEOPLE_STATUS_FILTERS = ['all', 'overdue', 'incomplete', 'complete'] as const;
export type PeopleStatusFilter = (typeof PEOPLE_STATUS_FILTERS)[number];
export const peopleQuery = z.object({
  unitId: optionalUuid,
  status: z.enum(PEOPLE_STATUS_FILTERS).default('all'),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const personSummary = z.object({
  personId: z.uuid(),
  name: z.string(),
  employeeNumber: z.string(),
  profession: z.enum(PROFESSIONS).or(z.string()),
  unitName: z.string().nullable(),
  assigned: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
});
export type PersonSummary = z.infer<typeof personSummary>;
export const peopleReport = z.object({ items: z.array(personSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type PeopleReport = z.infer<typeof peopleReport>;

export const personParams = z.object({ municipalityId: z.uuid(), personId: z.uuid() });
export const personQuery = z.object({ lang });
export const personReport = z.object({
  person: z.object({ id: z.uuid(), name: z.string(), employeeNumber: z.string(), profession: z.string(), active: z.boolean(), units: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
  assignments: z.array(
    z.object({
      assignmentId: z.uuid(),
      itemId: z.uuid(),
      title: z.string(),
      kind: z.string(),
      status: z.enum(['completed', 'in_progress', 'not_started']),
      overdue: z.boolean(),
      dueDate: z.string().nullable(),
      lastCompletedAt: z.iso.datetime().nullable(),
      validUntil: z.string().nullable(),
      /** The learner's latest score on the item, -1..1. */
      scoreScaled: z.number().nullable(),
    }),
  ),
  /** Completions of items the person was not assigned (own choice), newest first. */
  otherCompletions: z.array(z.object({ itemId: z.uuid(), title: z.string(), kind: z.string(), outcome: z.enum(['completed', 'passed']), completedAt: z.iso.datetime(), scoreScaled: z.number().nullable(), source: z.string() })),
});
export type PersonReport = z.infer<typeof personReport>;

export const reportExportQuery = z.object({ unitId: optionalUuid, months: z.coerce.number().int().min(1).max(60).default(12), lang });
