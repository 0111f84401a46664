import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip, type ZipEntrySpec } from '../../../../../test/fixtures/packages/zip-builder.js';
import { PackageRejection } from '../package-rejection.js';
import { safeUnzip, type UnzipLimits } from './safe-unzip.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mestring-unzip-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const LIMITS: UnzipLimits = { maxFiles: 50, maxUncompressedBytes: 64 * 1024 * 1024, maxRatio: 200, ratioFloorBytes: 1024 * 1024 };
let n = 0;

async function unzip(entries: ZipEntrySpec[] | Buffer, limits: Partial<UnzipLimits> = {}) {
  const zipPath = join(dir, `t${++n}.zip`);
  const target = join(dir, `t${n}`);
  await writeFile(zipPath, Buffer.isBuffer(entries) ? entries : buildZip(entries));
  const result = await safeUnzip(zipPath, target, { ...LIMITS, ...limits });
  return { result, target };
}

async function refusal(entries: ZipEntrySpec[] | Buffer, limits: Partial<UnzipLimits> = {}): Promise<PackageRejection> {
  try {
    await unzip(entries, limits);
  } catch (err) {
    if (err instanceof PackageRejection) return err;
    throw err;
  }
  throw new Error('the zip was accepted');
}

describe('safe unzip', () => {
  it('unpacks plain files and folders, counting what came out', async () => {
    const progress: [number, number][] = [];
    const zipPath = join(dir, 'plain.zip');
    await writeFile(zipPath, buildZip([{ name: 'a/' }, { name: 'a/b.txt', data: 'hello' }, { name: 'c.txt', data: 'x'.repeat(1000), method: 'store' }, { name: 'nested.zip', data: buildZip([{ name: 'inner.txt', data: 'hi' }]) }]));
    const result = await safeUnzip(zipPath, join(dir, 'plain'), LIMITS, (d, t) => progress.push([d, t]));
    expect(result.files.map((f) => f.path).sort()).toEqual(['a/b.txt', 'c.txt', 'nested.zip']);
    expect(result.totalBytes).toBe(5 + 1000 + result.files.find((f) => f.path === 'nested.zip')!.size);
    expect(await readFile(join(dir, 'plain', 'a', 'b.txt'), 'utf8')).toBe('hello');
    expect(progress.at(-1)).toEqual([4, 4]);
  });

  it.each([
    ['../evil.txt'],
    ['a/../../evil.txt'],
    ['/etc/passwd'],
    ['C:/Windows/evil.txt'],
    ['c:evil.txt'],
    ['..\\evil.txt'],
    ['a\\b.txt'],
  ])('refuses the entry name %s as ZIP_SLIP and writes nothing outside', async (name) => {
    const r = await refusal([{ name: 'ok.txt', data: 'ok' }, { name, data: 'pwned' }]);
    expect(r.reason).toBe('ZIP_SLIP');
    expect(await readdir(dir)).not.toContain('evil.txt');
  });

  it('refuses control characters in names', async () => {
    expect((await refusal([{ name: 'a\u0001b.txt', data: 'x' }])).reason).toBe('INVALID_FILE_NAME');
  });

  it('refuses symbolic links (unix mode in the external attributes)', async () => {
    expect((await refusal([{ name: 'link', data: '/etc/passwd', unixMode: 0o120777, method: 'store' }])).reason).toBe('SYMLINK');
    // A plain unix file is fine.
    await expect(unzip([{ name: 'file.txt', data: 'x', unixMode: 0o100644 }])).resolves.toBeDefined();
  });

  it('refuses encrypted entries', async () => {
    expect((await refusal([{ name: 'secret.txt', data: 'x', encrypted: true }])).reason).toBe('ENCRYPTED_ENTRY');
  });

  it('refuses compression methods other than store and deflate', async () => {
    expect((await refusal([{ name: 'a.txt', data: 'x', method: 12 }])).reason).toBe('UNSUPPORTED_COMPRESSION');
  });

  it('refuses duplicate names, names that differ only in case, and a file where a folder is needed', async () => {
    expect((await refusal([{ name: 'a.txt', data: '1' }, { name: 'a.txt', data: '2' }])).reason).toBe('DUPLICATE_NAME');
    expect((await refusal([{ name: 'dir/./a.txt', data: '1' }, { name: 'dir//a.txt', data: '2' }])).reason).toBe('DUPLICATE_NAME');
    expect((await refusal([{ name: 'Index.html', data: '1' }, { name: 'index.html', data: '2' }])).reason).toBe('DUPLICATE_NAME');
    expect((await refusal([{ name: 'a', data: '1' }, { name: 'a/b.txt', data: '2' }])).reason).toBe('DUPLICATE_NAME');
  });

  it('refuses more entries than allowed before unpacking any', async () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' }));
    const r = await refusal(entries, { maxFiles: 5 });
    expect(r.reason).toBe('TOO_MANY_FILES');
  });

  it('stops a zip bomb by its compression ratio while inflating', async () => {
    const r = await refusal([{ name: 'zeros.bin', data: Buffer.alloc(16 * 1024 * 1024) }]);
    expect(r.reason).toBe('ZIP_BOMB');
  });

  it('stops at the total size cap even when the header claims a small size', async () => {
    // Incompressible data, so the ratio check cannot be what stops it: the byte count does.
    const r = await refusal([{ name: 'big.bin', data: randomBytes(3 * 1024 * 1024), claimedSize: 1000 }], { maxUncompressedBytes: 2 * 1024 * 1024 });
    expect(r.reason).toBe('ZIP_BOMB');
  });

  it('stops a ratio bomb whose header claims a tiny size', async () => {
    const r = await refusal([{ name: 'zeros.bin', data: Buffer.alloc(16 * 1024 * 1024), claimedSize: 10 }]);
    expect(r.reason).toBe('ZIP_BOMB');
  });

  it('refuses honest headers that add up past the cap without inflating them', async () => {
    const r = await refusal([{ name: 'a.bin', data: randomBytes(600 * 1024), method: 'store' }, { name: 'b.bin', data: randomBytes(600 * 1024), method: 'store' }], { maxUncompressedBytes: 1024 * 1024 });
    expect(r.reason).toBe('ZIP_BOMB');
  });

  it('lets a small file with a huge ratio through (below the ratio floor)', async () => {
    await expect(unzip([{ name: 'spaces.html', data: ' '.repeat(500 * 1024) }])).resolves.toBeDefined();
  });

  it('refuses entries whose size or checksum does not match the header', async () => {
    expect((await refusal([{ name: 'a.txt', data: 'hello world', claimedSize: 5000 }])).reason).toBe('ZIP_CORRUPT');
    expect((await refusal([{ name: 'a.txt', data: 'hello world', crc: 1234 }])).reason).toBe('ZIP_CORRUPT');
  });

  it('refuses something that is not a zip', async () => {
    expect((await refusal(Buffer.from('this is not a zip file at all'))).reason).toBe('NOT_A_ZIP');
    expect((await refusal(Buffer.alloc(0))).reason).toBe('NOT_A_ZIP');
  });
});
