import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.js';

// SQL for packages, versions and launchables. Every call names the municipality.

export type LaunchableRow = {
  position: number;
  identifier: string;
  activity_id: string;
  title: string;
  kind: 'sco' | 'asset' | 'au';
  launch_url: string;
  external: boolean;
  details: Record<string, unknown>;
};

/** The package with this family and manifest key, created when new; locked for the rest of the transaction. */
/** Finds or creates the package of this family and identifier and hands out its next version number (see migration 0010). */
export async function reserveVersion(tx: TenantTx, municipalityId: string, key: { family: 'scorm' | 'cmi5'; identifier: string; title: string; createdBy: string | null }) {
  await tx
    .insertInto('packages')
    .values({ municipality_id: municipalityId, family: key.family, identifier: key.identifier, title: key.title, created_by: key.createdBy })
    .onConflict((oc) => oc.columns(['municipality_id', 'family', 'identifier']).doNothing())
    .execute();
  const row = await tx
    .updateTable('packages')
    .set((eb) => ({ reserved_version: eb('reserved_version', '+', 1) }))
    .where('municipality_id', '=', municipalityId)
    .where('family', '=', key.family)
    .where('identifier', '=', key.identifier)
    .returning(['id', 'reserved_version'])
    .executeTakeFirstOrThrow();
  return { packageId: row.id, version: row.reserved_version };
}

/** The package row, locked until the transaction ends; undefined when it was deleted meanwhile. */
export function lockPackage(tx: TenantTx, municipalityId: string, packageId: string) {
  return tx.selectFrom('packages').select(['id']).where('municipality_id', '=', municipalityId).where('id', '=', packageId).forUpdate().executeTakeFirst();
}

export async function insertVersion(
  tx: TenantTx,
  municipalityId: string,
  v: { packageId: string; version: number; kind: string; title: string; manifest: unknown; fileCount: number; sizeBytes: number; uploadedBy: string | null },
  launchables: LaunchableRow[],
): Promise<string> {
  await tx
    .updateTable('packages')
    // Versions can finish storing out of order: the highest number is the latest.
    .set((eb) => ({
      latest_version: sql<number>`greatest(${eb.ref('latest_version')}, ${v.version})`,
      title: sql<string>`case when ${v.version} > ${eb.ref('latest_version')} then ${v.title} else ${eb.ref('title')} end`,
      updated_at: new Date(),
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', v.packageId)
    .execute();
  const row = await tx
    .insertInto('package_versions')
    .values({
      municipality_id: municipalityId,
      package_id: v.packageId,
      version: v.version,
      kind: v.kind as never,
      title: v.title,
      manifest: JSON.stringify(v.manifest),
      file_count: v.fileCount,
      size_bytes: v.sizeBytes,
      uploaded_by: v.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (launchables.length > 0) {
    await tx
      .insertInto('package_launchables')
      .values(launchables.map((l) => ({ municipality_id: municipalityId, package_version_id: row.id, ...l, details: JSON.stringify(l.details) })))
      .execute();
  }
  return row.id;
}

export function listPackages(tx: TenantTx, municipalityId: string, packageId?: string) {
  let q = tx
    .selectFrom('packages')
    .select(['id', 'family', 'identifier', 'title', 'created_at', 'updated_at'])
    .where('municipality_id', '=', municipalityId)
    // A package whose first version is still being stored is not listed yet.
    .where('latest_version', '>', 0)
    .orderBy('title')
    .orderBy('id');
  if (packageId) q = q.where('id', '=', packageId);
  return q.execute();
}

export function listVersions(tx: TenantTx, municipalityId: string, packageIds: string[], withManifest: boolean) {
  if (packageIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('package_versions as v')
    .leftJoin('users as u', 'u.id', 'v.uploaded_by')
    .select(['v.id', 'v.package_id', 'v.version', 'v.kind', 'v.title', 'v.file_count', 'v.size_bytes', 'v.uploaded_by', 'v.uploaded_at', 'u.display_name'])
    .$if(withManifest, (q) => q.select('v.manifest'))
    .where('v.municipality_id', '=', municipalityId)
    .where('v.package_id', 'in', packageIds)
    .orderBy('v.version', 'desc')
    .execute() as Promise<
    {
      id: string;
      package_id: string;
      version: number;
      kind: string;
      title: string;
      file_count: number;
      size_bytes: number;
      uploaded_by: string | null;
      uploaded_at: Date;
      display_name: string | null;
      manifest?: unknown;
    }[]
  >;
}

export function listLaunchables(tx: TenantTx, municipalityId: string, versionIds: string[]) {
  if (versionIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('package_launchables')
    .select(['package_version_id', 'position', 'identifier', 'activity_id', 'title', 'kind', 'launch_url', 'external', 'details'])
    .where('municipality_id', '=', municipalityId)
    .where('package_version_id', 'in', versionIds)
    .orderBy('position')
    .execute();
}

export function findVersion(tx: TenantTx, municipalityId: string, packageId: string, versionId: string) {
  return tx
    .selectFrom('package_versions')
    .select(['id', 'package_id', 'version', 'kind', 'title'])
    .where('municipality_id', '=', municipalityId)
    .where('package_id', '=', packageId)
    .where('id', '=', versionId)
    .executeTakeFirst();
}

export async function deleteVersion(tx: TenantTx, municipalityId: string, packageId: string, versionId: string): Promise<void> {
  await tx.deleteFrom('package_versions').where('municipality_id', '=', municipalityId).where('id', '=', versionId).execute();
  // The latest version is the highest one left (reserved_version keeps the deleted number from coming back).
  await sql`update packages p set latest_version = coalesce((select max(v.version) from package_versions v
    where v.municipality_id = p.municipality_id and v.package_id = p.id), 0)
    where p.municipality_id = ${municipalityId} and p.id = ${packageId}`.execute(tx);
}

/** Deletes the package when its last version is gone; true when it did. */
export async function deletePackageIfEmpty(tx: TenantTx, municipalityId: string, packageId: string): Promise<boolean> {
  const result = await sql`delete from packages p where p.municipality_id = ${municipalityId} and p.id = ${packageId}
    and not exists (select 1 from package_versions v where v.municipality_id = p.municipality_id and v.package_id = p.id)`.execute(tx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** True when a learner has an attempt (SCORM player) or a registration (cmi5) on the version. */
export async function versionInUse(tx: TenantTx, municipalityId: string, versionId: string): Promise<boolean> {
  const attempt = await tx.selectFrom('player_attempts').select('id').where('municipality_id', '=', municipalityId).where('package_version_id', '=', versionId).limit(1).executeTakeFirst();
  if (attempt) return true;
  const registration = await tx.selectFrom('cmi5_registrations').select('id').where('municipality_id', '=', municipalityId).where('package_version_id', '=', versionId).limit(1).executeTakeFirst();
  return registration !== undefined;
}
