import { join } from 'node:path';
import type { Config } from '../../../config.js';
import { FsPackageStorage } from '../../packages/storage/fs-package-storage.js';
import type { PackageKey, StagedPackageStorage } from '../../packages/storage/package-storage.js';
import { S3PackageStorage } from '../../packages/storage/s3-package-storage.js';

// Course assets go through the package storage abstraction, so they live where
// packages live (the data folder or the S3 bucket) under their own prefix:
// learning/<municipality>/<item>/<asset>/1/file. PackageStorage names a folder
// by (a, b, version); here a storage rooted at learning/<municipality> is
// keyed by (item, asset, 1): an asset is written once, like a package version,
// and never changes.

const byPlace = new Map<string, StagedPackageStorage>();
export const ASSET_FILE = 'file';

export function assetStorage(config: Pick<Config, 'dataDir' | 'packageS3'>, municipalityId: string): StagedPackageStorage {
  const m = municipalityId.toLowerCase();
  const root = join(config.dataDir, 'learning', m);
  const s3 = config.packageS3;
  const place = s3 ? JSON.stringify(['s3', s3.endpoint, s3.bucket, s3.prefix, s3.accessKeyId, s3.region, m]) : JSON.stringify(['fs', root]);
  let storage = byPlace.get(place);
  if (!storage) {
    storage = s3
      ? new S3PackageStorage({ ...s3, prefix: `${s3.prefix}learning/${m}/` }, { incomingFolder: join(config.dataDir, 'learning', '.incoming') })
      : new FsPackageStorage(root);
    // One instance per municipality and place; bounded so a long-lived process does not grow without end.
    if (byPlace.size > 2000) byPlace.clear();
    byPlace.set(place, storage);
  }
  return storage;
}

export const assetKey = (itemId: string, assetId: string): PackageKey => ({ municipalityId: itemId, packageId: assetId, version: 1 });
export const assetStorageKey = (municipalityId: string, itemId: string, assetId: string) => `learning/${municipalityId}/${itemId}/${assetId}`;
