import type { RegistrationResult } from '../../../../shared/api/learning-sessions.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, type RequestContext } from '../../../http/context.js';
import type { OutgoingMail } from '../../../mail/mailer.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { assertOpen, authorizeLearner, sessionOf } from './event-access.js';
import * as repo from './events.repository.js';
import { fillFreeSeats } from './seats.js';
import { renderSessionMails, sendAfterCommit } from './session-mails.js';
import { presentSession } from './session-view.js';

// A learner signs up and leaves as themselves. Both lock the session row first:
// two people racing for the last seat queue on that lock, and the second one
// counts the seats only after the first has committed (READ COMMITTED reads
// each statement afresh), so the second lands on the waiting list.

async function viewFor(tx: TenantTx, municipalityId: string, sessionId: string, personId: string, now: Date) {
  const [view] = await repo.sessionViews(tx, municipalityId, { sessionId }, personId);
  if (!view) throw AppError.notFound('Session');
  return presentSession(view, now);
}

/** Registered while seats are left, else waitlisted; signing up again changes nothing. */
export async function signUp(ctx: RequestContext, municipalityId: string, sessionId: string): Promise<RegistrationResult> {
  const { principal, personId } = authorizeLearner(ctx, municipalityId);
  const now = new Date();
  let mails: OutgoingMail[] = [];
  const result = await withTenant(ctx.db, municipalityId, async (tx): Promise<RegistrationResult> => {
    const { session, item } = await sessionOf(tx, principal, municipalityId, sessionId, { lock: true });
    assertOpen(session, now);
    const existing = await repo.findRegistration(tx, municipalityId, sessionId, personId);
    if (existing && existing.status !== 'cancelled') return { session: await viewFor(tx, municipalityId, sessionId, personId, now), outcome: 'unchanged' };

    const taken = await repo.countRegistered(tx, municipalityId, sessionId);
    const status = session.capacity === null || taken < session.capacity ? 'registered' : 'waitlisted';
    await repo.saveSignUp(tx, municipalityId, sessionId, personId, status);
    const view = await viewFor(tx, municipalityId, sessionId, personId, now);
    await recordAudit(tx, municipalityId, actorOf(ctx), {
      action: 'learning.registration.create',
      entityType: 'learning_session',
      entityId: sessionId,
      after: { personId, status, waitlistPosition: view.myRegistration?.waitlistPosition ?? null },
    });
    mails = await renderSessionMails(tx, ctx, municipalityId, item, session, status, [{ personId, position: view.myRegistration?.waitlistPosition ?? null }]);
    return { session: view, outcome: status };
  });
  sendAfterCommit(ctx, mails);
  return result;
}

/** Leaving frees the seat for the first in line, in the same transaction, and tells them. */
export async function leave(ctx: RequestContext, municipalityId: string, sessionId: string): Promise<RegistrationResult> {
  const { principal, personId } = authorizeLearner(ctx, municipalityId);
  const now = new Date();
  let mails: OutgoingMail[] = [];
  const result = await withTenant(ctx.db, municipalityId, async (tx): Promise<RegistrationResult> => {
    const { session, item } = await sessionOf(tx, principal, municipalityId, sessionId, { lock: true });
    assertOpen(session, now);
    const existing = await repo.findRegistration(tx, municipalityId, sessionId, personId);
    if (!existing || existing.status === 'cancelled') return { session: await viewFor(tx, municipalityId, sessionId, personId, now), outcome: 'unchanged' };

    await repo.setStatus(tx, municipalityId, sessionId, [personId], 'cancelled');
    const promoted = existing.status === 'registered' ? await fillFreeSeats(tx, municipalityId, session) : [];
    await recordAudit(tx, municipalityId, actorOf(ctx), {
      action: 'learning.registration.cancel',
      entityType: 'learning_session',
      entityId: sessionId,
      before: { personId, status: existing.status },
      after: { personId, status: 'cancelled', promoted },
    });
    mails = await renderSessionMails(tx, ctx, municipalityId, item, session, 'promoted', promoted.map((id) => ({ personId: id })));
    return { session: await viewFor(tx, municipalityId, sessionId, personId, now), outcome: 'cancelled' };
  });
  sendAfterCommit(ctx, mails);
  return result;
}
