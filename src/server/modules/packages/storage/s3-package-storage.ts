import { createReadStream } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { PackageS3Config } from '../../../config.js';
import { contentTypeOf } from '../content/content-types.js';
import { canonicalPath } from '../package-paths.js';
import type { PackageKey, PackageStorage, StoredFile } from './package-storage.js';
import { S3Client } from './s3-client.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MARKER_SUFFIX = '.mestring-complete';
const UPLOAD_CONCURRENCY = 4;
const DELETE_BATCH = 1000;
const MARKER_CACHE_ENTRIES = 10_000;
const MARKER_CACHE_MS = 10 * 60_000;

export type S3PackageStorageOptions = {
  /** Local scratch space for uploads being unpacked (S3 has no rename, so any local disk will do). */
  incomingFolder: string;
  /** ListObjectsV2 page size (S3's maximum is 1000); tests lower it to exercise paging. */
  listPageSize?: number;
  /** Keys per DeleteObjects call (S3's maximum is 1000). */
  deleteBatchSize?: number;
};

/**
 * Package files in an S3-compatible bucket, laid out like the disk:
 * <prefix><municipalityId>/<packageId>/<version>/<path>, so a folder copied from
 * MESTRING_DATA_DIR/packages has the same keys.
 *
 * S3 has no atomic rename, so a version exists only once the object
 * <prefix><municipalityId>/<packageId>/<version>.mestring-complete is written,
 * after every file. Readers treat a version without it as absent; it sits
 * beside the version's folder, not in it, so no package file can be named
 * like it.
 */
export class S3PackageStorage implements PackageStorage {
  readonly client: S3Client;
  readonly incomingFolder: string;
  private readonly listPageSize: number;
  private readonly deleteBatchSize: number;
  /** Versions seen complete, with when to look again (insertion order = age, for eviction). */
  private readonly complete = new Map<string, number>();

  constructor(settings: PackageS3Config, options: S3PackageStorageOptions) {
    this.client = new S3Client(settings);
    this.incomingFolder = options.incomingFolder;
    this.listPageSize = Math.min(1000, options.listPageSize ?? 1000);
    this.deleteBatchSize = Math.min(DELETE_BATCH, options.deleteBatchSize ?? DELETE_BATCH);
  }

  /** "<prefix><municipality>/<package>/<version>/": every file key of the version starts with it. */
  versionPrefix(key: PackageKey): string {
    if (!UUID.test(key.municipalityId) || !UUID.test(key.packageId) || !Number.isSafeInteger(key.version) || key.version < 1) {
      throw new Error('invalid package key');
    }
    return `${this.client.settings.prefix}${key.municipalityId.toLowerCase()}/${key.packageId.toLowerCase()}/${key.version}/`;
  }

  markerKey(key: PackageKey): string {
    return `${this.versionPrefix(key).slice(0, -1)}${MARKER_SUFFIX}`;
  }

  async putTree(key: PackageKey, localFolder: string): Promise<void> {
    const prefix = this.versionPrefix(key);
    try {
      if (await this.markerExists(key)) {
        throw new Error(`package version ${prefix} already exists in bucket "${this.client.bucket}"; a version is never overwritten`);
      }
      const names = (await readdir(localFolder, { recursive: true })).map(String).sort();
      try {
        const { files, bytes } = await this.uploadAll(prefix, localFolder, names);
        // Last: until this object exists, readers see no version at all.
        const marker = new TextEncoder().encode(JSON.stringify({ files, bytes, completedAt: new Date().toISOString() }));
        await this.client.putObject(this.markerKey(key), { open: () => marker, size: marker.byteLength, contentType: 'application/json' });
      } catch (err) {
        // Nothing may stay behind, not even objects written before the failure.
        await this.deleteTree(key).catch((cleanup: unknown) => {
          throw new Error(`${(err as Error).message}; removing the files already written under ${prefix} failed too: ${(cleanup as Error).message}`, { cause: err });
        });
        throw err;
      }
      this.remember(key);
    } finally {
      // The interface consumes the folder, stored or not.
      await rm(localFolder, { recursive: true, force: true });
    }
  }

  async statFile(key: PackageKey, path: string): Promise<{ size: number; modified: Date } | null> {
    const objectKey = await this.locate(key, path);
    if (!objectKey) return null;
    const head = await this.client.headObject(objectKey);
    return head && { size: head.size, modified: head.modified };
  }

  async readFile(key: PackageKey, path: string, range?: { start: number; end: number }): Promise<StoredFile | null> {
    const objectKey = await this.locate(key, path);
    if (!objectKey) return null;
    const object = await this.client.getObject(objectKey, range);
    if (!object) return null;
    return { stream: Readable.fromWeb(object.body as NodeReadableStream<Uint8Array>), size: object.size, modified: object.modified };
  }

  async deleteTree(key: PackageKey): Promise<void> {
    // The marker first, so readers stop seeing the version before its files go.
    this.complete.delete(this.markerKey(key));
    await this.client.deleteObject(this.markerKey(key));
    const keys = await this.client.listKeys(this.versionPrefix(key), this.listPageSize);
    for (let i = 0; i < keys.length; i += this.deleteBatchSize) {
      await this.client.deleteObjects(keys.slice(i, i + this.deleteBatchSize));
    }
  }

  /** The object key of a path inside a complete version, or null (bad path, or no such complete version). */
  private async locate(key: PackageKey, path: string): Promise<string | null> {
    const canonical = canonicalPath(path);
    if ('problem' in canonical) return null;
    const prefix = this.versionPrefix(key);
    if (!(await this.isComplete(key))) return null;
    return prefix + canonical.path;
  }

  /** Whether the version's marker exists. Only a yes is remembered, so a version being written stays invisible. */
  private async isComplete(key: PackageKey): Promise<boolean> {
    const marker = this.markerKey(key);
    const until = this.complete.get(marker);
    if (until !== undefined && until > Date.now()) return true;
    this.complete.delete(marker);
    if (!(await this.markerExists(key))) return false;
    this.remember(key);
    return true;
  }

  /**
   * A GET, not a HEAD: its 404 says whether the key or the whole bucket is
   * missing, and only the first may read as "absent".
   */
  private async markerExists(key: PackageKey): Promise<boolean> {
    const found = await this.client.getObject(this.markerKey(key));
    if (!found) return false;
    await found.body.cancel();
    return true;
  }

  private remember(key: PackageKey): void {
    const marker = this.markerKey(key);
    this.complete.delete(marker);
    this.complete.set(marker, Date.now() + MARKER_CACHE_MS);
    while (this.complete.size > MARKER_CACHE_ENTRIES) this.complete.delete(this.complete.keys().next().value!);
  }

  /**
   * Uploads every regular file under the folder, a few at a time, each read
   * from disk as a stream. The first failure stops new uploads, and the call
   * ends only when none is in flight, so a clean-up after it finds them all.
   */
  private async uploadAll(prefix: string, folder: string, names: string[]): Promise<{ files: number; bytes: number }> {
    let next = 0;
    let files = 0;
    let bytes = 0;
    let failure: { error: unknown } | null = null;
    const worker = async () => {
      while (!failure && next < names.length) {
        const name = names[next++]!;
        try {
          const stored = await this.uploadOne(prefix, folder, name);
          if (stored !== null) {
            files += 1;
            bytes += stored;
          }
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, Math.max(1, names.length)) }, worker));
    if (failure) throw (failure as { error: unknown }).error;
    return { files, bytes };
  }

  /** Uploads one entry; null for a folder. Anything but a plain file (a link, a device) is refused, never followed. */
  private async uploadOne(prefix: string, folder: string, name: string): Promise<number | null> {
    const file = join(folder, name);
    const info = await lstat(file);
    if (info.isDirectory()) return null;
    if (!info.isFile()) throw new Error(`${name} in the package folder is not a regular file; refusing to upload it`);
    const relative = name.split(sep).join('/');
    const canonical = canonicalPath(relative);
    if ('problem' in canonical) throw new Error(`${relative} in the package folder ${canonical.why}; refusing to upload it`);
    const size = info.size;
    await this.client.putObject(prefix + canonical.path, {
      size,
      contentType: contentTypeOf(canonical.path),
      open: () => (size === 0 ? new Uint8Array(0) : (Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>)),
    });
    return size;
  }
}
