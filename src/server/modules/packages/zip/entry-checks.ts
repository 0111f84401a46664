import { canonicalPath } from '../package-paths.js';
import { reject } from '../package-rejection.js';

// Checks on one central-directory record, before any byte of it is inflated.

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const MADE_BY_UNIX = 3;

export type EntryHeader = {
  rawName: string;
  versionMadeBy: number;
  externalFileAttributes: number;
  generalPurposeBitFlag: number;
  compressionMethod: number;
};

export type CheckedEntry = { path: string; isDirectory: boolean };

export function checkEntry(entry: EntryHeader): CheckedEntry {
  const isDirectory = entry.rawName.endsWith('/');
  const canonical = canonicalPath(entry.rawName);
  if ('problem' in canonical) {
    if (canonical.problem === 'outside') throw reject('ZIP_SLIP', `The zip entry "${entry.rawName}" ${canonical.why}, so it could be written outside the package.`, { entry: entry.rawName });
    throw reject('INVALID_FILE_NAME', `The zip entry "${entry.rawName}" ${canonical.why}.`, { entry: entry.rawName });
  }
  // Unix tools keep the file mode in the high 16 bits of the external attributes.
  if (entry.versionMadeBy >> 8 === MADE_BY_UNIX) {
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) throw reject('SYMLINK', `The zip entry "${entry.rawName}" is a symbolic link; packages may only contain plain files.`, { entry: entry.rawName });
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) throw reject('INVALID_FILE_NAME', `The zip entry "${entry.rawName}" is not a plain file or folder.`, { entry: entry.rawName });
  }
  if (entry.generalPurposeBitFlag & 0x1) throw reject('ENCRYPTED_ENTRY', `The zip entry "${entry.rawName}" is encrypted; upload the package without a password.`, { entry: entry.rawName });
  if (!isDirectory && entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw reject('UNSUPPORTED_COMPRESSION', `The zip entry "${entry.rawName}" uses compression method ${entry.compressionMethod}; save the package with standard (deflate) compression.`, {
      entry: entry.rawName,
      compressionMethod: entry.compressionMethod,
    });
  }
  return { path: canonical.path, isDirectory };
}

/**
 * Refuses two entries that land on the same file: the same canonical path,
 * names that differ only in case (one would overwrite the other on a
 * case-insensitive disk), or a file where another entry needs a folder.
 */
export class NameRegistry {
  private files = new Map<string, string>();
  private folders = new Set<string>();

  add(entry: CheckedEntry, rawName: string): void {
    const key = entry.path.toLowerCase();
    const ancestors = key.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'));
    if (entry.isDirectory) {
      if (this.files.has(key)) throw this.duplicate(rawName, this.files.get(key)!);
      this.folders.add(key);
    } else {
      if (this.files.has(key)) throw this.duplicate(rawName, this.files.get(key)!);
      if (this.folders.has(key)) throw reject('DUPLICATE_NAME', `The zip has both a folder and a file named "${entry.path}".`, { entry: rawName });
      this.files.set(key, rawName);
    }
    for (const folder of ancestors) {
      if (this.files.has(folder)) throw reject('DUPLICATE_NAME', `The zip has both a file and a folder named "${folder}".`, { entry: rawName });
      this.folders.add(folder);
    }
  }

  private duplicate(rawName: string, earlier: string) {
    return reject('DUPLICATE_NAME', `The zip has two entries for the same file: "${earlier}" and "${rawName}".`, { entry: rawName, earlier });
  }
}
