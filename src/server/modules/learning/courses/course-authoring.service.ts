import type { CourseOverview, DraftResponse, SaveDraftBody } from '../../../../shared/api/courses.js';
import { courseContent, type CourseDraft } from '../../../../shared/api/learning-content.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import { recordAudit } from '../../audit/audit.repository.js';
import * as repo from './course-authoring.repository.js';
import { findCourseItem, titleIn, type CourseItem } from './course-items.repository.js';
import { checkForPublish } from './course-publish-check.js';
import { coursesPolicy } from './courses.policy.js';

type Lang = DraftResponse['language'];

// Authoring: one draft per course and language, saved with an optimistic
// check (expectedUpdatedAt), and published as the next immutable version.
// Learners only ever see published versions.

/** Finds the course and checks that the caller may write it; inside the caller's transaction. */
export async function authorableCourse(ctx: RequestContext, tx: TenantTx, municipalityId: string, itemId: string, language?: string): Promise<CourseItem> {
  const item = await findCourseItem(tx, municipalityId, itemId);
  if (!item) throw AppError.notFound('Course');
  if (!coursesPolicy.author(requirePrincipal(ctx), municipalityId, item)) throw AppError.forbidden();
  if (language !== undefined && !item.languages.includes(language)) {
    throw AppError.validation(`The course is not offered in "${language}"; add the language to the item first.`, { field: 'language', reason: 'LANGUAGE_NOT_OFFERED' });
  }
  return item;
}

function visible(ctx: RequestContext, municipalityId: string) {
  assertMunicipalityVisible(requirePrincipal(ctx), municipalityId);
}

/** Key-sorted JSON, so two contents compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const sameAsPublished = (draft: unknown, published: unknown) => {
  const parsed = courseContent.safeParse(draft);
  return parsed.success && canonical(parsed.data) === canonical(published);
};

export async function getCourse(ctx: RequestContext, municipalityId: string, itemId: string): Promise<CourseOverview> {
  visible(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const item = await authorableCourse(ctx, tx, municipalityId, itemId);
    const editions = await repo.listEditions(tx, municipalityId, itemId);
    const order = (l: string) => (item.languages.includes(l) ? item.languages.indexOf(l) : 99);
    return {
      itemId,
      title: titleIn(item, requirePrincipal(ctx).preferredLanguage),
      languages: item.languages as CourseOverview['languages'],
      editions: editions
        .sort((a, b) => order(a.language) - order(b.language))
        .map((e) => ({
          language: e.language as CourseOverview['languages'][number],
          publishedVersion: e.published_version,
          publishedAt: e.published_at ? e.published_at.toISOString() : null,
          draftUpdatedAt: e.draft_updated_at.toISOString(),
          hasUnpublishedChanges: !e.published_at || (e.draft_updated_at > e.published_at && !sameAsPublished(e.draft, e.published_content)),
        })),
    };
  });
}

export async function getDraft(ctx: RequestContext, municipalityId: string, itemId: string, language: string): Promise<DraftResponse> {
  visible(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const item = await authorableCourse(ctx, tx, municipalityId, itemId, language);
    const edition = await repo.findEdition(tx, municipalityId, itemId, language);
    if (!edition) return { language: language as Lang, draft: { title: item.titles[language] ?? '', lessons: [] }, updatedAt: null, publishedVersion: null };
    return { language: language as Lang, draft: edition.draft as CourseDraft, updatedAt: edition.draft_updated_at.toISOString(), publishedVersion: edition.published_version };
  });
}

const stale = (current: Date | null) =>
  AppError.conflict('Someone else saved this course after you opened it. Reload to see their changes.', { reason: 'STALE', currentUpdatedAt: current ? current.toISOString() : null });

export async function saveDraft(ctx: RequestContext, municipalityId: string, itemId: string, language: string, body: SaveDraftBody): Promise<DraftResponse> {
  visible(ctx, municipalityId);
  const userId = requirePrincipal(ctx).userId;
  return withTenant(ctx.db, municipalityId, async (tx) => {
    await authorableCourse(ctx, tx, municipalityId, itemId, language);
    const current = await repo.findEdition(tx, municipalityId, itemId, language, { lock: true });
    const currentAt = current ? current.draft_updated_at.toISOString() : null;
    if (body.expectedUpdatedAt !== currentAt) throw stale(current?.draft_updated_at ?? null);
    const at = new Date();
    if (current) await repo.updateDraft(tx, municipalityId, itemId, language, body.draft, at, userId);
    // Two first saves at once: the second finds the row the first inserted and is stale.
    else if (!(await repo.insertEdition(tx, municipalityId, itemId, language, body.draft, at, userId))) throw stale(null);
    await recordAudit(tx, municipalityId, actorOf(ctx), {
      action: 'course.draft.save',
      entityType: 'learning_item',
      entityId: itemId,
      after: { language, title: body.draft.title, lessons: body.draft.lessons.length },
    });
    return { language: language as Lang, draft: body.draft, updatedAt: at.toISOString(), publishedVersion: current?.published_version ?? null };
  });
}

export async function publish(ctx: RequestContext, municipalityId: string, itemId: string, language: string) {
  visible(ctx, municipalityId);
  const userId = requirePrincipal(ctx).userId;
  return withTenant(ctx.db, municipalityId, async (tx) => {
    await authorableCourse(ctx, tx, municipalityId, itemId, language);
    const edition = await repo.findEdition(tx, municipalityId, itemId, language, { lock: true });
    if (!edition) throw AppError.conflict('There is nothing to publish in this language yet: save a draft first.', { reason: 'NO_DRAFT' });
    const checked = await checkForPublish(tx, municipalityId, itemId, edition.draft);
    if ('issues' in checked) throw AppError.validation('The course cannot be published yet: fix the marked fields.', { reason: 'NOT_PUBLISHABLE', issues: checked.issues });
    if (edition.published_version !== null) {
      const latest = await repo.findVersion(tx, municipalityId, itemId, language, edition.published_version);
      if (latest && canonical(latest.content) === canonical(checked.content)) {
        throw AppError.conflict(`Version ${edition.published_version} already has exactly this content.`, { reason: 'UNCHANGED' });
      }
    }
    const row = await repo.insertVersion(tx, municipalityId, itemId, language, checked.content, userId);
    await recordAudit(tx, municipalityId, actorOf(ctx), {
      action: 'course.publish',
      entityType: 'learning_item',
      entityId: itemId,
      after: { language, version: row.version, title: checked.content.title, lessons: checked.content.lessons.map((l) => l.id) },
    });
    return { language: language as Lang, version: row.version, publishedAt: row.published_at.toISOString() };
  });
}

export async function listVersions(ctx: RequestContext, municipalityId: string, itemId: string, language: string) {
  visible(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    await authorableCourse(ctx, tx, municipalityId, itemId, language);
    const rows = await repo.listVersions(tx, municipalityId, itemId, language);
    return {
      language: language as Lang,
      versions: rows.map((r) => {
        const content = r.content as { title: string; lessons: unknown[] };
        return { version: r.version, publishedAt: r.published_at.toISOString(), publishedBy: r.display_name, title: content.title, lessonCount: content.lessons.length };
      }),
    };
  });
}
