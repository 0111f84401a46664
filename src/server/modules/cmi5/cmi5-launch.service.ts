import { randomUUID } from 'node:crypto';
import type { Cmi5Launch, Cmi5LaunchBody } from '../../../shared/api/cmi5.js';
import { withTenant, type TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit, type Actor } from '../audit/audit.repository.js';
import { agentKey, type AgentLike } from '../lrs/xapi/identity.js';
import { validateAgentOnly } from '../lrs/xapi/validate-actor.js';
import { CMI5_LAUNCH_PARAMETERS } from '../packages/manifest/cmi5.parse.js';
import { contentLinkFor } from '../packages/packages.service.js';
import type { Course, CourseAu } from './cmi5.course.js';
import { loadCourse } from './cmi5.courses.js';
import * as repo from './cmi5.repository.js';
import { launchDataFor, writeLaunchData, writeLearnerPreferences } from './cmi5-documents.js';
import { issueSatisfied, storeLmsStatements } from './cmi5-satisfaction.service.js';
import { newSecret, sha256 } from './cmi5-session-auth.js';
import { abandon } from './cmi5-sessions.js';
import { launchedStatement } from './cmi5.statements.js';

// Launching an AU (cmi5 8): find or create the registration, abandon the
// registration's sessions that never terminated (9.3.6: a new launch in the
// registration shows they are over), write LMS.LaunchData (and the learner
// preferences, when given), record "launched", and hand back the AU's URL
// with endpoint, fetch, actor, registration and activityId. Relative AU URLs
// point into the package on the content origin, through a content token.

/** How long a session (and the auth token its fetch URL hands out) may last at most. */
export const SESSION_TTL_MS = 24 * 3600_000;
/** The names the launch adds to the AU's query string (8.1); the package check refuses AUs that use them. */
const LAUNCH_PARAMETER_NAMES = CMI5_LAUNCH_PARAMETERS;

type Resolved = { registration: repo.RegistrationRow; created: boolean; course: Course; au: CourseAu; version: number };

function checkedActor(actor: Cmi5LaunchBody['actor']): { actor: AgentLike; key: string } {
  const issues = validateAgentOnly(actor, '1.0.3', 'actor');
  if (issues.length > 0) throw AppError.validation('The actor is not a valid xAPI Agent.', { issues });
  return { actor, key: agentKey(actor)! };
}

export function findAu(course: Course, choice: { auIndex?: number; auId?: string }): CourseAu {
  const au = choice.auIndex !== undefined ? course.aus[choice.auIndex] : course.aus.find((a) => a.id === choice.auId);
  if (!au) throw AppError.notFound('AU');
  return au;
}

async function resolveRegistration(tx: TenantTx, m: string, courseId: string, body: Cmi5LaunchBody, actor: { actor: AgentLike; key: string }, caller: Actor) {
  const course = await repo.findCourseVersion(tx, m, courseId);
  if (!course) throw AppError.notFound('Course');
  const wanted = body.registration?.toLowerCase();
  let registration = wanted ? await repo.findRegistration(tx, m, wanted) : await repo.latestRegistration(tx, m, courseId, actor.key);
  let created = false;
  if (!registration) {
    const id = wanted ?? randomUUID();
    created = await repo.insertRegistration(tx, m, { id, packageId: courseId, versionId: course.versionId, actor: actor.actor, actorKey: actor.key, createdBy: caller.userId });
    registration = (await repo.findRegistration(tx, m, id))!;
    if (created) {
      await recordAudit(tx, m, caller, { action: 'cmi5.registration.create', entityType: 'cmi5_registration', entityId: id, after: { courseId, packageVersionId: course.versionId, actor: actor.actor } });
    }
  }
  if (registration.package_id !== courseId) throw AppError.conflict('This registration belongs to another course.', { reason: 'REGISTRATION_OTHER_COURSE' });
  if (registration.actor_key !== actor.key) throw AppError.conflict('This registration belongs to another learner.', { reason: 'REGISTRATION_OTHER_ACTOR' });
  return { registration, created };
}

/** The AU's address without the launch parameters (what the launchURL extension holds). */
async function auAddress(ctx: RequestContext, m: string, r: Resolved): Promise<string> {
  if (r.au.launch.external) return r.au.launch.url;
  const link = await contentLinkFor(ctx, { municipalityId: m, packageId: r.registration.package_id, version: r.version }, r.au.launch.url);
  return link.launchUrl!;
}

function withLaunchParameters(address: string, values: Record<(typeof LAUNCH_PARAMETER_NAMES)[number], string>): string {
  const [beforeHash, hash] = address.split('#', 2) as [string, string | undefined];
  // encodeURIComponent, not URLSearchParams: a "+" for a space is form encoding, which an AU reading the query by hand would not undo.
  const query = LAUNCH_PARAMETER_NAMES.map((name) => `${name}=${encodeURIComponent(values[name])}`).join('&');
  return `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}${query}${hash !== undefined ? `#${hash}` : ''}`;
}

export async function launchAu(ctx: RequestContext, caller: Actor, m: string, courseId: string, body: Cmi5LaunchBody): Promise<Cmi5Launch> {
  const actor = checkedActor(body.actor);
  const publicUrl = ctx.config.publicUrl;
  const resolved: Resolved = await withTenant(ctx.db, m, async (tx) => {
    const { registration, created } = await resolveRegistration(tx, m, courseId, body, actor, caller);
    const course = await loadCourse(tx, publicUrl, m, registration.package_id, registration.package_version_id);
    const version = await repo.findVersionNumber(tx, m, registration.package_version_id);
    if (!course || version === undefined) throw AppError.notFound('Course');
    return { registration, created, course, au: findAu(course, body), version };
  });
  const { registration, course, au } = resolved;
  // 9.6.1: moveOn is evaluated when the registration is made (an all-NotApplicable block is satisfied at once), under a session id of the LMS's own.
  await issueSatisfied(ctx, m, registration.id, randomUUID());

  const address = await auAddress(ctx, m, resolved);
  const sessionId = randomUUID();
  const fetchSecret = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const launchMode = body.launchMode ?? 'Normal';
  const abandoned = await withTenant(ctx.db, m, async (tx) => {
    const statements = await abandon(tx, m, registration, course, await repo.openSessions(tx, m, registration.id));
    await repo.insertSession(tx, m, {
      id: sessionId,
      registration_id: registration.id,
      au_id: au.id,
      au_activity_id: au.activityId,
      launch_mode: launchMode,
      launch_url: address,
      return_url: body.returnURL ?? null,
      move_on: au.moveOn,
      mastery_score: au.masteryScore ?? null,
      launch_parameters: au.launchParameters ?? null,
      fetch_secret_hash: sha256(fetchSecret),
      expires_at: expiresAt,
      created_by: caller.userId,
    });
    await writeLaunchData(tx, m, { auActivityId: au.activityId, actorKey: registration.actor_key, registration: registration.id, data: launchDataFor(au, sessionId, launchMode, body.returnURL) });
    if (body.learnerPreferences) await writeLearnerPreferences(tx, m, registration.actor_key, body.learnerPreferences);
    await recordAudit(tx, m, caller, {
      action: 'cmi5.session.launch',
      entityType: 'cmi5_session',
      entityId: sessionId,
      after: { registration: registration.id, auId: au.id, launchMode, abandonedSessions: statements.length },
    });
    return statements;
  });
  await storeLmsStatements(ctx, m, abandoned);
  const subject = { actor: registration.actor, registration: registration.id, sessionId };
  await storeLmsStatements(ctx, m, [
    launchedStatement(subject, au, { launchMode, launchUrl: address, moveOn: au.moveOn, masteryScore: au.masteryScore ?? null, launchParameters: au.launchParameters ?? null }),
  ]);

  const url = withLaunchParameters(address, {
    endpoint: `${publicUrl}/xapi`,
    fetch: `${publicUrl}/cmi5/fetch/${m}/${sessionId}/${fetchSecret}`,
    actor: JSON.stringify(registration.actor),
    registration: registration.id,
    activityId: au.activityId,
  });
  return {
    url,
    sessionId,
    registration: registration.id,
    registrationCreated: resolved.created,
    auIndex: au.index,
    auId: au.id,
    activityId: au.activityId,
    launchMode,
    launchMethod: au.launchMethod,
    expiresAt: expiresAt.toISOString(),
  };
}
