import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LearningAsset } from '../../../../shared/api/courses.js';
import { withTenant } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { parseRange } from '../../packages/content/content.routes.js';
import { ANY_ASSET_MAX_BYTES, ASSET_MAX_BYTES, SNIFF_BYTES, sniffAsset } from './asset-sniff.js';
import { authorableCourse } from './course-authoring.service.js';
import { ASSET_FILE, assetKey, assetStorage, assetStorageKey } from './course-asset-storage.js';
import { findCourseItem } from './course-items.repository.js';
import { coursesPolicy } from './courses.policy.js';

// Images, films and captions of a course. An upload is received on local
// disk, identified by its bytes, checked against its kind's size cap, stored
// (no transaction open meanwhile), and only then recorded; a refusal or a
// failure leaves neither files nor a row.

type AssetRow = { id: string; file_name: string; content_type: string; size_bytes: number; created_at: Date };

export const assetUrl = (municipalityId: string, assetId: string) => `/api/v1/municipalities/${municipalityId}/learning/assets/${assetId}`;

const kindOf = (contentType: string): LearningAsset['kind'] => (contentType.startsWith('image/') ? 'image' : contentType.startsWith('video/') ? 'video' : 'captions');

function present(municipalityId: string, row: AssetRow): LearningAsset {
  return {
    id: row.id,
    kind: kindOf(row.content_type),
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    url: assetUrl(municipalityId, row.id),
    createdAt: row.created_at.toISOString(),
  };
}

const tooLarge = (maxBytes: number, what: string) =>
  new AppError('PAYLOAD_TOO_LARGE', `${what} may be at most ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MiB.`, { reason: 'ASSET_TOO_LARGE', maxBytes });

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function uploadLimits() {
  return { fileSize: ANY_ASSET_MAX_BYTES, files: 1 };
}

export async function assertCanUpload(ctx: RequestContext, municipalityId: string, itemId: string): Promise<void> {
  assertMunicipalityVisible(requirePrincipal(ctx), municipalityId);
  await withTenant(ctx.db, municipalityId, (tx) => authorableCourse(ctx, tx, municipalityId, itemId));
}

export async function uploadAsset(ctx: RequestContext, municipalityId: string, itemId: string, file: { fileName: string; stream: Readable & { truncated?: boolean } }): Promise<LearningAsset> {
  await assertCanUpload(ctx, municipalityId, itemId);
  const storage = assetStorage(ctx.config, municipalityId);
  const assetId = randomUUID();
  const folder = join(storage.incomingFolder, assetId);
  const path = join(folder, ASSET_FILE);
  const fileName = (file.fileName.replace(/[\u0000-\u001f/\\]/g, '_').trim() || 'file').slice(0, 255);
  let stored = false;
  try {
    await mkdir(folder, { recursive: true });
    try {
      await pipeline(file.stream, createWriteStream(path, { flags: 'wx' }));
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(ANY_ASSET_MAX_BYTES, 'A file');
      throw err;
    }
    if (file.stream.truncated) throw tooLarge(ANY_ASSET_MAX_BYTES, 'A file');
    const { size } = await stat(path);
    if (size === 0) throw AppError.validation('The file is empty.', { field: 'file', reason: 'EMPTY_FILE' });
    const sniffed = sniffAsset(await readHead(path));
    if ('refused' in sniffed) {
      throw new AppError(
        'UNSUPPORTED_FILE',
        sniffed.refused === 'SVG_NOT_ALLOWED'
          ? 'SVG images are not accepted, because they can carry script. Save the picture as PNG, JPEG or WebP.'
          : 'Upload a picture (PNG, JPEG, WebP or GIF), a film (MP4 or WebM) or captions (WebVTT).',
        { reason: sniffed.refused },
      );
    }
    if (size > ASSET_MAX_BYTES[sniffed.kind]) throw tooLarge(ASSET_MAX_BYTES[sniffed.kind], { image: 'A picture', video: 'A film', captions: 'A captions file' }[sniffed.kind]);

    await storage.putTree(assetKey(itemId, assetId), folder);
    stored = true;
    const row = await withTenant(ctx.db, municipalityId, async (tx) => {
      // The course may have gone while the file was stored.
      await authorableCourse(ctx, tx, municipalityId, itemId);
      const inserted = await tx
        .insertInto('learning_assets')
        .values({
          municipality_id: municipalityId,
          id: assetId,
          item_id: itemId,
          file_name: fileName,
          content_type: sniffed.contentType,
          size_bytes: size,
          storage_key: assetStorageKey(municipalityId, itemId, assetId),
          created_by: ctx.principal!.userId,
        })
        .returning(['id', 'file_name', 'content_type', 'size_bytes', 'created_at'])
        .executeTakeFirstOrThrow();
      await recordAudit(tx, municipalityId, actorOf(ctx), {
        action: 'course.asset.upload',
        entityType: 'learning_item',
        entityId: itemId,
        after: { assetId, fileName, contentType: sniffed.contentType, sizeBytes: size },
      });
      return inserted;
    });
    return present(municipalityId, row);
  } catch (err) {
    if (stored) await storage.deleteTree(assetKey(itemId, assetId)).catch(() => {});
    throw err;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export type ServedAsset = {
  contentType: string;
  fileName: string;
  size: number;
  modified: Date;
  range: { start: number; end: number } | null;
  stream: Readable;
};

/** The asset's bytes (or one byte range), for anyone who may read its course. */
export async function openAsset(ctx: RequestContext, municipalityId: string, assetId: string, rangeHeader: string | undefined): Promise<ServedAsset | { unsatisfiable: number }> {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const row = await withTenant(ctx.db, municipalityId, async (tx) => {
    const asset = await tx
      .selectFrom('learning_assets')
      .select(['id', 'item_id', 'file_name', 'content_type'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', assetId)
      .executeTakeFirst();
    if (!asset) return null;
    const item = await findCourseItem(tx, municipalityId, asset.item_id);
    return item && coursesPolicy.readContent(p, municipalityId, item) ? asset : null;
  });
  // Assets of a course the caller may not read do not exist for them.
  if (!row) throw AppError.notFound('File');
  const storage = assetStorage(ctx.config, municipalityId);
  const key = assetKey(row.item_id, row.id);
  const info = await storage.statFile(key, ASSET_FILE);
  if (!info) throw AppError.notFound('File');
  const range = parseRange(rangeHeader, info.size);
  if (range === 'unsatisfiable') return { unsatisfiable: info.size };
  const file = await storage.readFile(key, ASSET_FILE, range ?? undefined);
  if (!file) throw AppError.notFound('File');
  return { contentType: row.content_type, fileName: row.file_name, size: info.size, modified: info.modified, range, stream: file.stream };
}
