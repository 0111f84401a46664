import { hasMunicipalRole, unitsWithRole } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

/** Whose individual profiles a principal may see (and rate) in a municipality. */
export type PeopleScope = { kind: 'all' } | { kind: 'units'; rootUnitIds: string[] } | { kind: 'none' };

// Individual competence profiles are personal data about named people. Those
// who plan their competence see them: competence advisors, municipal
// administrators and leaders for the whole municipality see everyone invited;
// a leader of units sees the people who work in those units or below them (by
// any of their units, or the unit the invitation counts them in). The same
// people may be rated by the same callers, never by themselves. Ombud,
// employees, network and platform roles see no one's profile (their own is
// under /me/competence-profiles).
export const profilesPolicy = {
  scope(p: Principal, municipalityId: string): PeopleScope {
    if (hasMunicipalRole(p, municipalityId, ['competence_advisor', 'municipal_admin', 'leader'])) return { kind: 'all' };
    const units = unitsWithRole(p, municipalityId, ['leader']);
    return units.length > 0 ? { kind: 'units', rootUnitIds: units } : { kind: 'none' };
  },
  /** The caller's own employee record in this municipality is never theirs to rate. */
  isSelf: (p: Principal, municipalityId: string, personId: string) => p.persons.some((x) => x.municipalityId === municipalityId && x.personId === personId),
};
