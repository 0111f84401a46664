import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ASSET_FILE, assetKey, assetStorage } from '../../../src/server/modules/learning/courses/course-asset-storage.js';
import { insertCourseItem, sampleCourse } from '../../../src/server/modules/learning/courses/course-test-helpers.js';
import type { ActorRole, Tenant } from '../../factories.js';
import { outcomes, platformSpansAll, send, type MatrixContext, type MatrixEntry } from '../matrix.js';

// Built-in courses. Authoring is for the item's managers (the municipality's
// administrators and competence advisors for its own items, the network's
// coordinators for a network's); learning is for the municipality's own
// employees, as themselves; a published course's files are readable by anyone
// who sees the municipality. Another municipality's course, asset or lesson
// does not exist (404).

const AUTHORS: ActorRole[] = ['municipal_admin', 'competence_advisor'];
const LEARNERS: ActorRole[] = ['employee'];
const SEES_MUNICIPALITY: ActorRole[] = ['employee', 'leader', 'ombud', 'competence_advisor', 'municipal_admin', 'network_coordinator', 'analyst', 'platform_admin'];
const NOT_AUTHOR = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but manages no municipality’s learning items.');
const NOT_LEARNER = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but has no employee record there, and only employees take courses.');
const ITEM = '/api/v1/municipalities/:municipalityId/learning/items/:itemId';
const COURSE = `${ITEM}/course`;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('matrix picture')]);

let dataDir: string | undefined;
/** Points the matrix app's storage at a temp folder (the config object is shared with the app). */
function useTempDataDir({ t }: MatrixContext): void {
  dataDir ??= mkdtempSync(join(tmpdir(), 'mestring-matrix-courses-'));
  t.deps.config.dataDir = dataDir;
}
export function removeCourseMatrixData(): void {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

/** A published course (item, draft and version 1) written directly. */
async function publishedCourse(ctx: MatrixContext, tenant: Tenant, ownerNetworkId: string | null = null): Promise<string> {
  const m = tenant.municipality.id;
  const item = await insertCourseItem(ctx.t.db, m, { ownerNetworkId });
  const content = JSON.stringify(sampleCourse());
  await ctx.t.db.insertInto('course_editions').values({ municipality_id: m, item_id: item, language: 'nb', draft: content, published_version: 1 }).execute();
  await ctx.t.db.insertInto('course_versions').values({ municipality_id: m, item_id: item, language: 'nb', version: 1, content }).execute();
  return item;
}

/** A course the target tenant's employee has started (through the API, as themselves). */
async function startedCourse(ctx: MatrixContext): Promise<string> {
  const item = await publishedCourse(ctx, ctx.target);
  const res = await send(ctx.t.app, ctx.target.sessions.employee, 'POST', `/api/v1/municipalities/${ctx.target.municipality.id}/learning/items/${item}/course/start`, { payload: {} });
  expect(res.statusCode).toBe(200);
  return item;
}

async function storedAsset(ctx: MatrixContext, tenant: Tenant): Promise<string> {
  useTempDataDir(ctx);
  const item = await publishedCourse(ctx, tenant);
  const id = randomUUID();
  const storage = assetStorage(ctx.t.deps.config, tenant.municipality.id);
  const folder = join(storage.incomingFolder, id);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, ASSET_FILE), PNG);
  await storage.putTree(assetKey(item, id), folder);
  await ctx.t.db
    .insertInto('learning_assets')
    .values({ municipality_id: tenant.municipality.id, id, item_id: item, file_name: 'a.png', content_type: 'image/png', size_bytes: PNG.length, storage_key: `learning/${tenant.municipality.id}/${item}/${id}` })
    .execute();
  return id;
}

const progressOf = (ctx: MatrixContext, item: string) =>
  ctx.t.db.selectFrom('learning_progress').select(['current_lesson_id', 'started_at']).where('item_id', '=', item).where('person_id', '=', ctx.target.people.self.id).executeTakeFirst();
const lessonOf = (ctx: MatrixContext, item: string, lessonId: string) =>
  ctx.t.db.selectFrom('lesson_progress').select(['completed', 'quiz_attempts']).where('item_id', '=', item).where('lesson_id', '=', lessonId).executeTakeFirst();

const author = (name: string, method: MatrixEntry['method'], path: string, rest: Partial<MatrixEntry> = {}): MatrixEntry => ({
  name,
  method,
  path,
  expect: outcomes({ allow: AUTHORS, rest: 'forbidden' }),
  foreign: NOT_AUTHOR,
  ...rest,
});

const learner = (name: string, path: string, rest: Partial<MatrixEntry> = {}): MatrixEntry => ({
  name,
  method: 'POST',
  path,
  expect: outcomes({ allow: LEARNERS, rest: 'forbidden' }),
  foreign: NOT_LEARNER,
  ...rest,
});

export const learningCourseEntries: MatrixEntry[] = [
  author('courses.overview', 'GET', COURSE, { prepare: async (ctx) => ({ params: { itemId: await publishedCourse(ctx, ctx.target) } }) }),
  {
    name: 'courses.overview of a network’s course',
    method: 'GET',
    path: COURSE,
    expect: outcomes({ allow: ['network_coordinator'], rest: 'forbidden' }),
    foreign: NOT_AUTHOR,
    prepare: async (ctx) => ({ params: { itemId: await publishedCourse(ctx, ctx.target, ctx.target.network.id) } }),
  },
  author('courses.draft', 'GET', `${COURSE}/:language/draft`, { prepare: async (ctx) => ({ params: { itemId: await publishedCourse(ctx, ctx.target), language: 'nb' } }) }),
  author('courses.draft.save', 'PUT', `${COURSE}/:language/draft`, {
    prepare: async (ctx) => {
      const itemId = await publishedCourse(ctx, ctx.target);
      const edition = await ctx.t.db.selectFrom('course_editions').select('draft_updated_at').where('item_id', '=', itemId).executeTakeFirstOrThrow();
      return { params: { itemId, language: 'nb' }, payload: { draft: { title: 'Matrix edit', lessons: [] }, expectedUpdatedAt: edition.draft_updated_at.toISOString() }, state: { itemId } };
    },
    effect: async (ctx, { state }) => {
      const row = await ctx.t.db.selectFrom('course_editions').select('draft').where('item_id', '=', state!.itemId!).executeTakeFirstOrThrow();
      return (row.draft as { title: string }).title === 'Matrix edit';
    },
  }),
  author('courses.publish', 'POST', `${COURSE}/:language/publish`, {
    status: 201,
    prepare: async (ctx) => {
      const itemId = await insertCourseItem(ctx.t.db, ctx.target.municipality.id);
      await ctx.t.db.insertInto('course_editions').values({ municipality_id: ctx.target.municipality.id, item_id: itemId, language: 'nb', draft: JSON.stringify(sampleCourse()) }).execute();
      return { params: { itemId, language: 'nb' }, state: { itemId } };
    },
    effect: async (ctx, { state }) => !!(await ctx.t.db.selectFrom('course_versions').select('version').where('item_id', '=', state!.itemId!).executeTakeFirst()),
  }),
  author('courses.versions', 'GET', `${COURSE}/:language/versions`, { prepare: async (ctx) => ({ params: { itemId: await publishedCourse(ctx, ctx.target), language: 'nb' } }) }),
  author('courses.assets.upload', 'POST', `${ITEM}/assets`, {
    status: 201,
    prepare: async (ctx) => {
      useTempDataDir(ctx);
      const itemId = await publishedCourse(ctx, ctx.target);
      return { params: { itemId }, file: { fileName: 'matrix.png', content: PNG, contentType: 'image/png' }, state: { itemId } };
    },
    effect: async (ctx, { state }) => !!(await ctx.t.db.selectFrom('learning_assets').select('id').where('item_id', '=', state!.itemId!).executeTakeFirst()),
  }),
  {
    name: 'courses.asset',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/learning/assets/:assetId',
    expect: outcomes({ allow: SEES_MUNICIPALITY, rest: 'forbidden' }),
    foreign: platformSpansAll('allow'),
    prepare: async (ctx) => ({ params: { assetId: await storedAsset(ctx, ctx.target) } }),
    check: (_ctx, res) => {
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  },
  {
    name: 'courses.asset of another tenant under the own municipality',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/learning/assets/:assetId',
    expect: outcomes({ notFound: SEES_MUNICIPALITY, rest: 'forbidden' }),
    foreign: platformSpansAll('notFound', 'The asset belongs to the actor’s own tenant while the path names the foreign one: not found there, even for a platform administrator.'),
    prepare: async (ctx) => ({ params: { assetId: await storedAsset(ctx, ctx.other) } }),
  },
  {
    name: 'courses.learn',
    method: 'GET',
    path: `${COURSE}/learn`,
    expect: outcomes({ allow: LEARNERS, rest: 'forbidden' }),
    foreign: NOT_LEARNER,
    prepare: async (ctx) => ({ params: { itemId: await publishedCourse(ctx, ctx.target) } }),
  },
  learner('courses.start', `${COURSE}/start`, {
    prepare: async (ctx) => {
      const itemId = await publishedCourse(ctx, ctx.target);
      return { params: { itemId }, payload: {}, state: { itemId } };
    },
    effect: async (ctx, { state }) => !!(await progressOf(ctx, state!.itemId!)),
  }),
  learner('courses.restart', `${COURSE}/restart`, {
    prepare: async (ctx) => {
      const itemId = await startedCourse(ctx);
      return { params: { itemId }, payload: {}, state: { itemId, startedAt: (await progressOf(ctx, itemId))!.started_at.toISOString() } };
    },
    effect: async (ctx, { state }) => (await progressOf(ctx, state!.itemId!))!.started_at.toISOString() !== state!.startedAt,
  }),
  learner('courses.lesson.open', `${COURSE}/lessons/:lessonId/open`, {
    prepare: async (ctx) => {
      const itemId = await startedCourse(ctx);
      return { params: { itemId, lessonId: 'check' }, state: { itemId } };
    },
    effect: async (ctx, { state }) => (await progressOf(ctx, state!.itemId!))?.current_lesson_id === 'check',
  }),
  learner('courses.lesson.complete', `${COURSE}/lessons/:lessonId/complete`, {
    prepare: async (ctx) => {
      const itemId = await startedCourse(ctx);
      return { params: { itemId, lessonId: 'intro' }, state: { itemId } };
    },
    effect: async (ctx, { state }) => (await lessonOf(ctx, state!.itemId!, 'intro'))?.completed === true,
  }),
  learner('courses.lesson.quiz', `${COURSE}/lessons/:lessonId/quiz`, {
    prepare: async (ctx) => {
      const itemId = await startedCourse(ctx);
      return { params: { itemId, lessonId: 'check' }, payload: { answers: { q1: ['b'], q2: ['a', 'b'] } }, state: { itemId } };
    },
    effect: async (ctx, { state }) => ((await lessonOf(ctx, state!.itemId!, 'check'))?.quiz_attempts ?? 0) > 0,
  }),
  learner('courses.start of another tenant’s course under the own municipality', `${COURSE}/start`, {
    expect: outcomes({ notFound: LEARNERS, rest: 'forbidden' }),
    prepare: async (ctx) => {
      const itemId = await publishedCourse(ctx, ctx.other);
      return { params: { itemId }, payload: {}, state: { itemId } };
    },
    effect: async (ctx, { state }) => !!(await ctx.t.db.selectFrom('learning_progress').select('item_id').where('item_id', '=', state!.itemId!).executeTakeFirst()),
  }),
];
