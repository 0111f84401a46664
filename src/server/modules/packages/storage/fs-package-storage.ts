import { createReadStream } from 'node:fs';
import { lstat, mkdir, realpath, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { canonicalPath } from '../package-paths.js';
import type { PackageKey, PackageStorage, StoredFile } from './package-storage.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Package files on the local disk: <root>/<municipalityId>/<packageId>/<version>/…
 * A version appears by one rename of a folder written beside it, so readers
 * never see half a package, and a failed upload leaves nothing behind.
 */
export class FsPackageStorage implements PackageStorage {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Scratch space on the same disk as the packages, so putTree can rename instead of copy. */
  get incomingFolder(): string {
    return join(this.root, '.incoming');
  }

  folderOf(key: PackageKey): string {
    if (!UUID.test(key.municipalityId) || !UUID.test(key.packageId) || !Number.isSafeInteger(key.version) || key.version < 1) {
      throw new Error('invalid package key');
    }
    return join(this.root, key.municipalityId.toLowerCase(), key.packageId.toLowerCase(), String(key.version));
  }

  async putTree(key: PackageKey, localFolder: string): Promise<void> {
    const target = this.folderOf(key);
    await mkdir(dirname(target), { recursive: true });
    // rename refuses to replace a non-empty folder: a version is never overwritten.
    await rename(localFolder, target);
  }

  async statFile(key: PackageKey, path: string): Promise<{ size: number; modified: Date } | null> {
    const file = await this.locate(key, path);
    if (!file) return null;
    const stats = await lstat(file).catch(() => null);
    if (!stats?.isFile()) return null;
    return { size: stats.size, modified: stats.mtime };
  }

  async readFile(key: PackageKey, path: string, range?: { start: number; end: number }): Promise<StoredFile | null> {
    const file = await this.locate(key, path);
    if (!file) return null;
    const stats = await lstat(file).catch(() => null);
    if (!stats?.isFile()) return null;
    const stream = createReadStream(file, range ? { start: range.start, end: range.end } : {});
    return { stream, size: range ? range.end - range.start + 1 : stats.size, modified: stats.mtime };
  }

  async deleteTree(key: PackageKey): Promise<void> {
    await rm(this.folderOf(key), { recursive: true, force: true });
    // Tidy the package's folder once its last version is gone (fails harmlessly otherwise).
    await rmdir(dirname(this.folderOf(key))).catch(() => {});
  }

  /** The absolute file for a path inside the version, or null when the path could leave it. */
  private async locate(key: PackageKey, path: string): Promise<string | null> {
    const canonical = canonicalPath(path);
    if ('problem' in canonical) return null;
    const base = this.folderOf(key);
    const file = join(base, ...canonical.path.split('/'));
    const inside = (p: string, root: string) => p.startsWith(root + sep);
    if (!inside(file, base)) return null;
    // Unpacking never writes links, but a real path check costs little and holds even if someone puts one there.
    const real = await realpath(file).catch(() => null);
    const realBase = await realpath(base).catch(() => null);
    if (!real || !realBase || !inside(real, realBase)) return null;
    return relative(realBase, real) ? real : null;
  }
}
