import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../../test/harness.js';
import { courseUrl, insertCourseItem, publishCourse, sampleCourse, saveDraft } from './course-test-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('course drafts', () => {
  it('starts from a blank draft, saves it, and refuses a save based on an older load (409 STALE) without changing it', async () => {
    const m = await buildTenant(t.db);
    const item = await insertCourseItem(t.db, m.municipality.id, { languages: ['nb', 'en'] });
    const url = `${courseUrl(m.municipality.id, item)}/nb/draft`;
    const advisor = m.sessions.competence_advisor!;
    const blank = (await call(t.app, advisor, 'GET', url)).json();
    expect(blank).toMatchObject({ language: 'nb', updatedAt: null, publishedVersion: null, draft: { lessons: [] } });

    const first = await call(t.app, advisor, 'PUT', url, { draft: { title: 'Utkast', lessons: [] }, expectedUpdatedAt: null });
    expect(first.statusCode).toBe(200);
    const second = await call(t.app, m.sessions.municipal_admin!, 'PUT', url, { draft: { title: 'Annet', lessons: [] }, expectedUpdatedAt: first.json().updatedAt });
    expect(second.statusCode).toBe(200);

    const late = await call(t.app, advisor, 'PUT', url, { draft: { title: 'Gammelt', lessons: [] }, expectedUpdatedAt: first.json().updatedAt });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details).toMatchObject({ reason: 'STALE', currentUpdatedAt: second.json().updatedAt });
    const blind = await call(t.app, advisor, 'PUT', url, { draft: { title: 'Blindt', lessons: [] }, expectedUpdatedAt: null });
    expect(blind.json().error.details.reason).toBe('STALE');
    expect((await call(t.app, advisor, 'GET', url)).json().draft.title).toBe('Annet');

    const overview = (await call(t.app, advisor, 'GET', courseUrl(m.municipality.id, item))).json();
    expect(overview.languages).toEqual(['nb', 'en']);
    expect(overview.editions).toEqual([expect.objectContaining({ language: 'nb', publishedVersion: null, hasUnpublishedChanges: true })]);
  });

  it('accepts only the item’s languages', async () => {
    const m = await buildTenant(t.db);
    const item = await insertCourseItem(t.db, m.municipality.id, { languages: ['nb'] });
    const res = await call(t.app, m.sessions.municipal_admin!, 'PUT', `${courseUrl(m.municipality.id, item)}/sv/draft`, { draft: { title: 'x', lessons: [] }, expectedUpdatedAt: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ field: 'language', reason: 'LANGUAGE_NOT_OFFERED' });
    expect(await t.db.selectFrom('course_editions').select('language').where('item_id', '=', item).execute()).toEqual([]);
  });

  it('lets only the item’s managers author: a network’s item by its coordinators, not by the municipality’s admins', async () => {
    const m = await buildTenant(t.db);
    const own = await insertCourseItem(t.db, m.municipality.id);
    const networks = await insertCourseItem(t.db, m.municipality.id, { ownerNetworkId: m.network.id });
    const get = (session: keyof typeof m.sessions, item: string) => call(t.app, m.sessions[session], 'GET', courseUrl(m.municipality.id, item));
    expect((await get('municipal_admin', own)).statusCode).toBe(200);
    expect((await get('employee', own)).statusCode).toBe(403);
    expect((await get('network_coordinator', own)).statusCode).toBe(403);
    expect((await get('network_coordinator', networks)).statusCode).toBe(200);
    expect((await get('municipal_admin', networks)).statusCode).toBe(403);
    const other = await buildTenant(t.db);
    expect(errorCode(await call(t.app, other.sessions.municipal_admin, 'GET', courseUrl(m.municipality.id, own)))).toBe('NOT_FOUND');
    // A learning item of another kind is not a course.
    const link = await t.db
      .insertInto('learning_items')
      .values({ municipality_id: m.municipality.id, kind: 'link', url: 'https://example.org', titles: JSON.stringify({ nb: 'Lenke' }), languages: ['nb'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(errorCode(await get('municipal_admin', link.id))).toBe('NOT_FOUND');
  });
});

describe('publishing', () => {
  it('refuses an incomplete course with the path of every problem, and publishes nothing', async () => {
    const m = await buildTenant(t.db);
    const item = await insertCourseItem(t.db, m.municipality.id);
    const admin = m.sessions.municipal_admin!;
    const draft = {
      title: 'Kurs',
      lessons: [
        {
          id: 'l1',
          title: '',
          blocks: [
            { type: 'image', id: 'img', assetId: '5f0c3c1e-3f5e-4a59-9d0e-3d2a1c1b0a09', alt: '' },
            { type: 'quiz', id: 'q', passMark: 80, questions: [{ id: 'x', prompt: 'Hva?', multiple: false, options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B', correct: true }] }] },
          ],
        },
      ],
    };
    expect((await saveDraft(t, admin, m.municipality.id, item, 'nb', draft)).statusCode).toBe(200);
    const res = await call(t.app, admin, 'POST', `${courseUrl(m.municipality.id, item)}/nb/publish`);
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.issues.map((i: { path: unknown[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['lessons.0.title', 'lessons.0.blocks.0.alt', 'lessons.0.blocks.1.questions.0.options']));
    expect(await t.db.selectFrom('course_versions').select('version').where('item_id', '=', item).execute()).toEqual([]);
  });

  it('refuses images that are not this course’s own uploads', async () => {
    const m = await buildTenant(t.db);
    const item = await insertCourseItem(t.db, m.municipality.id);
    const otherItem = await insertCourseItem(t.db, m.municipality.id);
    const asset = await t.db
      .insertInto('learning_assets')
      .values({ municipality_id: m.municipality.id, item_id: otherItem, file_name: 'a.png', content_type: 'image/png', size_bytes: 10, storage_key: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const content = { title: 'K', lessons: [{ id: 'l1', title: 'L', blocks: [{ type: 'image', id: 'i', assetId: asset.id, alt: 'Et bilde' }] }] };
    const admin = m.sessions.municipal_admin!;
    await saveDraft(t, admin, m.municipality.id, item, 'nb', content);
    const res = await call(t.app, admin, 'POST', `${courseUrl(m.municipality.id, item)}/nb/publish`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: ['lessons', 0, 'blocks', 0, 'assetId'] })]);
  });

  it('numbers versions per language, keeps them immutable, and refuses to publish the same content twice', async () => {
    const m = await buildTenant(t.db);
    const item = await insertCourseItem(t.db, m.municipality.id, { languages: ['nb', 'en'] });
    const admin = m.sessions.municipal_admin!;
    expect(await publishCourse(t, admin, m.municipality.id, item, 'nb', sampleCourse('Smittevern'))).toBe(1);
    expect(await publishCourse(t, admin, m.municipality.id, item, 'en', sampleCourse('Infection control'))).toBe(1);
    const again = await call(t.app, admin, 'POST', `${courseUrl(m.municipality.id, item)}/nb/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('UNCHANGED');
    expect(await publishCourse(t, admin, m.municipality.id, item, 'nb', sampleCourse('Smittevern 2'))).toBe(2);

    const versions = (await call(t.app, admin, 'GET', `${courseUrl(m.municipality.id, item)}/nb/versions`)).json().versions;
    expect(versions.map((v: { version: number; title: string }) => [v.version, v.title])).toEqual([
      [2, 'Smittevern 2'],
      [1, 'Smittevern'],
    ]);
    const overview = (await call(t.app, admin, 'GET', courseUrl(m.municipality.id, item))).json();
    expect(overview.editions).toEqual([
      expect.objectContaining({ language: 'nb', publishedVersion: 2, hasUnpublishedChanges: false }),
      expect.objectContaining({ language: 'en', publishedVersion: 1, hasUnpublishedChanges: false }),
    ]);
    await saveDraft(t, admin, m.municipality.id, item, 'en', sampleCourse('Infection control, revised'));
    const changed = (await call(t.app, admin, 'GET', courseUrl(m.municipality.id, item))).json();
    expect(changed.editions.find((e: { language: string }) => e.language === 'en').hasUnpublishedChanges).toBe(true);

    const audit = await t.db.selectFrom('audit_events').select('action').where('municipality_id', '=', m.municipality.id).where('action', '=', 'course.publish').execute();
    expect(audit).toHaveLength(3);
  });
});
