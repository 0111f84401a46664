import { MAX_SESSION_DAYS, type CreateSessionBody, type ItemSessionsResponse, type LearningSession, type UpdateSessionBody } from '../../../../shared/api/learning-sessions.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, type RequestContext } from '../../../http/context.js';
import type { OutgoingMail } from '../../../mail/mailer.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { assertOpen, authorizeOrganiser, authorizeVisible, eventOf, sessionConflict, sessionOf } from './event-access.js';
import { eventsPolicy } from './events.policy.js';
import * as repo from './events.repository.js';
import { fillFreeSeats } from './seats.js';
import { renderSessionMails, sendAfterCommit } from './session-mails.js';
import { presentSession, titleIn } from './session-view.js';

// Organisers plan the sessions of an event; everyone who may see the event
// reads them. Changes end when a session starts (after that it is history,
// and attendance is taken against it as it was).

type Times = { startsAt: Date; endsAt: Date };

function checkTimes({ startsAt, endsAt }: Times, opts: { startMustBeFuture: boolean }, now: Date): void {
  if (opts.startMustBeFuture && startsAt.getTime() <= now.getTime()) throw AppError.validation('A session must start in the future.', { field: 'startsAt', issues: [{ path: ['startsAt'], message: 'must be in the future' }] });
  if (endsAt.getTime() <= startsAt.getTime()) throw AppError.validation('A session must end after it starts.', { field: 'endsAt', issues: [{ path: ['endsAt'], message: 'must be after the start' }] });
  if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_DAYS * 86_400_000) {
    throw AppError.validation(`A session lasts at most ${MAX_SESSION_DAYS} days.`, { field: 'endsAt', issues: [{ path: ['endsAt'], message: `at most ${MAX_SESSION_DAYS} days after the start` }] });
  }
}

async function sessionView(tx: TenantTx, municipalityId: string, sessionId: string, now: Date): Promise<LearningSession> {
  const [view] = await repo.sessionViews(tx, municipalityId, { sessionId }, null);
  if (!view) throw AppError.notFound('Session');
  return presentSession(view, now);
}

export async function listItemSessions(ctx: RequestContext, municipalityId: string, itemId: string): Promise<ItemSessionsResponse> {
  const p = authorizeVisible(ctx, municipalityId);
  const personId = eventsPolicy.learnerPersonId(p, municipalityId);
  const now = new Date();
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const item = await eventOf(tx, p, municipalityId, itemId);
    const sessions = (await repo.sessionViews(tx, municipalityId, { itemId }, personId)).map((v) => presentSession(v, now));
    const ended = (s: LearningSession) => new Date(s.endsAt).getTime() <= now.getTime();
    return {
      item: { id: item.id, title: titleIn(item.titles, p.preferredLanguage), status: item.status },
      canOrganise: eventsPolicy.organise(p, municipalityId),
      canSignUp: personId !== null,
      upcoming: sessions.filter((s) => !ended(s)),
      past: sessions.filter(ended).reverse(),
    };
  });
}

export async function createSession(ctx: RequestContext, municipalityId: string, itemId: string, body: CreateSessionBody): Promise<LearningSession> {
  const p = authorizeOrganiser(ctx, municipalityId);
  const now = new Date();
  const times = { startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) };
  checkTimes(times, { startMustBeFuture: true }, now);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    await eventOf(tx, p, municipalityId, itemId);
    const { id } = await tx
      .insertInto('learning_sessions')
      .values({
        municipality_id: municipalityId,
        item_id: itemId,
        starts_at: times.startsAt,
        ends_at: times.endsAt,
        location: body.location ?? null,
        online_url: body.onlineUrl ?? null,
        capacity: body.capacity ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = await sessionView(tx, municipalityId, id, now);
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'learning.session.create', entityType: 'learning_session', entityId: id, after: session });
    return session;
  });
}

/** Raising the seat limit (or removing it) lets the waiting list in, first in line first, and tells them. */
export async function updateSession(ctx: RequestContext, municipalityId: string, sessionId: string, body: UpdateSessionBody): Promise<LearningSession> {
  const p = authorizeOrganiser(ctx, municipalityId);
  const now = new Date();
  let mails: OutgoingMail[] = [];
  const result = await withTenant(ctx.db, municipalityId, async (tx) => {
    const { session: current, item } = await sessionOf(tx, p, municipalityId, sessionId, { lock: true });
    assertOpen(current, now);
    const times = { startsAt: body.startsAt ? new Date(body.startsAt) : current.starts_at, endsAt: body.endsAt ? new Date(body.endsAt) : current.ends_at };
    checkTimes(times, { startMustBeFuture: times.startsAt.getTime() !== current.starts_at.getTime() }, now);
    const capacity = body.capacity !== undefined ? body.capacity : current.capacity;
    if (capacity !== null) {
      const registered = await repo.countRegistered(tx, municipalityId, sessionId);
      if (capacity < registered) {
        throw sessionConflict('CAPACITY_BELOW_REGISTERED', `${registered} people are signed up; the session needs at least that many seats.`, { registered });
      }
    }
    const before = await sessionView(tx, municipalityId, sessionId, now);
    const changed = {
      starts_at: times.startsAt,
      ends_at: times.endsAt,
      capacity,
      ...(body.location !== undefined ? { location: body.location } : {}),
      ...(body.onlineUrl !== undefined ? { online_url: body.onlineUrl } : {}),
    };
    await tx.updateTable('learning_sessions').set(changed).where('municipality_id', '=', municipalityId).where('id', '=', sessionId).execute();
    const promoted = await fillFreeSeats(tx, municipalityId, { id: sessionId, capacity });
    const after = await sessionView(tx, municipalityId, sessionId, now);
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'learning.session.update', entityType: 'learning_session', entityId: sessionId, before, after: { ...after, promoted } });
    const updated = { ...current, ...changed, location: after.location, online_url: after.onlineUrl };
    mails = await renderSessionMails(tx, ctx, municipalityId, item, updated, 'promoted', promoted.map((id) => ({ personId: id })));
    return after;
  });
  sendAfterCommit(ctx, mails);
  return result;
}

/** Everyone signed up or waiting hears about it; their rows stay, so the history shows who had signed up. */
export async function cancelSession(ctx: RequestContext, municipalityId: string, sessionId: string): Promise<LearningSession> {
  const p = authorizeOrganiser(ctx, municipalityId);
  const now = new Date();
  let mails: OutgoingMail[] = [];
  const result = await withTenant(ctx.db, municipalityId, async (tx) => {
    const { session, item } = await sessionOf(tx, p, municipalityId, sessionId, { lock: true });
    assertOpen(session, now);
    await tx.updateTable('learning_sessions').set({ cancelled_at: now }).where('municipality_id', '=', municipalityId).where('id', '=', sessionId).execute();
    const people = (await repo.registrationsOf(tx, municipalityId, sessionId)).filter((r) => r.status !== 'cancelled');
    const after = await sessionView(tx, municipalityId, sessionId, now);
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'learning.session.cancel', entityType: 'learning_session', entityId: sessionId, after: { ...after, notified: people.length } });
    mails = await renderSessionMails(tx, ctx, municipalityId, item, session, 'cancelled', people.map((r) => ({ personId: r.person_id })));
    return after;
  });
  sendAfterCommit(ctx, mails);
  return result;
}
