import { join } from 'node:path';
import type { Config } from '../../config.js';
import { FsPackageStorage } from './storage/fs-package-storage.js';

const byRoot = new Map<string, FsPackageStorage>();

/** The package storage for this configuration: today always the file system under the data folder. */
export function packageStorage(config: Pick<Config, 'dataDir'>): FsPackageStorage {
  const root = join(config.dataDir, 'packages');
  let storage = byRoot.get(root);
  if (!storage) byRoot.set(root, (storage = new FsPackageStorage(root)));
  return storage;
}
