import { hasMunicipalRole, unitsWithRole } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';

// Who may do what with classroom sessions. Organisers (municipal admins,
// competence advisors and leaders, at municipality or unit scope) plan
// sessions and take attendance; a leader's session is often for people outside
// their own units, so the registration list of a session is the organisers'
// whole working list, not filtered by unit. Everyone who can see the
// municipality sees a published event's sessions (dates, places, seat counts:
// no personal data); drafts and archived events only organisers. Signing up is
// for oneself only, through the signed-in account's own employee record.

export const eventsPolicy = {
  organise: (p: Principal, municipalityId: string): boolean =>
    hasMunicipalRole(p, municipalityId, ['municipal_admin', 'competence_advisor', 'leader']) || unitsWithRole(p, municipalityId, ['leader']).length > 0,

  seeItem: (p: Principal, municipalityId: string, status: 'draft' | 'published' | 'archived'): boolean =>
    status === 'published' || eventsPolicy.organise(p, municipalityId),

  /** The person the principal signs up as in this municipality, or null. */
  learnerPersonId: (p: Principal, municipalityId: string): string | null => p.persons.find((x) => x.municipalityId === municipalityId)?.personId ?? null,
};
