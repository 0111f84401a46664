import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Cmi5Course } from '../../../shared/api/cmi5.js';
import { withTenant } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../http/context.js';
import type { Actor } from '../audit/audit.repository.js';
import { CMI5_MANIFEST_FILE } from '../packages/manifest/cmi5.parse.js';
import { processUpload } from '../packages/package-upload.service.js';
import { PackageRejection } from '../packages/package-rejection.js';
import { packageStorage } from '../packages/package-storage.factory.js';
import { findUpload, insertUpload } from '../packages/package-uploads.repository.js';
import { loadCourse, presentCourse } from './cmi5.courses.js';
import { findVersionSummary } from './cmi5.repository.js';
import { singleFileZip } from './cmi5-zip.js';

// Importing a cmi5 course (cmi5 6.1, 14): a zip, or a bare cmi5.xml whose AUs
// are hosted elsewhere (14.2). It goes through the package pipeline
// (modules/packages: safe unzip, course structure validation, storage,
// audit) and, unlike the browser upload, the caller waits for the outcome,
// so a machine client gets the course, or why it was refused, in the answer.
// The pipeline refuses a package that is not cmi5 before anything is stored.

export type CourseUpload = { fileName: string; stream: Readable; format: 'zip' | 'xml' };

class ByteLimit extends Transform {
  bytes = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.max) return done(new AppError('PAYLOAD_TOO_LARGE', `The package is larger than ${Math.round(this.max / 1024 / 1024)} MiB.`, { reason: 'UPLOAD_TOO_LARGE', maxBytes: this.max }));
    done(null, chunk);
  }
}

async function receive(upload: CourseUpload, zipPath: string, maxBytes: number): Promise<void> {
  if (upload.format === 'zip') {
    await pipeline(upload.stream, new ByteLimit(maxBytes), createWriteStream(zipPath, { flags: 'wx' }));
    return;
  }
  const chunks: Buffer[] = [];
  await pipeline(upload.stream, new ByteLimit(maxBytes), async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) chunks.push(chunk);
  });
  await writeFile(zipPath, singleFileZip(CMI5_MANIFEST_FILE, Buffer.concat(chunks)), { flag: 'wx' });
}

export async function importCourse(ctx: RequestContext, caller: Actor, m: string, upload: CourseUpload): Promise<Cmi5Course> {
  const storage = packageStorage(ctx.config);
  const uploadId = randomUUID();
  const zipPath = join(storage.incomingFolder, `${uploadId}.zip`);
  await mkdir(storage.incomingFolder, { recursive: true });
  try {
    await receive(upload, zipPath, ctx.config.packageLimits.maxUploadBytes);
  } catch (err) {
    await rm(zipPath, { force: true });
    if (err instanceof PackageRejection) throw err.toAppError();
    throw err;
  }
  const { size: sizeBytes } = await stat(zipPath);
  await withTenant(ctx.db, m, (tx) => insertUpload(tx, m, { id: uploadId, fileName: upload.fileName.slice(0, 255), sizeBytes, createdBy: caller.userId }));
  await processUpload(ctx, caller, m, uploadId, { expect: 'cmi5' });

  return withTenant(ctx.db, m, async (tx) => {
    const done = await findUpload(tx, m, uploadId);
    if (done?.phase === 'rejected') {
      throw new AppError('PACKAGE_INVALID', done.message ?? 'The package was refused.', { reason: done.reason, uploadId, ...((done.details as object | null) ?? {}) });
    }
    if (done?.phase !== 'stored' || !done.package_version_id) throw new AppError('INTERNAL', done?.message ?? 'The package could not be stored.', { uploadId });
    const version = await findVersionSummary(tx, m, done.package_version_id);
    const course = version && (await loadCourse(tx, ctx.config.publicUrl, m, version.packageId, version.versionId));
    if (!version || !course) throw new AppError('INTERNAL', 'The stored package is not a cmi5 course.', { uploadId });
    return presentCourse(course, version);
  });
}
