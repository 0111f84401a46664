import type { AttendanceBody, SessionRegistration, SessionRegistrationsResponse } from '../../../../shared/api/learning-sessions.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, type RequestContext } from '../../../http/context.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { withStatementTransaction } from '../../lrs/statements.service.js';
import { recordLearning } from '../records/learning-records.js';
import { attendedStatement, eventsAuthority } from './attendance-statements.js';
import { authorizeOrganiser, sessionConflict, sessionOf } from './event-access.js';
import * as repo from './events.repository.js';
import { presentSession } from './session-view.js';

// Organisers see who signed up and take attendance. Attending completes the
// event for the learner, recorded as of the session's end through
// recordLearning (the one writer of progress and completions), and is an
// xAPI "attended" statement in the same transaction.
//
// Unmarking someone later (attended → absent) corrects the attendance list
// but does not delete the completion: learning_completions is an append-only
// history that trends, recurrence and certificates are built on, and a
// certificate or Open Badge issued from it may already have been shared and
// verified. Taking a completion back is its own deliberate act (revoking the
// certificate, with a reason), not a side effect of a checkbox.

async function registrationList(tx: TenantTx, municipalityId: string, sessionId: string): Promise<SessionRegistration[]> {
  let position = 0;
  return (await repo.registrationsOf(tx, municipalityId, sessionId)).map((r) => ({
    personId: r.person_id,
    name: `${r.given_name} ${r.family_name}`,
    status: r.status,
    registeredAt: r.registered_at.toISOString(),
    waitlistPosition: r.status === 'waitlisted' ? ++position : null,
    attended: r.attended,
    attendanceMarkedAt: r.attendance_marked_at ? r.attendance_marked_at.toISOString() : null,
  }));
}

export async function listRegistrations(ctx: RequestContext, municipalityId: string, sessionId: string): Promise<SessionRegistrationsResponse> {
  const p = authorizeOrganiser(ctx, municipalityId);
  const now = new Date();
  return withTenant(ctx.db, municipalityId, async (tx) => {
    await sessionOf(tx, p, municipalityId, sessionId);
    const [view] = await repo.sessionViews(tx, municipalityId, { sessionId }, null);
    return { session: presentSession(view!, now), registrations: await registrationList(tx, municipalityId, sessionId) };
  });
}

/** Marks the people named; people not named keep what they had. */
export async function markAttendance(ctx: RequestContext, municipalityId: string, sessionId: string, body: AttendanceBody) {
  const p = authorizeOrganiser(ctx, municipalityId);
  const now = new Date();
  const attended = [...new Set(body.attended)];
  const absent = [...new Set(body.absent)];
  const both = attended.filter((id) => absent.includes(id));
  if (both.length > 0) throw AppError.validation('A person cannot be both present and absent.', { field: 'absent', personIds: both });
  return withStatementTransaction(ctx.db, municipalityId, '1.0.3', async (tx, store) => {
    // The lock keeps two organisers saving at once from both recording the same completion.
    const { session, item } = await sessionOf(tx, p, municipalityId, sessionId, { lock: true });
    if (session.cancelled_at) throw sessionConflict('SESSION_CANCELLED', 'This session was cancelled; there is no attendance to take.');
    if (session.starts_at.getTime() > now.getTime()) throw sessionConflict('SESSION_NOT_STARTED', 'Attendance can be taken once the session has started.');

    const current = new Map((await repo.registrationsOf(tx, municipalityId, sessionId)).filter((r) => r.status !== 'cancelled').map((r) => [r.person_id, r]));
    const strangers = [...attended, ...absent].filter((id) => !current.has(id));
    if (strangers.length > 0) throw AppError.validation('Some of these people are not signed up for this session.', { field: 'attended', personIds: strangers });

    await repo.markAttendance(tx, municipalityId, sessionId, attended, true, now);
    await repo.markAttendance(tx, municipalityId, sessionId, absent, false, now);
    let newCompletions = 0;
    const itemRef = { id: item.id, municipalityId: item.municipality_id, certificateEnabled: item.certificate_enabled };
    // Only people newly marked present: re-saving the same list records nothing twice.
    // Each is also an xAPI statement, stored in this transaction: the LRS and the records never disagree.
    const statements: object[] = [];
    for (const personId of attended.filter((id) => current.get(id)!.attended !== true)) {
      const r0 = current.get(personId)!;
      const statement = attendedStatement({
        publicUrl: ctx.config.publicUrl,
        person: { id: personId, name: `${r0.given_name} ${r0.family_name}` },
        item: { id: item.id, titles: item.titles },
        session: { id: sessionId, endsAt: session.ends_at },
      });
      const r = await recordLearning(tx, municipalityId, personId, itemRef, { status: 'completed', source: 'event', at: session.ends_at, statementId: statement.id });
      statements.push(statement);
      if (r.newCompletion) newCompletions++;
    }
    if (statements.length > 0) await store(eventsAuthority(ctx.config.publicUrl, municipalityId), statements);
    await recordAudit(tx, municipalityId, actorOf(ctx), {
      action: 'learning.attendance.mark',
      entityType: 'learning_session',
      entityId: sessionId,
      after: { attended, absent, newCompletions },
    });
    return { marked: attended.length + absent.length, newCompletions, registrations: await registrationList(tx, municipalityId, sessionId) };
  });
}
