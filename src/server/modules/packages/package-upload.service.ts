import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PackageUpload, UploadPhase } from '../../../shared/api/packages.js';
import { withTenant } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type AppDeps, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import { recordAudit, type Actor } from '../audit/audit.repository.js';
import { scormItemActivityId } from './activity-ids.js';
import { inspectPackage, type InspectedPackage } from './manifest/package-inspect.js';
import { PackageRejection, reject, type PackageRejectionReason } from './package-rejection.js';
import { packageStorage } from './package-storage.factory.js';
import * as uploads from './package-uploads.repository.js';
import * as repo from './packages.repository.js';
import { packagesPolicy } from './packages.policy.js';
import type { PackageKey } from './storage/package-storage.js';
import { safeUnzip } from './zip/safe-unzip.js';

const PROGRESS_WRITE_MS = 250;
/** An upload whose status has not moved for this long was cut off by a stopped server. */
const STALE_MS = 15 * 60_000;
/** Leftovers of uploads a stopped server never finished are swept after a day. */
const INCOMING_MAX_AGE_MS = 24 * 3600_000;
const RATIO_FLOOR_BYTES = 1024 * 1024;
const TERMINAL: UploadPhase[] = ['stored', 'rejected', 'failed'];

export function assertCanManagePackages(ctx: RequestContext, municipalityId: string): void {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!packagesPolicy.manage(p, municipalityId)) throw AppError.forbidden();
}

function present(r: uploads.UploadRecord, now = Date.now()): PackageUpload {
  let phase = r.phase;
  let problem = r.reason ? { reason: r.reason as PackageRejectionReason, message: r.message ?? '', details: (r.details as Record<string, unknown>) ?? {} } : null;
  if (!TERMINAL.includes(phase) && now - r.updated_at.getTime() > STALE_MS) {
    phase = 'failed';
    problem = { reason: 'INTERRUPTED', message: 'The upload was interrupted (the server stopped while handling it). Nothing was kept; upload the package again.', details: {} };
  }
  const percent =
    { received: 5, unpacking: 5 + Math.floor((75 * r.files_done) / Math.max(r.files_total, 1)), validating: 85, storing: 95, stored: 100, rejected: 100, failed: 100 }[phase];
  return {
    id: r.id,
    fileName: r.file_name,
    sizeBytes: r.size_bytes,
    phase,
    percent: Math.min(100, percent),
    files: { done: r.files_done, total: r.files_total },
    phases: r.phases as PackageUpload['phases'],
    problem,
    packageId: r.package_id,
    packageVersionId: r.package_version_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function getUpload(ctx: RequestContext, municipalityId: string, uploadId: string): Promise<PackageUpload> {
  assertCanManagePackages(ctx, municipalityId);
  const row = await withTenant(ctx.db, municipalityId, (tx) => uploads.findUpload(tx, municipalityId, uploadId));
  if (!row) throw AppError.notFound('Upload');
  return present(row);
}

/**
 * Step 1, in the request: stream the zip to scratch space on the package
 * disk (never into memory), record the upload, answer 202 with its status.
 * Step 2 runs in the background (processUpload).
 */
export async function receiveUpload(ctx: RequestContext, municipalityId: string, file: { fileName: string; stream: Readable & { truncated?: boolean } }): Promise<PackageUpload> {
  assertCanManagePackages(ctx, municipalityId);
  const storage = packageStorage(ctx.config);
  const id = randomUUID();
  const zipPath = join(storage.incomingFolder, `${id}.zip`);
  await mkdir(storage.incomingFolder, { recursive: true });
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `The package is larger than ${Math.round(ctx.config.packageLimits.maxUploadBytes / 1024 / 1024)} MiB.`, {
      reason: 'UPLOAD_TOO_LARGE',
      maxBytes: ctx.config.packageLimits.maxUploadBytes,
    });
  try {
    await pipeline(file.stream, createWriteStream(zipPath, { flags: 'wx' }));
    if (file.stream.truncated) throw tooLarge();
  } catch (err) {
    await rm(zipPath, { force: true });
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  const { size } = await stat(zipPath);
  await withTenant(ctx.db, municipalityId, (tx) => uploads.insertUpload(tx, municipalityId, { id, fileName: file.fileName.slice(0, 255), sizeBytes: size, createdBy: ctx.principal!.userId }));
  // Read the answer before the job starts: on the embedded database a read queued behind the job would wait for it.
  const accepted = await getUpload(ctx, municipalityId, id);
  const actor = actorOf(ctx);
  ctx.jobs.run('package-upload', () => processUpload(ctx, actor, municipalityId, id));
  return accepted;
}

const FAMILY_MISSING = {
  cmi5: 'This is not a cmi5 course: the package has no cmi5.xml at its root.',
  scorm: 'This is not a SCORM package: it has no imsmanifest.xml at its root.',
} as const;

/**
 * Unpack → validate → store. A refusal or a failure leaves no files and no
 * package rows, only the upload's status. With `expect`, a package of the
 * other family is refused (the cmi5 import API takes only cmi5 courses).
 */
export async function processUpload(deps: AppDeps, actor: Actor, municipalityId: string, uploadId: string, options: { expect?: 'scorm' | 'cmi5' } = {}): Promise<void> {
  const storage = packageStorage(deps.config);
  const zipPath = join(storage.incomingFolder, `${uploadId}.zip`);
  const workFolder = join(storage.incomingFolder, uploadId);
  const filesFolder = join(workFolder, 'files');
  const setPhase = (phase: UploadPhase | null, change: uploads.UploadChange = {}) =>
    withTenant(deps.db, municipalityId, (tx) => uploads.updateUpload(tx, municipalityId, uploadId, phase, change));
  let stored = null as PackageKey | null;
  let reservedPackage: string | null = null;
  try {
    await sweepAbandoned(storage.incomingFolder);
    await setPhase('unpacking');
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const limits = deps.config.packageLimits;
    const unzipped = await safeUnzip(
      zipPath,
      filesFolder,
      { maxFiles: limits.maxFiles, maxUncompressedBytes: limits.maxUnpackedBytes, maxRatio: limits.maxRatio, ratioFloorBytes: RATIO_FLOOR_BYTES },
      (done, total) => {
        if (Date.now() - lastWrite < PROGRESS_WRITE_MS && done < total) return;
        lastWrite = Date.now();
        writing = writing.then(() => setPhase(null, { files_done: done, files_total: total }));
      },
    );
    await writing;
    await setPhase('validating');
    const inspected = await inspectPackage(filesFolder, unzipped.files.map((f) => f.path));
    if (options.expect && inspected.family !== options.expect) throw reject('MANIFEST_MISSING', FAMILY_MISSING[options.expect]);
    await setPhase('storing');
    // Three steps, so that no transaction stays open while the files are
    // stored (on S3 that is an upload of every file, and on the embedded
    // database an open transaction holds up every other request): hand out
    // the version number, store the files, then record the version.
    const { packageId, version } = await withTenant(deps.db, municipalityId, (tx) =>
      repo.reserveVersion(tx, municipalityId, { family: inspected.family, identifier: inspected.identifier, title: inspected.title, createdBy: actor.userId }),
    );
    const key = { municipalityId, packageId, version };
    reservedPackage = packageId;
    await storage.putTree(key, filesFolder);
    stored = key;
    await withTenant(deps.db, municipalityId, async (tx) => {
      if (!(await repo.lockPackage(tx, municipalityId, packageId))) {
        throw reject('PACKAGE_DELETED', 'The package was deleted while this upload was being stored. Upload it again.');
      }
      const versionId = await repo.insertVersion(
        tx,
        municipalityId,
        { packageId, version, kind: inspected.kind, title: inspected.title, manifest: inspected.manifest, fileCount: unzipped.files.length, sizeBytes: unzipped.totalBytes, uploadedBy: actor.userId },
        launchableRows(deps.config.publicUrl, packageId, inspected),
      );
      await uploads.updateUpload(tx, municipalityId, uploadId, 'stored', { package_id: packageId, package_version_id: versionId });
      await recordAudit(tx, municipalityId, actor, {
        action: 'package.version.create',
        entityType: 'package_version',
        entityId: versionId,
        after: { packageId, version, kind: inspected.kind, title: inspected.title, identifier: inspected.identifier, fileCount: unzipped.files.length, sizeBytes: unzipped.totalBytes },
      });
    });
    stored = null;
  } catch (err) {
    if (stored) await storage.deleteTree(stored).catch((e) => deps.log.error({ err: e, uploadId }, 'could not remove the files of an upload that failed to commit'));
    // A package created for this upload and left without versions goes too (its reserved number is simply never used).
    if (reservedPackage) await withTenant(deps.db, municipalityId, (tx) => repo.deletePackageIfEmpty(tx, municipalityId, reservedPackage!)).catch((e) => deps.log.error({ err: e, uploadId }, 'could not remove an empty package'));
    if (err instanceof PackageRejection) {
      await setPhase('rejected', { reason: err.reason, message: err.message, details: JSON.stringify(err.details) });
    } else {
      deps.log.error({ err, uploadId }, 'package upload failed');
      await setPhase('failed', { reason: 'STORAGE_FAILED', message: 'The package could not be stored because of a problem on our side. Nothing was kept; try again.', details: '{}' });
    }
  } finally {
    await rm(workFolder, { recursive: true, force: true });
    await rm(zipPath, { force: true });
  }
}

function launchableRows(publicUrl: string, packageId: string, inspected: InspectedPackage): repo.LaunchableRow[] {
  return inspected.launchables.map((l, position) => ({
    position,
    identifier: l.identifier,
    activity_id: l.activityId ?? scormItemActivityId(publicUrl, packageId, l.identifier),
    title: l.title.slice(0, 1000),
    kind: l.kind,
    launch_url: l.launchUrl,
    external: l.external,
    details: l.details,
  }));
}

async function sweepAbandoned(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > INCOMING_MAX_AGE_MS) await rm(path, { recursive: true, force: true });
  }
}
