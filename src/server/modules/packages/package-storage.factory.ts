import { join } from 'node:path';
import type { Config } from '../../config.js';
import { FsPackageStorage } from './storage/fs-package-storage.js';
import type { StagedPackageStorage } from './storage/package-storage.js';
import { S3PackageStorage } from './storage/s3-package-storage.js';

// One instance per place, so what an instance remembers (which S3 versions are
// complete) is shared by every request.
const byPlace = new Map<string, StagedPackageStorage>();

/**
 * The package storage for this configuration: an S3-compatible bucket when
 * S3_BUCKET and its keys are set, otherwise the file system under the data folder.
 */
export function packageStorage(config: Pick<Config, 'dataDir' | 'packageS3'>): StagedPackageStorage {
  const root = join(config.dataDir, 'packages');
  const s3 = config.packageS3;
  const place = s3 ? JSON.stringify(['s3', s3.endpoint, s3.bucket, s3.prefix, s3.accessKeyId, s3.forcePathStyle, s3.region, root]) : JSON.stringify(['fs', root]);
  let storage = byPlace.get(place);
  if (!storage) {
    storage = s3 ? new S3PackageStorage(s3, { incomingFolder: join(root, '.incoming') }) : new FsPackageStorage(root);
    byPlace.set(place, storage);
  }
  return storage;
}
