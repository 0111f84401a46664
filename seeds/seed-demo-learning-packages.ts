import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withTenant } from '../src/server/db/tenant.js';
import type { AppDeps } from '../src/server/http/context.js';
import type { Actor } from '../src/server/modules/audit/audit.repository.js';
import { processUpload } from '../src/server/modules/packages/package-upload.service.js';
import { packageStorage } from '../src/server/modules/packages/package-storage.factory.js';
import * as uploads from '../src/server/modules/packages/package-uploads.repository.js';

// The demo's SCORM packages go through the same pipeline as an administrator's
// upload (unpack with the caps, parse and check the manifest, store behind
// PackageStorage, record the version and audit it), so they are validated
// and stored like any other package. The zip is built from source in
// seeds/demo/learning/packages/ and put where an HTTP upload would have put it.

/** The package with this manifest identifier in the municipality, importing it first if it is missing. */
export async function importDemoPackage(
  deps: AppDeps,
  actor: Actor,
  municipalityId: string,
  pkg: { identifier: string; fileName: string; zip: () => Buffer },
): Promise<string> {
  const existing = await withTenant(deps.db, municipalityId, (tx) =>
    tx
      .selectFrom('packages')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('identifier', '=', pkg.identifier)
      .where('latest_version', '>', 0)
      .executeTakeFirst(),
  );
  if (existing) return existing.id;

  const zip = pkg.zip();
  const storage = packageStorage(deps.config);
  const uploadId = randomUUID();
  await mkdir(storage.incomingFolder, { recursive: true });
  await writeFile(join(storage.incomingFolder, `${uploadId}.zip`), zip, { flag: 'wx' });
  await withTenant(deps.db, municipalityId, (tx) => uploads.insertUpload(tx, municipalityId, { id: uploadId, fileName: pkg.fileName, sizeBytes: zip.length, createdBy: actor.userId }));
  await processUpload(deps, actor, municipalityId, uploadId, { expect: 'scorm' });
  const done = await withTenant(deps.db, municipalityId, (tx) => uploads.findUpload(tx, municipalityId, uploadId));
  if (done?.phase !== 'stored' || !done.package_id) {
    throw new Error(`demo data: the package ${pkg.fileName} was not stored (${done?.phase ?? 'no upload'}: ${done?.reason ?? ''} ${done?.message ?? ''})`);
  }
  return done.package_id;
}
