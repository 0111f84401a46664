import { hasMunicipalRole, isPlatformAdmin, unitsWithRole } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

/** What an analyst-type caller may compare: national groups, and which networks. */
export type AnalystScope = { networks: 'all' | string[] };

// Comparisons show aggregates of whole municipalities, never a person and never
// a single other municipality. Inside a municipality, those who plan with the
// figures see them (advisors, administrators, leaders at any scope); only the
// administrator decides whether the municipality shares its figures nationally.
// Across municipalities, analysts and network coordinators see group figures:
// their own networks and the national groups (a platform-wide analyst or a
// platform administrator every network).
export const benchmarksPolicy = {
  readMunicipality: (p: Principal, municipalityId: string) =>
    hasMunicipalRole(p, municipalityId, ['competence_advisor', 'municipal_admin', 'leader']) || unitsWithRole(p, municipalityId, ['leader']).length > 0,
  manageSharing: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, ['municipal_admin']),
  analystScope(p: Principal): AnalystScope | null {
    if (isPlatformAdmin(p) || p.grants.some((g) => g.role === 'analyst' && g.scopeType === 'platform')) return { networks: 'all' };
    const roles = p.grants.filter((g) => g.role === 'analyst' || g.role === 'network_coordinator');
    if (roles.length === 0) return null;
    return { networks: [...new Set(roles.filter((g) => g.scopeType === 'network' && g.networkId).map((g) => g.networkId as string))] };
  },
};
