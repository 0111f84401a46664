import { hasMunicipalRole, unitsWithRole } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

/** Which units' rows (response rates, code lists) a principal may see. */
export type UnitScope = { kind: 'all' } | { kind: 'units'; rootUnitIds: string[] } | { kind: 'none' };

const MANAGERS = ['competence_advisor', 'municipal_admin'] as const;

function leaderScope(p: Principal, municipalityId: string): UnitScope {
  if (hasMunicipalRole(p, municipalityId, [...MANAGERS, 'leader'])) return { kind: 'all' };
  const units = unitsWithRole(p, municipalityId, ['leader']);
  return units.length > 0 ? { kind: 'units', rootUnitIds: units } : { kind: 'none' };
}

// Campaigns are run by competence advisors and administrators. Leaders follow
// them for their own units: they read campaigns, see the response rate of their
// units (never who answered) and print the shared-device codes of their staff.
// Answering needs no account: the link token or code is the authorisation, or
// the signed-in person the invitation belongs to.
export const mappingPolicy = {
  manage: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, MANAGERS),
  read: (p: Principal, municipalityId: string) => leaderScope(p, municipalityId).kind !== 'none',
  progressScope: leaderScope,
  codesScope: leaderScope,
  /** Opening one's own invitation by id, signed in. */
  ownsInvitation: (p: Principal | null, invitation: { municipalityId: string; personId: string }) =>
    !!p?.persons.some((x) => x.municipalityId === invitation.municipalityId && x.personId === invitation.personId),
};
