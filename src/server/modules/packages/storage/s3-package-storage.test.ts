import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageKey } from './package-storage.js';
import { S3StorageError } from './s3-client.js';
import { S3PackageStorage } from './s3-package-storage.js';
import { closedPort, startS3Target, type S3TestTarget } from './s3-test-server.js';

// The S3 package storage against a real S3-compatible server: s3rver in this
// process by default, or the server named by S3_TEST_ENDPOINT (with
// S3_TEST_BUCKET, S3_TEST_ACCESS_KEY_ID, S3_TEST_SECRET_ACCESS_KEY) when set;
// see s3-test-server.ts.

let target: S3TestTarget;
let scratch: string;
let storage: S3PackageStorage;
beforeAll(async () => {
  target = await startS3Target();
  scratch = await mkdtemp(join(tmpdir(), 'mestring-s3-storage-'));
  storage = new S3PackageStorage(target.settings, { incomingFolder: join(scratch, 'incoming') });
});
afterAll(async () => {
  // Leave an external bucket as it was found.
  if (storage) {
    const left = await storage.client.listKeys(target.settings.prefix);
    for (let i = 0; i < left.length; i += 1000) await storage.client.deleteObjects(left.slice(i, i + 1000));
  }
  await target?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const newKey = (version = 1, packageId = randomUUID()): PackageKey => ({ municipalityId: randomUUID(), packageId, version });

/** A local folder with the given files (path → content), as an unpacked upload leaves it. */
async function folderWith(files: Record<string, string | Buffer>): Promise<string> {
  const folder = join(scratch, randomUUID());
  await mkdir(folder, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  return folder;
}

const read = async (key: PackageKey, path: string, range?: { start: number; end: number }) => {
  const file = await storage.readFile(key, path, range);
  return file && { ...file, body: await text(file.stream) };
};
const exists = (path: string) => stat(path).then(() => true, () => false);

describe(`S3 package storage (${process.env.S3_TEST_ENDPOINT ? 'S3_TEST_ENDPOINT' : 's3rver'})`, () => {
  it('stores a folder, then reads files whole and by byte range, and stats them', async () => {
    const key = newKey();
    const large = Buffer.alloc(6 * 1024 * 1024, 'abcdefgh');
    large.write('THE END', large.length - 7);
    const folder = await folderWith({
      'imsmanifest.xml': '<manifest/>',
      'index.html': '<!doctype html><title>Lesson</title>',
      'css/style.css': 'body { color: black }',
      'media/video.mp4': large,
      'ø å/a b+c(1)!.txt': 'odd name',
      'empty.txt': '',
    });
    await storage.putTree(key, folder);
    expect(await exists(folder)).toBe(false);

    const index = await read(key, 'index.html');
    expect(index?.body).toBe('<!doctype html><title>Lesson</title>');
    expect(index?.size).toBe(36);
    expect(index?.modified.getTime()).toBeGreaterThan(Date.now() - 600_000);
    expect((await read(key, 'css/style.css', { start: 0, end: 3 }))?.body).toBe('body');
    const tail = await read(key, 'media/video.mp4', { start: large.length - 7, end: large.length - 1 });
    expect(tail).toMatchObject({ body: 'THE END', size: 7 });
    expect((await read(key, 'ø å/a b+c(1)!.txt'))?.body).toBe('odd name');
    expect((await read(key, './ø å//a b+c(1)!.txt'))?.body).toBe('odd name');
    expect(await read(key, 'empty.txt')).toMatchObject({ body: '', size: 0 });

    expect(await storage.statFile(key, 'media/video.mp4')).toMatchObject({ size: large.length });
    expect(await storage.statFile(key, 'empty.txt')).toMatchObject({ size: 0 });
    // Each object carries its type, for anyone reading the bucket directly.
    const prefix = storage.versionPrefix(key);
    expect((await storage.client.headObject(`${prefix}css/style.css`))?.contentType).toBe('text/css');
    expect((await storage.client.headObject(`${prefix}media/video.mp4`))?.contentType).toBe('video/mp4');
    // The layout mirrors the disk, with the completion marker beside the version's folder.
    expect((await storage.client.listKeys(prefix)).sort()).toEqual(
      ['css/style.css', 'empty.txt', 'imsmanifest.xml', 'index.html', 'media/video.mp4', 'ø å/a b+c(1)!.txt'].map((p) => prefix + p).sort(),
    );
    expect(storage.markerKey(key)).toBe(`${prefix.slice(0, -1)}.mestring-complete`);
  });

  it('answers null for a path that is not in the version, and for one that climbs out of it', async () => {
    const packageId = randomUUID();
    const v1 = newKey(1, packageId);
    const v2 = { ...v1, version: 2 };
    await storage.putTree(v1, await folderWith({ 'index.html': 'one' }));
    await storage.putTree(v2, await folderWith({ 'index.html': 'two', 'secret.txt': 'of version two' }));
    expect(await storage.readFile(v1, 'nope.html')).toBeNull();
    expect(await storage.statFile(v1, 'nope.html')).toBeNull();
    // The file exists one folder up; ".." must never reach S3 (a URL would even resolve it).
    expect((await read(v2, 'secret.txt'))?.body).toBe('of version two');
    for (const path of ['../2/secret.txt', 'x/../../2/secret.txt', '/2/secret.txt', '..\\2\\secret.txt', '', '.', 'a\u0000b']) {
      expect(await storage.readFile(v1, path), path).toBeNull();
      expect(await storage.statFile(v1, path), path).toBeNull();
    }
    // A folder is not a file.
    await storage.putTree(newKey(), await folderWith({ 'css/style.css': 'x' }));
    expect(await storage.readFile(v1, 'css')).toBeNull();
  });

  it('keeps a version invisible until its completion marker is written', async () => {
    const key = newKey();
    const prefix = storage.versionPrefix(key);
    // What an upload that stopped half way (a crash) leaves: files, no marker.
    for (const path of ['index.html', 'a.js']) {
      await storage.client.putObject(prefix + path, { open: () => new TextEncoder().encode(`file ${path}`), size: 5 + path.length, contentType: 'text/plain' });
    }
    expect(await storage.client.listKeys(prefix)).toHaveLength(2);
    expect(await storage.readFile(key, 'index.html')).toBeNull();
    expect(await storage.statFile(key, 'index.html')).toBeNull();
    // The absence is not remembered: once the marker is there, the version is.
    const marker = new TextEncoder().encode('{}');
    await storage.client.putObject(storage.markerKey(key), { open: () => marker, size: marker.byteLength, contentType: 'application/json' });
    expect((await read(key, 'index.html'))?.body).toBe('file index.html');
    expect(await storage.statFile(key, 'a.js')).toMatchObject({ size: 9 });
  });

  it('never overwrites a complete version', async () => {
    const key = newKey();
    await storage.putTree(key, await folderWith({ 'index.html': 'first' }));
    const again = await folderWith({ 'index.html': 'second', 'extra.html': 'x' });
    await expect(storage.putTree(key, again)).rejects.toThrow(/already exists.*never overwritten/);
    expect((await read(key, 'index.html'))?.body).toBe('first');
    expect(await storage.readFile(key, 'extra.html')).toBeNull();
  });

  it('leaves nothing behind when an upload fails half way (a link in the folder is refused, never followed)', async () => {
    const key = newKey();
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`f${String(i).padStart(2, '0')}.txt`] = `file ${i}`;
    const folder = await folderWith(files);
    // Sorted last, so the files before it are uploaded (or in flight) when it fails.
    await symlink('/etc/hostname', join(folder, 'zz-link.txt'));
    await expect(storage.putTree(key, folder)).rejects.toThrow(/zz-link\.txt.*not a regular file/);
    expect(await storage.client.listKeys(storage.versionPrefix(key))).toEqual([]);
    expect(await storage.client.getObject(storage.markerKey(key))).toBeNull();
    expect(await storage.readFile(key, 'f00.txt')).toBeNull();
    expect(await exists(folder)).toBe(false);
    // The same key can then be stored for real.
    await storage.putTree(key, await folderWith({ 'f00.txt': 'again' }));
    expect((await read(key, 'f00.txt'))?.body).toBe('again');
  });

  it('fails with the bucket named when the bucket does not exist, for writing and for reading', async () => {
    const missing = new S3PackageStorage(target.missingBucket, { incomingFolder: join(scratch, 'incoming') });
    const key = newKey();
    const folder = await folderWith({ 'index.html': 'x' });
    const failure = await missing.putTree(key, folder).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(S3StorageError);
    expect((failure as Error).message).toContain(`bucket "${target.missingBucket.bucket}"`);
    expect((failure as Error).message).toMatch(/NoSuchBucket|404/);
    expect(await exists(folder)).toBe(false);
    await expect(missing.readFile(key, 'index.html')).rejects.toThrow(target.missingBucket.bucket);
    await expect(missing.statFile(key, 'index.html')).rejects.toThrow(target.missingBucket.bucket);
  });

  it('deletes every object of a version, paging through listings and batching deletes, and no other version', async () => {
    const small = new S3PackageStorage(target.settings, { incomingFolder: join(scratch, 'incoming'), listPageSize: 7, deleteBatchSize: 5 });
    const packageId = randomUUID();
    const v1 = newKey(1, packageId);
    const v10 = { ...v1, version: 10 };
    const files: Record<string, string> = {};
    for (let i = 0; i < 23; i++) files[`dir${i % 3}/file-${i}.txt`] = `content ${i}`;
    await small.putTree(v1, await folderWith(files));
    await small.putTree(v10, await folderWith({ 'index.html': 'ten', 'a/b.txt': 'b' }));
    expect(await small.client.listKeys(small.versionPrefix(v1), 7)).toHaveLength(23);
    // Seen complete (and remembered) before the delete.
    expect((await small.readFile(v1, 'dir0/file-0.txt'))?.size).toBe(9);

    await small.deleteTree(v1);
    expect(await small.client.listKeys(small.versionPrefix(v1))).toEqual([]);
    expect(await small.client.getObject(small.markerKey(v1))).toBeNull();
    expect(await small.readFile(v1, 'dir0/file-0.txt')).toBeNull();
    expect(await small.statFile(v1, 'dir0/file-0.txt')).toBeNull();
    // "…/1/" is not a prefix of "…/10/".
    expect((await small.readFile(v10, 'index.html'))?.size).toBe(3);
    expect(await small.client.listKeys(small.versionPrefix(v10))).toHaveLength(2);
    // Deleting what is not there is fine.
    await small.deleteTree(v1);
    await small.deleteTree(newKey());
  });

  it('reports refused credentials as an error, never as a missing file, and does not print the secret', async () => {
    const key = newKey();
    await storage.putTree(key, await folderWith({ 'index.html': 'x' }));
    const denied = new S3PackageStorage(target.badCredentials, { incomingFolder: join(scratch, 'incoming') });
    for (const attempt of [() => denied.readFile(key, 'index.html'), () => denied.statFile(key, 'index.html'), () => denied.deleteTree(key)]) {
      const failure = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(S3StorageError);
      expect((failure as S3StorageError).status).toBe(403);
      expect((failure as Error).message).toContain(`bucket "${target.settings.bucket}"`);
      expect((failure as Error).message).not.toContain(target.badCredentials.secretAccessKey);
    }
    await expect(denied.putTree(newKey(), await folderWith({ 'a.txt': 'a' }))).rejects.toThrow(/HTTP 403/);
    // Nothing was deleted by the refused call.
    expect((await read(key, 'index.html'))?.body).toBe('x');
  });

  it('reports an unreachable server as an error naming the bucket and the endpoint', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const down = new S3PackageStorage({ ...target.settings, endpoint }, { incomingFolder: join(scratch, 'incoming') });
    await expect(down.readFile(newKey(), 'index.html')).rejects.toThrow(new RegExp(`bucket "${target.settings.bucket}" at ${endpoint} failed`));
    await expect(down.statFile(newKey(), 'index.html')).rejects.toThrow(S3StorageError);
  });

  it('refuses keys that are not a municipality, a package and a version number', async () => {
    await expect(storage.readFile({ municipalityId: '../x', packageId: randomUUID(), version: 1 }, 'a')).rejects.toThrow('invalid package key');
    await expect(storage.deleteTree({ municipalityId: randomUUID(), packageId: randomUUID(), version: 0 })).rejects.toThrow('invalid package key');
  });
});
