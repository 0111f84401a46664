import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { TenantTx } from '../../db/tenant.js';
import type { UploadPhase } from '../../../shared/api/packages.js';

export function findUpload(tx: TenantTx, municipalityId: string, uploadId: string) {
  return tx
    .selectFrom('package_uploads')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', uploadId)
    .executeTakeFirst();
}

export type UploadRecord = NonNullable<Awaited<ReturnType<typeof findUpload>>>;

export async function insertUpload(tx: TenantTx, municipalityId: string, u: { id: string; fileName: string; sizeBytes: number; createdBy: string | null }) {
  await tx
    .insertInto('package_uploads')
    .values({
      municipality_id: municipalityId,
      id: u.id,
      file_name: u.fileName,
      size_bytes: u.sizeBytes,
      phase: 'received',
      phases: JSON.stringify([{ phase: 'received', at: new Date().toISOString() }]),
      created_by: u.createdBy,
    })
    .execute();
}

export type UploadChange = Partial<{
  files_done: number;
  files_total: number;
  reason: string;
  message: string;
  details: string;
  package_id: string;
  package_version_id: string;
}>;

/**
 * Moves the upload to a phase (appending it to the phase history when it is
 * new) and/or records progress. Runs in the caller's transaction or alone.
 */
export async function updateUpload(db: Kysely<DB> | TenantTx, municipalityId: string, uploadId: string, phase: UploadPhase | null, change: UploadChange = {}): Promise<void> {
  const now = new Date();
  await db
    .updateTable('package_uploads')
    .set({
      ...change,
      updated_at: now,
      ...(phase
        ? {
            phase,
            // The history gets a phase once, however often progress within it is written.
            phases: sql<string>`case when phase = ${phase} then phases else phases || ${JSON.stringify([{ phase, at: now.toISOString() }])}::jsonb end`,
          }
        : {}),
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', uploadId)
    .execute();
}
