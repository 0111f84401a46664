import { hasMunicipalRole, unitsWithRole } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';

/** Whose certificates a principal may see besides their own. */
export type CertificateScope = { kind: 'all' } | { kind: 'units'; rootUnitIds: string[] } | { kind: 'none' };

// A certificate is personal: its holder sees it, and so do those who follow up
// people's competence (advisors, administrators, leaders of the whole
// municipality, and unit leaders for people in their units and below). Only
// an administrator revokes one or manages the keys that sign badges. Network,
// platform and ombud roles see no one's certificates.
export const certificatesPolicy = {
  /** The principal's own employee record in the municipality, or null. */
  ownPersonId: (p: Principal, municipalityId: string): string | null => p.persons.find((x) => x.municipalityId === municipalityId)?.personId ?? null,
  othersScope(p: Principal, municipalityId: string): CertificateScope {
    if (hasMunicipalRole(p, municipalityId, ['municipal_admin', 'competence_advisor', 'leader'])) return { kind: 'all' };
    const units = unitsWithRole(p, municipalityId, ['leader']);
    return units.length > 0 ? { kind: 'units', rootUnitIds: units } : { kind: 'none' };
  },
  revoke: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, ['municipal_admin']),
  manageKeys: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, ['municipal_admin']),
};
