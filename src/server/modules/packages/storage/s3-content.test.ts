import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../../../../../test/factories.js';
import { scorm12Zip } from '../../../../../test/fixtures/packages/packages.js';
import { listTree, packageTestConfig, tempDataDir, uploadPackage } from '../../../../../test/fixtures/packages/upload.js';
import { call, createTestApp, type TestApp } from '../../../../../test/harness.js';
import type { ContentLink } from '../../../../shared/api/packages.js';
import { packageStorage } from '../package-storage.factory.js';
import type { S3PackageStorage } from './s3-package-storage.js';
import { startS3Target, type S3TestTarget } from './s3-test-server.js';

// The whole path with S3 configured: an upload over HTTP is unpacked locally,
// stored in the bucket (not under the data folder), served by the content
// origin from the bucket, and removed from it with its version. Runs against
// s3rver, or the server named by S3_TEST_ENDPOINT (see s3-test-server.ts).

let target: S3TestTarget;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let t: TestApp;
beforeAll(async () => {
  target = await startS3Target();
  data = await tempDataDir();
  t = await createTestApp({ ...packageTestConfig(data.dataDir), packageS3: target.settings });
});
afterAll(async () => {
  await t?.close();
  await data?.cleanup();
  await target?.close();
});

const CONTENT_HOST = '127.0.0.1:3000';
const fromContentHost = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: url.replace(/^https?:\/\/[^/]+/, ''), headers: { host: CONTENT_HOST, ...headers } });

describe(`packages with S3 storage (${process.env.S3_TEST_ENDPOINT ? 'S3_TEST_ENDPOINT' : 's3rver'})`, () => {
  it('stores an uploaded package in the bucket, serves it on the content origin, and deletes it with its version', async () => {
    const m = await buildTenant(t.db);
    const admin = m.sessions.municipal_admin!;
    const storage = packageStorage(t.deps.config) as S3PackageStorage;
    expect(storage.client.bucket).toBe(target.settings.bucket);

    const up = await uploadPackage(t, admin, m.municipality.id, scorm12Zip());
    expect(up.status.phase).toBe('stored');
    const { packageId, packageVersionId } = up.status as { packageId: string; packageVersionId: string };
    const key = { municipalityId: m.municipality.id, packageId, version: 1 };
    const prefix = storage.versionPrefix(key);
    expect(prefix.startsWith(target.settings.prefix)).toBe(true);
    expect(await storage.client.listKeys(prefix)).toEqual(expect.arrayContaining([`${prefix}imsmanifest.xml`, `${prefix}index.html`, `${prefix}css/style.css`]));
    expect(await storage.client.headObject(storage.markerKey(key))).not.toBeNull();
    // Nothing of the package stays on the local disk: only the (empty) scratch folder.
    expect(await listTree(join(data.dataDir, 'packages'))).toEqual(['.incoming']);

    const link = (await call(t.app, m.sessions.leader!, 'GET', `/api/v1/municipalities/${m.municipality.id}/packages/${packageId}/versions/${packageVersionId}/content-link`)).json<ContentLink>();
    const page = await fromContentHost(link.launchUrl!);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Lesson</title>');
    expect(page.headers['content-type']).toBe('text/html');
    const range = await fromContentHost(`${link.baseUrl}css/style.css`, { range: 'bytes=0-3' });
    expect(range.statusCode).toBe(206);
    expect(range.body).toBe('body');
    expect(range.headers['content-range']).toMatch(/^bytes 0-3\/\d+$/);
    expect((await fromContentHost(`${link.baseUrl}css/style.css`, { range: 'bytes=9999-' })).statusCode).toBe(416);
    expect((await fromContentHost(`${link.baseUrl}no-such-file.html`)).statusCode).toBe(404);

    const deleted = await call(t.app, admin, 'DELETE', `/api/v1/municipalities/${m.municipality.id}/packages/${packageId}/versions/${packageVersionId}`);
    expect(deleted.statusCode).toBe(200);
    expect(await storage.client.listKeys(`${target.settings.prefix}${m.municipality.id}/`)).toEqual([]);
    expect((await fromContentHost(link.launchUrl!)).statusCode).toBe(404);
  });

  it('keeps no rows when the bucket cannot take the files (phase failed, STORAGE_FAILED)', async () => {
    const broken = await createTestApp({ ...packageTestConfig(data.dataDir), packageS3: target.missingBucket });
    try {
      const m = await buildTenant(broken.db);
      const { status } = await uploadPackage(broken, m.sessions.municipal_admin!, m.municipality.id, scorm12Zip());
      expect(status.phase).toBe('failed');
      expect(status.problem.reason).toBe('STORAGE_FAILED');
      expect(await broken.db.selectFrom('package_versions').select('id').where('municipality_id', '=', m.municipality.id).execute()).toEqual([]);
      expect(await broken.db.selectFrom('packages').select('id').where('municipality_id', '=', m.municipality.id).execute()).toEqual([]);
      expect(await listTree(join(data.dataDir, 'packages', '.incoming'))).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});
