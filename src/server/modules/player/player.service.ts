import { randomUUID } from 'node:crypto';
import { SCORM_KINDS, type LaunchRequest, type LaunchResponse, type PlayerCourse, type ScormKind } from '../../../shared/api/player.js';
import { withTenant } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { ScormManifest } from '../packages/manifest/scorm-manifest.types.js';
import { launchKey, renewLaunchToken } from './launch-token.js';
import { playerPolicy } from './player.policy.js';
import * as repo from './player.repository.js';
import { courseStateForLaunch } from './learner-globals.js';
import { inheritedCourseState, isStoredCourseState, type StoredCourseState } from './sequencing-state.js';

// The app side of the player: which courses a learner can take, and starting
// (or continuing) an attempt. The answer to a launch is a URL on the content
// origin carrying a launch token for that attempt alone.

export const PLAYER_PATH = '/content/player/';

function learnerIn(ctx: RequestContext, municipalityId: string): string {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const personId = playerPolicy.learnerPersonId(p, municipalityId);
  if (!personId) throw AppError.forbidden('Only employees of this municipality can take its courses.');
  return personId;
}

const isScormKind = (kind: string): kind is ScormKind => (SCORM_KINDS as readonly string[]).includes(kind);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listCourses(ctx: RequestContext, municipalityId: string): Promise<{ items: PlayerCourse[] }> {
  const personId = learnerIn(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const rows = await repo.listCourses(tx, municipalityId, personId);
    const attempts = new Map((await repo.findAttemptsWithVersion(tx, municipalityId, rows.map((r) => r.attempt_id).filter((id): id is string => id !== null))).map((a) => [a.id, a]));
    return {
      items: rows.map((r) => {
        const a = r.attempt_id ? attempts.get(r.attempt_id) : undefined;
        return {
          packageId: r.package_id,
          title: r.title,
          kind: r.kind,
          latestVersionId: r.version_id,
          itemCount: r.item_count,
          attemptOpen: a !== undefined && a.ended_at === null,
          attempt: a
            ? {
                id: a.id,
                packageVersionId: a.package_version_id,
                version: a.version,
                completionStatus: a.completion_status,
                successStatus: a.success_status,
                scoreScaled: a.score_scaled,
                totalTimeSeconds: a.total_time_seconds,
                suspended: a.suspended,
                startedAt: a.started_at.toISOString(),
                lastLaunchedAt: iso(a.last_launched_at),
                completedAt: iso(a.completed_at),
              }
            : null,
        };
      }),
    };
  });
}

/**
 * Continues the learner's open attempt at the package, or starts one on the
 * chosen (default: latest) version. Every launch gets a new launch id, which
 * retires the tokens of earlier launches of the attempt.
 */
export async function launch(ctx: RequestContext, municipalityId: string, body: LaunchRequest): Promise<LaunchResponse> {
  const personId = learnerIn(ctx, municipalityId);
  const contentUrl = ctx.config.contentUrl;
  if (!contentUrl) throw AppError.conflict('Courses cannot be played: set CONTENT_URL to a host other than PUBLIC_URL.', { reason: 'CONTENT_URL_MISSING' });
  const launchId = randomUUID();
  const actor = actorOf(ctx);
  const launched = await withTenant(ctx.db, municipalityId, async (tx) => {
    const pkg = await repo.findScormPackage(tx, municipalityId, body.packageId);
    if (!pkg) throw AppError.notFound('Package');
    if (pkg.family !== 'scorm') throw AppError.validation('This is a cmi5 course, which the SCORM player does not play.', { field: 'packageId', reason: 'NOT_SCORM' });
    let attempt = await repo.lockOpenAttempt(tx, municipalityId, personId, pkg.id);
    if (attempt && body.newAttempt) {
      await repo.endAttempt(tx, municipalityId, attempt.id, 'restarted');
      await recordAudit(tx, municipalityId, actor, { action: 'player.attempt.restart', entityType: 'player_attempt', entityId: attempt.id, before: { packageId: pkg.id, completionStatus: attempt.completion_status } });
      attempt = undefined;
    }
    const resumed = attempt !== undefined;
    if (!attempt) {
      const version = await repo.findVersion(tx, municipalityId, pkg.id, body.versionId ?? null);
      if (!version) throw AppError.notFound(body.versionId ? 'Package version' : 'Package');
      if (!isScormKind(version.kind)) throw AppError.validation('This version is not a SCORM package.', { field: 'versionId', reason: 'NOT_SCORM' });
      let inherited: StoredCourseState | null = null;
      if (version.kind !== 'scorm12') {
        const manifest = version.manifest as ScormManifest;
        inherited = inheritedCourseState(await repo.lastEndedSequencingState(tx, municipalityId, personId, pkg.id), manifest);
        inherited = await courseStateForLaunch(tx, municipalityId, personId, inherited, manifest);
      }
      attempt = await repo.insertAttempt(tx, municipalityId, { personId, packageId: pkg.id, versionId: version.id, kind: version.kind, sequencingState: inherited });
      await recordAudit(tx, municipalityId, actor, { action: 'player.attempt.start', entityType: 'player_attempt', entityId: attempt.id, after: { packageId: pkg.id, packageVersionId: version.id, personId } });
    }
    const version = (await repo.findVersion(tx, municipalityId, pkg.id, attempt.package_version_id))!;
    if (resumed && attempt.kind !== 'scorm12') {
      // Another course may have changed the learner's global objectives or
      // shared data since this attempt last saved: it resumes with them.
      const own = isStoredCourseState(attempt.sequencing_state) ? attempt.sequencing_state : null;
      const current = await courseStateForLaunch(tx, municipalityId, personId, own, version.manifest as ScormManifest);
      if (current !== own) await repo.updateAttempt(tx, municipalityId, attempt.id, { sequencing_state: JSON.stringify(current) });
    }
    if (body.itemId !== undefined) {
      const items = await repo.listLaunchables(tx, municipalityId, attempt.package_version_id);
      if (!items.some((i) => i.identifier === body.itemId && !i.external)) throw AppError.validation('The course has no such item.', { field: 'itemId' });
    }
    await repo.startLaunch(tx, municipalityId, attempt.id, launchId);
    return { attempt, version, title: pkg.title, resumed };
  });
  const { token, expiresAt } = renewLaunchToken(await launchKey(ctx.db), { municipalityId, attemptId: launched.attempt.id, launchId });
  const fragment = new URLSearchParams({ t: token, ...(body.itemId !== undefined ? { item: body.itemId } : {}) });
  return {
    attemptId: launched.attempt.id,
    packageId: body.packageId,
    packageVersionId: launched.version.id,
    version: launched.version.version,
    kind: launched.attempt.kind,
    title: launched.title,
    playerUrl: `${contentUrl}${PLAYER_PATH}#${fragment.toString()}`,
    playerOrigin: new URL(contentUrl).origin,
    expiresAt: expiresAt.toISOString(),
    resumed: launched.resumed,
  };
}
