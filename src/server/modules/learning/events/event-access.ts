import type { SessionConflict } from '../../../../shared/api/learning-sessions.js';
import type { TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';
import { eventsPolicy } from './events.policy.js';
import * as repo from './events.repository.js';

// The checks every sessions route starts with. An item that is not an event,
// or that the caller may not see (a draft, to a learner), answers "not found"
// like a missing one: sessions exist only for events the caller can see.

export function authorizeVisible(ctx: RequestContext, municipalityId: string): Principal {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  return p;
}

export function authorizeOrganiser(ctx: RequestContext, municipalityId: string): Principal {
  const p = authorizeVisible(ctx, municipalityId);
  if (!eventsPolicy.organise(p, municipalityId)) throw AppError.forbidden('Only organisers (administrators, competence advisors and leaders) can do this.');
  return p;
}

/** The learner's own person here; without one there is nobody to sign up. */
export function authorizeLearner(ctx: RequestContext, municipalityId: string): { principal: Principal; personId: string } {
  const principal = authorizeVisible(ctx, municipalityId);
  const personId = eventsPolicy.learnerPersonId(principal, municipalityId);
  if (!personId) throw AppError.forbidden('Only employees of the municipality can sign up, and only themselves.');
  return { principal, personId };
}

export async function eventOf(tx: TenantTx, p: Principal, municipalityId: string, itemId: string): Promise<repo.EventItem> {
  const item = await repo.findItem(tx, municipalityId, itemId);
  if (!item || item.kind !== 'event' || !eventsPolicy.seeItem(p, municipalityId, item.status)) throw AppError.notFound('Event');
  return item;
}

/** The session and its event; `lock` holds the session row until commit. */
export async function sessionOf(tx: TenantTx, p: Principal, municipalityId: string, sessionId: string, opts: { lock?: boolean } = {}) {
  const session = await repo.findSession(tx, municipalityId, sessionId, opts);
  if (!session) throw AppError.notFound('Session');
  const item = await repo.findItem(tx, municipalityId, session.item_id);
  if (!item || !eventsPolicy.seeItem(p, municipalityId, item.status)) throw AppError.notFound('Session');
  return { session, item };
}

export function sessionConflict(reason: SessionConflict, message: string, extra: Record<string, unknown> = {}): AppError {
  return AppError.conflict(message, { reason, ...extra });
}

/** Sign-up, leaving and changes end when a session starts; a cancelled one takes nothing at all. */
export function assertOpen(session: repo.SessionRow, now: Date): void {
  if (session.cancelled_at) throw sessionConflict('SESSION_CANCELLED', 'This session has been cancelled.');
  if (session.starts_at.getTime() <= now.getTime()) throw sessionConflict('SESSION_STARTED', 'This session has already started.');
}
