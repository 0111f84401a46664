import type { ContentLink, Launchable, Package, PackageDetail, PackageKind, PackageVersion } from '../../../shared/api/packages.js';
import { withTenant, type TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { packageActivityId } from './activity-ids.js';
import { contentKey, signContentToken } from './content/content-token.js';
import { assertCanManagePackages } from './package-upload.service.js';
import { packageStorage } from './package-storage.factory.js';
import * as repo from './packages.repository.js';
import { packagesPolicy } from './packages.policy.js';

function assertCanRead(ctx: RequestContext, municipalityId: string): void {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!packagesPolicy.read(p, municipalityId)) throw AppError.forbidden();
}

async function loadPackages(ctx: RequestContext, tx: TenantTx, municipalityId: string, packageId: string | undefined, withManifest: boolean) {
  const packages = await repo.listPackages(tx, municipalityId, packageId);
  const versions = await repo.listVersions(tx, municipalityId, packages.map((p) => p.id), withManifest);
  const launchables = await repo.listLaunchables(tx, municipalityId, versions.map((v) => v.id));
  const launchablesOf = new Map<string, Launchable[]>();
  for (const l of launchables) {
    const list = launchablesOf.get(l.package_version_id) ?? [];
    list.push({
      identifier: l.identifier,
      title: l.title,
      activityId: l.activity_id,
      launchUrl: l.launch_url,
      external: l.external,
      kind: l.kind,
      details: l.details as Record<string, unknown>,
    });
    launchablesOf.set(l.package_version_id, list);
  }
  return packages.map((p) => ({
    id: p.id,
    municipalityId,
    family: p.family,
    identifier: p.identifier,
    title: p.title,
    activityId: p.family === 'cmi5' ? p.identifier : packageActivityId(ctx.config.publicUrl, p.id),
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    versions: versions
      .filter((v) => v.package_id === p.id)
      .map((v) => ({
        id: v.id,
        version: v.version,
        kind: v.kind as PackageKind,
        title: v.title,
        fileCount: v.file_count,
        sizeBytes: v.size_bytes,
        uploadedBy: v.uploaded_by && v.display_name ? { userId: v.uploaded_by, displayName: v.display_name } : null,
        uploadedAt: v.uploaded_at.toISOString(),
        launchables: launchablesOf.get(v.id) ?? [],
        ...(withManifest ? { manifest: v.manifest } : {}),
      })),
  }));
}

export async function listPackages(ctx: RequestContext, municipalityId: string): Promise<{ items: Package[] }> {
  assertCanRead(ctx, municipalityId);
  return { items: await withTenant(ctx.db, municipalityId, (tx) => loadPackages(ctx, tx, municipalityId, undefined, false)) };
}

export async function getPackage(ctx: RequestContext, municipalityId: string, packageId: string): Promise<PackageDetail> {
  assertCanRead(ctx, municipalityId);
  const [found] = await withTenant(ctx.db, municipalityId, (tx) => loadPackages(ctx, tx, municipalityId, packageId, true));
  if (!found) throw AppError.notFound('Package');
  return found as PackageDetail;
}

/**
 * Deletes one version (rows first, then files: a failure in between leaves
 * unreachable files, never a version without its files). The package goes
 * with its last version. Later: refuse while statements refer to it.
 */
export async function deletePackageVersion(ctx: RequestContext, municipalityId: string, packageId: string, versionId: string): Promise<void> {
  assertCanManagePackages(ctx, municipalityId);
  const version = await withTenant(ctx.db, municipalityId, async (tx) => {
    const found = await repo.findVersion(tx, municipalityId, packageId, versionId);
    if (!found) throw AppError.notFound('Package version');
    // Learners' attempts and cmi5 registrations hang off the version: deleting it would erase their progress.
    if (await repo.versionInUse(tx, municipalityId, versionId)) {
      throw AppError.conflict('Learners have started this version, so it cannot be deleted. Upload a new version instead.', { reason: 'VERSION_IN_USE' });
    }
    await repo.deleteVersion(tx, municipalityId, packageId, versionId);
    const packageGone = await repo.deletePackageIfEmpty(tx, municipalityId, packageId);
    await recordAudit(tx, municipalityId, actorOf(ctx), {
      action: 'package.version.delete',
      entityType: 'package_version',
      entityId: versionId,
      before: { packageId, version: found.version, kind: found.kind, title: found.title },
      after: { packageDeleted: packageGone },
    });
    return found;
  });
  await packageStorage(ctx.config)
    .deleteTree({ municipalityId, packageId, version: version.version })
    .catch((err) => ctx.log.error({ err, versionId }, 'package version rows deleted but its files could not be removed'));
}

/** A signed link to a version's files on the content origin (for previews now, the player later). */
export async function contentLink(ctx: RequestContext, municipalityId: string, packageId: string, versionId: string): Promise<ContentLink> {
  assertCanRead(ctx, municipalityId);
  const version = await withTenant(ctx.db, municipalityId, async (tx) => {
    const found = await repo.findVersion(tx, municipalityId, packageId, versionId);
    if (!found) return null;
    const [first] = (await repo.listLaunchables(tx, municipalityId, [versionId])).filter((l) => !l.external);
    return { ...found, launchUrl: first?.launch_url ?? null };
  });
  if (!version) throw AppError.notFound('Package version');
  return contentLinkFor(ctx, { municipalityId, packageId, version: version.version }, version.launchUrl);
}

export async function contentLinkFor(ctx: Pick<RequestContext, 'db' | 'config'>, key: { municipalityId: string; packageId: string; version: number }, launchUrl: string | null): Promise<ContentLink> {
  if (!ctx.config.contentUrl) throw AppError.conflict('Content cannot be shown: set CONTENT_URL to a host other than PUBLIC_URL.', { reason: 'CONTENT_URL_MISSING' });
  const expiresAt = Math.floor((Date.now() + ctx.config.contentTokenTtlMs) / 1000);
  const token = signContentToken(await contentKey(ctx.db), { ...key, expiresAt });
  const baseUrl = `${ctx.config.contentUrl}/content/${token}/`;
  return { baseUrl, launchUrl: launchUrl === null ? null : baseUrl + launchUrl, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

export type { PackageVersion };
