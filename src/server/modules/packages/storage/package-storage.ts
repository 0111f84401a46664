import type { Readable } from 'node:stream';

/** Where one package version's files live. */
export type PackageKey = { municipalityId: string; packageId: string; version: number };

export type StoredFile = { stream: Readable; size: number; modified: Date };

/**
 * The files of package versions: on the file system (fs-package-storage.ts) or
 * in an S3-compatible bucket (s3-package-storage.ts, where putTree uploads
 * every file and the version becomes visible only once complete).
 */
export interface PackageStorage {
  /**
   * Takes a fully written local folder and makes it the version's files, all
   * at once or not at all. The local folder is consumed.
   */
  putTree(key: PackageKey, localFolder: string): Promise<void>;
  /** A file of a version (a byte range when asked), or null when there is no such file. */
  readFile(key: PackageKey, path: string, range?: { start: number; end: number }): Promise<StoredFile | null>;
  /** Size of a file, or null when there is no such file. */
  statFile(key: PackageKey, path: string): Promise<{ size: number; modified: Date } | null>;
  /** Removes every file of the version; deleting what is not there is fine. */
  deleteTree(key: PackageKey): Promise<void>;
}

/** A storage together with the local folder where uploads are received and unpacked before putTree. */
export interface StagedPackageStorage extends PackageStorage {
  readonly incomingFolder: string;
}
