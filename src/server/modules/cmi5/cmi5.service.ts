import { randomUUID } from 'node:crypto';
import type { Cmi5Course, Cmi5Registration, Cmi5Session, Cmi5WaiveBody, WaiveReason } from '../../../shared/api/cmi5.js';
import { withTenant, type TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit, type Actor } from '../audit/audit.repository.js';
import { auSatisfied, type Course } from './cmi5.course.js';
import { loadCourse, presentCourse } from './cmi5.courses.js';
import * as repo from './cmi5.repository.js';
import { findAu } from './cmi5-launch.service.js';
import { issueSatisfied, storeLmsStatements } from './cmi5-satisfaction.service.js';
import { abandon, presentSession } from './cmi5-sessions.js';
import { waivedStatement } from './cmi5.statements.js';

// Reading courses and registrations, waiving an AU (cmi5 9.3.7) and
// abandoning a session (9.3.6) on an administrator's or harness's request.
// Another municipality's course, registration or session is not found.

export async function getCourse(ctx: RequestContext, m: string, courseId: string): Promise<Cmi5Course> {
  return withTenant(ctx.db, m, async (tx) => {
    const version = await repo.findCourseVersion(tx, m, courseId);
    const course = version && (await loadCourse(tx, ctx.config.publicUrl, m, courseId, version.versionId));
    if (!version || !course) throw AppError.notFound('Course');
    return presentCourse(course, version);
  });
}

async function registrationWithCourse(ctx: RequestContext, tx: TenantTx, m: string, registrationId: string, lock = false) {
  const registration = await repo.findRegistration(tx, m, registrationId, lock);
  const course = registration && (await loadCourse(tx, ctx.config.publicUrl, m, registration.package_id, registration.package_version_id));
  if (!registration || !course) throw AppError.notFound('Registration');
  return { registration, course };
}

function presentRegistration(registration: repo.RegistrationRow, course: Course, states: Map<string, repo.AuStateRow>, satisfied: Set<string>, sessions: repo.SessionRow[]): Cmi5Registration {
  return {
    registration: registration.id,
    courseId: registration.package_id,
    packageVersionId: registration.package_version_id,
    actor: registration.actor as Record<string, unknown>,
    createdAt: registration.created_at.toISOString(),
    satisfied: satisfied.has(course.publisherId),
    aus: course.aus.map((au) => {
      const s = states.get(au.id);
      const progress = { completed: !!s?.completed_at, passed: !!s?.passed_at, waived: !!s?.waived_at };
      return {
        index: au.index,
        publisherId: au.id,
        activityId: au.activityId,
        moveOn: au.moveOn,
        ...progress,
        failed: !!s?.failed_at,
        waiveReason: (s?.waive_reason ?? null) as WaiveReason | null,
        satisfied: auSatisfied(au.moveOn, progress),
      };
    }),
    blocks: course.blocks.map((b) => ({ publisherId: b.id, activityId: b.activityId, satisfied: satisfied.has(b.id) })),
    sessions: sessions.map(presentSession),
  };
}

export async function getRegistration(ctx: RequestContext, m: string, registrationId: string): Promise<Cmi5Registration> {
  return withTenant(ctx.db, m, async (tx) => {
    const { registration, course } = await registrationWithCourse(ctx, tx, m, registrationId);
    return presentRegistration(registration, course, await repo.auStates(tx, m, registrationId), await repo.satisfiedNodeIds(tx, m, registrationId), await repo.listSessions(tx, m, registrationId));
  });
}

/**
 * Waives an AU: "waived" with the reason, under a session id of its own,
 * then "satisfied" for what that completes, under the same id (9.3.7 allows
 * only satisfied statements to share it). Once per AU and registration, and
 * not for an AU that already met its moveOn criteria.
 */
export async function waiveAu(ctx: RequestContext, caller: Actor, m: string, registrationId: string, body: Cmi5WaiveBody): Promise<Cmi5Registration> {
  const sessionId = randomUUID();
  const statement = await withTenant(ctx.db, m, async (tx) => {
    const { registration, course } = await registrationWithCourse(ctx, tx, m, registrationId, true);
    const au = findAu(course, body);
    const state = (await repo.auStates(tx, m, registrationId)).get(au.id);
    if (state?.waived_at) throw AppError.conflict('This AU is already waived in this registration.', { reason: 'AU_ALREADY_WAIVED' });
    if (auSatisfied(au.moveOn, { completed: !!state?.completed_at, passed: !!state?.passed_at, waived: false })) {
      throw AppError.conflict('This AU has already met its moveOn criteria in this registration; there is nothing to waive.', { reason: 'AU_ALREADY_SATISFIED' });
    }
    await repo.recordAuState(tx, m, registrationId, au.id, { waivedReason: body.reason });
    await recordAudit(tx, m, caller, { action: 'cmi5.au.waive', entityType: 'cmi5_registration', entityId: registrationId, after: { auId: au.id, reason: body.reason, sessionId } });
    return waivedStatement({ actor: registration.actor, registration: registrationId, sessionId }, au, body.reason);
  });
  await storeLmsStatements(ctx, m, [statement]);
  await issueSatisfied(ctx, m, registrationId, sessionId);
  return getRegistration(ctx, m, registrationId);
}

/** Ends an open session with "abandoned"; its token stops working at once. */
export async function abandonSession(ctx: RequestContext, caller: Actor, m: string, sessionId: string): Promise<Cmi5Session> {
  const { session, statements } = await withTenant(ctx.db, m, async (tx) => {
    const session = await repo.findSession(tx, m, sessionId, true);
    if (!session) throw AppError.notFound('Session');
    if (session.terminated_at || session.abandoned_at) throw AppError.conflict('This session has already ended.', { reason: 'SESSION_ENDED' });
    const { registration, course } = await registrationWithCourse(ctx, tx, m, session.registration_id);
    const statements = await abandon(tx, m, registration, course, [session]);
    await recordAudit(tx, m, caller, { action: 'cmi5.session.abandon', entityType: 'cmi5_session', entityId: sessionId, after: { registration: registration.id, auId: session.au_id } });
    return { session, statements };
  });
  await storeLmsStatements(ctx, m, statements);
  return presentSession(session);
}
