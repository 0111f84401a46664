import type { z } from 'zod';
import type { CommitResponse, commitRequestSchema, PlayerItem, RuntimeGrant, SessionResponse } from '../../../shared/api/player.js';
import { withTenant, type TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import type { AppDeps } from '../../http/context.js';
import { defaultOrganizationOf } from '../packages/manifest/default-organization.js';
import type { ScormItem, ScormManifest } from '../packages/manifest/scorm-manifest.types.js';
import { contentLinkFor } from '../packages/packages.service.js';
import type { CmiJson } from './cmi.js';
import { scorm12LaunchCmi, scorm12LearnerName } from './launch-cmi.js';
import { launchKey, renewLaunchToken, verifyLaunchToken, type LaunchGrant } from './launch-token.js';
import { recordSystemGlobals } from './learner-globals.js';
import { applyCommits } from './player-commit.js';
import { flushStatementOutbox } from './player-lrs.js';
import * as repo from './player.repository.js';
import { isStoredCourseState } from './sequencing-state.js';

// The runtime API the player page calls on the content origin. It knows no
// session cookie: the launch token names the municipality, the attempt and
// the launch, and only the attempt's current launch may read or write it.

export async function authenticateLaunch(deps: AppDeps, token: string): Promise<LaunchGrant> {
  const check = verifyLaunchToken(await launchKey(deps.db), token, Math.floor(Date.now() / 1000));
  if (check.ok) return check.grant;
  if (check.why === 'expired') throw new AppError('UNAUTHENTICATED', 'This course window has been idle too long. Open the course again.', { reason: 'LAUNCH_EXPIRED' });
  throw new AppError('UNAUTHENTICATED', 'This course window is not valid. Open the course again.', { reason: 'LAUNCH_INVALID' });
}

function assertCurrentLaunch(attempt: repo.AttemptRow | undefined, grant: LaunchGrant): repo.AttemptRow {
  if (!attempt) throw AppError.notFound('This course');
  if (attempt.launch_id !== grant.launchId) {
    throw AppError.conflict('The course has been opened again in another window; this one no longer saves.', { reason: 'LAUNCH_SUPERSEDED' });
  }
  return attempt;
}

async function runtimeGrant(deps: AppDeps, grant: LaunchGrant, key: { packageId: string; version: number }): Promise<RuntimeGrant> {
  const { token, expiresAt } = renewLaunchToken(await launchKey(deps.db), grant);
  const link = await contentLinkFor(deps, { municipalityId: grant.municipalityId, ...key }, null);
  return { token, expiresAt: expiresAt.toISOString(), contentBaseUrl: link.baseUrl };
}

function manifestItems(manifest: ScormManifest): Map<string, ScormItem> {
  const items = new Map<string, ScormItem>();
  const organization = defaultOrganizationOf(manifest);
  const walk = (list: ScormItem[]) => list.forEach((item) => (items.set(item.identifier, item), walk(item.children)));
  walk(organization?.items ?? []);
  return items;
}

/** Everything the attempt's SCOs and the statements about them need: version, launchables, person. */
async function attemptContext(tx: TenantTx, municipalityId: string, attempt: repo.AttemptRow) {
  const [pkg, version, launchables, person] = [
    await repo.findScormPackage(tx, municipalityId, attempt.package_id),
    await repo.findVersion(tx, municipalityId, attempt.package_id, attempt.package_version_id),
    await repo.listLaunchables(tx, municipalityId, attempt.package_version_id),
    await repo.findPerson(tx, municipalityId, attempt.person_id),
  ];
  if (!pkg || !version || !person) throw AppError.notFound('This course');
  const items = launchables.filter((l) => !l.external && (l.kind === 'sco' || l.kind === 'asset'));
  return { pkg, version, items, person, manifest: version.manifest as ScormManifest };
}

export async function openSession(deps: AppDeps, token: string, startAt: string | undefined): Promise<SessionResponse> {
  const grant = await authenticateLaunch(deps, token);
  const m = grant.municipalityId;
  const session = await withTenant(deps.db, m, async (tx) => {
    const attempt = assertCurrentLaunch(await repo.lockAttempt(tx, m, grant.attemptId), grant);
    const c = await attemptContext(tx, m, attempt);
    const is12 = attempt.kind === 'scorm12';
    const learner = { id: attempt.person_id, name: is12 ? scorm12LearnerName(c.person.given_name, c.person.family_name) : `${c.person.given_name} ${c.person.family_name}` };
    const states = new Map((await repo.listScoStates(tx, m, attempt.id)).map((s) => [s.item_identifier, s]));
    const fromManifest = manifestItems(c.manifest);
    const items: PlayerItem[] = c.items.map((l) => {
      const state = states.get(l.identifier);
      const item = fromManifest.get(l.identifier);
      const cmi =
        is12 && l.kind === 'sco' && item
          ? scorm12LaunchCmi((state?.cmi as CmiJson | undefined) ?? null, item, learner, { sessions: state?.sessions ?? 0, lastExit: state?.last_exit ?? '', totalSeconds: state?.total_time_seconds ?? 0 })
          : null;
      return { identifier: l.identifier, title: l.title, kind: l.kind as 'sco' | 'asset', launchUrl: l.launch_url, cmi };
    });
    const known = (id: string | null | undefined) => (id && items.some((i) => i.identifier === id) ? id : null);
    return {
      attempt,
      c,
      body: {
        attemptId: attempt.id,
        kind: attempt.kind,
        title: c.pkg.title,
        language: c.person.preferred_language,
        learner,
        lastSeq: attempt.last_seq,
        items,
        // SCORM 1.2 reopens where the learner was; SCORM 2004's sequencer decides unless the learner picked an item.
        startAt: is12 ? (known(startAt) ?? known(attempt.current_item) ?? items.find((i) => i.kind === 'sco')?.identifier ?? items[0]?.identifier ?? null) : known(startAt),
        ...(is12 ? {} : { manifest: c.manifest, courseState: isStoredCourseState(attempt.sequencing_state) ? attempt.sequencing_state : null }),
      },
    };
  });
  const runtime = await runtimeGrant(deps, grant, { packageId: session.attempt.package_id, version: session.c.version.version });
  return { ...session.body, appOrigin: new URL(deps.config.publicUrl).origin, ...runtime };
}

/** Applies a batch of commits (in seq order, each at most once) and renews the token. An empty batch only renews. */
export async function commit(deps: AppDeps, request: z.output<typeof commitRequestSchema>): Promise<CommitResponse> {
  const grant = await authenticateLaunch(deps, request.token);
  const m = grant.municipalityId;
  const outcome = await withTenant(deps.db, m, async (tx) => {
    const attempt = assertCurrentLaunch(await repo.lockAttempt(tx, m, grant.attemptId), grant);
    const c = await attemptContext(tx, m, attempt);
    if (request.commits.length === 0) return { attempt, version: c.version.version, lastSeq: attempt.last_seq };
    const scos = c.items.filter((i) => i.kind === 'sco').map((i) => ({ identifier: i.identifier, title: i.title, activityId: i.activity_id }));
    const statementScope = {
      publicUrl: deps.config.publicUrl,
      attemptId: attempt.id,
      packageId: attempt.package_id,
      packageTitle: c.pkg.title,
      personId: attempt.person_id,
      personName: `${c.person.given_name} ${c.person.family_name}`,
    };
    const applied = await applyCommits(tx, { municipalityId: m, attempt, kind: attempt.kind, scos, statementScope }, request.commits);
    // In the same transaction, so the store is never older than a course's own copy.
    if (applied.courseState) await recordSystemGlobals(tx, m, attempt.person_id, attempt.sequencing_state, applied.courseState, c.manifest);
    return { attempt, version: c.version.version, lastSeq: applied.lastSeq };
  });
  // Also when this batch wrote none: an earlier flush may have failed.
  await flushStatementOutbox(deps, m, grant.attemptId);
  const runtime = await runtimeGrant(deps, grant, { packageId: outcome.attempt.package_id, version: outcome.version });
  return { ...runtime, lastSeq: outcome.lastSeq };
}
