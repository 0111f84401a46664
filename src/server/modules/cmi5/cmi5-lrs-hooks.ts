import { withTenant, type TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import type { AppDeps } from '../../http/context.js';
import type { DocumentKind } from '../lrs/documents.repository.js';
import type { Cmi5SessionScope, LrsAuth } from '../lrs/lrs-auth.js';
import { decodeMore } from '../lrs/resources/statements.more.js';
import { findStatementsByIds } from '../lrs/statements.repository.js';
import { agentKey, type AgentLike } from '../lrs/xapi/identity.js';
import type { XapiRequest } from '../lrs/xapi/request.js';
import { loadCourseActivityIds } from './cmi5.courses.js';
import { auStates, findSession, recordAuState, updateSession, type SessionChange } from './cmi5.repository.js';
import { checkAuStatements } from './cmi5.rules.js';
import { issueSatisfied } from './cmi5-satisfaction.service.js';
import { recordCmi5AuProgress } from '../learning/records/cmi5-source.js';
import { LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID } from './cmi5.vocabulary.js';

// What the LRS asks of modules/cmi5 when a cmi5 session token (an AU) is
// talking to it. Statements: checked against the cmi5 rules inside the
// LRS's own transaction (the session row is locked, so two requests of one
// AU cannot both pass "completed at most once"), the session and AU state
// updated in that transaction, and, once stored, the moveOn criteria
// evaluated. Documents and reads: only the launch's actor, registration and
// course activities, LMS.LaunchData read-only, the learner preferences the
// LMS's to write. Everything out of bounds is 403, which is what AUs (and
// the ADL LMS test suite) expect for a request the LMS refuses.

type Json = Record<string, any>;
export type Followup = () => Promise<void>;

const sessionOf = (auth: LrsAuth): Cmi5SessionScope => {
  if (auth.scope === 'full') throw new Error('not a cmi5 session token');
  return auth.scope;
};

const refused = (message: string, details?: unknown) => new AppError('FORBIDDEN', `cmi5: ${message}`, details);

/**
 * Runs inside storeStatements' transaction, before the statements are
 * inserted. Refuses the whole batch when one statement breaks a rule;
 * otherwise records what they change and returns the work to do after commit.
 */
export async function gateCmi5Statements(deps: AppDeps, tx: TenantTx, auth: LrsAuth, statements: Json[]): Promise<Followup | null> {
  const scope = sessionOf(auth);
  const m = auth.municipalityId;
  const session = await findSession(tx, m, scope.sessionId, true);
  if (!session || session.terminated_at || session.abandoned_at) throw refused('The session has ended.');
  // A retried statement that is already stored is the LRS's business (same: accepted; different: 409), not a new event.
  const givenIds = statements.map((s) => s.id).filter((id): id is string => typeof id === 'string');
  const stored = new Set((await findStatementsByIds(tx, m, givenIds.map((id) => id.toLowerCase()))).map((r) => r.id));
  const fresh = statements.filter((s) => typeof s.id !== 'string' || !stored.has(s.id.toLowerCase()));
  if (fresh.length === 0) return null;

  const au = (await auStates(tx, m, scope.registration)).get(scope.auId);
  const verdict = checkAuStatements(
    fresh,
    {
      sessionId: scope.sessionId,
      registration: scope.registration,
      actorKey: scope.actorKey,
      auId: scope.auId,
      auActivityId: scope.auActivityId,
      launchMode: session.launch_mode,
      masteryScore: session.mastery_score === null ? null : Number(session.mastery_score),
      learnerPrefsFetched: session.learner_prefs_fetched_at !== null,
      initialized: session.initialized_at !== null,
      terminated: false,
      definedVerbs: session.defined_verbs,
    },
    { completed: !!au?.completed_at, passed: !!au?.passed_at },
  );
  if (!verdict.ok) throw refused(`${verdict.message} (cmi5 requirement ${verdict.rule})`, { rule: verdict.rule, statement: statements.indexOf(fresh[verdict.index]!) });

  const now = new Date();
  const change: SessionChange = { last_statement_at: now, defined_verbs: verdict.session.definedVerbs };
  if (verdict.session.initialized && !session.initialized_at) change.initialized_at = now;
  if (verdict.session.terminated) change.terminated_at = now;
  await updateSession(tx, m, scope.sessionId, change);
  const completed = verdict.au.completed && !au?.completed_at;
  const passed = verdict.au.passed && !au?.passed_at;
  if (completed || passed || verdict.au.failed) await recordAuState(tx, m, scope.registration, scope.auId, { completed, passed, failed: verdict.au.failed });
  if (completed || passed) await recordCmi5AuProgress(tx, deps.config.publicUrl, m, scope);
  if (!completed && !passed) return null;
  return async () => {
    // The AU's statements are stored; a failure here must not fail its request. The next completed/passed, waive or launch evaluates again.
    await issueSatisfied(deps, m, scope.registration, scope.sessionId).catch((err) => deps.log.error({ err, sessionId: scope.sessionId }, 'cmi5 satisfied statements could not be issued'));
  };
}

function parseAgent(raw: string | undefined): AgentLike | null {
  if (raw === undefined) return null;
  try {
    const agent = JSON.parse(raw) as unknown;
    return typeof agent === 'object' && agent !== null && !Array.isArray(agent) ? (agent as AgentLike) : null;
  } catch {
    return null;
  }
}

function assertActor(scope: Cmi5SessionScope, raw: string | undefined): void {
  const agent = parseAgent(raw);
  if (!agent || (agent.objectType !== undefined && agent.objectType !== 'Agent') || agentKey(agent) !== scope.actorKey) {
    throw refused('The agent parameter must be the actor of the launch.');
  }
}

async function assertCourseActivity(deps: AppDeps, auth: LrsAuth, activityId: string | undefined): Promise<void> {
  const scope = sessionOf(auth);
  const m = auth.municipalityId;
  const allowed = await withTenant(deps.db, m, (tx) => loadCourseActivityIds(tx, deps.config.publicUrl, m, scope.packageId, scope.packageVersionId));
  if (activityId === undefined || !allowed.has(activityId)) throw refused("The activityId parameter must be an activity of the launch's course.");
}

/** Before a State, Activity Profile or Agent Profile request of a session token is handled. */
export async function guardCmi5Document(deps: AppDeps, kind: DocumentKind, request: XapiRequest): Promise<void> {
  const scope = sessionOf(request.auth);
  const p = request.params;
  const writes = request.method !== 'GET' && request.method !== 'HEAD';
  if (kind === 'activity_profile') return assertCourseActivity(deps, request.auth, p.activityId);
  assertActor(scope, p.agent);
  if (kind === 'state') {
    await assertCourseActivity(deps, request.auth, p.activityId);
    if (p.registration?.toLowerCase() !== scope.registration) throw refused('The registration parameter must be the registration of the launch.');
    // 10: "The AU MUST NOT modify or delete the LMS.LaunchData State document" (a DELETE without stateId would delete it too).
    if (writes && (p.stateId === LAUNCH_DATA_STATE_ID || p.stateId === undefined)) throw refused('LMS.LaunchData is written by the LMS only.');
    return;
  }
  if (p.profileId !== LEARNER_PREFERENCES_PROFILE_ID) return;
  // 11: the LMS may refuse the AU's changes to the learner preferences, which are the learner's settings in the LMS.
  if (writes) throw refused('The learner preferences are kept by the LMS; the AU may read them only.');
  const m = request.auth.municipalityId;
  await withTenant(deps.db, m, async (tx) => {
    const session = await findSession(tx, m, scope.sessionId);
    if (session && session.learner_prefs_fetched_at === null) await updateSession(tx, m, scope.sessionId, { learner_prefs_fetched_at: new Date() });
  });
}

/** GET /activities: only the course's activities. */
export async function guardCmi5Activity(deps: AppDeps, request: XapiRequest): Promise<void> {
  await assertCourseActivity(deps, request.auth, request.params.activityId);
}

/** GET /agents: only the launch's actor. */
export function guardCmi5Agent(request: XapiRequest): void {
  assertActor(sessionOf(request.auth), request.params.agent);
}

/**
 * GET /statements: a statement query must be limited to the launch's
 * registration (so the AU sees its own learner's statements in this course
 * and nothing else); single statements are checked by cmi5MayReadStatement.
 */
export function guardCmi5StatementQuery(request: XapiRequest): void {
  const scope = sessionOf(request.auth);
  const p = request.params;
  if (p.statementId !== undefined || p.voidedStatementId !== undefined) return;
  const registration = p.more !== undefined ? decodeMore(p.more).filter.registration : p.registration;
  if (registration?.toLowerCase() !== scope.registration) throw refused('A statement query must name the registration of the launch.');
}

export function cmi5MayReadStatement(auth: LrsAuth, statement: unknown): boolean {
  const registration = (statement as Json)?.context?.registration;
  return typeof registration === 'string' && registration.toLowerCase() === sessionOf(auth).registration;
}

