import { hasMunicipalRole, unitsWithRole } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';

// Who assigns learning. Administrators, competence advisors and leaders for
// the whole municipality assign to anyone; a leader of units assigns only to
// people and units in their unit subtrees (a profession or role profile
// reaches beyond them, so those targets need the whole municipality). The
// subtree check itself needs the unit tree: the service does it with the units
// this policy returns.

export type AssignmentAccess = { scope: 'municipality' } | { scope: 'units'; unitIds: string[] };

export const assignmentsPolicy = {
  access(p: Principal, municipalityId: string): AssignmentAccess | null {
    if (hasMunicipalRole(p, municipalityId, ['municipal_admin', 'competence_advisor', 'leader'])) return { scope: 'municipality' };
    const unitIds = unitsWithRole(p, municipalityId, ['leader']);
    return unitIds.length > 0 ? { scope: 'units', unitIds } : null;
  },
  /** Targets that reach past any unit subtree. */
  needsMunicipalScope: (kind: string) => kind === 'profession' || kind === 'role_profile',
};

/** The learner is the signed-in user's own employee record here, whatever their roles. */
export const learnerPersonId = (p: Principal, municipalityId: string): string | null => p.persons.find((x) => x.municipalityId === municipalityId)?.personId ?? null;
