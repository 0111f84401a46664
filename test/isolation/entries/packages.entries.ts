import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { scorm12Zip } from '../../fixtures/packages/packages.js';
import { insertPackageRows, insertUploadRow } from '../../fixtures/packages/rows.js';
import type { ActorRole } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry } from '../matrix.js';
import { unique } from '../objects.js';

// E-learning packages: managers (municipal admin, competence advisor) upload
// and delete; leaders read the list to assign courses. Another municipality's
// package does not exist. Uploaded files go to a throw-away data folder.

const MANAGERS: ActorRole[] = ['municipal_admin', 'competence_advisor'];
const READERS: ActorRole[] = [...MANAGERS, 'leader'];
const MANAGE = outcomes({ allow: MANAGERS, rest: 'forbidden' });
const READ = outcomes({ allow: READERS, rest: 'forbidden' });
const MANAGE_OTHERS_OBJECT = outcomes({ notFound: MANAGERS, rest: 'forbidden' });
const READ_OTHERS_OBJECT = outcomes({ notFound: READERS, rest: 'forbidden' });
const NOT_PLATFORM_CONTENT = platformSpansAll(
  'forbidden',
  'A platform administrator sees every municipality (so gets 403, not 404) but holds no role that reads or manages its packages.',
);

let dataDir: string | undefined;
/** Points the matrix app's package storage at a temp folder (the config object is shared with the app). */
function useTempDataDir({ t }: MatrixContext): void {
  dataDir ??= mkdtempSync(join(tmpdir(), 'mestring-matrix-packages-'));
  t.deps.config.dataDir = dataDir;
}
export function removePackageMatrixData(): void {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

const base = '/api/v1/municipalities/:municipalityId/packages';
const versionExists = async ({ t }: MatrixContext, id: string) => !!(await t.db.selectFrom('package_versions').select('id').where('id', '=', id).executeTakeFirst());
const freshPackage = async (ctx: MatrixContext, side: 'target' | 'other') => {
  const tenant = side === 'target' ? ctx.target : ctx.other;
  const { packageId, versionId } = await insertPackageRows(ctx.t.db, tenant.municipality.id, tenant.users.municipal_admin.id);
  return { params: { packageId, packageVersionId: versionId }, state: { packageId, versionId } };
};

export const packageEntries: MatrixEntry[] = [
  {
    name: 'packages.upload',
    method: 'POST',
    path: `${base}/uploads`,
    expect: MANAGE,
    foreign: NOT_PLATFORM_CONTENT,
    status: 202,
    prepare: (ctx) => {
      useTempDataDir(ctx);
      const fileName = `${unique('course')}.zip`;
      return { file: { fileName, contentType: 'application/zip', content: scorm12Zip({ identifier: unique('matrix.') }) }, state: { fileName } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('package_uploads').select('id').where('file_name', '=', state!.fileName!).executeTakeFirst()),
    check: (_ctx, res, { state }) => expect(res.json()).toMatchObject({ fileName: state!.fileName, phase: 'received' }),
  },
  {
    name: 'packages.uploads.get',
    method: 'GET',
    path: `${base}/uploads/:uploadId`,
    expect: MANAGE,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: async (ctx) => {
      const uploadId = await insertUploadRow(ctx.t.db, ctx.target.municipality.id);
      return { params: { uploadId }, state: { uploadId } };
    },
    check: (_ctx, res, { state }) => expect(res.json().id).toBe(state!.uploadId),
  },
  {
    name: 'packages.uploads.get another tenant\'s upload',
    method: 'GET',
    path: `${base}/uploads/:uploadId`,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: async (ctx) => ({ params: { uploadId: await insertUploadRow(ctx.t.db, ctx.other.municipality.id) } }),
  },
  {
    name: 'packages.list',
    method: 'GET',
    path: base,
    expect: READ,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: (ctx) => freshPackage(ctx, 'target'),
    check: ({ target }, res, { state }) => {
      const items = res.json().items as { id: string; municipalityId: string }[];
      expect(items.every((p) => p.municipalityId === target.municipality.id)).toBe(true);
      expect(items.map((p) => p.id)).toContain(state!.packageId);
    },
  },
  {
    name: 'packages.get',
    method: 'GET',
    path: `${base}/:packageId`,
    expect: READ,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: (ctx) => freshPackage(ctx, 'target'),
    check: (_ctx, res, { state }) => expect(res.json().versions[0].id).toBe(state!.versionId),
  },
  {
    name: 'packages.get another tenant\'s package',
    method: 'GET',
    path: `${base}/:packageId`,
    expect: READ_OTHERS_OBJECT,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: (ctx) => freshPackage(ctx, 'other'),
  },
  {
    name: 'packages.versions.delete',
    method: 'DELETE',
    path: `${base}/:packageId/versions/:packageVersionId`,
    expect: MANAGE,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: (ctx) => {
      useTempDataDir(ctx);
      return freshPackage(ctx, 'target');
    },
    effect: async (ctx, { state }) => !(await versionExists(ctx, state!.versionId!)),
  },
  {
    name: 'packages.versions.delete another tenant\'s version',
    method: 'DELETE',
    path: `${base}/:packageId/versions/:packageVersionId`,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: (ctx) => freshPackage(ctx, 'other'),
    effect: async (ctx, { state }) => !(await versionExists(ctx, state!.versionId!)),
  },
  {
    name: 'packages.versions.content-link',
    method: 'GET',
    path: `${base}/:packageId/versions/:packageVersionId/content-link`,
    expect: READ,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: (ctx) => freshPackage(ctx, 'target'),
    check: ({ t }, res) => expect(res.json().baseUrl.startsWith(`${t.deps.config.contentUrl}/content/`)).toBe(true),
  },
  {
    name: 'packages.versions.content-link for another tenant\'s version',
    method: 'GET',
    path: `${base}/:packageId/versions/:packageVersionId/content-link`,
    expect: READ_OTHERS_OBJECT,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: (ctx) => freshPackage(ctx, 'other'),
  },
];
