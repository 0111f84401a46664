import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { PackageRejection, reject } from '../package-rejection.js';
import { checkEntry, NameRegistry } from './entry-checks.js';

// Unpacks an uploaded zip into a fresh folder, entry by entry, refusing
// anything hostile with a stable reason. Sizes in the zip's headers are
// claims: the caps are enforced on the bytes that actually come out of the
// inflater, and a file is only accepted when its size and CRC-32 match.

export type UnzipLimits = {
  maxFiles: number;
  /** Total bytes of all files once inflated. */
  maxUncompressedBytes: number;
  /** Largest inflated/compressed ratio of one entry, once it is past `ratioFloorBytes`. */
  maxRatio: number;
  /** Small files (a page of spaces) may compress extremely well; the ratio only counts beyond this size. */
  ratioFloorBytes: number;
};

export type UnzippedFile = { path: string; size: number };
export type UnzipResult = { files: UnzippedFile[]; totalBytes: number };

type LowLevel = { getFileNameLowLevel(flags: number, raw: Buffer, extraFields: unknown[], strict: boolean): string };
type RawEntry = yauzl.Entry & { fileNameRaw: Buffer; extraFields: unknown[] };

export async function safeUnzip(zipPath: string, destination: string, limits: UnzipLimits, onProgress: (done: number, total: number) => void = () => {}): Promise<UnzipResult> {
  const zip = await openZip(zipPath);
  try {
    if (zip.entryCount > limits.maxFiles) {
      throw reject('TOO_MANY_FILES', `The package has ${zip.entryCount} entries; at most ${limits.maxFiles} are allowed.`, { entries: zip.entryCount, max: limits.maxFiles });
    }
    const names = new NameRegistry();
    const files: UnzippedFile[] = [];
    let totalBytes = 0;
    let done = 0;
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      const rawName = (yauzl as unknown as LowLevel).getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const checked = checkEntry({ ...entry, rawName });
      names.add(checked, rawName);
      if (!checked.isDirectory) {
        const claimed = entry.uncompressedSize;
        if (totalBytes + claimed > limits.maxUncompressedBytes) throw bomb(`unpacks to more than ${limits.maxUncompressedBytes} bytes`, rawName);
        const target = join(destination, ...checked.path.split('/'));
        // Belt and braces: the checked path cannot leave the folder, but never trust one check with the disk.
        if (relative(destination, target).startsWith(`..${sep}`) || relative(destination, target) === '..') throw reject('ZIP_SLIP', `The zip entry "${rawName}" would be written outside the package.`, { entry: rawName });
        await mkdir(dirname(target), { recursive: true });
        const meter = new InflateMeter(rawName, entry.compressedSize, limits, limits.maxUncompressedBytes - totalBytes);
        await pipeline(await openEntry(zip, entry), meter, createWriteStream(target, { flags: 'wx' }));
        if (meter.bytes !== claimed || (meter.crc >>> 0) !== entry.crc32 >>> 0) {
          throw reject('ZIP_CORRUPT', `The zip entry "${rawName}" is damaged (its size or checksum does not match its header).`, { entry: rawName });
        }
        totalBytes += meter.bytes;
        files.push({ path: checked.path, size: meter.bytes });
      }
      onProgress(++done, zip.entryCount);
    }
    return { files, totalBytes };
  } catch (err) {
    throw classify(err);
  } finally {
    zip.close();
  }
}

/** Counts and checksums inflated bytes, and stops the stream the moment a cap is passed. */
class InflateMeter extends Transform {
  bytes = 0;
  crc = 0;
  constructor(
    private name: string,
    private compressedSize: number,
    private limits: UnzipLimits,
    private budget: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.budget) return callback(bomb(`unpacks to more than ${this.limits.maxUncompressedBytes} bytes in total`, this.name));
    if (this.bytes > this.limits.ratioFloorBytes && this.bytes > this.limits.maxRatio * Math.max(this.compressedSize, 1)) {
      return callback(bomb(`inflates more than ${this.limits.maxRatio} times its compressed size`, this.name));
    }
    this.crc = crc32(chunk, this.crc);
    callback(null, chunk);
  }
}

function bomb(what: string, entry: string): PackageRejection {
  return reject('ZIP_BOMB', `The package looks like a zip bomb: "${entry}" ${what}.`, { entry });
}

/**
 * What yauzl or zlib reports about the archive is the package's fault
 * (damaged, or strongly encrypted); a disk error (ENOSPC, EACCES…) is ours
 * and stays as it is.
 */
function classify(err: unknown): unknown {
  if (err instanceof PackageRejection) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'EEXIST') return reject('DUPLICATE_NAME', 'The zip has two entries for the same file.');
  if (code && /^E[A-Z]+$/.test(code)) return err;
  if (/encrypt/i.test(message)) return reject('ENCRYPTED_ENTRY', 'The package contains encrypted entries; upload it without a password.');
  return reject('ZIP_CORRUPT', `The zip file is damaged: ${message}.`);
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, rejectPromise) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false, strictFileNames: true }, (err, zip) => {
      if (err || !zip) return rejectPromise(reject('NOT_A_ZIP', 'The file is not a zip archive (or its table of contents is damaged).', { cause: err?.message }));
      resolve(zip);
    });
  });
}

/** The next central-directory record, or null at the end. */
function nextEntry(zip: yauzl.ZipFile): Promise<RawEntry | null> {
  return new Promise((resolve, rejectPromise) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => (cleanup(), resolve(entry as RawEntry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (err: Error) => (cleanup(), rejectPromise(err));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, rejectPromise) => zip.openReadStream(entry, (err, stream) => (err || !stream ? rejectPromise(err ?? new Error('no stream')) : resolve(stream))));
}
