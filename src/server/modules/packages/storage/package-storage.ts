import type { Readable } from 'node:stream';

/** Where one package version's files live. */
export type PackageKey = { municipalityId: string; packageId: string; version: number };

export type StoredFile = { stream: Readable; size: number; modified: Date };

/**
 * The files of package versions. The file-system implementation is the only
 * one today; an S3-compatible one needs the same four operations (putTree as
 * a multipart upload of every file, visible only once complete).
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
