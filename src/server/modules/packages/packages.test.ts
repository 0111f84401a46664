import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../test/factories.js';
import { cmi5Xml, cmi5Zip, PAGE, scorm12Manifest, scorm12Zip, scorm2004Zip } from '../../../../test/fixtures/packages/packages.js';
import { listTree, packageTestConfig, postPackage, tempDataDir, uploadPackage } from '../../../../test/fixtures/packages/upload.js';
import { buildZip, type ZipEntrySpec } from '../../../../test/fixtures/packages/zip-builder.js';
import { call, createTestApp, type TestApp } from '../../../../test/harness.js';
import type { Package, PackageDetail, PackageUpload } from '../../../shared/api/packages.js';
import { packageStorage } from './package-storage.factory.js';
import { sql } from 'kysely';

let t: TestApp;
let data: Awaited<ReturnType<typeof tempDataDir>>;
beforeAll(async () => {
  data = await tempDataDir();
  t = await createTestApp(packageTestConfig(data.dataDir, { maxUploadBytes: 2 * 1024 * 1024, maxFiles: 40 }));
});
afterAll(async () => {
  await t.close();
  await data.cleanup();
});

const packagesRoot = () => join(data.dataDir, 'packages');
const base = (m: Tenant) => `/api/v1/municipalities/${m.municipality.id}/packages`;
const admin = (m: Tenant) => m.sessions.municipal_admin!;
const list = async (m: Tenant) => (await call(t.app, admin(m), 'GET', base(m))).json<{ items: Package[] }>().items;
const counts = async (m: Tenant) => ({
  packages: (await t.db.selectFrom('packages').select('id').where('municipality_id', '=', m.municipality.id).execute()).length,
  versions: (await t.db.selectFrom('package_versions').select('id').where('municipality_id', '=', m.municipality.id).execute()).length,
  launchables: (await t.db.selectFrom('package_launchables').select('identifier').where('municipality_id', '=', m.municipality.id).execute()).length,
});

describe('uploading a package over HTTP', () => {
  it('answers 202 "received", then reports unpacking → validating → storing → stored, and keeps the files', async () => {
    const m = await buildTenant(t.db);
    const res = await postPackage(t, admin(m), m.municipality.id, scorm12Zip(), 'hygiene.zip');
    expect(res.statusCode).toBe(202);
    const accepted = res.json<PackageUpload>();
    expect(accepted).toMatchObject({ fileName: 'hygiene.zip', phase: 'received', percent: 5, problem: null, packageId: null });
    await t.deps.jobs.drain();
    const status = (await call(t.app, admin(m), 'GET', `${base(m)}/uploads/${accepted.id}`)).json<PackageUpload>();
    expect(status.phase).toBe('stored');
    expect(status.percent).toBe(100);
    expect(status.phases.map((p) => p.phase)).toEqual(['received', 'unpacking', 'validating', 'storing', 'stored']);
    expect(status.files).toEqual({ done: 4, total: 4 });
    expect(status.packageId).not.toBeNull();

    const [pkg] = await list(m);
    expect(pkg).toMatchObject({ id: status.packageId, family: 'scorm', identifier: 'com.example.hygiene', title: 'Hand hygiene' });
    expect(pkg!.versions).toHaveLength(1);
    expect(pkg!.versions[0]).toMatchObject({ id: status.packageVersionId, version: 1, kind: 'scorm12', fileCount: 4, uploadedBy: { userId: m.users.municipal_admin.id } });
    expect(pkg!.versions[0]!.launchables).toEqual([
      {
        identifier: 'intro',
        title: 'Introduction',
        activityId: `${t.deps.config.publicUrl}/xapi/activities/packages/${pkg!.id}/intro`,
        launchUrl: 'index.html?lang=nb',
        external: false,
        kind: 'sco',
        details: expect.objectContaining({ organizationId: 'org1', masteryScore: 80, maxTimeAllowed: '00:30:00' }),
      },
    ]);
    const folder = join(packagesRoot(), m.municipality.id, pkg!.id, '1');
    expect(await readFile(join(folder, 'index.html'), 'utf8')).toBe(PAGE);
    expect(await listTree(folder)).toEqual(['css', 'css/style.css', 'imsmanifest.xml', 'index.html', 'js', 'js/api.js']);
    expect(await listTree(join(packagesRoot(), '.incoming'))).toEqual([]);

    const detail = (await call(t.app, admin(m), 'GET', `${base(m)}/${pkg!.id}`)).json<PackageDetail>();
    expect((detail.versions[0]!.manifest as { identifier: string }).identifier).toBe('com.example.hygiene');
    const audit = await t.db.selectFrom('audit_events').select(['action', 'entity_id']).where('municipality_id', '=', m.municipality.id).where('action', '=', 'package.version.create').execute();
    expect(audit).toEqual([{ action: 'package.version.create', entity_id: pkg!.versions[0]!.id }]);
  });

  it('makes a new version when the manifest identifier matches, with the same activity ids', async () => {
    const m = await buildTenant(t.db);
    const first = await uploadPackage(t, admin(m), m.municipality.id, scorm12Zip());
    const second = await uploadPackage(t, admin(m), m.municipality.id, scorm12Zip({ title: 'Hand hygiene, revised', itemTitle: 'Intro 2' }));
    const other = await uploadPackage(t, admin(m), m.municipality.id, scorm12Zip({ identifier: 'com.example.other' }));
    expect(second.status.packageId).toBe(first.status.packageId);
    expect(other.status.packageId).not.toBe(first.status.packageId);
    const pkg = (await list(m)).find((p) => p.id === first.status.packageId)!;
    expect(pkg.title).toBe('Hand hygiene, revised');
    expect(pkg.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(pkg.versions[0]!.launchables[0]!.title).toBe('Intro 2');
    expect(pkg.versions[0]!.launchables[0]!.activityId).toBe(pkg.versions[1]!.launchables[0]!.activityId);
    expect(await listTree(join(packagesRoot(), m.municipality.id, pkg.id))).toEqual(expect.arrayContaining(['1', '2']));
  });

  it('stores SCORM 2004 and cmi5 packages with their kinds and activity ids', async () => {
    const m = await buildTenant(t.db);
    const s2004 = await uploadPackage(t, admin(m), m.municipality.id, scorm2004Zip());
    const cmi5 = await uploadPackage(t, admin(m), m.municipality.id, cmi5Zip());
    const cmi5Again = await uploadPackage(t, admin(m), m.municipality.id, cmi5Zip());
    expect(cmi5Again.status.packageId).toBe(cmi5.status.packageId);
    const items = await list(m);
    const scorm = items.find((p) => p.id === s2004.status.packageId)!;
    expect(scorm.versions[0]!.kind).toBe('scorm2004_4th');
    expect(scorm.versions[0]!.launchables.map((l) => [l.identifier, l.launchUrl])).toEqual([
      ['module1', 'module1/index.html'],
      ['test', 'test.html'],
    ]);
    const course = items.find((p) => p.id === cmi5.status.packageId)!;
    expect(course).toMatchObject({ family: 'cmi5', identifier: 'https://courses.example.no/hygiene', activityId: 'https://courses.example.no/hygiene', title: 'Smittevern' });
    expect(course.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(course.versions[0]!.launchables).toEqual([
      {
        identifier: 'https://courses.example.no/hygiene/au1',
        title: 'Lesson 1',
        activityId: 'https://courses.example.no/hygiene/au1',
        launchUrl: 'au1/index.html?mode=x',
        external: false,
        kind: 'au',
        details: { moveOn: 'CompletedAndPassed', masteryScore: 0.8, launchMethod: 'OwnWindow', launchParameters: '{"level":1}', entitlementKey: 'abc-123', activityType: 'http://adlnet.gov/expapi/activities/lesson' },
      },
    ]);
  });
});

const manifestWith = (extra: string) => buildZip([{ name: 'imsmanifest.xml', data: scorm12Manifest().replace('<file href="js/api.js"/>', `<file href="js/api.js"/>${extra}`) }, { name: 'index.html', data: PAGE }, { name: 'css/style.css', data: 'x' }, { name: 'js/api.js', data: 'x' }]);
const withEntries = (...entries: ZipEntrySpec[]) => scorm12Zip({}, entries);

describe('hostile and broken packages', () => {
  it.each<[string, Buffer, string]>([
    ['a zip-slip entry', withEntries({ name: '../../evil.html', data: 'x' }), 'ZIP_SLIP'],
    ['an absolute entry name', withEntries({ name: '/tmp/evil.html', data: 'x' }), 'ZIP_SLIP'],
    ['a back slash entry name', withEntries({ name: '..\\evil.html', data: 'x' }), 'ZIP_SLIP'],
    ['a zip bomb', withEntries({ name: 'zeros.bin', data: Buffer.alloc(16 * 1024 * 1024) }), 'ZIP_BOMB'],
    ['a symbolic link', withEntries({ name: 'link.html', data: '/etc/passwd', unixMode: 0o120777, method: 'store' }), 'SYMLINK'],
    ['an encrypted entry', withEntries({ name: 'secret.html', data: 'x', encrypted: true }), 'ENCRYPTED_ENTRY'],
    ['duplicate names', withEntries({ name: 'index.html', data: 'again' }), 'DUPLICATE_NAME'],
    ['too many files', withEntries(...Array.from({ length: 40 }, (_, i) => ({ name: `f/${i}.txt`, data: 'x' }))), 'TOO_MANY_FILES'],
    ['no manifest', buildZip([{ name: 'index.html', data: PAGE }]), 'MANIFEST_MISSING'],
    ['a manifest inside a folder', buildZip([{ name: 'course/imsmanifest.xml', data: scorm12Manifest() }, { name: 'course/index.html', data: PAGE }]), 'MANIFEST_MISSING'],
    ['a malformed manifest', buildZip([{ name: 'imsmanifest.xml', data: '<manifest identifier="x"><organizations>' }]), 'MANIFEST_MALFORMED'],
    ['a manifest with the wrong root', buildZip([{ name: 'imsmanifest.xml', data: '<html/>' }]), 'MANIFEST_MALFORMED'],
    ['a reference outside the package', manifestWith('<file href="../../etc/passwd"/>'), 'REFERENCE_OUTSIDE'],
    ['a reference to a missing file', manifestWith('<file href="js/missing.js"/>'), 'REFERENCE_MISSING'],
    ['a launch page missing from the zip', buildZip([{ name: 'imsmanifest.xml', data: scorm12Manifest({ files: [] }) }]), 'REFERENCE_MISSING'],
    ['a cmi5 AU missing from the zip', buildZip([{ name: 'cmi5.xml', data: cmi5Xml() }]), 'REFERENCE_MISSING'],
    ['something that is not a zip', Buffer.from('%PDF-1.7 not a zip'), 'NOT_A_ZIP'],
  ])('refuses %s with its reason and keeps neither files nor rows', async (_what, zip, reason) => {
    const m = await buildTenant(t.db);
    const { status } = await uploadPackage(t, admin(m), m.municipality.id, zip);
    expect(status.phase).toBe('rejected');
    expect(status.problem.reason).toBe(reason);
    expect(status.problem.message).toMatch(/\w{4,}/);
    expect(status.packageId).toBeNull();
    expect(await counts(m)).toEqual({ packages: 0, versions: 0, launchables: 0 });
    expect(await listTree(join(packagesRoot(), m.municipality.id))).toEqual([]);
    expect(await listTree(join(packagesRoot(), '.incoming'))).toEqual([]);
  });

  it('refuses a cmi5 AU whose url already uses a launch parameter (cmi5 8.1), keeping nothing', async () => {
    const m = await buildTenant(t.db);
    const { status } = await uploadPackage(t, admin(m), m.municipality.id, cmi5Zip({ url: 'au1/index.html?mode=x&registration=abc' }));
    expect(status.phase).toBe('rejected');
    expect(status.problem).toMatchObject({ reason: 'MANIFEST_INVALID', details: { parameter: 'registration' } });
    expect(await counts(m)).toEqual({ packages: 0, versions: 0, launchables: 0 });
  });

  it('says where a manifest in a folder is, so the user can zip it again', async () => {
    const m = await buildTenant(t.db);
    const { status } = await uploadPackage(t, admin(m), m.municipality.id, buildZip([{ name: 'course/imsmanifest.xml', data: scorm12Manifest() }]));
    expect(status.problem.details).toEqual({ foundAt: 'course/imsmanifest.xml' });
    expect(status.problem.message).toContain('course/imsmanifest.xml');
  });

  it('refuses an upload over the size cap with 413 and keeps nothing', async () => {
    const m = await buildTenant(t.db);
    const res = await postPackage(t, admin(m), m.municipality.id, Buffer.alloc(3 * 1024 * 1024, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { reason: 'UPLOAD_TOO_LARGE' } });
    expect(await t.db.selectFrom('package_uploads').select('id').where('municipality_id', '=', m.municipality.id).execute()).toEqual([]);
    expect(await listTree(join(packagesRoot(), '.incoming'))).toEqual([]);
  });

  it('rolls back the rows when the files cannot be stored (phase failed, STORAGE_FAILED)', async () => {
    const m = await buildTenant(t.db);
    await mkdir(packagesRoot(), { recursive: true });
    // A file where the municipality's folder must go: the final rename cannot succeed.
    await writeFile(join(packagesRoot(), m.municipality.id), 'in the way');
    const { status } = await uploadPackage(t, admin(m), m.municipality.id, scorm12Zip());
    expect(status.phase).toBe('failed');
    expect(status.problem.reason).toBe('STORAGE_FAILED');
    expect(await counts(m)).toEqual({ packages: 0, versions: 0, launchables: 0 });
    expect(await listTree(join(packagesRoot(), '.incoming'))).toEqual([]);
  });

  it('stores the files with no transaction open, so the database keeps answering meanwhile', async () => {
    const m = await buildTenant(t.db);
    const storage = packageStorage(t.deps.config);
    const realPutTree = storage.putTree;
    const seen: { listed: number; openTransactions: number | null }[] = [];
    // Around the real putTree: on the embedded database a query would wait for
    // (here: time out behind) a transaction held across storing; on PostgreSQL
    // no session may be idle in a transaction meanwhile.
    storage.putTree = async (key, folder) => {
      const listed = await Promise.race([
        t.db.selectFrom('packages').select('id').where('municipality_id', '=', m.municipality.id).execute().then((rows) => rows.length),
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error('the database did not answer while the files were stored')), 3000)),
      ]);
      const open = process.env.DATABASE_URL
        ? Number((await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`.execute(t.db)).rows[0]!.n)
        : null;
      seen.push({ listed, openTransactions: open });
      return realPutTree.call(storage, key, folder);
    };
    try {
      const { status } = await uploadPackage(t, admin(m), m.municipality.id, scorm12Zip());
      expect(status.phase).toBe('stored');
    } finally {
      storage.putTree = realPutTree;
    }
    expect(seen).toEqual([{ listed: 1, openTransactions: process.env.DATABASE_URL ? 0 : null }]);
    // While its first version was being stored the package was not listed.
    expect((await list(m)).map((p) => p.versions.length)).toEqual([1]);
  });

  it('reports an upload that a stopped server left half done as failed (INTERRUPTED)', async () => {
    const m = await buildTenant(t.db);
    const row = await t.db
      .insertInto('package_uploads')
      .values({ municipality_id: m.municipality.id, file_name: 'x.zip', size_bytes: 1, phase: 'unpacking', created_by: null, updated_at: new Date(Date.now() - 3600_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const status = (await call(t.app, admin(m), 'GET', `${base(m)}/uploads/${row.id}`)).json<PackageUpload>();
    expect(status).toMatchObject({ phase: 'failed', problem: { reason: 'INTERRUPTED' } });
  });

  it('asks for multipart/form-data', async () => {
    const m = await buildTenant(t.db);
    const res = await call(t.app, admin(m), 'POST', `${base(m)}/uploads`, { file: 'x' });
    expect(res.statusCode).toBe(415);
  });
});

describe('deleting versions', () => {
  it('deletes one version with its files, and the package with its last version', async () => {
    const m = await buildTenant(t.db);
    const v1 = await uploadPackage(t, admin(m), m.municipality.id, scorm12Zip());
    const v2 = await uploadPackage(t, admin(m), m.municipality.id, scorm12Zip());
    const packageId = v1.status.packageId as string;
    const folder = join(packagesRoot(), m.municipality.id, packageId);
    const del1 = await call(t.app, admin(m), 'DELETE', `${base(m)}/${packageId}/versions/${v1.status.packageVersionId}`);
    expect(del1.statusCode).toBe(200);
    expect((await list(m))[0]!.versions.map((v) => v.version)).toEqual([2]);
    expect(await listTree(folder)).not.toContain('1');
    expect(await listTree(folder)).toContain('2');
    // The number is not reused: the next upload is version 3.
    const v3 = await uploadPackage(t, admin(m), m.municipality.id, scorm12Zip());
    expect((await list(m))[0]!.versions.map((v) => v.version)).toEqual([3, 2]);
    await call(t.app, admin(m), 'DELETE', `${base(m)}/${packageId}/versions/${v2.status.packageVersionId}`);
    await call(t.app, admin(m), 'DELETE', `${base(m)}/${packageId}/versions/${v3.status.packageVersionId}`);
    expect(await list(m)).toEqual([]);
    expect(await counts(m)).toEqual({ packages: 0, versions: 0, launchables: 0 });
    expect(await listTree(join(packagesRoot(), m.municipality.id))).toEqual([]);
    const audit = await t.db.selectFrom('audit_events').select('action').where('municipality_id', '=', m.municipality.id).where('action', '=', 'package.version.delete').execute();
    expect(audit).toHaveLength(3);
  });

  it('after the latest version is deleted, the one before is the latest, and its number is never handed out again', async () => {
    const m = await buildTenant(t.db);
    await uploadPackage(t, admin(m), m.municipality.id, scorm12Zip());
    const v2 = await uploadPackage(t, admin(m), m.municipality.id, scorm12Zip({ title: 'Hand hygiene 2' }));
    const packageId = v2.status.packageId as string;
    await call(t.app, admin(m), 'DELETE', `${base(m)}/${packageId}/versions/${v2.status.packageVersionId}`);
    const row = () => t.db.selectFrom('packages').select(['latest_version', 'reserved_version']).where('municipality_id', '=', m.municipality.id).where('id', '=', packageId).executeTakeFirstOrThrow();
    expect(await row()).toEqual({ latest_version: 1, reserved_version: 2 });
    await uploadPackage(t, admin(m), m.municipality.id, scorm12Zip({ title: 'Hand hygiene 3' }));
    expect(await row()).toEqual({ latest_version: 3, reserved_version: 3 });
    expect((await list(m))[0]).toMatchObject({ title: 'Hand hygiene 3' });
    expect((await list(m))[0]!.versions.map((v) => v.version)).toEqual([3, 1]);
  });

  it('answers 404 for another municipality\'s package, version or upload, and changes nothing', async () => {
    const mine = await buildTenant(t.db);
    const theirs = await buildTenant(t.db);
    const up = await uploadPackage(t, admin(theirs), theirs.municipality.id, scorm12Zip());
    const { packageId, packageVersionId } = up.status;
    for (const [method, url] of [
      ['GET', `${base(mine)}/${packageId}`],
      ['DELETE', `${base(mine)}/${packageId}/versions/${packageVersionId}`],
      ['GET', `${base(mine)}/${packageId}/versions/${packageVersionId}/content-link`],
      ['GET', `${base(mine)}/uploads/${up.status.id}`],
      ['GET', `${base(theirs)}/${packageId}`],
    ] as const) {
      const res = await call(t.app, admin(mine), method, url);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect(await counts(theirs)).toMatchObject({ packages: 1, versions: 1 });
    expect(await list(mine)).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('describes every package route from the shared zod schemas, and not the content route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const p = '/api/v1/municipalities/{municipalityId}/packages';
    expect(doc.paths[`${p}/uploads`].post.responses['202'].content['application/json'].schema.required).toEqual(expect.arrayContaining(['phase', 'percent', 'files', 'problem']));
    expect(doc.paths[`${p}/uploads/{uploadId}`].get.responses['200']).toBeDefined();
    expect(doc.paths[p].get.responses['200'].content['application/json'].schema.properties.items).toBeDefined();
    expect(doc.paths[`${p}/{packageId}`].get.responses['200']).toBeDefined();
    expect(doc.paths[`${p}/{packageId}/versions/{packageVersionId}`].delete.responses['200']).toBeDefined();
    expect(doc.paths[`${p}/{packageId}/versions/{packageVersionId}/content-link`].get.responses['200']).toBeDefined();
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/content'))).toEqual([]);
  });
});
