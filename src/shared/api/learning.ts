import { z } from 'zod';
import { LANGUAGES } from '../domain.js';

// The learning catalogue: items, their competence tags, and a learner's progress.
// Assignments, reports and certificates have their own files next to this one.

export const LEARNING_ITEM_KINDS = ['course', 'scorm', 'cmi5', 'xapi', 'video', 'link', 'event'] as const;
export type LearningItemKind = (typeof LEARNING_ITEM_KINDS)[number];
export const learningItemKind = z.enum(LEARNING_ITEM_KINDS);

export const ITEM_STATUSES = ['draft', 'published', 'archived'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const itemStatus = z.enum(ITEM_STATUSES);

export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'completed', 'passed', 'failed'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export const progressStatus = z.enum(PROGRESS_STATUSES);

const language = z.enum(LANGUAGES);
/** Text per language, at least one. */
export const localizedText = (max: number) =>
  z.partialRecord(language, z.string().trim().min(1).max(max)).refine((m) => Object.keys(m).length > 0, 'give the text in at least one language');

export const itemOwner = z.discriminatedUnion('type', [
  z.object({ type: z.literal('municipality'), municipalityId: z.uuid() }),
  z.object({ type: z.literal('network'), networkId: z.uuid(), networkName: z.string() }),
]);
export type ItemOwner = z.infer<typeof itemOwner>;

export const competenceTag = z.object({
  code: z.string().min(1).max(100),
  /** The level on the framework's scale the item brings a learner to; null: any level. */
  level: z.number().int().min(1).max(20).nullable(),
});
export const competenceTagView = competenceTag.extend({ name: z.string().nullable() });

export const learningItem = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  kind: learningItemKind,
  owner: itemOwner,
  status: itemStatus,
  titles: z.partialRecord(language, z.string()),
  descriptions: z.partialRecord(language, z.string()),
  /** Title and description in the caller's language, else the first the item has. */
  title: z.string(),
  description: z.string().nullable(),
  languages: z.array(language),
  durationMinutes: z.number().int().nullable(),
  frameworkVersionId: z.uuid().nullable(),
  competences: z.array(competenceTagView),
  packageId: z.uuid().nullable(),
  url: z.string().nullable(),
  xapiActivityId: z.string().nullable(),
  certificateEnabled: z.boolean(),
  /** May the caller edit this item (its owner's managers)? */
  editable: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LearningItem = z.infer<typeof learningItem>;

const itemFields = {
  titles: localizedText(300),
  descriptions: z.partialRecord(language, z.string().max(5000)).optional(),
  languages: z.array(language).min(1).max(5),
  durationMinutes: z.number().int().min(1).max(100_000).nullable().optional(),
  frameworkVersionId: z.uuid().nullable().optional(),
  competences: z.array(competenceTag).max(50).optional(),
  certificateEnabled: z.boolean().optional(),
};

export const createItemBody = z.object({
  kind: learningItemKind,
  /** Set when a network coordinator creates an item the network owns. */
  ownerNetworkId: z.uuid().nullable().optional(),
  /** New items are drafts unless published at once. */
  status: z.enum(['draft', 'published']).optional(),
  ...itemFields,
  packageId: z.uuid().nullable().optional(),
  url: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
  xapiActivityId: z.string().min(1).max(4000).nullable().optional(),
});

export const updateItemBody = z
  .object({
    ...itemFields,
    titles: localizedText(300).optional(),
    languages: z.array(language).min(1).max(5).optional(),
    status: itemStatus.optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    xapiActivityId: z.string().min(1).max(4000).optional(),
    /** Another package of the same family, for scorm and cmi5 items. */
    packageId: z.uuid().optional(),
    /** The updatedAt the editor loaded; a newer one answers 409 STALE. */
    expectedUpdatedAt: z.iso.datetime().optional(),
  })
  .strict();

export const catalogueQuery = z.object({
  q: z.string().max(200).optional(),
  kind: learningItemKind.optional(),
  competence: z.string().max(100).optional(),
  language: language.optional(),
  maxMinutes: z.coerce.number().int().min(1).optional(),
  minMinutes: z.coerce.number().int().min(0).optional(),
  /** Only managers see drafts and archived items. */
  status: itemStatus.optional(),
  /** The language titles are sorted and shown in (default: the caller's preferred language). */
  lang: language.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
});

export const catalogueItem = learningItem.extend({
  /** The caller's own progress on the item, when the caller is an employee here. */
  myStatus: progressStatus.nullable(),
});
export const cataloguePage = z.object({ items: z.array(catalogueItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const itemParams = z.object({ municipalityId: z.uuid(), itemId: z.uuid() });

export type CreateItemBody = z.infer<typeof createItemBody>;
export type UpdateItemBody = z.infer<typeof updateItemBody>;
export type CatalogueQuery = z.infer<typeof catalogueQuery>;
export type CatalogueItem = z.infer<typeof catalogueItem>;
export type CataloguePage = z.infer<typeof cataloguePage>;

/** The 409 reasons of the catalogue (details.reason). */
export const CATALOGUE_CONFLICTS = ['STALE', 'ITEM_IN_USE', 'STATUS_TRANSITION', 'NOT_SELF_COMPLETABLE', 'NOT_PUBLISHED'] as const;
export type CatalogueConflict = (typeof CATALOGUE_CONFLICTS)[number];

/** Status changes an editor may make: publish a draft, archive, bring an archived item back. */
export const STATUS_TRANSITIONS: Record<(typeof ITEM_STATUSES)[number], readonly (typeof ITEM_STATUSES)[number][]> = {
  draft: ['draft', 'published'],
  published: ['published', 'archived'],
  archived: ['archived', 'published'],
};

/** Films and external links: kinds a learner marks as done themselves. */
export const SELF_COMPLETED_KINDS = ['video', 'link'] as const satisfies readonly LearningItemKind[];

export const markDoneResponse = z.object({ myStatus: progressStatus });

/** Competences the caller's visible items are tagged with: the choices of the catalogue's competence filter. */
export const catalogueCompetences = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string().nullable(), itemCount: z.number().int() })),
});
export type CatalogueCompetences = z.infer<typeof catalogueCompetences>;
