import type { TenantTx } from '../../../db/tenant.js';
import * as repo from './events.repository.js';

/**
 * Moves people from the waiting list into free seats, first in line first,
 * and answers who moved. The caller holds the session row's lock, so no
 * sign-up can take the same seat meanwhile. Without a seat limit everyone in
 * line gets in.
 */
export async function fillFreeSeats(tx: TenantTx, municipalityId: string, session: { id: string; capacity: number | null }): Promise<string[]> {
  let free: number | null = null;
  if (session.capacity !== null) {
    free = session.capacity - (await repo.countRegistered(tx, municipalityId, session.id));
    if (free <= 0) return [];
  }
  const promoted = await repo.firstWaitlisted(tx, municipalityId, session.id, free);
  await repo.setStatus(tx, municipalityId, session.id, promoted, 'registered');
  return promoted;
}
