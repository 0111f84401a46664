import type { Cmi5Session } from '../../../shared/api/cmi5.js';
import type { TenantTx } from '../../db/tenant.js';
import type { Course } from './cmi5.course.js';
import { updateSession, type RegistrationRow, type SessionRow } from './cmi5.repository.js';
import { abandonedStatement } from './cmi5.statements.js';

// Ending a session without "terminated" (cmi5 9.3.6): the LMS records
// "abandoned" once, with the time from the launch to the AU's last
// statement, and from then on the session's token opens nothing.

export function sessionState(s: SessionRow, now = Date.now()): Cmi5Session['state'] {
  if (s.abandoned_at) return 'abandoned';
  if (s.terminated_at) return 'terminated';
  if (s.expires_at.getTime() <= now) return 'expired';
  return s.initialized_at ? 'initialized' : 'launched';
}

export function presentSession(s: SessionRow): Cmi5Session {
  const ended = s.abandoned_at ?? s.terminated_at;
  return {
    sessionId: s.id,
    registration: s.registration_id,
    auId: s.au_id,
    launchMode: s.launch_mode,
    state: sessionState(s),
    launchedAt: s.launched_at.toISOString(),
    endedAt: ended ? ended.toISOString() : null,
  };
}

/** Marks the sessions abandoned in the caller's transaction; returns the abandoned statements to store once it commits. */
export async function abandon(tx: TenantTx, municipalityId: string, registration: RegistrationRow, course: Course, sessions: SessionRow[]): Promise<object[]> {
  const statements: object[] = [];
  const now = new Date();
  for (const session of sessions) {
    await updateSession(tx, municipalityId, session.id, { abandoned_at: now });
    session.abandoned_at = now;
    const au = course.aus.find((a) => a.id === session.au_id);
    if (!au) continue;
    const until = session.last_statement_at ?? session.launched_at;
    statements.push(abandonedStatement({ actor: registration.actor, registration: registration.id, sessionId: session.id }, au, until.getTime() - session.launched_at.getTime(), now));
  }
  return statements;
}
